"""The import plan: every row checked against the file and the data, before anything is written.

A plan counts each problem row (line, column, reason) and, for the valid rows, what happens to
each person: added, updated (field by field) or unchanged. ``apply.apply_plan`` writes it.

Planning walks the file's rows in chunks, twice: first to check each row on its own and index
what the whole file needs (duplicates, managers, loops), then to compare each chunk with the
data. Only counts, the first problems and changes, and a few bytes a row are kept; the import
walks the rows again to write them (``resolved_chunks``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import count

from peewee import chunked, fn

from revmentor_desktop.domain.clock import system_clock
from revmentor_desktop.domain.importing.changes import (
    ChangeKind,
    Digest,
    ImportOptions,
    ProblemLog,
    Record,
    RowProblem,
)
from revmentor_desktop.domain.importing.dates import DateOrder, needs_order, order_evidence
from revmentor_desktop.domain.importing.index import RowIndex
from revmentor_desktop.domain.importing.known_people import managers_in_data, person_ids_by_key
from revmentor_desktop.domain.importing.mapping import ColumnMapping, Field
from revmentor_desktop.domain.importing.reading import Table
from revmentor_desktop.domain.importing.resolver import Resolved, Resolver
from revmentor_desktop.domain.importing.row_reader import DATE_FIELDS, RowReader, duplicate_email
from revmentor_desktop.domain.progress import Progress
from revmentor_desktop.domain.text import clip, email_key, is_valid_email, quoted
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.storage.models import Cohort

CHUNK_ROWS = 2_000  # rows read, checked and written together
PREVIEW_CHANGES = 2_000  # the changes a plan keeps to preview; all are counted


@dataclass
class ImportPlan:
    """Every row checked and every change counted, without writing.

    It keeps counts, the first problems and the first changes, and a few bytes a row
    (``index``); the rows themselves are read from the file again to write them, so a 50 MB
    file is imported in bounded memory.
    """

    table: Table
    mapping: ColumnMapping
    options: ImportOptions
    file_problems: list[str] = field(default_factory=list)
    problems: ProblemLog = field(default_factory=ProblemLog)
    first_changes: list[Record] = field(default_factory=list)  # the first that change something
    counts: Counter[ChangeKind] = field(default_factory=Counter)
    enrolments: Counter[str] = field(default_factory=Counter)  # people to enrol in each role
    notes: list[str] = field(default_factory=list)
    date_orders: dict[str, str] = field(default_factory=dict)  # header → what was used
    needs_date_order: bool = False
    cohort_id: int | None = None
    index: RowIndex = field(default_factory=RowIndex)
    resolver: Resolver | None = None  # compares the rows with the data; None: nothing to import
    records_digest: Digest = field(default_factory=Digest, repr=False, compare=False)

    def count(self, record: Record) -> None:
        """Count ``record`` (and keep it when among the first changes)."""
        self.counts[record.kind] += 1
        if record.role and record.enrolment_changed:
            self.enrolments[record.role] += 1
        self.records_digest.add(record.outline())
        if record.kind != ChangeKind.UNCHANGED and len(self.first_changes) < PREVIEW_CHANGES:
            self.first_changes.append(record)

    @property
    def fingerprint(self) -> str:
        """Changes whenever a problem or a change does; an import whose fresh check gives
        another fingerprint than the preview's writes nothing."""
        return "|".join(
            (
                repr(self.file_problems),
                self.problems.digest.hexdigest(),
                self.records_digest.hexdigest(),
            )
        )

    @property
    def added(self) -> int:
        return self.counts[ChangeKind.ADD]

    @property
    def updated(self) -> int:
        return self.counts[ChangeKind.UPDATE]

    @property
    def unchanged(self) -> int:
        return self.counts[ChangeKind.UNCHANGED]

    @property
    def skipped(self) -> int:
        """The rows with problems (a row can have several)."""
        return self.index.skipped

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.updated)

    def can_apply(self, skip_invalid: bool = False) -> bool:
        return not self.file_problems and (skip_invalid or not self.problems)

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped"
        )


def build_plan(
    table: Table,
    mapping: ColumnMapping,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Check every row of ``table`` read with ``mapping``; writes nothing.

    ``progress(done, total)`` is called now and then; the rows are walked twice.
    """
    plan = prepare_plan(table, mapping, options, progress)
    if plan.resolver is not None:
        total = 2 * len(table.rows)
        for number, resolved in enumerate(resolved_chunks(plan), start=1):
            count_resolved(plan, resolved)
            if progress is not None:
                progress(min(len(table.rows) + number * CHUNK_ROWS, total), total)
    return plan


def prepare_plan(
    table: Table,
    mapping: ColumnMapping,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """The first half of a plan: the file's problems, and every row checked on its own and
    indexed. Its resolver (None when the file cannot be imported at all) compares the rows
    with the data, a chunk at a time (``resolved_chunks``)."""
    options = options or ImportOptions()
    plan = ImportPlan(table, _fitted(mapping, len(table.headers)), options)
    plan.file_problems.extend(plan.mapping.problems(table.headers))
    if not table.rows:
        plan.file_problems.append(
            "The file has column headings but no rows of people: there is nothing to import."
        )
    if plan.file_problems:
        return plan
    orders = _date_orders(plan)
    cohort = _load_cohort(plan)
    reader = RowReader(table.headers, plan.mapping, options, orders, _today(options))
    _index_rows(plan, reader, progress)
    if plan.mapping.has(Field.MANAGER_EMAIL):
        plan.index.check_managers(person_ids_by_key, managers_in_data())
    plan.index.forget_addresses()
    plan.resolver = Resolver(reader, plan.index, options, cohort)
    return plan


def resolved_chunks(plan: ImportPlan) -> Iterator[Resolved]:
    """The rows compared with the data, a chunk at a time (read from the file again)."""
    if plan.resolver is None:
        return
    numbered = zip(count(), plan.table.rows, strict=False)
    for chunk in chunked(numbered, CHUNK_ROWS):
        yield plan.resolver.resolve(chunk, plan.table.name)


def planned_records(plan: ImportPlan) -> Iterator[Record]:
    """Every record of the plan in file order, read from the file again (a plan keeps only
    the first changes)."""
    for resolved in resolved_chunks(plan):
        yield from resolved.records


def count_resolved(plan: ImportPlan, resolved: Resolved) -> None:
    """Add a resolved chunk's problems and records to the plan's counts."""
    for position, problem in resolved.problems:
        plan.problems.add(problem)
        plan.index.refuse(position)
    for record in resolved.records:
        plan.count(record)


def _today(options: ImportOptions) -> date:
    return options.today or system_clock().date()


def _fitted(mapping: ColumnMapping, width: int) -> ColumnMapping:
    """``mapping`` with exactly one entry per column."""
    if len(mapping.fields) == width:
        return mapping
    return ColumnMapping(
        tuple(list(mapping.fields[:width]) + [None] * (width - len(mapping.fields)))
    )


def _index_rows(plan: ImportPlan, reader: RowReader, progress: Progress | None) -> None:
    """Check each row on its own, a chunk at a time, and remember what the whole file needs."""
    index = plan.index
    total = 2 * len(plan.table.rows)
    for chunk in chunked(plan.table.rows, CHUNK_ROWS):
        emails = [reader.cell(row, Field.EMAIL) for row in chunk]
        known = person_ids_by_key(email_key(email) or "" for email in emails)
        for row, email in zip(chunk, emails, strict=True):
            key = email_key(email) or ""
            values, problems = reader.read(row, known=key in known)
            first_line = index.first_line(key) if is_valid_email(email) else None
            if first_line is not None:
                reason = duplicate_email(email, first_line)
                problems.insert(0, RowProblem(row.line, reader.header(Field.EMAIL), reason))
            unique = is_valid_email(email) and first_line is None
            index.add(
                row.line,
                key if unique else None,
                known.get(key, 0),
                email_key(values.get(Field.MANAGER_EMAIL)),
                valid=not problems,
            )
            for problem in problems:
                plan.problems.add(problem)
        if progress is not None:
            progress(len(index), total)


def _load_cohort(plan: ImportPlan) -> Cohort | None:
    name = plan.options.cohort_name.strip()
    if not name:
        return None
    if plan.options.cohort_kind not in {kind.value for kind in CohortKind}:
        plan.file_problems.append("Choose reverse, traditional or mutual mentoring for the cohort.")
    cohort = Cohort.get_or_none(fn.lower(Cohort.name) == name.lower())
    if cohort is None:
        plan.notes.append(f"The cohort “{name}” does not exist yet; the import creates it.")
    else:
        plan.cohort_id = int(cohort.id)
        if cohort.kind != plan.options.cohort_kind and plan.options.cohort_kind:
            plan.notes.append(
                f"The cohort “{cohort.name}” already exists as {cohort.kind} mentoring; "
                "it stays that way."
            )
    has_role = plan.mapping.has(Field.ROLE) or plan.options.default_role
    if not has_role:
        plan.notes.append(
            f"The file has no role column, so nobody is enrolled in “{name}”. "
            "Choose a role for everyone to enrol them."
        )
    return cohort


def _date_orders(plan: ImportPlan) -> dict[int, DateOrder | None]:
    """For each date column, the order to read it in: chosen, inferred, or still unknown."""
    columns = [
        column for field_ in DATE_FIELDS if (column := plan.mapping.column_of(field_)) is not None
    ]
    chosen = plan.options.date_order
    if chosen is not None:
        for column in columns:
            header = clip(plan.table.headers[column])
            plan.date_orders[header] = _order_words(chosen) + " (as chosen)"
        return dict.fromkeys(columns, chosen)
    evidence = _date_evidence(plan.table, columns)
    orders: dict[int, DateOrder | None] = {}
    for column in columns:
        header = plan.table.headers[column]
        seen, example = evidence[column]
        orders[column] = None
        if len(seen) == 1:
            (orders[column],) = seen
            plan.date_orders[clip(header)] = _order_words(orders[column]) + " (from the values)"
        elif seen:
            plan.needs_date_order = True
            plan.file_problems.append(
                f"The dates in {quoted(header)} mix day-first and month-first values; "
                "choose the date order (day-first or month-first)."
            )
        elif example is not None:
            plan.needs_date_order = True
            plan.file_problems.append(
                f"The dates in {quoted(header)} (such as {quoted(example)}) could be day-first "
                "or month-first; choose the date order (day-first or month-first)."
            )
        else:
            plan.date_orders[clip(header)] = "year first (ISO)"
    return orders


def _date_evidence(
    table: Table, columns: list[int]
) -> dict[int, tuple[set[DateOrder], str | None]]:
    """For each date column, in one walk of the rows: the orders its values prove, and its
    first value that needs an order to be read."""
    seen: dict[int, set[DateOrder]] = {column: set() for column in columns}
    example: dict[int, str | None] = dict.fromkeys(columns)
    if columns:
        for row in table.rows:
            for column in columns:
                value = row.cell(column)
                if not value:
                    continue
                proven = order_evidence(value)
                if proven is not None:
                    seen[column].add(proven)
                elif example[column] is None and needs_order(value):
                    example[column] = value
    return {column: (seen[column], example[column]) for column in columns}


def _order_words(order: DateOrder) -> str:
    return "day-first" if order == DateOrder.DMY else "month-first"
