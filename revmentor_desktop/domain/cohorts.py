"""Cohorts (programme runs) and who takes part in them, in which role."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from peewee import chunked, fn

from revmentor_desktop.domain import limits
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded, load, refuse_if_moved
from revmentor_desktop.domain.errors import (
    DomainError,
    NotFound,
    RuleViolation,
    ValidationError,
)
from revmentor_desktop.domain.namesakes import label_columns, label_from, person_labels
from revmentor_desktop.domain.queries import fetch_ids, get_or_not_found
from revmentor_desktop.domain.text import fold
from revmentor_desktop.domain.vocabulary import CohortKind, PairStatus, Role, agree, plural
from revmentor_desktop.storage.models import (
    Cohort,
    Meeting,
    Pair,
    PairConstraint,
    Participation,
    Person,
    database_proxy,
)
from revmentor_desktop.storage.versions import advance_versions

OPEN_STATUSES = [status.value for status in PairStatus if status.is_open]


@dataclass(frozen=True)
class Enrolment:
    """Someone's place in a cohort: their role and how many people they mentor at once."""

    person_id: int
    role: str
    capacity: int = 1


@dataclass
class CohortDraft:
    name: str
    kind: str = CohortKind.REVERSE.value
    start_date: date | None = None
    end_date: date | None = None
    cadence_days: int = 21
    session_minutes: int = 60
    mentor_label: str = ""
    mentee_label: str = ""
    # Where it runs (a town, an office); on a server a coordinator may be kept to one site.
    site: str = ""
    # Who takes part, saved with the cohort in one go; None leaves the enrolments as they are.
    participants: list[Enrolment] | None = None


@dataclass(frozen=True)
class CohortRow:
    id: int
    name: str
    kind: str
    start_date: date | None
    end_date: date | None
    cadence_days: int
    session_minutes: int
    mentor_label: str
    mentee_label: str
    mentors: int
    mentees: int
    pairs: int
    unmatched: int
    archived: bool = False
    site: str = ""


@dataclass(frozen=True)
class ParticipantRow:
    """Someone enrolled in a cohort; ``name`` is their label, with what tells them apart from
    someone of the same name (see ``namesakes``)."""

    person_id: int
    name: str
    department: str
    role: str
    capacity: int
    open_pairs: int
    has_consent: bool
    paired: bool = False  # in a pair of the cohort, open or finished


@dataclass(frozen=True)
class EnrolmentRow:
    """A cohort someone takes part in, and in which role."""

    cohort_id: int
    cohort_name: str
    role: str
    role_label: str
    capacity: int


def validate_cohort(draft: CohortDraft, cohort_id: int | None = None) -> dict[str, str]:
    problems: dict[str, str] = {}
    name = draft.name.strip()
    if not name:
        problems["name"] = "Enter a name for the cohort, such as “Reverse mentoring 2027”."
    else:
        clash = Cohort.select().where(fn.lower(Cohort.name) == name.lower())
        if cohort_id is not None:
            clash = clash.where(Cohort.id != cohort_id)
        if clash.exists():
            problems["name"] = f"There is already a cohort called “{name}”."
    if draft.kind not in {kind.value for kind in CohortKind}:
        problems["kind"] = "Choose reverse, traditional or mutual mentoring."
    if draft.start_date and draft.end_date and draft.end_date <= draft.start_date:
        problems["end_date"] = "The end date must come after the start date."
    if not 1 <= draft.cadence_days <= 365:
        problems["cadence_days"] = "Meet at least once a year and at most daily (1–365 days)."
    if not 10 <= draft.session_minutes <= 480:
        problems["session_minutes"] = "A session lasts between 10 minutes and 8 hours."
    if draft.participants is not None and (
        refusals := _participant_refusals(cohort_id, draft.participants)
    ):
        problems["participants"] = " ".join(str(refusal) for refusal in refusals)
    return {**problems, **limits.too_long(draft, limits.COHORT)}


def _apply(cohort: Cohort, draft: CohortDraft) -> None:
    default_mentor, default_mentee = CohortKind(draft.kind).default_role_labels
    cohort.name = draft.name.strip()
    cohort.kind = draft.kind
    cohort.start_date = draft.start_date
    cohort.end_date = draft.end_date
    cohort.cadence_days = draft.cadence_days
    cohort.session_minutes = draft.session_minutes
    cohort.mentor_label = draft.mentor_label.strip() or default_mentor
    cohort.mentee_label = draft.mentee_label.strip() or default_mentee
    cohort.site = draft.site.strip()


def add_cohort(draft: CohortDraft, clock: Clock = system_clock) -> int:
    """Create the cohort and enrol its participants, all or nothing."""
    with database_proxy.atomic():
        problems = validate_cohort(draft)
        if problems:
            raise ValidationError(problems)
        cohort = Cohort(created_at=clock())
        _apply(cohort, draft)
        cohort.save()
        _save_participants(int(cohort.id), draft.participants)
    return int(cohort.id)


def update_cohort(
    cohort_id: int, draft: CohortDraft, base: Loaded[CohortDraft] | None = None
) -> None:
    """Save the cohort's details and, when the draft lists them, exactly these participants;
    refused with ``EditConflict`` when ``base`` is older than the stored row."""
    with database_proxy.atomic():
        refuse_if_moved(
            Cohort,
            cohort_id,
            base,
            draft,
            lambda: get_cohort(cohort_id),
            "cohort",
            item_keys={"participants": _enrolled_person},
        )
        cohort = get_cohort_model(cohort_id)
        problems = validate_cohort(draft, cohort_id)
        if problems:
            raise ValidationError(problems)
        _apply(cohort, draft)
        cohort.save()
        _save_participants(cohort_id, draft.participants)


def _enrolled_person(enrolment: Enrolment) -> int:
    return enrolment.person_id


def _saved_enrolments(cohort_id: int | None) -> dict[int, Enrolment]:
    if cohort_id is None:
        return {}
    query = (
        Participation.select(Participation.person, Participation.role, Participation.capacity)
        .where(Participation.cohort == cohort_id)
        .order_by(Participation.person)
    )
    return {person: Enrolment(person, role, capacity) for person, role, capacity in query.tuples()}


def _enrolment_changes(
    cohort_id: int | None, wanted: list[Enrolment]
) -> tuple[list[Enrolment], list[int]]:
    """Who ``wanted`` enrols or changes, and who it leaves out, compared with what is saved."""
    saved = _saved_enrolments(cohort_id)
    wanted_ids = {enrolment.person_id for enrolment in wanted}
    changed = [enrolment for enrolment in wanted if saved.get(enrolment.person_id) != enrolment]
    return changed, [person_id for person_id in saved if person_id not in wanted_ids]


def _participant_refusals(cohort_id: int | None, wanted: list[Enrolment]) -> list[DomainError]:
    changed, withdrawn = _enrolment_changes(cohort_id, wanted)
    refusals = [
        refusal
        for enrolment in changed
        if (refusal := enrolment_refusal(cohort_id, enrolment)) is not None
    ]
    if cohort_id is not None:
        refusals += [
            refusal
            for person_id in withdrawn
            if (refusal := withdrawal_refusal(cohort_id, person_id)) is not None
        ]
    return refusals


def _save_participants(cohort_id: int, wanted: list[Enrolment] | None) -> None:
    if wanted is None:
        return
    changed, withdrawn = _enrolment_changes(cohort_id, wanted)
    for person_id in withdrawn:
        withdraw(cohort_id, person_id)
    for enrolment in changed:
        enrol(cohort_id, enrolment.person_id, enrolment.role, enrolment.capacity)


@dataclass(frozen=True)
class CohortContents:
    """What deleting a cohort takes with it; the people themselves stay."""

    name: str
    enrolments: int
    pairs: int
    sessions: int
    decisions: int  # locked and forbidden pairs of the matching assistant

    def deletion_question(self, undo_key: str) -> str:
        """The sentence that asks before deleting, naming everything that goes and the key
        (``undo_key``, as the window binds it) that brings it back."""
        parts = []
        if self.enrolments:
            parts.append(f"its {plural(self.enrolments, 'enrolment')}")
        if self.pairs:
            with_sessions = f" with {plural(self.sessions, 'session')}" if self.sessions else ""
            parts.append(plural(self.pairs, "pair") + with_sessions)
        if self.decisions:
            parts.append(plural(self.decisions, "matching decision"))
        if not parts:
            return f"Delete “{self.name}”? Nobody is enrolled in it yet. {undo_key} undoes this."
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        # One kind of thing agrees with its count; a list of kinds is plural.
        things = self.enrolments + self.pairs + self.decisions if len(parts) == 1 else len(parts)
        return (
            f"Delete “{self.name}”? {listed[0].upper()}{listed[1:]} {agree('go with it', things)}."
            f" People stay. {undo_key} undoes this."
        )


def cohort_contents(cohort_id: int) -> CohortContents:
    """Count what hangs off the cohort: enrolments, pairs, their sessions, matching decisions."""
    cohort = get_cohort_model(cohort_id)
    pair_ids = Pair.select(Pair.id).where(Pair.cohort == cohort_id)
    return CohortContents(
        name=cohort.name,
        enrolments=Participation.select().where(Participation.cohort == cohort_id).count(),
        pairs=pair_ids.count(),
        sessions=Meeting.select().where(Meeting.pair.in_(pair_ids)).count(),
        decisions=PairConstraint.select().where(PairConstraint.cohort == cohort_id).count(),
    )


def delete_cohort(cohort_id: int) -> None:
    """Delete the cohort; the database takes its enrolments, pairs, sessions and locks along."""
    with database_proxy.atomic():
        get_cohort_model(cohort_id)
        Cohort.delete().where(Cohort.id == cohort_id).execute()


def set_archived(cohort_ids: list[int], archived: bool) -> None:
    """Archive (hide from lists and pickers) or restore cohorts; nothing else changes."""
    with database_proxy.atomic():
        Cohort.update(archived=archived).where(Cohort.id.in_(cohort_ids)).execute()


def is_archived(cohort_id: int) -> bool | None:
    """Whether the cohort is archived; None when there is no such cohort (any more)."""
    cohort = Cohort.get_or_none(Cohort.id == cohort_id)
    return None if cohort is None else bool(cohort.archived)


def get_cohort_model(cohort_id: int) -> Cohort:
    return get_or_not_found(Cohort, cohort_id, "cohort")


def load_cohort(cohort_id: int) -> Loaded[CohortDraft]:
    """The cohort as an editing dialog loads it: with the version its save is checked against."""
    return load(Cohort, cohort_id, lambda: get_cohort(cohort_id))


def get_cohort(cohort_id: int) -> CohortDraft:
    cohort = get_cohort_model(cohort_id)
    return CohortDraft(
        **_settings_of(cohort), participants=list(_saved_enrolments(cohort_id).values())
    )


# Every field of the draft but its participants, which are enrolments, not cohort columns.
_SETTINGS = tuple(field.name for field in fields(CohortDraft) if field.name != "participants")


def _settings_of(cohort: Cohort) -> dict[str, Any]:
    """The stored fields a cohort's draft and its row in the list both show."""
    return {field: getattr(cohort, field) for field in _SETTINGS}


def find_cohort_id(name: str) -> int:
    cohort = Cohort.get_or_none(fn.lower(Cohort.name) == name.strip().lower())
    if cohort is None:
        known = ", ".join(row.name for row in Cohort.select(Cohort.name).order_by(Cohort.name))
        hint = f" Known cohorts: {known}." if known else " There are no cohorts yet."
        raise NotFound(f"There is no cohort called “{name}”.{hint}")
    return int(cohort.id)


def cohort_names() -> list[tuple[int, str]]:
    """Id and name of every cohort, newest first: for pickers and filters."""
    query = Cohort.select(Cohort.id, Cohort.name).order_by(
        Cohort.start_date.desc(nulls="LAST"), Cohort.name
    )
    return [(row[0], row[1]) for row in database_proxy.execute(query).fetchall()]


def running_cohorts(today: date) -> list[tuple[int, str]]:
    """Id and name of each cohort that is not archived and has not ended by ``today``."""
    query = (
        Cohort.select(Cohort.id, Cohort.name)
        .where(
            (Cohort.archived == False)  # noqa: E712
            & (Cohort.end_date.is_null() | (Cohort.end_date >= today))
        )
        .order_by(Cohort.start_date.desc(nulls="LAST"), Cohort.name)
    )
    return [(row[0], row[1]) for row in database_proxy.execute(query).fetchall()]


def list_cohorts(search: str = "", include_archived: bool = True) -> list[CohortRow]:
    rows = []
    cohorts = Cohort.select().order_by(Cohort.start_date.desc(nulls="LAST"), Cohort.name)
    if not include_archived:
        cohorts = cohorts.where(Cohort.archived == False)  # noqa: E712
    counts = _participation_counts()
    pair_counts = _pair_counts()
    unmatched = _unmatched_counts()
    needle = fold(search.strip())
    for cohort in cohorts:
        if needle and needle not in fold(cohort.name):
            continue
        mentors, mentees = counts.get(cohort.id, (0, 0))
        rows.append(
            CohortRow(
                id=cohort.id,
                **_settings_of(cohort),
                mentors=mentors,
                mentees=mentees,
                pairs=pair_counts.get(cohort.id, 0),
                unmatched=unmatched.get(cohort.id, 0),
                archived=bool(cohort.archived),
            )
        )
    return rows


def _participation_counts() -> dict[int, tuple[int, int]]:
    counts: dict[int, list[int]] = {}
    query = Participation.select(
        Participation.cohort, Participation.role, fn.COUNT(Participation.id)
    ).group_by(Participation.cohort, Participation.role)
    for cohort_id, role, count in query.tuples():
        mentors_mentees = counts.setdefault(cohort_id, [0, 0])
        if Role(role).can_mentor:
            mentors_mentees[0] += count
        if Role(role).can_be_mentored:
            mentors_mentees[1] += count
    return {key: (value[0], value[1]) for key, value in counts.items()}


def _pair_counts() -> dict[int, int]:
    query = Pair.select(Pair.cohort, fn.COUNT(Pair.id)).group_by(Pair.cohort)
    return dict(query.tuples())


def _in_a_pair_of_the_cohort(side: Any) -> Any:
    return Pair.select(Pair.id).where(
        (Pair.cohort == Participation.cohort) & (side == Participation.person)
    )


def _unpaired(select: Any) -> Any:
    """Only enrolments whose person is in no open or finished pair of that cohort."""
    return select.where(
        ~fn.EXISTS(_in_a_pair_of_the_cohort(Pair.mentor))
        & ~fn.EXISTS(_in_a_pair_of_the_cohort(Pair.mentee))
    )


def unpaired_person_ids(cohort_id: int) -> list[int]:
    """People enrolled in the cohort who are in no open or finished pair of it."""
    select = Participation.select(Participation.person).where(Participation.cohort == cohort_id)
    return fetch_ids(_unpaired(select).order_by(Participation.person))


def _labels_by_cohort(cohort_ids: list[int], narrow: Callable[[Any], Any]) -> dict[int, list[str]]:
    """For each of the cohorts, by name, the labels of the participants ``narrow`` keeps."""
    select = (
        Participation.select(Participation.cohort, *label_columns())
        .join(Person, on=(Participation.person == Person.id))
        .where(Participation.cohort.in_(cohort_ids))
        .order_by(Participation.cohort, Person.name, Person.id)
    )
    labels: dict[int, list[str]] = {}
    for cohort_id, *person in database_proxy.execute(narrow(select)).fetchall():
        labels.setdefault(cohort_id, []).append(label_from(person))
    return labels


def unpaired_names_by_cohort(cohort_ids: list[int]) -> dict[int, list[str]]:
    """For each of the cohorts, the labels of the people enrolled in it who are in no pair of it."""
    return _labels_by_cohort(cohort_ids, _unpaired)


def names_without_consent_by_cohort(cohort_ids: list[int]) -> dict[int, list[str]]:
    """For each of the cohorts, the labels of the people taking part without recorded consent
    (archived people, the erased among them, are left out: they take part no more)."""
    return _labels_by_cohort(
        cohort_ids,
        lambda select: select.where(
            Person.consent_date.is_null() & (Person.archived == False)  # noqa: E712
        ),
    )


def _unmatched_counts() -> dict[int, int]:
    select = Participation.select(Participation.cohort, fn.COUNT(Participation.person))
    grouped = _unpaired(select).group_by(Participation.cohort)
    return dict(database_proxy.execute(grouped).fetchall())


def enrolment_refusal(cohort_id: int | None, enrolment: Enrolment) -> DomainError | None:
    """Why ``enrolment`` cannot be saved in the cohort (None: a new cohort), or None if it can."""
    if enrolment.role not in {item.value for item in Role}:
        return ValidationError({"role": "Choose mentor, mentee or both."})
    if not 0 <= enrolment.capacity <= 10:
        return ValidationError({"capacity": "A mentor can take on between 0 and 10 mentees."})
    person = Person.get_or_none(Person.id == enrolment.person_id)
    if person is None:
        return NotFound(f"There is no person with number {enrolment.person_id}.")
    if person.archived:
        return RuleViolation(f"{person.name} is archived; restore them before enrolling.")
    open_pairs = 0 if cohort_id is None else _open_pairs_as_mentor(cohort_id, person.id)
    if Role(enrolment.role).can_mentor and open_pairs > enrolment.capacity:
        return RuleViolation(
            f"{person.name} already mentors {plural(open_pairs, 'person')} in this cohort; "
            f"the capacity cannot be lower than that."
        )
    return None


def enrol(cohort_id: int, person_id: int, role: str, capacity: int = 1) -> None:
    """Add a person to a cohort, or change their role and capacity if already enrolled."""
    with database_proxy.atomic():
        get_cohort_model(cohort_id)
        refusal = enrolment_refusal(cohort_id, Enrolment(person_id, role, capacity))
        if refusal is not None:
            raise refusal
        Participation.insert(
            cohort=cohort_id, person=person_id, role=role, capacity=capacity
        ).on_conflict(
            conflict_target=[Participation.cohort, Participation.person],
            update={Participation.role: role, Participation.capacity: capacity},
        ).execute()
        advance_versions(Cohort, [cohort_id])


def withdrawal_refusal(cohort_id: int, person_id: int) -> RuleViolation | None:
    """Why the person cannot leave the cohort (they are in one of its pairs), or None."""
    in_pair = Pair.select().where(
        (Pair.cohort == cohort_id) & ((Pair.mentor == person_id) | (Pair.mentee == person_id))
    )
    if not in_pair.exists():
        return None
    person = Person.get_or_none(Person.id == person_id)
    who = person.name if person is not None else "This person"
    return RuleViolation(f"{who} is in a pair of the cohort; end or delete the pair first.")


def withdraw(cohort_id: int, person_id: int) -> None:
    with database_proxy.atomic():
        refusal = withdrawal_refusal(cohort_id, person_id)
        if refusal is not None:
            raise refusal
        Participation.delete().where(
            (Participation.cohort == cohort_id) & (Participation.person == person_id)
        ).execute()
        advance_versions(Cohort, [cohort_id])


def _open_pairs_as_mentor(cohort_id: int, person_id: int) -> int:
    return (
        Pair.select()
        .where(
            (Pair.cohort == cohort_id) & (Pair.mentor == person_id) & Pair.status.in_(OPEN_STATUSES)
        )
        .count()
    )


def participation(cohort_id: int, person_id: int) -> Participation | None:
    return Participation.get_or_none(
        (Participation.cohort == cohort_id) & (Participation.person == person_id)
    )


def list_participants(cohort_id: int) -> list[ParticipantRow]:
    return participant_rows(cohort_id, list(_saved_enrolments(cohort_id).values()))


def participant_rows(cohort_id: int | None, wanted: list[Enrolment]) -> list[ParticipantRow]:
    """Rows for ``wanted`` as they would stand in the cohort (None: a new one), by name.

    The cohort dialog shows its draft of participants with these before anything is saved.
    """
    open_pairs: dict[int, int] = {}
    paired: set[int] = set()
    if cohort_id is not None:
        in_cohort = Pair.select(Pair.mentor, Pair.mentee, Pair.status).where(
            Pair.cohort == cohort_id
        )
        for mentor, mentee, status in in_cohort.tuples():
            paired.update((mentor, mentee))
            if status in OPEN_STATUSES:
                open_pairs[mentor] = open_pairs.get(mentor, 0) + 1
    people: dict[int, Person] = {}
    for chunk in chunked([enrolment.person_id for enrolment in wanted], 500):
        people.update((person.id, person) for person in Person.select().where(Person.id.in_(chunk)))
    labels = person_labels(people)
    rows = [
        ParticipantRow(
            person_id=enrolment.person_id,
            name=labels[enrolment.person_id],
            department=people[enrolment.person_id].department,
            role=enrolment.role,
            capacity=enrolment.capacity,
            open_pairs=open_pairs.get(enrolment.person_id, 0),
            has_consent=people[enrolment.person_id].consent_date is not None,
            paired=enrolment.person_id in paired,
        )
        for enrolment in wanted
        if enrolment.person_id in people
    ]
    return sorted(rows, key=lambda row: (row.name, row.person_id))


def pair_count(cohort_id: int | None) -> int:
    return 0 if cohort_id is None else Pair.select().where(Pair.cohort == cohort_id).count()


def enrolments_of(person_id: int) -> list[EnrolmentRow]:
    query = (
        Participation.select(Participation, Cohort)
        .join(Cohort)
        .where(Participation.person == person_id)
        .order_by(Cohort.start_date.desc(nulls="LAST"), Cohort.name)
    )
    return [
        EnrolmentRow(
            cohort_id=item.cohort.id,
            cohort_name=item.cohort.name,
            role=item.role,
            role_label=role_label(item.role, item.cohort.mentor_label, item.cohort.mentee_label),
            capacity=item.capacity,
        )
        for item in query
    ]


def role_label(role: str, mentor_label: str, mentee_label: str) -> str:
    """A role in the cohort's own words ("Reverse mentor", "Mentee", or both)."""
    if role == Role.MENTOR:
        return mentor_label
    if role == Role.MENTEE:
        return mentee_label
    if mentor_label == mentee_label:
        return mentor_label
    return f"{mentor_label} and {mentee_label}"
