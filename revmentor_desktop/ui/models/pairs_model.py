"""The pairs list, with each active pair's health as a coloured dot and its reason as tooltip."""

from __future__ import annotations

from PySide6.QtCore import QObject

from revmentor_desktop.domain import pairs
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.pairs import PairQuery, PairRow
from revmentor_desktop.domain.plans import pair_plans
from revmentor_desktop.domain.vocabulary import PairStatus
from revmentor_desktop.ui.models.formatting import health_icon
from revmentor_desktop.ui.models.id_table_model import RIGHT, Column, IdTableModel

PAIR_COLUMNS: list[Column[PairRow]] = [
    Column(
        "Health",
        lambda row: row.health.word,
        tooltip=lambda row: row.health.reason,
        decoration=lambda row: health_icon(row.health.level),
        width=125,
    ),
    Column("Mentor", lambda row: row.mentor_name, "mentor", width=155),
    Column("Mentee", lambda row: row.mentee_name, "mentee", width=155),
    Column("Cohort", lambda row: row.cohort_name, "cohort", width=185),
    Column("Status", lambda row: PairStatus(row.status).label, "status", width=85),
    Column("Started", lambda row: format_date(row.start_date), "start_date", width=95),
    Column(
        "Sessions",
        lambda row: str(row.sessions_held),
        "sessions",
        alignment=RIGHT,
        width=70,
        # Read on hover only: how far along its session plan the pair is.
        tooltip=lambda row: f"Session plan: {pair_plans.progress(row.id).label}",
    ),
    Column("Last session", lambda row: format_date(row.last_held), "last_held", width=105),
    Column(
        "Agreement",
        lambda row: format_date(row.agreement_signed) or "not signed",
        width=100,
    ),
]


class PairsModel(IdTableModel[PairQuery, PairRow]):
    def __init__(
        self,
        query: PairQuery | None = None,
        clock: Clock = system_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(
            PAIR_COLUMNS,
            query or PairQuery(),
            pairs.pair_ids,
            lambda ids: pairs.pair_rows(ids, clock),
            parent,
        )
