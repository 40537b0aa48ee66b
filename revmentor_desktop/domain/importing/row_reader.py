"""Reading one row of a staff list: each cell checked and turned into a value for its field.

``RowReader`` knows which column holds which field; it reports each problem with the row's
line and the column's heading. The reasons are worded here once, so the wizard, the command
line and the tests agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from revmentor_desktop.domain import limits
from revmentor_desktop.domain.importing.changes import ImportOptions, RowProblem
from revmentor_desktop.domain.importing.dates import (
    DateOrder,
    DateProblem,
    needs_order,
    parse_date,
    parse_timestamp,
)
from revmentor_desktop.domain.importing.mapping import ColumnMapping, Field
from revmentor_desktop.domain.importing.reading import Row
from revmentor_desktop.domain.importing.values import (
    CellProblem,
    parse_capacity,
    parse_consent,
    parse_grade,
    parse_meeting_format,
    parse_role,
    split_skills,
)
from revmentor_desktop.domain.text import clip, email_key, is_valid_email, quoted

TEXT_FIELDS = {
    Field.DEPARTMENT: "department",
    Field.JOB_TITLE: "job_title",
    Field.LOCATION: "location",
    Field.NOTES: "coordinator_notes",
    Field.CONSENT_WORDING: "consent_wording",
}
_LIMITS = {  # the e-mail address is checked on its own, once it is known to be one
    Field.FULL_NAME: limits.PERSON["name"],
    Field.DEPARTMENT: limits.PERSON["department"],
    Field.JOB_TITLE: limits.PERSON["job_title"],
    Field.LOCATION: limits.PERSON["location"],
    Field.TEACHES: limits.PERSON["teaches"],
    Field.LEARNS: limits.PERSON["learns"],
    Field.CONSENT_WORDING: limits.PERSON["consent_wording"],
    Field.NOTES: limits.PERSON["coordinator_notes"],
}
DATE_FIELDS = (Field.HIRE_DATE, Field.CONSENT_DATE, Field.TIMESTAMP)
_CHOICES: tuple[tuple[Field, Callable[[str], Any]], ...] = (
    (Field.GRADE, parse_grade),
    (Field.ROLE, parse_role),
    (Field.MEETING_FORMAT, parse_meeting_format),
    (Field.CAPACITY, parse_capacity),
    (Field.CONSENT, parse_consent),
)
Reporter = Callable[..., None]  # problem(field, reason, column=None)


# Reasons, worded once so the wizard, the command line and the tests agree.
def missing_name() -> str:
    return "A new person needs a name, and this row has none."


def missing_email() -> str:
    return "The e-mail address is missing; people are matched by e-mail."


def invalid_email(value: str) -> str:
    return f"{quoted(value)} is not a valid e-mail address (like name@example.org)."


def duplicate_email(value: str, first_line: int) -> str:
    return (
        f"{clip(value)} is already on line {first_line} "
        "(e-mail addresses are compared ignoring capitals)."
    )


def unknown_manager(value: str) -> str:
    return f"The manager {clip(value)} is neither in this file nor in RevMentor."


def manager_row_invalid(value: str, line: int) -> str:
    return f"The manager {clip(value)} is on line {line}, which has problems and is not imported."


MANAGER_LOOP = "The reporting lines would form a loop (someone would manage their own manager)."


class RowReader:
    """Reads one row's cells into checked values, and the problems found in them."""

    def __init__(
        self,
        headers: tuple[str, ...],
        mapping: ColumnMapping,
        options: ImportOptions,
        orders: dict[int, DateOrder | None],
        today: date,
    ) -> None:
        self.headers = headers
        self.orders = orders
        self.today = today
        self.columns = {f: c for c, f in enumerate(mapping.fields) if f is not None}
        consent_column = self.columns.get(Field.CONSENT)
        self.consent_wording = options.consent_wording.strip() or (
            headers[consent_column].strip() if consent_column is not None else ""
        )

    def header(self, field_: Field) -> str:
        column = self.columns.get(field_)
        if column is not None:
            return clip(self.headers[column]) or field_.label
        return field_.label

    def name_header(self) -> str:
        for field_ in (Field.FULL_NAME, Field.FIRST_NAME, Field.LAST_NAME):
            if field_ in self.columns:
                return self.header(field_)
        return "Name"

    def cell(self, row: Row, field_: Field) -> str:
        """The cell of ``field_`` (cells come trimmed from the reader), "" when not mapped."""
        column = self.columns.get(field_)
        if column is None or column >= len(row.cells):
            return ""
        return row.cells[column]

    def filled(self, row: Row) -> dict[Field, str]:
        """The row's non-empty cells, by the field they are mapped to."""
        cells = row.cells
        width = len(cells)
        return {f: cells[c] for f, c in self.columns.items() if c < width and cells[c]}

    def read(self, row: Row, known: bool) -> tuple[dict[Field, Any], list[RowProblem]]:
        """The row's values and problems; ``known``: its address is in the data file already.

        Duplicates are the index's question (they need the whole file).
        """
        problems: list[RowProblem] = []
        values: dict[Field, Any] = {}
        cells = self.filled(row)

        def problem(field_: Field, reason: str, column: str | None = None) -> None:
            problems.append(RowProblem(row.line, column or self.header(field_), reason))

        email = cells.get(Field.EMAIL, "")
        if not email:
            problem(Field.EMAIL, missing_email())
        elif not is_valid_email(email):
            problem(Field.EMAIL, invalid_email(email))
        elif reason := limits.PERSON["email"].problem(email):
            problem(Field.EMAIL, reason)
        values[Field.EMAIL] = email
        name = cells.get(Field.FULL_NAME) or " ".join(
            cells[part] for part in (Field.FIRST_NAME, Field.LAST_NAME) if part in cells
        )
        name = " ".join(name.split())
        if name:
            values[Field.FULL_NAME] = name
        elif not known:
            problem(Field.FULL_NAME, missing_name(), column=self.name_header())
        for field_ in TEXT_FIELDS:
            if field_ in cells:
                values[field_] = cells[field_]
        self._read_dates(cells, values, problem)
        self._read_choices(cells, values, problem)
        for field_ in (Field.TEACHES, Field.LEARNS):
            if field_ in cells:
                values[field_] = split_skills(cells[field_])
        manager = cells.get(Field.MANAGER_EMAIL)
        if manager:
            if not is_valid_email(manager):
                problem(Field.MANAGER_EMAIL, invalid_email(manager))
            elif email_key(manager) == email_key(email):
                problem(Field.MANAGER_EMAIL, "A person cannot be their own manager.")
            else:
                values[Field.MANAGER_EMAIL] = manager
        for field_, reason in _over_the_limits(values):
            problem(field_, reason, self.name_header() if field_ == Field.FULL_NAME else None)
        return values, problems

    def _read_dates(
        self, cells: dict[Field, str], values: dict[Field, Any], problem: Reporter
    ) -> None:
        for field_ in DATE_FIELDS:
            text = cells.get(field_)
            if not text:
                continue
            order = self.orders.get(self.columns[field_])
            if order is None and needs_order(text):
                continue  # the whole column waits for the date order (a file problem)
            try:
                parse = parse_timestamp if field_ == Field.TIMESTAMP else parse_date
                values[field_] = parse(text, order)
            except DateProblem as error:
                problem(field_, str(error))
        hire = values.get(Field.HIRE_DATE)
        if hire is not None and hire > self.today:
            problem(Field.HIRE_DATE, f"The hire date {hire.isoformat()} is in the future.")

    def _read_choices(
        self, cells: dict[Field, str], values: dict[Field, Any], problem: Reporter
    ) -> None:
        for field_, parse_cell in _CHOICES:
            text = cells.get(field_)
            if not text:
                continue
            try:
                values[field_] = parse_cell(text)
            except CellProblem as error:
                problem(field_, str(error))


def _over_the_limits(values: dict[Field, Any]) -> Iterator[tuple[Field, str]]:
    """The values longer than a person's fields may be (``limits.PERSON``), with the reason.

    Without this check an import stored what the window refuses: a megabyte name or note.
    """
    for field_, limit in _LIMITS.items():
        value = values.get(field_)
        if value is None:
            continue
        longest = max(value, key=len, default="") if isinstance(value, list) else value
        if len(longest) > limit.most:
            yield field_, limit.problem(longest) or ""
