"""Everything the matching assistant needs about a cohort, read from the data file in one go.

The solver and the scorer work on these plain records only, so they can be tested and
benchmarked without a data file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.matching.constraints import Constraint, list_constraints
from revmentor_desktop.domain.matching.rules import RuleSettings
from revmentor_desktop.domain.matching.saved_rules import rule_settings
from revmentor_desktop.domain.namesakes import person_labels
from revmentor_desktop.domain.people import TEACH
from revmentor_desktop.domain.queries import as_date
from revmentor_desktop.domain.vocabulary import CohortKind, Role
from revmentor_desktop.storage.models import Cohort, Pair, Participation, Person, Skill


@dataclass(frozen=True)
class Profile:
    """A person as the matching rules see them. ``name`` is their label, with what tells them
    apart from someone of the same name (see ``namesakes``)."""

    person_id: int
    name: str
    email: str = ""
    department: str = ""
    job_title: str = ""
    manager_id: int | None = None
    grade: int | None = None
    hire_date: date | None = None
    location: str = ""
    meeting_format: str = "either"
    teaches: tuple[str, ...] = ()
    learns: tuple[str, ...] = ()
    has_consent: bool = True
    archived: bool = False


@dataclass(frozen=True)
class Participant:
    profile: Profile
    role: Role
    capacity: int = 1

    @property
    def person_id(self) -> int:
        return self.profile.person_id


@dataclass(frozen=True)
class OpenPair:
    pair_id: int
    mentor_id: int
    mentee_id: int
    status: str


@dataclass
class CohortFacts:
    """A cohort's participants, open pairs, constraints and the organisation around them."""

    cohort_id: int
    cohort_name: str
    kind: CohortKind
    settings: RuleSettings
    participants: list[Participant]
    open_pairs: list[OpenPair] = field(default_factory=list)
    constraints: list[Constraint] = field(default_factory=list)
    managers: dict[int, int | None] = field(default_factory=dict)
    # Earlier pairings: (smaller id, larger id) -> name of the cohort they were paired in.
    history: dict[tuple[int, int], str] = field(default_factory=dict)
    mentor_label: str = "Mentor"
    mentee_label: str = "Mentee"

    def profile(self, person_id: int) -> Profile | None:
        for participant in self.participants:
            if participant.person_id == person_id:
                return participant.profile
        return None


def history_key(first: int, second: int) -> tuple[int, int]:
    return (first, second) if first < second else (second, first)


def load_facts(cohort_id: int, settings: RuleSettings | None = None) -> CohortFacts:
    """Read the cohort and its surroundings; raises NotFound for an unknown cohort."""
    cohort: Cohort = cohorts.get_cohort_model(cohort_id)
    kind = CohortKind(cohort.kind)
    settings = settings or rule_settings(cohort_id, kind.value)

    enrolled = list(
        Participation.select(Participation.person, Participation.role, Participation.capacity)
        .where(Participation.cohort == cohort_id)
        .order_by(Participation.person)
        .tuples()
    )
    person_ids = [row[0] for row in enrolled]
    teaches: dict[int, list[str]] = {}
    learns: dict[int, list[str]] = {}
    skills = (
        Skill.select(Skill.person, Skill.direction, Skill.name)
        .where(Skill.person.in_(person_ids))
        .order_by(Skill.id)
        .tuples()
    )
    for person_id, direction, name in skills:
        (teaches if direction == TEACH else learns).setdefault(person_id, []).append(name)

    people = {}
    columns = (
        Person.id,
        Person.name,
        Person.email,
        Person.department,
        Person.job_title,
        Person.manager,
        Person.grade,
        Person.hire_date,
        Person.location,
        Person.meeting_format,
        Person.consent_date,
        Person.archived,
    )
    labels = person_labels(person_ids)
    for row in Person.select(*columns).where(Person.id.in_(person_ids)).tuples():
        people[row[0]] = Profile(
            person_id=row[0],
            name=labels[row[0]],
            email=row[2] or "",
            department=row[3],
            job_title=row[4],
            manager_id=row[5],
            grade=row[6],
            hire_date=as_date(row[7]),
            location=row[8],
            meeting_format=row[9],
            teaches=tuple(teaches.get(row[0], ())),
            learns=tuple(learns.get(row[0], ())),
            has_consent=row[10] is not None,
            archived=bool(row[11]),
        )
    participants = [
        Participant(people[person_id], Role(role), capacity)
        for person_id, role, capacity in enrolled
    ]

    open_pairs = [
        OpenPair(*row)
        for row in Pair.select(Pair.id, Pair.mentor, Pair.mentee, Pair.status)
        .where((Pair.cohort == cohort_id) & Pair.status.in_(cohorts.OPEN_STATUSES))
        .order_by(Pair.id)
        .tuples()
    ]

    history: dict[tuple[int, int], str] = {}
    earlier = (
        Pair.select(Pair.mentor, Pair.mentee, Cohort.name)
        .join(Cohort, on=(Pair.cohort == Cohort.id))
        .where(
            (Pair.cohort != cohort_id) & (Pair.mentor.in_(person_ids) | Pair.mentee.in_(person_ids))
        )
        .order_by(Pair.id)
        .tuples()
    )
    for mentor_id, mentee_id, cohort_name in earlier:
        history.setdefault(history_key(mentor_id, mentee_id), cohort_name)

    managers = dict(Person.select(Person.id, Person.manager).tuples())
    return CohortFacts(
        cohort_id=cohort_id,
        cohort_name=cohort.name,
        kind=kind,
        settings=settings,
        participants=participants,
        open_pairs=open_pairs,
        constraints=list_constraints(cohort_id),
        managers=managers,
        history=history,
        mentor_label=cohort.mentor_label,
        mentee_label=cohort.mentee_label,
    )
