"""What an import would change: each person's record, field by field, and each problem row.

``plan.build_plan`` fills an ``ImportPlan``; ``apply.apply_plan`` writes it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from revmentor_desktop.domain.importing.dates import (
    DateOrder,
)
from revmentor_desktop.domain.importing.mapping import ColumnMapping
from revmentor_desktop.domain.importing.reading import Table
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


def problem_lines(
    problems: Sequence[RowProblem], shown_per_kind: int = PROBLEMS_SHOWN_PER_KIND
) -> list[str]:
    """The problems to show a person, at most ``shown_per_kind`` of each kind, in file order,
    then "… and 9,990 more rows with the same problem" for each kind cut short.

    A broken export can have a problem on every one of 400,000 rows; listing them all buried the
    screen (and wrote megabytes to stderr) without telling anyone more.
    """
    seen: Counter[tuple[str, str]] = Counter()
    lines: list[str] = []
    for problem in problems:
        seen[problem.kind] += 1
        if seen[problem.kind] <= shown_per_kind:
            lines.append(str(problem))
    for (column, _), count in seen.items():
        hidden = count - shown_per_kind
        if hidden > 0:
            lines.append(f"… and {plural(hidden, 'more row')} with the same problem in {column}.")
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

    @property
    def name(self) -> str:
        return str(self.after.get("name", ""))


@dataclass
class ImportPlan:
    table: Table
    mapping: ColumnMapping
    options: ImportOptions
    file_problems: list[str] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    date_orders: dict[str, str] = field(default_factory=dict)  # header → what was used
    needs_date_order: bool = False
    cohort_id: int | None = None

    @property
    def invalid_lines(self) -> list[int]:
        return sorted({problem.line for problem in self.problems})

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for record in self.records if record.kind == kind)

    @property
    def added(self) -> int:
        return self.count(ChangeKind.ADD)

    @property
    def updated(self) -> int:
        return self.count(ChangeKind.UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(ChangeKind.UNCHANGED)

    @property
    def skipped(self) -> int:
        return len(self.invalid_lines)

    @property
    def has_changes(self) -> bool:
        return any(record.kind != ChangeKind.UNCHANGED for record in self.records)

    def can_apply(self, skip_invalid: bool = False) -> bool:
        return not self.file_problems and (skip_invalid or not self.problems)

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped"
        )
