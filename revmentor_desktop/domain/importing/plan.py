"""The import plan: every row checked against the file and the data, before anything is written.

A plan lists each problem row (line, column, reason) and, for the valid rows, what happens to
each person: added, updated (field by field) or unchanged. ``apply.apply_plan`` writes it.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import fn

from revmentor_desktop.domain.clock import system_clock
from revmentor_desktop.domain.importing.changes import ImportOptions, ImportPlan
from revmentor_desktop.domain.importing.dates import (
    DateOrder,
    infer_order,
    needs_order,
)
from revmentor_desktop.domain.importing.mapping import ColumnMapping, Field
from revmentor_desktop.domain.importing.reading import Table
from revmentor_desktop.domain.importing.rows import DATE_FIELDS, ExistingPeople, RowReader
from revmentor_desktop.domain.text import clip, quoted
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.storage.models import Cohort


def build_plan(
    table: Table,
    mapping: ColumnMapping,
    options: ImportOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Check every row of ``table`` read with ``mapping``; writes nothing."""
    options = options or ImportOptions()
    today = options.today or system_clock().date()
    plan = ImportPlan(table, mapping, options)
    if len(mapping.fields) != len(table.headers):
        mapping = ColumnMapping(
            tuple(
                list(mapping.fields[: len(table.headers)])
                + [None] * (len(table.headers) - len(mapping.fields))
            )
        )
        plan.mapping = mapping
    plan.file_problems.extend(mapping.problems(table.headers))
    if not table.rows:
        plan.file_problems.append(
            "The file has column headings but no rows of people: there is nothing to import."
        )
    if plan.file_problems:
        return plan
    orders = _date_orders(plan)
    existing = ExistingPeople.load()
    cohort = _load_cohort(plan)
    builder = RowReader(plan, existing, orders, today)
    for position, row in enumerate(table.rows):
        builder.read(row)
        if progress is not None and position % 500 == 0:
            progress(position, len(table.rows))
    builder.check_managers()
    builder.resolve(cohort)
    return plan


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
    orders: dict[int, DateOrder | None] = {}
    chosen = plan.options.date_order
    for field_ in DATE_FIELDS:
        column = plan.mapping.column_of(field_)
        if column is None:
            continue
        header = plan.table.headers[column]
        values = [row.cell(column) for row in plan.table.rows if row.cell(column)]
        inferred, contradictory = infer_order(values)
        if chosen is not None:
            orders[column] = chosen
            plan.date_orders[clip(header)] = _order_words(chosen) + " (as chosen)"
        elif inferred is not None:
            orders[column] = inferred
            plan.date_orders[clip(header)] = _order_words(inferred) + " (from the values)"
        elif contradictory:
            orders[column] = None
            plan.needs_date_order = True
            plan.file_problems.append(
                f"The dates in {quoted(header)} mix day-first and month-first values; "
                "choose the date order (day-first or month-first)."
            )
        elif any(needs_order(value) for value in values):
            orders[column] = None
            plan.needs_date_order = True
            example = next(value for value in values if needs_order(value))
            plan.file_problems.append(
                f"The dates in {quoted(header)} (such as {quoted(example)}) could be day-first or "
                "month-first; choose the date order (day-first or month-first)."
            )
        else:
            orders[column] = None
            plan.date_orders[clip(header)] = "year first (ISO)"
    return orders


def _order_words(order: DateOrder) -> str:
    return "day-first" if order == DateOrder.DMY else "month-first"
