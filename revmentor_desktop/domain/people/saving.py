"""Checking, adding, loading, saving, archiving and deleting a person with their skills; a
save is checked against the version the editing dialog loaded."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from revmentor_desktop.domain import limits
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded, load, refuse_if_moved
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.people.records import LEARN, TEACH, PersonDraft, PersonRecord
from revmentor_desktop.domain.queries import get_or_not_found
from revmentor_desktop.domain.text import clean_tags, email_key, fold, is_valid_email
from revmentor_desktop.domain.vocabulary import MeetingFormat
from revmentor_desktop.storage.models import Pair, Participation, Person, Skill, database_proxy


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
