"""What the session functions take and give: a session's draft as the coordinator enters it,
a row of the sessions list with the query that lists them, and a person's session counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from revmentor_desktop.domain.vocabulary import MeetingFormat, SessionStatus

# A draft's plan item when the caller does not say: an edit leaves the session's item as it is.
PLAN_ITEM_UNCHANGED = -1


@dataclass
class SessionDraft:
    pair_id: int
    starts_at: datetime
    duration_minutes: int = 60
    meeting_format: str = MeetingFormat.IN_PERSON.value
    status: str = SessionStatus.PLANNED.value
    cancelled_by: str = ""
    topics: list[str] = field(default_factory=list)
    mentor_takeaways: str = ""
    mentee_takeaways: str = ""
    notes: str = ""
    plan_item_id: int | None = PLAN_ITEM_UNCHANGED  # the item of the pair's plan it takes up


@dataclass(frozen=True)
class SessionRow:
    """One line of the sessions list. The names are labels: with what tells a person apart
    from someone of the same name (see ``namesakes``)."""

    id: int
    pair_id: int
    cohort_name: str
    mentor_name: str
    mentee_name: str
    starts_at: datetime
    duration_minutes: int
    meeting_format: str
    status: str
    cancelled_by: str
    topics: list[str]


@dataclass
class SessionQuery:
    search: str = ""
    pair_id: int | None = None
    cohort_id: int | None = None
    person_id: int | None = None
    status: str = ""
    date_from: date | None = None
    date_to: date | None = None
    sort_by: str = "starts_at"
    descending: bool = True


@dataclass(frozen=True)
class PersonSessions:
    """How many sessions a person has had and has planned, across all their pairs."""

    held: int
    planned: int
    last_held: datetime | None

    def summary(self) -> str:
        return f"{self.held} held, {self.planned} planned"
