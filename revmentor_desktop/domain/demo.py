"""Synthetic demo data: a realistic programme to try the app, train coordinators and test scale.

``generate_demo`` fills the open, empty data file with people, cohorts of every kind, pairs in
every status, goals and sessions. Everything is drawn from one seeded random generator and the
given ``today``, so the same arguments always give the same data file contents. Rows go in
with bulk inserts inside one transaction, so ten thousand people and a hundred thousand
sessions take seconds; the rules the domain functions enforce one by one (enrolled roles,
capacities, no self-mentoring, held sessions in the past and after the pair's start, managers
without cycles) hold by construction instead.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from peewee import Field, Model, fn

from revmentor_desktop.domain.clock import system_clock
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.text import email_key, fold
from revmentor_desktop.domain.topics import CLASSIC_TOPICS, REVERSE_MENTORING_TOPICS
from revmentor_desktop.domain.vocabulary import (
    END_EARLY_REASONS,
    CancelledBy,
    CohortKind,
    MeetingFormat,
    PairStatus,
    Role,
    SessionStatus,
)
from revmentor_desktop.storage.models import (
    Cohort,
    Goal,
    Meeting,
    Pair,
    Participation,
    Person,
    Skill,
    TagListField,
    database_proxy,
)

MIN_PEOPLE = 2
FULL_DEMO_PEOPLE = 20  # from here on every status, kind and health level is shown
EMAIL_DOMAIN = "northwind.example"  # a reserved top-level domain: no real mailbox
CONSENT_WORDING = (
    "I agree that the programme coordinator keeps my contact details, skills and the dates "
    "of my mentoring sessions for running the mentoring programme."
)


@dataclass(frozen=True)
class DemoSummary:
    """How much the demo created."""

    people: int
    cohorts: int
    pairs: int
    sessions: int


# --- Vocabulary of the fictional organisation ---------------------------------------------

# Seniority bands, from the top down: managers are always in a higher band, so the
# management hierarchy can have no cycles.
EXECUTIVE, SENIOR, MID, JUNIOR = 0, 1, 2, 3
_BAND_SHARE = {EXECUTIVE: 0.04, SENIOR: 0.18, MID: 0.36}
_BAND_GRADES = {EXECUTIVE: (10, 12), SENIOR: (7, 9), MID: (4, 6), JUNIOR: (1, 3)}
_BAND_TENURE_DAYS = {
    EXECUTIVE: (8 * 365, 28 * 365),
    SENIOR: (5 * 365, 18 * 365),
    MID: (2 * 365, 9 * 365),
    JUNIOR: (30, 3 * 365),
}
CEO_GRADE, CHIEF_GRADE = 14, 13

# Department: (weight, what someone there is called).
_DEPARTMENTS: dict[str, tuple[int, str]] = {
    "Sales": (14, "Account Manager"),
    "IT": (13, "Software Engineer"),
    "Operations": (12, "Operations Analyst"),
    "Customer Service": (10, "Customer Advisor"),
    "Finance": (9, "Financial Analyst"),
    "Marketing": (8, "Marketing Specialist"),
    "Human Resources": (7, "HR Business Partner"),
    "Research & Development": (7, "Research Scientist"),
    "Supply Chain": (6, "Supply Chain Planner"),
    "Legal": (4, "Legal Counsel"),
    "Procurement": (4, "Buyer"),
    "Communications": (4, "Communications Officer"),
}
_CHIEFS: tuple[tuple[str, str], ...] = (
    ("Finance", "Chief Financial Officer"),
    ("Operations", "Chief Operating Officer"),
    ("IT", "Chief Technology Officer"),
    ("Human Resources", "Chief People Officer"),
    ("Marketing", "Chief Marketing Officer"),
)
_TITLES = {
    JUNIOR: ("Junior {noun}", "Graduate {noun}", "Trainee {noun}", "{noun} Apprentice"),
    MID: ("{noun}", "{noun}", "Specialist, {dept}"),
    SENIOR: ("Senior {noun}", "Lead {noun}", "{dept} Manager", "Principal {noun}"),
    EXECUTIVE: ("Head of {dept}", "Director, {dept}", "Vice President, {dept}"),
}

_LOCATIONS: dict[str, int] = {
    "London": 14,
    "Berlin": 10,
    "Paris": 9,
    "Amsterdam": 7,
    "Madrid": 6,
    "Dublin": 6,
    "Warsaw": 6,
    "Zürich": 4,
    "Istanbul": 5,
    "Dubai": 4,
    "Bengaluru": 6,
    "Singapore": 5,
    "Shanghai": 4,
    "New York": 7,
    "Toronto": 4,
    "São Paulo": 4,
    "Remote": 8,
}
_MEETING_FORMATS: dict[str, int] = {
    MeetingFormat.EITHER.value: 45,
    MeetingFormat.VIDEO_CALL.value: 30,
    MeetingFormat.IN_PERSON.value: 20,
    MeetingFormat.PHONE.value: 5,
}

# Given names and family names by naming tradition, with their accents.
_CULTURES: tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        16,
        ("Oliver", "Amelia", "Harry", "Isla", "Jack", "Emily", "Noah", "Sophie", "James",
         "Grace", "Zoë", "Chloë", "Daniel", "Hannah", "Samuel", "Ruth"),
        ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas",
         "Roberts", "Walker", "Hughes", "Clarke", "Martin", "Bennett"),
    ),
    (
        5,
        ("Siobhán", "Seán", "Aoife", "Niamh", "Ciarán", "Pádraig", "Róisín", "Eoin"),
        ("Ó Súilleabháin", "Ó Briain", "Ó Ceallaigh", "Mac Giolla", "Murphy", "Kelly",
         "Byrne", "Walsh"),
    ),
    (
        10,
        ("Jörg", "Jürgen", "Lena", "Lukas", "Anja", "Björn", "Mia", "Felix", "Käthe", "Uwe",
         "Henrike", "Maximilian"),
        ("Müller", "Schäfer", "Schröder", "Weiß", "Becker", "Hoffmann", "Köhler", "Wagner",
         "Krüger", "Neumann"),
    ),
    (
        9,
        ("Agnès", "Hélène", "Jérôme", "Léa", "Chloé", "François", "Benoît", "Amélie", "Théo",
         "Noémie", "Gaël"),
        ("Dubois", "Lefèvre", "Moreau", "Girard", "Fontaine", "Rousseau", "Lemaître",
         "Bélanger", "Faure"),
    ),
    (
        8,
        ("José", "María", "Lucía", "Álvaro", "Iñigo", "Sofía", "Mateo", "Camila", "Andrés",
         "Begoña"),
        ("García", "Fernández", "Núñez", "Peña", "Ibáñez", "López", "Martínez", "Rodríguez",
         "Gómez"),
    ),
    (
        4,
        ("João", "Conceição", "Gonçalo", "Inês", "Thiago", "Beatriz"),
        ("Gonçalves", "Araújo", "Simões", "Magalhães", "Silva", "Costa"),
    ),
    (
        4,
        ("Åsa", "Søren", "Ingrid", "Lars", "Sigrún", "Mikael", "Freja", "Øystein"),
        ("Johansson", "Nørgaard", "Lindqvist", "Åberg", "Jónsdóttir", "Halvorsen"),
    ),
    (
        5,
        ("Małgorzata", "Łukasz", "Zofia", "Wojciech", "Agnieszka", "Tomáš", "Zuzana"),
        ("Nowak", "Kowalczyk", "Dvořák", "Novák", "Wójcik", "Zieliński", "Świątek"),
    ),
    (
        5,
        ("Emre", "Ayşe", "Mehmet", "Elif", "Oğuz", "Zeynep", "Çağla", "Burak"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın"),
    ),
    (
        8,
        ("Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Aditi", "Sanjay"),
        ("Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Menon", "Chatterjee"),
    ),
    (
        6,
        ("Wei", "Jing", "Hao", "Mei", "Xiaoming", "Yan", "Jun", "Lina"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Huang", "Zhao", "Lü"),
    ),
    (
        6,
        ("Mohammed", "Fatima", "Omar", "Layla", "Youssef", "Nour", "Karim", "Amira"),
        ("Al-Sayed", "Haddad", "Khalil", "Mansour", "El-Amin", "Nasser", "Farouk"),
    ),
    (
        5,
        ("Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Kwame", "Abena", "Tunde", "Folake"),
        ("Okafor", "Adeyemi", "Mensah", "Okonkwo", "Boateng", "Nwosu", "Adebayo"),
    ),
    (
        3,
        ("Haruto", "Yui", "Sōta", "Aoi", "Ren", "Sakura"),
        ("Satō", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Itō"),
    ),
    (
        3,
        ("Minh", "Lan", "Hương", "Tuấn", "Thảo", "Đức"),
        ("Nguyễn", "Trần", "Phạm", "Lê", "Đặng"),
    ),
)  # fmt: skip
_CULTURE_WEIGHTS = tuple(weight for weight, _, _ in _CULTURES)

# Names written in their own script, with the address their owner uses.
_NATIVE_SCRIPT_NAMES: tuple[tuple[str, str], ...] = (
    ("李娜", "li.na"),
    ("王伟", "wang.wei"),
    ("张敏", "zhang.min"),
    ("محمد", "mohammed"),
    ("محمد العلي", "mohammed.alali"),
    ("فاطمة حسن", "fatima.hassan"),
    ("Ольга Иванова", "olga.ivanova"),
    ("Дмитрий Соколов", "dmitry.sokolov"),
    ("佐藤 花子", "hanako.sato"),
    ("김민준", "minjun.kim"),
    ("Νίκος Παπαδόπουλος", "nikos.papadopoulos"),
    ("प्रिया शर्मा", "priya.sharma"),
)
NATIVE_SCRIPT_SHARE = 0.03

# Always present (when there are enough people), so accent-insensitive search can be shown.
_SHOWCASE_NAMES: tuple[tuple[str, str | None], ...] = (
    ("Zoë Martin", None),
    ("Jörg Schäfer", None),
    ("Agnès Lefèvre", None),
    ("Siobhán Ó Súilleabháin", None),
    ("Emre Yılmaz", None),
    ("李娜", "li.na"),
    ("محمد", "mohammed"),
)

_PERSON_NOTES = (
    "Prefers mornings.",
    "Part-time: Monday to Thursday.",
    "Asked to be matched outside their own department.",
    "Interested in becoming a mentor next year.",
    "Back from parental leave in the spring.",
    "Travels a lot; video calls work best.",
)
_ASCII = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "ł": "l", "đ": "d", "œ": "oe", "þ": "th"})


# --- Cohorts, pairs and sessions ----------------------------------------------------------

_KIND_TITLE = {
    CohortKind.REVERSE: "Reverse mentoring",
    CohortKind.TRADITIONAL: "Traditional mentoring",
    CohortKind.MUTUAL: "Mutual mentoring",
}
_COHORT_THEMES = {
    CohortKind.REVERSE: ("Digital leadership", "AI literacy", "Social media for leaders",
                         "Hybrid work", "Executive board", "Security awareness"),
    CohortKind.TRADITIONAL: ("Graduate programme", "New managers", "Women in leadership",
                             "Sales academy", "Future leaders", "Engineering"),
    CohortKind.MUTUAL: ("Cross-generational", "Peer learning circle", "Inclusion partners",
                        "Across borders", "Buddy programme"),
}  # fmt: skip
_CADENCES = {
    CohortKind.REVERSE: (21, 28),
    CohortKind.TRADITIONAL: (28, 30),
    CohortKind.MUTUAL: (14, 21),
}
_SESSION_MINUTES = (45, 60, 60, 60, 90)

# How pairs of a running cohort stand: status, and for active pairs how recently they met.
GREEN, AMBER, RED, NEW, WAITING = "green", "amber", "red", "new", "waiting"
_RUNNING_STATES: tuple[tuple[int, str, str], ...] = (
    (53, PairStatus.ACTIVE, GREEN),
    (9, PairStatus.ACTIVE, AMBER),
    (6, PairStatus.ACTIVE, RED),
    (7, PairStatus.PAUSED, ""),
    (9, PairStatus.PROPOSED, ""),
    (6, PairStatus.COMPLETED, ""),
    (10, PairStatus.ENDED_EARLY, ""),
)
# The first pairs of the running cohorts take these, so even a small demo shows them all;
# the two active pairs without a session yet (new, waiting) appear only here.
_FORCED_RUNNING_STATES: tuple[tuple[str, str], ...] = (
    (PairStatus.ACTIVE, GREEN),
    (PairStatus.ACTIVE, AMBER),
    (PairStatus.ACTIVE, RED),
    (PairStatus.ACTIVE, NEW),
    (PairStatus.PAUSED, ""),
    (PairStatus.PROPOSED, ""),
    (PairStatus.ENDED_EARLY, ""),
    (PairStatus.COMPLETED, ""),
    (PairStatus.ACTIVE, WAITING),
    (PairStatus.ACTIVE, RED),
    (PairStatus.ACTIVE, AMBER),
)

_GOALS = {
    CohortKind.REVERSE: (
        ("mentee", "Use {topic} confidently with my own team"),
        ("mentee", "Understand how younger colleagues use {topic}"),
        ("mentee", "Run one team meeting using {topic}"),
        ("mentor", "Learn how senior leaders decide on {topic}"),
        ("mentor", "Present a proposal on {topic} to the leadership team"),
    ),
    CohortKind.TRADITIONAL: (
        ("mentee", "Get better at {topic}"),
        ("mentee", "Agree a development plan around {topic}"),
        ("mentee", "Take on a stretch assignment involving {topic}"),
        ("mentor", "Practise coaching rather than telling"),
    ),
    CohortKind.MUTUAL: (
        ("both", "Swap practical tips on {topic}"),
        ("both", "Each try one new habit around {topic}"),
        ("both", "Build a cross-team network through {topic}"),
    ),
}
_MENTOR_TAKEAWAYS = (
    "Explaining {topic} without jargon was harder than expected.",
    "Saw how {topic} looks from the other side of the table.",
    "Good questions about {topic}; I need to prepare examples next time.",
    "Realised how much context I take for granted on {topic}.",
    "We agreed a small experiment with {topic} before we meet again.",
)
_MENTEE_TAKEAWAYS = (
    "Tried {topic} during the session and will use it this week.",
    "Clearer picture of {topic}; next step is to practise with my team.",
    "Useful tips on {topic}, especially the pitfalls to avoid.",
    "I will read up on {topic} and bring questions next time.",
    "Changed my mind about {topic}: worth the effort.",
)
_CANCEL_NOTES = {
    CancelledBy.MENTOR: ("Mentor travelling.", "Mentor off sick.", "Clashed with a deadline."),
    CancelledBy.MENTEE: ("Mentee on leave.", "Clashed with a client visit.", "Mentee unwell."),
    CancelledBy.COORDINATOR: ("Moved for the all-staff meeting.", "Room not available."),
}
_PAIR_NOTES = (
    "Both asked for a check-in after three sessions.",
    "Agreed to meet alternately in each other's office.",
    "Mentee asked for a mentor outside their reporting line.",
    "Check in about the workload before the next session.",
)


@dataclass(slots=True)
class _Person:
    id: int
    band: int
    grade: int
    department: str
    name: str = ""
    email: str = ""
    job_title: str = ""
    manager_id: int | None = None
    hire_date: date | None = None
    location: str = ""
    meeting_format: str = MeetingFormat.EITHER.value
    consent_date: date | None = None
    archived: bool = False
    notes: str = ""
    teaches: list[str] = field(default_factory=list)
    learns: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Cohort:
    id: int
    name: str
    kind: CohortKind
    start: date
    end: date
    cadence: int
    minutes: int
    phase: str  # finished / running / upcoming
    archived: bool = False


@dataclass(slots=True)
class _Pair:
    id: int
    cohort: _Cohort
    mentor: _Person
    mentee: _Person
    status: str = PairStatus.PROPOSED.value
    profile: str = ""
    start: date | None = None
    end: date | None = None
    focus: list[str] = field(default_factory=list)
    window: tuple[date, date] | None = None  # when its past sessions fall
    future: int = 0  # planned sessions still to come
    overdue: bool = False  # its last past session is still marked planned


# --- Entry point --------------------------------------------------------------------------


def generate_demo(
    people: int = 120, sessions: int = 1500, seed: int = 1, today: date | None = None
) -> DemoSummary:
    """Fill the open, empty data file with a synthetic programme and say how much it holds.

    Exactly ``people`` people are created, and exactly ``sessions`` sessions whenever there
    is a pair to hold them (always from ``FULL_DEMO_PEOPLE`` people on, which also show every
    cohort kind, pair status and health level); the number of cohorts and pairs follows from
    the number of people. ``today`` (the system date by default) anchors every date, so the
    same ``seed`` and ``today`` always give the same data.
    Raises ``ValidationError`` for fewer than ``MIN_PEOPLE`` people or negative sessions and
    ``RuleViolation`` when the data file already holds people or cohorts.
    """
    problems = {}
    if people < MIN_PEOPLE:
        problems["people"] = f"The demo needs at least {MIN_PEOPLE} people."
    if sessions < 0:
        problems["sessions"] = "The number of sessions cannot be negative."
    if problems:
        raise ValidationError(problems)
    if Person.select().exists() or Cohort.select().exists():
        raise RuleViolation(
            "This data file already holds people or cohorts; create a new, empty data file "
            "for the demo."
        )
    today = today or system_clock().date()
    rng = random.Random(seed)
    with database_proxy.atomic():
        staff = _make_people(rng, people, today, _next_id(Person))
        cohorts = _make_cohorts(rng, people, today, _next_id(Cohort))
        enrolments = _enrol(rng, staff, cohorts)
        pairs = _make_pairs(rng, cohorts, enrolments, today, _next_id(Pair))
        meetings = _make_sessions(rng, pairs, sessions, today)
        _insert_people(staff, today)
        _insert_cohorts(cohorts)
        _insert(
            Participation,
            [Participation.cohort, Participation.person, Participation.role,
             Participation.capacity],
            [(cohort.id, person.id, role, capacity)
             for cohort in cohorts for person, role, capacity in enrolments[cohort.id]],
        )  # fmt: skip
        _insert_pairs(rng, pairs, today)
        _insert_meetings(meetings, _next_id(Meeting))
    return DemoSummary(len(staff), len(cohorts), len(pairs), len(meetings))


def _next_id(model: type[Model]) -> int:
    return int(model.select(fn.MAX(model.id)).scalar() or 0) + 1


def _insert(model: type[Model], fields: Sequence[Field], rows: list[tuple[Any, ...]]) -> None:
    """Bulk insert of rows whose values already have the fields' Python types.

    ``insert_many`` renders every value into the SQL text, which takes most of the time at
    100 000 sessions; one prepared statement run with ``executemany`` stores the same values
    several times faster. Dates and times go through the adapters peewee registers, as with
    ``insert_many``; tag lists are turned into JSON by their field.
    """
    columns = ", ".join(f'"{field_.column_name}"' for field_ in fields)
    marks = ", ".join("?" for _ in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    tag_columns = [i for i, field_ in enumerate(fields) if isinstance(field_, TagListField)]
    if not tag_columns:
        database_proxy.cursor().executemany(sql, rows)
        return
    stored = [list(row) for row in rows]
    for row in stored:
        for index in tag_columns:
            row[index] = fields[index].db_value(row[index])
    database_proxy.cursor().executemany(sql, stored)


def _moment(day: date, rng: random.Random) -> datetime:
    """A plausible office-hours time on ``day``."""
    hour = rng.choice((8, 9, 10, 11, 13, 14, 15, 16))
    return datetime.combine(day, time(hour, rng.choice((0, 0, 15, 30, 30, 45))))


def _days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, max(low, high)))


# --- People -------------------------------------------------------------------------------


def _ascii(text: str) -> str:
    return "".join(
        char for char in fold(text).translate(_ASCII) if char.isascii() and char.isalnum()
    )


def _random_name(rng: random.Random) -> tuple[str, str]:
    """A display name and the local part of its e-mail address."""
    if rng.random() < NATIVE_SCRIPT_SHARE:
        return rng.choice(_NATIVE_SCRIPT_NAMES)
    _, given, family = rng.choices(_CULTURES, weights=_CULTURE_WEIGHTS)[0]
    first, last = rng.choice(given), rng.choice(family)
    return f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}"


def _band_sizes(people: int) -> dict[int, int]:
    """How many people in each band, from the top down; there is always one executive."""
    sizes: dict[int, int] = {}
    left = people
    for band, share in _BAND_SHARE.items():
        sizes[band] = min(left, max(1 if band == EXECUTIVE else 0, round(people * share)))
        left -= sizes[band]
    sizes[JUNIOR] = left
    return sizes


def _make_people(rng: random.Random, count: int, today: date, first_id: int) -> list[_Person]:
    departments = list(_DEPARTMENTS)
    weights = [weight for weight, _ in _DEPARTMENTS.values()]
    staff: list[_Person] = []
    by_band_dept: dict[tuple[int, str], list[_Person]] = {}
    by_band: dict[int, list[_Person]] = {band: [] for band in (EXECUTIVE, SENIOR, MID, JUNIOR)}
    chiefs: dict[str, _Person] = {}
    for band, size in _band_sizes(count).items():
        low, high = _BAND_GRADES[band]
        for _ in range(size):
            department = rng.choices(departments, weights=weights)[0]
            person = _Person(len(staff) + first_id, band, rng.randint(low, high), department)
            noun = _DEPARTMENTS[department][1]
            person.job_title = rng.choice(_TITLES[band]).format(noun=noun, dept=department)
            if not staff:
                person.department, person.job_title = "Executive Office", "Chief Executive Officer"
                person.grade = CEO_GRADE
            elif band == EXECUTIVE and len(chiefs) < len(_CHIEFS):
                person.department, person.job_title = _CHIEFS[len(chiefs)]
                person.grade = CHIEF_GRADE
                chiefs[person.department] = person
            person.manager_id = _pick_manager(rng, person, staff, chiefs, by_band, by_band_dept)
            staff.append(person)
            by_band[band].append(person)
            by_band_dept.setdefault((band, department), []).append(person)
    _describe_people(rng, staff, today)
    return staff


def _pick_manager(
    rng: random.Random,
    person: _Person,
    staff: list[_Person],
    chiefs: dict[str, _Person],
    by_band: dict[int, list[_Person]],
    by_band_dept: dict[tuple[int, str], list[_Person]],
) -> int | None:
    """Someone of a higher band, already created: the hierarchy cannot loop."""
    if not staff:
        return None
    ceo = staff[0]
    if person.band == EXECUTIVE:
        chief = chiefs.get(person.department)
        return chief.id if chief is not None and chief is not person else ceo.id
    higher = {SENIOR: (EXECUTIVE,), MID: (SENIOR,), JUNIOR: (SENIOR, MID)}[person.band]
    for band in higher:
        same_department = by_band_dept.get((band, person.department))
        if same_department:
            return rng.choice(same_department).id
    for band in higher:
        if by_band[band]:
            return rng.choice(by_band[band]).id
    return ceo.id


def _describe_people(rng: random.Random, staff: list[_Person], today: date) -> None:
    locations, location_weights = list(_LOCATIONS), list(_LOCATIONS.values())
    formats, format_weights = list(_MEETING_FORMATS), list(_MEETING_FORMATS.values())
    names = [_random_name(rng) for _ in staff]
    if len(staff) >= 2 * len(_SHOWCASE_NAMES):
        places = rng.sample(range(len(staff)), len(_SHOWCASE_NAMES))
        for place, (name, local) in zip(places, _SHOWCASE_NAMES, strict=True):
            first, _, last = name.partition(" ")
            names[place] = (name, local or f"{_ascii(first)}.{_ascii(last)}")
    taken: dict[str, int] = {}
    for person, (name, local) in zip(staff, names, strict=True):
        taken[local] = taken.get(local, 0) + 1
        suffix = str(taken[local]) if taken[local] > 1 else ""
        person.name = name
        person.email = f"{local}{suffix}@{EMAIL_DOMAIN}"
        person.hire_date = today - _days(rng, *_BAND_TENURE_DAYS[person.band])
        person.location = rng.choices(locations, weights=location_weights)[0]
        person.meeting_format = rng.choices(formats, weights=format_weights)[0]
        if rng.random() < 0.9:
            since_hire = (today - person.hire_date).days
            person.consent_date = today - _days(rng, 1, min(400, since_hire))
        if rng.random() < 0.05:
            person.notes = rng.choice(_PERSON_NOTES)
        digital, classic = list(REVERSE_MENTORING_TOPICS), list(CLASSIC_TOPICS)
        if person.band == JUNIOR:
            person.teaches = rng.sample(digital, rng.randint(2, 4))
            person.learns = rng.sample(classic, rng.randint(2, 3))
        elif person.band == MID:
            person.teaches = rng.sample(digital, 1) + rng.sample(classic, 1)
            person.learns = rng.sample(classic, 1) + rng.sample(digital, 1)
        else:
            person.teaches = rng.sample(classic, rng.randint(2, 4))
            person.learns = rng.sample(digital, rng.randint(2, 3))
    managers = {person.manager_id for person in staff}
    leavers = [p for p in staff if p.band in (MID, JUNIOR) and p.id not in managers]
    leaving = round(len(staff) * 0.02) or (1 if len(staff) >= FULL_DEMO_PEOPLE else 0)
    for person in rng.sample(leavers, min(len(leavers), leaving)):
        person.archived = True
        person.notes = "Left the organisation."


def _insert_people(staff: list[_Person], today: date) -> None:
    rows = []
    for person in staff:
        entered = max(person.hire_date or today, today - timedelta(days=540))
        created = datetime.combine(entered, time(9, 0))
        rows.append(
            (
                person.id,
                person.name,
                fold(" ".join((person.name, person.email, person.department, person.job_title))),
                person.email,
                email_key(person.email),
                person.department,
                person.job_title,
                person.manager_id,
                person.hire_date,
                person.grade,
                person.location,
                person.meeting_format,
                person.consent_date,
                CONSENT_WORDING if person.consent_date else "",
                person.archived,
                person.notes,
                created,
                created,
            )
        )
    fields = [
        Person.id, Person.name, Person.search_key, Person.email, Person.email_key,
        Person.department, Person.job_title, Person.manager, Person.hire_date, Person.grade,
        Person.location, Person.meeting_format, Person.consent_date, Person.consent_wording,
        Person.archived, Person.coordinator_notes, Person.created_at, Person.updated_at,
    ]  # fmt: skip
    _insert(Person, fields, rows)
    skills = [
        (person.id, direction, topic)
        for person in staff
        for direction, topics in (("teach", person.teaches), ("learn", person.learns))
        for topic in topics
    ]
    _insert(Skill, [Skill.person, Skill.direction, Skill.name], skills)


# --- Cohorts and who takes part -----------------------------------------------------------


def _season(day: date) -> str:
    return ("winter", "spring", "summer", "autumn")[(day.month % 12) // 3]


def _cohort_name(kind: CohortKind, start: date, theme: str, taken: set[str]) -> str:
    title = _KIND_TITLE[kind]
    candidates = [f"{title} {start.year}", f"{title} {_season(start)} {start.year}"]
    if theme:
        candidates = [f"{title} {start.year} – {theme}"]
    for name in candidates:
        if name.casefold() not in taken:
            break
    else:
        number = 2
        while f"{candidates[-1]} ({number})".casefold() in taken:
            number += 1
        name = f"{candidates[-1]} ({number})"
    taken.add(name.casefold())
    return name


def _make_cohorts(rng: random.Random, people: int, today: date, first_id: int) -> list[_Cohort]:
    # A finished reverse cohort, one of each kind running, and one about to start ...
    plans: list[tuple[CohortKind, date, int, str]] = [
        (CohortKind.REVERSE, today - _days(rng, 400, 440), rng.randint(270, 300), ""),
        (CohortKind.REVERSE, today - _days(rng, 140, 170), rng.randint(270, 300), ""),
        (CohortKind.TRADITIONAL, today - _days(rng, 180, 220), rng.randint(330, 365), ""),
        (CohortKind.MUTUAL, today - _days(rng, 90, 120), rng.randint(180, 240), ""),
        (CohortKind.REVERSE, today + _days(rng, 20, 45), rng.randint(240, 300), ""),
    ]
    # ... and, in a larger organisation, more themed cohorts over the past two years.
    kinds = list(CohortKind)
    for _ in range(max(5, min(100, round(people / 70))) - len(plans)):
        kind = rng.choices(kinds, weights=(45, 35, 20))[0]
        start = today - _days(rng, 30, 720)
        plans.append((kind, start, rng.randint(180, 365), rng.choice(_COHORT_THEMES[kind])))
    taken: set[str] = set()
    cohorts = []
    for position, (kind, start, length, theme) in enumerate(plans):
        end = start + timedelta(days=length)
        phase = "upcoming" if start > today else "finished" if end < today else "running"
        cohorts.append(
            _Cohort(
                id=first_id + position,
                name=_cohort_name(kind, start, theme, taken),
                kind=kind,
                start=start,
                end=end,
                cadence=rng.choice(_CADENCES[kind]),
                minutes=rng.choice(_SESSION_MINUTES),
                phase=phase,
                archived=phase == "finished" and (today - end).days > 365,
            )
        )
    return cohorts


def _insert_cohorts(cohorts: list[_Cohort]) -> None:
    rows = []
    for cohort in cohorts:
        mentor_label, mentee_label = cohort.kind.default_role_labels
        created = datetime.combine(cohort.start - timedelta(days=60), time(10, 0))
        rows.append(
            (cohort.id, cohort.name, cohort.kind.value, cohort.start, cohort.end, cohort.cadence,
             cohort.minutes, mentor_label, mentee_label, cohort.archived, created)
        )  # fmt: skip
    fields = [
        Cohort.id, Cohort.name, Cohort.kind, Cohort.start_date, Cohort.end_date,
        Cohort.cadence_days, Cohort.session_minutes, Cohort.mentor_label, Cohort.mentee_label,
        Cohort.archived, Cohort.created_at,
    ]  # fmt: skip
    _insert(Cohort, fields, rows)


Enrolment = tuple[_Person, str, int]  # person, role, capacity


def _enrol(
    rng: random.Random, staff: list[_Person], cohorts: list[_Cohort]
) -> dict[int, list[Enrolment]]:
    """Who takes part in each cohort: in reverse cohorts the juniors mentor the seniors."""
    present = [person for person in staff if not person.archived]
    juniors = [person for person in present if person.band in (JUNIOR, MID)]
    seniors = [person for person in present if person.band in (SENIOR, EXECUTIVE)]
    size = max(10, round(0.85 * len(present) / len(cohorts)))
    mentor, mentee, both = Role.MENTOR.value, Role.MENTEE.value, Role.BOTH.value
    enrolments: dict[int, list[Enrolment]] = {}
    for cohort in cohorts:
        wanted = rng.randint(round(size * 0.8), round(size * 1.2))
        entries: list[Enrolment]
        if cohort.kind == CohortKind.REVERSE:
            learners = rng.sample(seniors, min(len(seniors), max(2, round(wanted * 0.45))))
            teachers = rng.sample(juniors, min(len(juniors), max(2, wanted - len(learners))))
            entries = [(p, mentor, 2 if rng.random() < 0.15 else 1) for p in teachers]
            entries += [(p, mentee, 1) for p in learners]
        elif cohort.kind == CohortKind.TRADITIONAL:
            teachers = rng.sample(seniors, min(len(seniors), max(2, round(wanted * 0.4))))
            learners = rng.sample(juniors, min(len(juniors), max(2, wanted - len(teachers))))
            entries = [(p, mentor, rng.choices((1, 2, 3), (50, 35, 15))[0]) for p in teachers]
            entries += [
                (p, both if p.band == MID and rng.random() < 0.15 else mentee, 1) for p in learners
            ]
        else:
            entries = [(p, both, 1) for p in rng.sample(present, min(len(present), wanted))]
        enrolments[cohort.id] = entries
    return enrolments


# --- Pairs and goals ----------------------------------------------------------------------


def _fits(kind: CohortKind, mentor: _Person, mentee: _Person) -> bool:
    if mentor is mentee:
        return False
    if kind == CohortKind.REVERSE:
        return mentor.grade < mentee.grade
    if kind == CohortKind.TRADITIONAL:
        return mentor.grade > mentee.grade
    return True


def _match(
    rng: random.Random, cohort: _Cohort, entries: list[Enrolment]
) -> list[tuple[_Person, _Person]]:
    """Mentor and mentee of each pair; capacity is never exceeded, some people stay unmatched."""
    leave_out = 0 if cohort.phase == "finished" else 10  # percent still waiting for a match
    if cohort.kind == CohortKind.MUTUAL:
        partners = [person for person, _, _ in entries]
        keep = len(partners) - len(partners) * leave_out // 100
        return [(partners[i], partners[i + 1]) for i in range(0, keep - 1, 2)]
    mentors = [[person, capacity] for person, role, capacity in entries if Role(role).can_mentor]
    mentees = [person for person, role, _ in entries if Role(role).can_be_mentored]
    rng.shuffle(mentees)
    mentees = mentees[: len(mentees) - len(mentees) * leave_out // 100]
    matches = []
    for mentee in mentees:
        free = [m for m in mentors if m[1] > 0 and _fits(cohort.kind, m[0], mentee)]
        if not free:
            continue
        wishes = set(mentee.learns)
        best = max(
            rng.sample(free, min(6, len(free))), key=lambda m: len(wishes & set(m[0].teaches))
        )
        best[1] -= 1
        matches.append((best[0], mentee))
    return matches


def _draw_state(rng: random.Random, phase: str) -> tuple[str, str]:
    if phase == "upcoming":
        return PairStatus.PROPOSED.value, ""
    if phase == "finished":
        done = PairStatus.COMPLETED if rng.random() < 0.85 else PairStatus.ENDED_EARLY
        return done.value, ""
    weights = [weight for weight, _, _ in _RUNNING_STATES]
    _, status, profile = rng.choices(_RUNNING_STATES, weights=weights)[0]
    return str(status), profile


def _topic_pool(kind: CohortKind) -> tuple[str, ...]:
    if kind == CohortKind.REVERSE:
        return REVERSE_MENTORING_TOPICS
    if kind == CohortKind.TRADITIONAL:
        return CLASSIC_TOPICS
    return REVERSE_MENTORING_TOPICS + CLASSIC_TOPICS


def _focus(rng: random.Random, kind: CohortKind, mentor: _Person, mentee: _Person) -> list[str]:
    """What the pair works on: what one teaches and the other wants to learn, first."""
    shared = [topic for topic in mentor.teaches if topic in mentee.learns]
    if kind == CohortKind.MUTUAL:
        shared += [t for t in mentee.teaches if t in mentor.learns and t not in shared]
    wanted = rng.randint(2, 3)
    focus = shared[:wanted]
    for topic in mentor.teaches + rng.sample(_topic_pool(kind), 3):
        if len(focus) >= wanted:
            break
        if topic not in focus:
            focus.append(topic)
    return focus


def _make_pairs(
    rng: random.Random,
    cohorts: list[_Cohort],
    enrolments: dict[int, list[Enrolment]],
    today: date,
    first_id: int,
) -> list[_Pair]:
    pairs: list[_Pair] = []
    forced = list(_FORCED_RUNNING_STATES)
    for cohort in cohorts:
        for mentor, mentee in _match(rng, cohort, enrolments[cohort.id]):
            pair = _Pair(first_id + len(pairs), cohort, mentor, mentee)
            if cohort.phase == "running" and forced:
                status, profile = forced.pop(0)
            else:
                status, profile = _draw_state(rng, cohort.phase)
            _date_pair(rng, pair, str(status), profile, today)
            pair.focus = _focus(rng, cohort.kind, mentor, mentee)
            pairs.append(pair)
    # At least one session past its date still marked planned: the Today view's "log it".
    yesterday = today - timedelta(days=1)
    late = [
        p for p in pairs if p.profile in (GREEN, AMBER) and p.window and p.window[1] < yesterday
    ]
    if late and not any(pair.overdue for pair in pairs):
        late[0].overdue = True
    return pairs


def _date_pair(rng: random.Random, pair: _Pair, status: str, profile: str, today: date) -> None:
    """Start and end of the pair, and the stretch of time its past sessions fall in."""
    cohort = pair.cohort
    yesterday = today - timedelta(days=1)
    pair.status, pair.profile = status, profile
    if status == PairStatus.PROPOSED:
        pair.start = cohort.start if cohort.phase == "upcoming" else None
        return
    start = min(cohort.start + _days(rng, 0, 21), yesterday)
    if status == PairStatus.ACTIVE and profile in (NEW, WAITING):
        recent = (3, 12) if profile == NEW else (18, 35)
        pair.start = max(min(cohort.start, yesterday), today - _days(rng, *recent))
        pair.future = 1 if profile == NEW or rng.random() < 0.5 else 0
        return
    pair.start = start
    if status == PairStatus.ACTIVE:
        cadence = cohort.cadence
        low, high = {
            GREEN: (1, cadence),
            AMBER: (int(1.5 * cadence) + 1, 3 * cadence),
            RED: (3 * cadence + 1, 3 * cadence + 60),
        }[profile]
        high = min(high, (today - start).days)
        last = today - _days(rng, low, high) if low <= high else start
        pair.window = (start, last)
        pair.future = {GREEN: rng.choice((1, 1, 2)), AMBER: rng.randint(0, 1), RED: 0}[profile]
        pair.overdue = profile != RED and last < yesterday and rng.random() < 0.1
    elif status == PairStatus.PAUSED:
        pair.window = (start, max(start, today - _days(rng, 7, 60)))
    elif status == PairStatus.COMPLETED:
        if cohort.phase == "finished":
            end = cohort.end - _days(rng, 0, 14)
        else:
            end = today - _days(rng, 1, 30)
        pair.end = max(end, start + timedelta(days=1))
        pair.window = (start, min(pair.end, yesterday))
    else:  # ended early
        span = max(2, (min(cohort.end, today) - start).days)
        pair.end = start + _days(rng, max(1, span // 5), max(1, span * 2 // 3))
        pair.window = (start, min(pair.end, yesterday))


def _lower_first(topic: str) -> str:
    """A topic as it reads inside a sentence: "negotiation" but still "LinkedIn"."""
    brands = ("Microsoft", "Slack", "Miro", "LinkedIn", "TikTok", "Instagram", "YouTube",
              "WhatsApp", "Canva")  # fmt: skip
    return topic if topic.startswith(brands) else topic[:1].lower() + topic[1:]


def _progress(rng: random.Random, pair: _Pair, today: date) -> int:
    if pair.status == PairStatus.PROPOSED or pair.start is None:
        return 0
    if pair.status == PairStatus.COMPLETED:
        return rng.choice(range(70, 101, 5))
    if pair.status == PairStatus.ENDED_EARLY:
        return rng.choice(range(0, 65, 5))
    length = max(1, (pair.cohort.end - pair.start).days)
    elapsed = min(1.0, max(0.0, (today - pair.start).days / length))
    reach = rng.uniform(50, 110) if pair.status == PairStatus.ACTIVE else rng.uniform(20, 70)
    return min(95, 5 * round(elapsed * reach / 5))


def _insert_pairs(rng: random.Random, pairs: list[_Pair], today: date) -> None:
    pair_rows = []
    goal_rows = []
    for pair in pairs:
        cohort = pair.cohort
        if pair.start is not None and pair.start <= today:
            created_on = pair.start - _days(rng, 3, 20)
        elif cohort.phase == "running":
            created_on = today - _days(rng, 1, 20)
        else:
            created_on = min(cohort.start, today) - _days(rng, 3, 20)
        agreement = None
        if pair.status != PairStatus.PROPOSED and pair.start and rng.random() < 0.85:
            agreement = min(pair.start + _days(rng, 0, 10), today)
        end_reason = rng.choice(END_EARLY_REASONS) if pair.status == PairStatus.ENDED_EARLY else ""
        summary = ""
        if pair.status == PairStatus.COMPLETED:
            summary = (
                f"We met regularly and worked on {', '.join(map(_lower_first, pair.focus))}. "
                "Both of us would recommend the programme."
            )
        notes = rng.choice(_PAIR_NOTES) if rng.random() < 0.08 else ""
        pair_rows.append(
            (pair.id, cohort.id, pair.mentor.id, pair.mentee.id, cohort.kind.value, pair.status,
             end_reason, pair.start, pair.end, list(pair.focus), agreement, notes, summary,
             _moment(created_on, rng))
        )  # fmt: skip
        for position in range(rng.randint(1, 3)):
            owner, template = rng.choice(_GOALS[cohort.kind])
            topic = _lower_first(pair.focus[position % len(pair.focus)])
            description = template.format(topic=topic)
            goal_rows.append((pair.id, owner, description, _progress(rng, pair, today), position))
    fields = [
        Pair.id, Pair.cohort, Pair.mentor, Pair.mentee, Pair.direction, Pair.status,
        Pair.end_reason, Pair.start_date, Pair.end_date, Pair.focus_areas,
        Pair.agreement_signed, Pair.coordinator_notes, Pair.shared_summary, Pair.created_at,
    ]  # fmt: skip
    _insert(Pair, fields, pair_rows)
    _insert(
        Goal, [Goal.pair, Goal.owner, Goal.description, Goal.progress, Goal.position], goal_rows
    )


# --- Sessions -----------------------------------------------------------------------------

SessionValues = tuple[int, datetime, int, str, str, str, list[str], str, str, str]


def _share_out(
    total: int, pairs: list[_Pair], today: date
) -> tuple[dict[int, int], dict[int, int]]:
    """How many past and how many planned future sessions each pair gets, ``total`` in all."""
    future: dict[int, int] = {}
    room = total // 5
    for pair in pairs:
        take = min(pair.future, room)
        if take:
            future[pair.id] = take
            room -= take
    rest = total - sum(future.values())
    past: dict[int, int] = {}
    # Pairs that show amber or red health need a held session first, so they go first.
    rank = {AMBER: 0, RED: 1, GREEN: 2}
    windowed = sorted((p for p in pairs if p.window), key=lambda p: (rank.get(p.profile, 3), p.id))
    if not windowed:
        open_pairs = [p for p in pairs if PairStatus(p.status).is_open]
        for position in range(rest if open_pairs else 0):
            pair = open_pairs[position % len(open_pairs)]
            future[pair.id] = future.get(pair.id, 0) + 1
        return past, future
    for pair in windowed[:rest]:
        past[pair.id] = 1
    rest -= len(past)
    if rest <= 0:
        return past, future
    weights = []
    for pair in windowed:
        first, last = pair.window or (today, today)
        weights.append(max(1, (last - first).days // pair.cohort.cadence + 1))
    scale = rest / sum(weights)
    shares = [weight * scale for weight in weights]
    for pair, share in zip(windowed, shares, strict=True):
        past[pair.id] += int(share)
    leftover = rest - sum(int(share) for share in shares)
    by_remainder = sorted(range(len(windowed)), key=lambda i: (int(shares[i]) - shares[i], i))
    for index in by_remainder[:leftover]:
        past[windowed[index].id] += 1
    return past, future


def _spread(rng: random.Random, first: date, last: date, count: int, cadence: int) -> list[date]:
    """``count`` dates from ``first`` to ``last``, roughly evenly, the last one on ``last``."""
    span = (last - first).days
    days = []
    for index in range(count - 1):
        offset = round(span * index / (count - 1) + rng.uniform(-cadence / 5, cadence / 5))
        days.append(first + timedelta(days=min(max(offset, 0), span)))
    days.append(last)
    return sorted(days)


def _pair_format(rng: random.Random, pair: _Pair) -> str:
    preferred = [
        fmt
        for fmt in (pair.mentee.meeting_format, pair.mentor.meeting_format)
        if fmt != MeetingFormat.EITHER
    ]
    if preferred:
        return preferred[0]
    return rng.choice((MeetingFormat.IN_PERSON.value, MeetingFormat.VIDEO_CALL.value))


def _make_sessions(
    rng: random.Random, pairs: list[_Pair], total: int, today: date
) -> list[SessionValues]:
    past, future = _share_out(total, pairs, today)
    yesterday = today - timedelta(days=1)
    held, cancelled = SessionStatus.HELD.value, SessionStatus.CANCELLED.value
    planned = SessionStatus.PLANNED.value
    cancellers = list(_CANCEL_NOTES)
    formats = [fmt.value for fmt in MeetingFormat if fmt != MeetingFormat.EITHER]
    values: list[SessionValues] = []
    for pair in pairs:
        cadence, usual_format = pair.cohort.cadence, _pair_format(rng, pair)
        pool = _topic_pool(pair.cohort.kind)
        dated: list[tuple[date, str]] = []
        count = past.get(pair.id, 0)
        if count and pair.window:
            first, last = pair.window
            if pair.overdue and count >= 2 and last < yesterday:
                count -= 1
                dated.append((last + _days(rng, 1, (yesterday - last).days), planned))
            days = _spread(rng, first, last, count, cadence)
            dated += [(day, held) for day in days[-1:]]
            dated += [(day, cancelled if rng.random() < 0.08 else held) for day in days[:-1]]
        ahead = today + _days(rng, 1, cadence)
        for index in range(future.get(pair.id, 0)):
            dated.append((ahead + timedelta(days=index * cadence), planned))
        for day, status in dated:
            topics = rng.sample(pair.focus, min(len(pair.focus), rng.randint(1, 2)))
            if rng.random() < 0.15:
                extra = rng.choice(pool)
                if extra not in topics:
                    topics.append(extra)
            by = rng.choices(cancellers, weights=(40, 40, 20))[0] if status == cancelled else ""
            mentor_note = mentee_note = notes = ""
            if status == held and rng.random() < 0.8:
                topic = _lower_first(topics[0])
                mentor_note = rng.choice(_MENTOR_TAKEAWAYS).format(topic=topic)
                mentee_note = rng.choice(_MENTEE_TAKEAWAYS).format(topic=topic)
            elif status == cancelled:
                notes = rng.choice(_CANCEL_NOTES[by])
            elif status == planned and rng.random() < 0.5:
                notes = "Agenda: " + ", ".join(map(_lower_first, topics)) + "."
            duration = pair.cohort.minutes
            if rng.random() < 0.1:
                duration = max(15, duration + rng.choice((-15, 15, 30)))
            meeting_format = usual_format if rng.random() < 0.85 else rng.choice(formats)
            values.append(
                (pair.id, _moment(day, rng), duration, meeting_format, status, str(by), topics,
                 mentor_note, mentee_note, notes)
            )  # fmt: skip
    values.sort(key=lambda row: (row[1], row[0]))
    _ensure_a_cancellation(values)
    return values


def _ensure_a_cancellation(values: list[SessionValues]) -> None:
    """Cancel one held session, not a pair's last, when chance cancelled none."""
    held, cancelled = SessionStatus.HELD.value, SessionStatus.CANCELLED.value
    if any(row[4] == cancelled for row in values):
        return
    last_held: dict[int, datetime] = {}
    for row in values:
        if row[4] == held:
            last_held[row[0]] = max(row[1], last_held.get(row[0], row[1]))
    for index, row in enumerate(values):
        if row[4] == held and row[1] < last_held[row[0]]:
            who = CancelledBy.MENTEE
            values[index] = (*row[:4], cancelled, who.value, row[6], "", "", _CANCEL_NOTES[who][0])
            return


def _insert_meetings(values: list[SessionValues], first_id: int) -> None:
    fields = [
        Meeting.id, Meeting.pair, Meeting.starts_at, Meeting.duration_minutes,
        Meeting.meeting_format, Meeting.status, Meeting.cancelled_by, Meeting.topics,
        Meeting.mentor_takeaways, Meeting.mentee_takeaways, Meeting.notes,
    ]  # fmt: skip
    rows = [(first_id + index, *row) for index, row in enumerate(values)]
    _insert(Meeting, fields, rows)
