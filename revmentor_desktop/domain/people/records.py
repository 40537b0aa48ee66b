"""What the people functions take and give: a person's draft as the coordinator enters it,
the record read back, and a row of the people list with the query that lists them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from revmentor_desktop.domain.vocabulary import MeetingFormat

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
