"""The people of the demo: names, bands, managers, skills and consent."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from revmentor_desktop.domain.demo.rows import (
    DemoPerson,
    insert_rows,
    random_days,
)
from revmentor_desktop.domain.demo.wording import (
    BAND_GRADES,
    BAND_SHARE,
    BAND_TENURE_DAYS,
    CEO_GRADE,
    CHIEF_GRADE,
    CHIEFS,
    CONSENT_WORDING,
    CULTURE_WEIGHTS,
    CULTURES,
    DEPARTMENTS,
    EMAIL_DOMAIN,
    EXECUTIVE,
    FULL_DEMO_PEOPLE,
    JUNIOR,
    LOCATIONS,
    MEETING_FORMATS,
    MID,
    NATIVE_SCRIPT_NAMES,
    NATIVE_SCRIPT_SHARE,
    PERSON_NOTES,
    SENIOR,
    SHOWCASE_NAMES,
    TITLES,
    TO_ASCII,
)
from revmentor_desktop.domain.text import email_key, fold
from revmentor_desktop.domain.topics import CLASSIC_TOPICS, REVERSE_MENTORING_TOPICS
from revmentor_desktop.storage.models import (
    Person,
    Skill,
)

# --- People -------------------------------------------------------------------------------


def _ascii(text: str) -> str:
    return "".join(
        char for char in fold(text).translate(TO_ASCII) if char.isascii() and char.isalnum()
    )


def _random_name(rng: random.Random) -> tuple[str, str]:
    """A display name and the local part of its e-mail address."""
    if rng.random() < NATIVE_SCRIPT_SHARE:
        return rng.choice(NATIVE_SCRIPT_NAMES)
    _, given, family = rng.choices(CULTURES, weights=CULTURE_WEIGHTS)[0]
    first, last = rng.choice(given), rng.choice(family)
    return f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}"


def _band_sizes(people: int) -> dict[int, int]:
    """How many people in each band, from the top down; there is always one executive."""
    sizes: dict[int, int] = {}
    left = people
    for band, share in BAND_SHARE.items():
        sizes[band] = min(left, max(1 if band == EXECUTIVE else 0, round(people * share)))
        left -= sizes[band]
    sizes[JUNIOR] = left
    return sizes


def make_people(rng: random.Random, count: int, today: date, first_id: int) -> list[DemoPerson]:
    departments = list(DEPARTMENTS)
    weights = [weight for weight, _ in DEPARTMENTS.values()]
    staff: list[DemoPerson] = []
    by_band_dept: dict[tuple[int, str], list[DemoPerson]] = {}
    by_band: dict[int, list[DemoPerson]] = {band: [] for band in (EXECUTIVE, SENIOR, MID, JUNIOR)}
    chiefs: dict[str, DemoPerson] = {}
    for band, size in _band_sizes(count).items():
        low, high = BAND_GRADES[band]
        for _ in range(size):
            department = rng.choices(departments, weights=weights)[0]
            person = DemoPerson(len(staff) + first_id, band, rng.randint(low, high), department)
            noun = DEPARTMENTS[department][1]
            person.job_title = rng.choice(TITLES[band]).format(noun=noun, dept=department)
            if not staff:
                person.department, person.job_title = "Executive Office", "Chief Executive Officer"
                person.grade = CEO_GRADE
            elif band == EXECUTIVE and len(chiefs) < len(CHIEFS):
                person.department, person.job_title = CHIEFS[len(chiefs)]
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
    person: DemoPerson,
    staff: list[DemoPerson],
    chiefs: dict[str, DemoPerson],
    by_band: dict[int, list[DemoPerson]],
    by_band_dept: dict[tuple[int, str], list[DemoPerson]],
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


def _describe_people(rng: random.Random, staff: list[DemoPerson], today: date) -> None:
    locations, location_weights = list(LOCATIONS), list(LOCATIONS.values())
    formats, format_weights = list(MEETING_FORMATS), list(MEETING_FORMATS.values())
    names = [_random_name(rng) for _ in staff]
    if len(staff) >= 2 * len(SHOWCASE_NAMES):
        places = rng.sample(range(len(staff)), len(SHOWCASE_NAMES))
        for place, (name, local) in zip(places, SHOWCASE_NAMES, strict=True):
            first, _, last = name.partition(" ")
            names[place] = (name, local or f"{_ascii(first)}.{_ascii(last)}")
    taken: dict[str, int] = {}
    for person, (name, local) in zip(staff, names, strict=True):
        taken[local] = taken.get(local, 0) + 1
        suffix = str(taken[local]) if taken[local] > 1 else ""
        person.name = name
        person.email = f"{local}{suffix}@{EMAIL_DOMAIN}"
        person.hire_date = today - random_days(rng, *BAND_TENURE_DAYS[person.band])
        person.location = rng.choices(locations, weights=location_weights)[0]
        person.meeting_format = rng.choices(formats, weights=format_weights)[0]
        if rng.random() < 0.9:
            since_hire = (today - person.hire_date).days
            person.consent_date = today - random_days(rng, 1, min(400, since_hire))
        if rng.random() < 0.05:
            person.notes = rng.choice(PERSON_NOTES)
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


def insert_people(staff: list[DemoPerson], today: date) -> None:
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
    insert_rows(Person, fields, rows)
    skills = [
        (person.id, direction, topic)
        for person in staff
        for direction, topics in (("teach", person.teaches), ("learn", person.learns))
        for topic in topics
    ]
    insert_rows(Skill, [Skill.person, Skill.direction, Skill.name], skills)
