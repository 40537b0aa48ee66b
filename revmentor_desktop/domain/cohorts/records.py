"""What the cohort functions take and give: a cohort's draft and list row, an enrolment and
the rows that show one; and the stored cohort they are read from."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from revmentor_desktop.domain.queries import get_or_not_found
from revmentor_desktop.domain.vocabulary import CohortKind, PairStatus
from revmentor_desktop.storage.models import Cohort

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


def get_cohort_model(cohort_id: int) -> Cohort:
    return get_or_not_found(Cohort, cohort_id, "cohort")


# Every field of the draft but its participants, which are enrolments, not cohort columns.
_SETTINGS = tuple(field.name for field in fields(CohortDraft) if field.name != "participants")


def settings_of(cohort: Cohort) -> dict[str, Any]:
    """The stored fields a cohort's draft and its row in the list both show."""
    return {field: getattr(cohort, field) for field in _SETTINGS}
