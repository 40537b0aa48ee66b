"""The cohorts list: few rows, loaded whole and sorted in the model's own list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QObject

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.cohorts import CohortRow
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.models.id_table_model import RIGHT, Column, IdTableModel, ListFetcher


@dataclass
class CohortQuery:
    search: str = ""
    include_archived: bool = False
    sort_by: str = "start_date"
    descending: bool = True


SORT_VALUES: dict[str, Any] = {
    "name": lambda row: row.name.casefold(),
    "kind": lambda row: row.kind,
    "start_date": lambda row: row.start_date or date.min,
    "end_date": lambda row: row.end_date or date.min,
    "cadence": lambda row: row.cadence_days,
    "people": lambda row: row.mentors + row.mentees,
    "pairs": lambda row: row.pairs,
    "unmatched": lambda row: row.unmatched,
}


def load_cohorts(query: CohortQuery) -> list[CohortRow]:
    rows = cohorts.list_cohorts(query.search, query.include_archived)
    key = SORT_VALUES.get(query.sort_by, SORT_VALUES["name"])
    return sorted(rows, key=lambda row: (key(row), row.id), reverse=query.descending)


def _count(value: int) -> str:
    return str(value)


COHORT_COLUMNS: list[Column[CohortRow]] = [
    Column(
        "Name",
        lambda row: f"{row.name} (archived)" if row.archived else row.name,
        "name",
        width=220,
    ),
    Column("Kind", lambda row: row.kind, "kind", width=100),
    Column("Starts", lambda row: format_date(row.start_date), "start_date", width=100),
    Column("Ends", lambda row: format_date(row.end_date), "end_date", width=100),
    Column(
        "Meets every",
        lambda row: plural(row.cadence_days, "day"),
        "cadence",
        alignment=RIGHT,
        width=100,
    ),
    Column(
        "People",
        lambda row: _count(row.mentors + row.mentees),
        "people",
        tooltip=lambda row: (
            f"{row.mentors} {row.mentor_label.lower()}s, {row.mentees} {row.mentee_label.lower()}s"
        ),
        alignment=RIGHT,
        width=70,
    ),
    Column("Pairs", lambda row: _count(row.pairs), "pairs", alignment=RIGHT, width=70),
    Column(
        "Without a pair",
        lambda row: _count(row.unmatched),
        "unmatched",
        tooltip=lambda row: "Enrolled people who are in no pair of this cohort yet.",
        alignment=RIGHT,
        width=110,
    ),
]


class CohortsModel(IdTableModel[CohortQuery, CohortRow]):
    def __init__(self, query: CohortQuery | None = None, parent: QObject | None = None) -> None:
        fetcher: ListFetcher[CohortQuery, CohortRow] = ListFetcher(load_cohorts, lambda r: r.id)
        super().__init__(COHORT_COLUMNS, query or CohortQuery(), fetcher.ids, fetcher.rows, parent)
