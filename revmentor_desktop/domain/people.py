"""People of the programme: who can teach what, who wants to learn what, and their consent."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from peewee import JOIN, SQL, Select, chunked, fn

from revmentor_desktop.domain import cohorts, limits
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded, load, refuse_if_moved
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.namesakes import LABEL_WIDTH, label_columns, label_from
from revmentor_desktop.domain.queries import (
    OrderedIds,
    as_date,
    contains_folded,
    fetch_ids,
    get_or_not_found,
    id_list,
    sort_order,
)
from revmentor_desktop.domain.text import clean_tags, email_key, fold, is_valid_email
from revmentor_desktop.domain.vocabulary import MeetingFormat
from revmentor_desktop.storage.models import (
    Cohort,
    Pair,
    Participation,
    Person,
    Skill,
    database_proxy,
)

TEACH = "teach"
LEARN = "learn"


@dataclass
class PersonDraft:
    """What a person record holds, as the coordinator enters it."""

    name: str
    email: str = ""
    department: str = ""
    job_title: str = ""
    manager_id: int | None = None
    hire_date: date | None = None
    grade: int | None = None
    location: str = ""
    meeting_format: str = MeetingFormat.EITHER.value
    teaches: list[str] = field(default_factory=list)
    learns: list[str] = field(default_factory=list)
    consent_date: date | None = None
    consent_wording: str = ""
    coordinator_notes: str = ""


@dataclass(frozen=True)
class PersonRecord:
    id: int
    draft: PersonDraft
    manager_name: str
    archived: bool


@dataclass(frozen=True)
class PersonRow:
    """One line of the people list. ``label`` is the name, with what tells the person apart
    when someone else has the same name (see ``namesakes``)."""

    id: int
    name: str
    label: str
    email: str
    department: str
    job_title: str
    manager_name: str
    grade: int | None
    hire_date: date | None
    location: str
    has_consent: bool
    archived: bool
    cohorts: str = ""  # the cohorts (not archived) they take part in, newest first, comma-joined
    roles: str = ""  # their role in each of those, in the cohort's words ("Reverse mentor")
    open_pairs: int = 0  # pairs proposed, active or paused that they are in


@dataclass
class PeopleQuery:
    search: str = ""
    department: str = ""
    cohort_id: int | None = None
    paired: bool | None = None  # True: in an open pair; False: in none; None: either
    include_archived: bool = False
    sort_by: str = "name"
    descending: bool = False


def _open_pair_count() -> Any:
    """How many open pairs a person is in, as an expression of a query for a page of rows.

    Two counts, each answered from its own index; to sort a whole list by it,
    ``_join_open_pair_counts``."""
    is_open = Pair.status.in_(cohorts.OPEN_STATUSES)
    as_mentor = Pair.select(fn.COUNT(Pair.id)).where((Pair.mentor == Person.id) & is_open)
    as_mentee = Pair.select(fn.COUNT(Pair.id)).where((Pair.mentee == Person.id) & is_open)
    return fn.COALESCE(as_mentor, 0) + fn.COALESCE(as_mentee, 0)


def _open_pair_partners() -> Any:
    """The partners of every open pair (a person once per open pair), as ``person_id``."""
    is_open = Pair.status.in_(cohorts.OPEN_STATUSES)
    as_mentor = Pair.select(Pair.mentor.alias("person_id")).where(is_open)
    return as_mentor + Pair.select(Pair.mentee.alias("person_id")).where(is_open)  # UNION ALL


NEWEST_COHORT_FIRST = (Cohort.start_date.desc(nulls="LAST"), Cohort.id.desc())


def _cohorts_newest_first(name: str) -> Any:
    """The cohorts that are not archived, each with its ``place`` among them (1: the newest),
    as a table named ``name``."""
    place = fn.ROW_NUMBER().over(order_by=list(NEWEST_COHORT_FIRST))
    return (
        Cohort.select(Cohort.id, Cohort.name, place.alias("place"))
        .where(Cohort.archived == False)  # noqa: E712
        .alias(name)
    )


# Sorting the whole list by something of each person's pairs or cohorts joins it in from one
# grouped pass over all pairs or enrolments. A subquery per person is as fast on a data file,
# but a server runs it once per person, ten to thirty times slower on 10,000 people.


def _join_open_pair_counts(select: Any) -> tuple[Any, Any]:
    """``select`` with each person's number of open pairs, and that number to sort by."""
    partners = _open_pair_partners().alias("partner")
    counts = (
        Select([partners], [partners.c.person_id, fn.COUNT(SQL("*")).alias("open_pairs")])
        .group_by(partners.c.person_id)
        .alias("open_pair_count")
    )
    joined = select.join_from(Person, counts, JOIN.LEFT_OUTER, on=(counts.c.person_id == Person.id))
    return joined, fn.COALESCE(counts.c.open_pairs, 0)


def _join_newest_enrolment(select: Any, sort_by: str) -> tuple[Any, Any]:
    """``select`` with each person's newest enrolment in a cohort that is not archived, and
    what ``sort_by`` sorts by: the cohort's name ("cohort") or the role in it ("role")."""
    ranked = _cohorts_newest_first("ranked")
    newest = (
        Participation.select(
            Participation.person.alias("person_id"), fn.MIN(ranked.c.place).alias("place")
        )
        .join(ranked, on=(ranked.c.id == Participation.cohort))
        .group_by(Participation.person)
        .alias("newest")
    )
    cohort = _cohorts_newest_first("newest_cohort")
    joined = select.join_from(
        Person, newest, JOIN.LEFT_OUTER, on=(newest.c.person_id == Person.id)
    ).join_from(newest, cohort, JOIN.LEFT_OUTER, on=(cohort.c.place == newest.c.place))
    if sort_by == "cohort":
        return joined, cohort.c.name
    enrolment = Participation.alias("enrolment")
    in_newest = (enrolment.person == Person.id) & (enrolment.cohort == cohort.c.id)
    return joined.join_from(cohort, enrolment, JOIN.LEFT_OUTER, on=in_newest), enrolment.role


PEOPLE_SORT_COLUMNS = {
    "name": Person.name,
    "email": Person.email_key,
    "department": Person.department,
    "job_title": Person.job_title,
    "grade": Person.grade,
    "hire_date": Person.hire_date,
    "location": Person.location,
    "consent": Person.consent_date,
}
# Sort keys that join in what they sort by.
PEOPLE_JOINED_SORT_KEYS = {
    "cohort": lambda select: _join_newest_enrolment(select, "cohort"),
    "role": lambda select: _join_newest_enrolment(select, "role"),
    "paired": _join_open_pair_counts,
}


def _search_key(draft: PersonDraft) -> str:
    return fold(" ".join((draft.name, draft.email, draft.department, draft.job_title)))


def _manager_chain(manager_id: int | None) -> list[int]:
    chain: list[int] = []
    while manager_id is not None and manager_id not in chain:
        chain.append(manager_id)
        row = Person.select(Person.manager).where(Person.id == manager_id).first()
        manager_id = row.manager_id if row else None
    return chain


def validate_person(
    draft: PersonDraft, person_id: int | None = None, today: date | None = None
) -> dict[str, str]:
    """Problems with ``draft`` by field name; empty when it can be saved."""
    problems: dict[str, str] = {}
    if not draft.name.strip():
        problems["name"] = "Enter the person's name."
    email = draft.email.strip()
    if email and not is_valid_email(email):
        problems["email"] = f"“{email}” is not a valid e-mail address (like name@example.org)."
    elif email:
        clash = Person.select(Person.id, Person.name).where(Person.email_key == email_key(email))
        if person_id is not None:
            clash = clash.where(Person.id != person_id)
        other = clash.first()
        if other is not None:
            problems["email"] = f"{other.name} already has the e-mail address {email}."
    reports_to_self = person_id is not None and person_id in _manager_chain(draft.manager_id)
    if reports_to_self:
        problems["manager_id"] = "A person cannot report to themselves or to their own reports."
    if draft.hire_date and today and draft.hire_date > today:
        problems["hire_date"] = "The hire date is in the future."
    if draft.grade is not None and not 0 <= draft.grade <= 99:
        problems["grade"] = "The grade must be a whole number from 0 to 99."
    if draft.meeting_format not in {item.value for item in MeetingFormat}:
        problems["meeting_format"] = f"Unknown meeting format “{draft.meeting_format}”."
    return {**problems, **limits.too_long(draft, limits.PERSON)}


def _apply(person: Person, draft: PersonDraft) -> None:
    person.name = " ".join(draft.name.split())
    person.email = draft.email.strip() or None
    person.email_key = email_key(draft.email)
    person.department = draft.department.strip()
    person.job_title = draft.job_title.strip()
    person.manager = draft.manager_id
    person.hire_date = draft.hire_date
    person.grade = draft.grade
    person.location = draft.location.strip()
    person.meeting_format = draft.meeting_format
    person.consent_date = draft.consent_date
    person.consent_wording = draft.consent_wording.strip()
    person.coordinator_notes = draft.coordinator_notes
    person.search_key = _search_key(draft)


def _replace_skills(person_id: int, direction: str, tags: list[str]) -> None:
    """Store the skills of one direction, in order; left alone when they are the same, so a
    save that did not touch them records no change to them (the person's history)."""
    wanted = clean_tags(tags)
    of_direction = (Skill.person == person_id) & (Skill.direction == direction)
    stored = Skill.select(Skill.name).where(of_direction).order_by(Skill.id)
    if [skill.name for skill in stored] == wanted:
        return
    Skill.delete().where(of_direction).execute()
    rows = [{"person": person_id, "direction": direction, "name": tag} for tag in wanted]
    if rows:
        Skill.insert_many(rows).execute()


def add_person(draft: PersonDraft, clock: Clock = system_clock) -> int:
    now = clock()
    with database_proxy.atomic():
        problems = validate_person(draft, today=now.date())
        if problems:
            raise ValidationError(problems)
        person = Person(created_at=now, updated_at=now)
        _apply(person, draft)
        person.save()
        _replace_skills(person.id, TEACH, draft.teaches)
        _replace_skills(person.id, LEARN, draft.learns)
    return int(person.id)


def update_person(
    person_id: int,
    draft: PersonDraft,
    clock: Clock = system_clock,
    base: Loaded[PersonDraft] | None = None,
) -> None:
    """Save the person; refused with ``EditConflict`` when ``base`` (the copy the coordinator
    edited) is older than the stored row."""
    now = clock()
    with database_proxy.atomic():
        refuse_if_moved(
            Person, person_id, base, draft, lambda: get_person(person_id).draft, "person"
        )
        person = _get(person_id)
        problems = validate_person(draft, person_id, today=now.date())
        if problems:
            raise ValidationError(problems)
        _apply(person, draft)
        person.updated_at = now
        person.save()
        _replace_skills(person_id, TEACH, draft.teaches)
        _replace_skills(person_id, LEARN, draft.learns)


def _get(person_id: int) -> Person:
    return get_or_not_found(Person, person_id, "person")


def skills_of(person_id: int) -> tuple[list[str], list[str]]:
    teaches: list[str] = []
    learns: list[str] = []
    for skill in Skill.select().where(Skill.person == person_id).order_by(Skill.id):
        (teaches if skill.direction == TEACH else learns).append(skill.name)
    return teaches, learns


# The draft's fields kept in a person's own columns; the e-mail may be stored as NULL and
# the skills live in their own table.
_STORED_AS_IS = tuple(
    draft_field.name
    for draft_field in fields(PersonDraft)
    if draft_field.name not in {"email", "teaches", "learns"}
)


def get_person(person_id: int) -> PersonRecord:
    person = _get(person_id)
    teaches, learns = skills_of(person_id)
    stored = {name: getattr(person, name) for name in _STORED_AS_IS}
    draft = PersonDraft(**stored, email=person.email or "", teaches=teaches, learns=learns)
    manager_name = person.manager.name if person.manager_id else ""
    return PersonRecord(person.id, draft, manager_name, bool(person.archived))


def load_person(person_id: int) -> Loaded[PersonDraft]:
    """The person as an editing dialog loads them: with the version its save is checked against."""
    return load(Person, person_id, lambda: get_person(person_id).draft)


def _filtered_people(query: PeopleQuery) -> Any:
    select = Person.select(Person.id)
    if not query.include_archived:
        select = select.where(Person.archived == False)  # noqa: E712
    if query.search.strip():
        select = select.where(contains_folded(Person.search_key, query.search))
    if query.department:
        select = select.where(Person.department == query.department)
    if query.cohort_id is not None:
        enrolled = Participation.select(Participation.person).where(
            Participation.cohort == query.cohort_id
        )
        select = select.where(Person.id.in_(enrolled))
    if query.paired is not None:
        partners = _open_pair_partners()
        in_pair = Person.id.in_(partners) if query.paired else Person.id.not_in(partners)
        select = select.where(in_pair)
    return select


def _ordered_people(query: PeopleQuery, filtered: Any) -> Any:
    """``filtered`` in the order ``query`` asks for; people who tie in the order added."""
    if query.sort_by in PEOPLE_JOINED_SORT_KEYS:
        select, sort_key = PEOPLE_JOINED_SORT_KEYS[query.sort_by](filtered)
        order = sort_order(sort_key, query.descending, outer_joined=True)
    else:
        select, sort_key = filtered, PEOPLE_SORT_COLUMNS.get(query.sort_by, Person.name)
        order = sort_order(sort_key, query.descending)
    return select.order_by(order, Person.id)


def people_ids(query: PeopleQuery | None = None) -> OrderedIds:
    """Ids of the people matching ``query``, in its sort order (filtered and sorted in SQL)."""
    query = query or PeopleQuery()
    filtered = _filtered_people(query)
    return OrderedIds.of_query(_ordered_people(query, filtered), counted=filtered)


def people_rows(ids: list[int]) -> dict[int, PersonRow]:
    """List rows for the given people, by id (a view asks for the rows it shows)."""
    manager = Person.alias("manager")
    rows: dict[int, PersonRow] = {}
    for chunk in chunked(ids, 500):
        select = (
            Person.select(
                *label_columns(),
                fn.COALESCE(manager.name, "").alias("manager_name"),
                Person.grade,
                Person.hire_date,
                Person.location,
                Person.consent_date,
                Person.archived,
                _open_pair_count(),
            )
            .join(manager, JOIN.LEFT_OUTER, on=(Person.manager == manager.id))
            .where(Person.id.in_(id_list(chunk)))
        )
        taking_part = _enrolments(chunk)
        for row in database_proxy.execute(select).fetchall():
            person_id, name, department, job_title, email, _shared = row[:LABEL_WIDTH]
            (manager_name, grade, hire_date, location, consent_date, archived, open_pairs) = row[
                LABEL_WIDTH:
            ]
            names, roles = taking_part.get(person_id, ((), ()))
            rows[person_id] = PersonRow(
                id=person_id,
                name=name,
                label=label_from(row[:LABEL_WIDTH]),
                email=email or "",
                department=department,
                job_title=job_title,
                manager_name=manager_name,
                grade=grade,
                hire_date=as_date(hire_date),
                location=location,
                has_consent=consent_date is not None,
                archived=bool(archived),
                cohorts=", ".join(names),
                roles=", ".join(dict.fromkeys(roles)),  # "Mentee", not "Mentee, Mentee"
                open_pairs=open_pairs,
            )
    return rows


def _enrolments(person_ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    """Cohort names and role labels of each person's enrolments (not archived), newest first:
    one query for a batch of people."""
    select = (
        Participation.select(
            Participation.person,
            Participation.role,
            Cohort.name,
            Cohort.mentor_label,
            Cohort.mentee_label,
        )
        .join(Cohort)
        .where(Participation.person.in_(id_list(person_ids)))
        .where(Cohort.archived == False)  # noqa: E712
        .order_by(*NEWEST_COHORT_FIRST)
    )
    found: dict[int, tuple[list[str], list[str]]] = {}
    for person_id, role, name, mentor_label, mentee_label in database_proxy.execute(select):
        names, roles = found.setdefault(person_id, ([], []))
        names.append(name)
        roles.append(cohorts.role_label(role, mentor_label, mentee_label))
    return found


def list_people(query: PeopleQuery | None = None) -> list[PersonRow]:
    query = query or PeopleQuery()
    ids = fetch_ids(_ordered_people(query, _filtered_people(query)))
    rows = people_rows(ids)
    return [rows[person_id] for person_id in ids]


def departments() -> list[str]:
    query = (
        Person.select(Person.department)
        .where(Person.department != "")
        .distinct()
        .order_by(Person.department)
    )
    return [row[0] for row in query.tuples()]


def set_archived(person_ids: list[int], archived: bool, clock: Clock = system_clock) -> None:
    with database_proxy.atomic():
        Person.update(archived=archived, updated_at=clock()).where(
            Person.id.in_(person_ids)
        ).execute()


def has_history(person_id: int) -> bool:
    """True when the person takes part in a cohort or a pair, so deleting would lose records."""
    in_pair = Pair.select().where((Pair.mentor == person_id) | (Pair.mentee == person_id))
    in_cohort = Participation.select().where(Participation.person == person_id)
    return in_pair.exists() or in_cohort.exists()


def delete_person(person_id: int) -> None:
    """Delete someone entered by mistake; people with history are archived instead."""
    with database_proxy.atomic():
        person = _get(person_id)
        if has_history(person_id):
            raise RuleViolation(
                f"{person.name} takes part in a cohort or pair, so they can only be archived."
            )
        Person.update(manager=None).where(Person.manager == person_id).execute()
        person.delete_instance()
