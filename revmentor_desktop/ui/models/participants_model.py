"""Who takes part in one cohort, in which role (rows keyed by person id)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.cohorts import ParticipantRow
from revmentor_desktop.ui.models.id_table_model import RIGHT, Column, IdTableModel, ListFetcher


@dataclass
class ParticipantQuery:
    cohort_id: int | None = None
    sort_by: str = "name"
    descending: bool = False


SORT_VALUES: dict[str, Any] = {
    "name": lambda row: row.name.casefold(),
    "department": lambda row: row.department.casefold(),
    "role": lambda row: row.role,
    "capacity": lambda row: row.capacity,
    "open_pairs": lambda row: row.open_pairs,
}


def load_participants(query: ParticipantQuery) -> list[ParticipantRow]:
    if query.cohort_id is None:
        return []
    rows = cohorts.list_participants(query.cohort_id)
    key = SORT_VALUES.get(query.sort_by, SORT_VALUES["name"])
    return sorted(rows, key=lambda row: (key(row), row.person_id), reverse=query.descending)


PARTICIPANT_COLUMNS: list[Column[ParticipantRow]] = [
    Column("Name", lambda row: row.name, "name", width=200),
    Column("Department", lambda row: row.department, "department", width=150),
    Column("Role", lambda row: row.role, "role", width=90),
    Column("Capacity", lambda row: str(row.capacity), "capacity", alignment=RIGHT, width=80),
    Column("Open pairs", lambda row: str(row.open_pairs), "open_pairs", alignment=RIGHT, width=90),
    Column(
        "Consent",
        lambda row: "Yes" if row.has_consent else "No",
        tooltip=lambda row: "" if row.has_consent else "No consent recorded yet.",
        width=70,
    ),
]


class ParticipantsModel(IdTableModel[ParticipantQuery, ParticipantRow]):
    """Ids are person ids, so a selection can be handed straight to the people functions."""

    def __init__(self, cohort_id: int | None = None, parent: QObject | None = None) -> None:
        fetcher: ListFetcher[ParticipantQuery, ParticipantRow] = ListFetcher(
            load_participants, lambda row: row.person_id
        )
        query = ParticipantQuery(cohort_id=cohort_id)
        super().__init__(PARTICIPANT_COLUMNS, query, fetcher.ids, fetcher.rows, parent)
