"""What the pair functions take and give: drafts to save, rows to list, pairs to
follow up; and the stored pair they are read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from revmentor_desktop.domain.health import Health
from revmentor_desktop.domain.queries import get_or_not_found
from revmentor_desktop.storage.models import Pair


@dataclass
class GoalDraft:
    description: str
    progress: int = 0
    owner: str = "mentee"


@dataclass
class PairDraft:
    cohort_id: int
    mentor_id: int
    mentee_id: int
    start_date: date | None = None
    end_date: date | None = None
    focus_areas: list[str] = field(default_factory=list)
    goals: list[GoalDraft] = field(default_factory=list)
    agreement_signed: date | None = None
    coordinator_notes: str = ""
    shared_summary: str = ""


@dataclass(frozen=True)
class PairRow:
    """One line of the pairs list. The names are labels: with what tells a person apart from
    someone of the same name (see ``namesakes``)."""

    id: int
    cohort_id: int
    cohort_name: str
    mentor_id: int
    mentor_name: str
    mentee_id: int
    mentee_name: str
    direction: str
    status: str
    start_date: date | None
    end_date: date | None
    sessions_held: int
    last_held: date | None
    agreement_signed: date | None
    cadence_days: int
    health: Health


@dataclass
class PairQuery:
    search: str = ""
    cohort_id: int | None = None
    status: str = ""
    person_id: int | None = None
    sort_by: str = "mentee"
    descending: bool = False


@dataclass(frozen=True)
class FlaggedPair:
    """An active pair whose health is amber or red, with what Today says of it (the names are
    labels, as in ``PairRow``)."""

    id: int
    mentor_name: str
    mentee_name: str
    last_held: date | None
    health: Health
    start_date: date | None = None
    cadence_days: int = 0


@dataclass(frozen=True)
class UnsignedPair:
    """A proposed pair whose agreement is not signed yet, and since when it is proposed."""

    id: int
    mentor_name: str
    mentee_name: str
    proposed_on: date


def get_pair_model(pair_id: int) -> Pair:
    return get_or_not_found(Pair, pair_id, "pair")
