"""What an import would change: each person's record, field by field, and each problem row.

``plan.build_plan`` counts them into an ``ImportPlan``; ``apply.apply_plan`` writes them.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from revmentor_desktop.domain.importing.dates import (
    DateOrder,
)
from revmentor_desktop.domain.vocabulary import CohortKind, plural

# Person columns an import can set, in the order the preview lists them.
PERSON_COLUMNS: dict[str, str] = {
    "name": "Name",
    "department": "Department",
    "job_title": "Job title",
    "hire_date": "Hire date",
    "grade": "Grade",
    "location": "Location",
    "meeting_format": "Meeting format",
    "consent_date": "Consent date",
    "consent_wording": "Consent wording",
    "coordinator_notes": "Coordinator notes",
}


class ChangeKind(StrEnum):
    ADD = "add"
    UPDATE = "update"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ImportOptions:
    date_order: DateOrder | None = None
    cohort_name: str = ""  # enrol the people in this cohort (created when missing)
    cohort_kind: str = CohortKind.REVERSE.value
    default_role: str | None = None  # role for rows without one (None: those are not enrolled)
    consent_wording: str = ""  # recorded with consent; default: the consent column's header
    today: date | None = None


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str  # the header as written in the file
    reason: str

    def __str__(self) -> str:
        return f"Line {self.line}, {self.column}: {self.reason}"

    @property
    def kind(self) -> tuple[str, str]:
        """The column and the reason with its values blanked: what rows with "the same problem"
        share ("x@ is not valid" and "y@ is not valid" are one kind)."""
        return self.column, _VALUES_IN_REASON.sub("…", self.reason)


# Quoted text, e-mail addresses and numbers (lines, dates) inside a reason.
_VALUES_IN_REASON = re.compile(r"“[^”]*”|\S+@\S+|\d[\d,./:-]*")
PROBLEMS_SHOWN_PER_KIND = 10
KEPT_PROBLEMS = 2_000  # the problems a plan keeps to show, the first in the file; all are counted


class _Kept:
    """The ``most`` smallest items by (line, order): a heap whose top is the largest kept."""

    def __init__(self, most: int) -> None:
        self.most = most
        self._heap: list[tuple[int, int, RowProblem]] = []

    def offer(self, order: int, problem: RowProblem) -> None:
        item = (-problem.line, -order, problem)
        if len(self._heap) < self.most:
            heapq.heappush(self._heap, item)
        elif item > self._heap[0]:
            heapq.heapreplace(self._heap, item)

    def items(self) -> list[tuple[int, int, RowProblem]]:
        """(line, order, problem), in file order."""
        return sorted((-line, -order, problem) for line, order, problem in self._heap)


class Digest:
    """A running hash of what a check found: the import compares its own with the preview's,
    without keeping either list."""

    def __init__(self) -> None:
        self._hash = hashlib.blake2b(digest_size=16)

    def add(self, data: bytes) -> None:
        self._hash.update(data + b"\0")

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


@dataclass
class _Kind:
    count: int = 0
    first: tuple[int, int] = (0, 0)  # (line, order) of its first problem in the file


class ProblemLog:
    """Every row problem, counted by kind; only the first ones in the file are kept to show.

    A broken 400,000-row export can have a problem on every row: kept whole, the problems alone
    took more memory than the whole import may use, and listed whole they buried the screen
    (and wrote megabytes to stderr) without telling anyone more.
    """

    def __init__(
        self, kept: int = KEPT_PROBLEMS, shown_per_kind: int = PROBLEMS_SHOWN_PER_KIND
    ) -> None:
        self.total = 0
        self.shown_per_kind = shown_per_kind
        self._first = _Kept(kept)
        self._kinds: dict[tuple[str, str], _Kind] = {}
        self._first_of_kind: dict[tuple[str, str], _Kept] = {}
        self.digest = Digest()

    def add(self, problem: RowProblem) -> None:
        order = self.total
        self.total += 1
        self.digest.add(str(problem).encode("utf-8", "replace"))
        self._first.offer(order, problem)
        kind = self._kinds.get(problem.kind)
        if kind is None:
            kind = self._kinds[problem.kind] = _Kind(first=(problem.line, order))
            self._first_of_kind[problem.kind] = _Kept(self.shown_per_kind)
        kind.count += 1
        kind.first = min(kind.first, (problem.line, order))
        self._first_of_kind[problem.kind].offer(order, problem)

    def __bool__(self) -> bool:
        return self.total > 0

    @property
    def first(self) -> list[RowProblem]:
        """The first problems in file order (all of them when there are few)."""
        return [problem for _line, _order, problem in self._first.items()]

    def lines(self) -> list[str]:
        """The problems to show a person, at most ``shown_per_kind`` of each kind, in file
        order, then "… and 9,990 more rows with the same problem in Email." for each kind cut
        short."""
        shown = sorted(item for kept in self._first_of_kind.values() for item in kept.items())
        lines = [str(problem) for _line, _order, problem in shown]
        for (column, _), kind in sorted(self._kinds.items(), key=lambda item: item[1].first):
            hidden = kind.count - self.shown_per_kind
            if hidden > 0:
                more = plural(hidden, "more row")
                lines.append(f"… and {more} with the same problem in {column}.")
        return lines


@dataclass(frozen=True)
class FieldChange:
    field: str  # a label for people: "Department", "Manager", "Skills to share", ...
    old: str
    new: str


@dataclass
class Record:
    """A valid row, resolved against the data: the person as they will be after the import."""

    line: int
    email: str
    key: str
    person_id: int | None
    kind: ChangeKind = ChangeKind.UNCHANGED
    after: dict[str, Any] = field(default_factory=dict)  # person columns, complete
    changed_columns: set[str] = field(default_factory=set)
    teaches: list[str] | None = None  # None: leave as they are
    learns: list[str] | None = None
    manager_key: str | None = None
    manager_changed: bool = False
    role: str | None = None
    capacity: int = 1
    enrolment_changed: bool = False
    changes: list[FieldChange] = field(default_factory=list)
    position: int = 0  # among the rows of the file (blank rows left out), from 0
    stored_email: str = ""  # the address as the data file spells it (kept on update)

    @property
    def name(self) -> str:
        return str(self.after.get("name", ""))

    def outline(self) -> bytes:
        """What the preview showed of this record, to compare it with what the import writes
        (the file cannot change in between: ``read_table_file`` refuses it then)."""
        return repr((self.line, self.key, self.kind.value, self.changes)).encode()
