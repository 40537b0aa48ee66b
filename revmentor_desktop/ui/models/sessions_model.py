"""The sessions list: ids from ``session_ids``, rows fetched for what is on screen."""

from __future__ import annotations

from PySide6.QtCore import QObject

from revmentor_desktop.domain import sessions
from revmentor_desktop.domain.dates import format_datetime
from revmentor_desktop.domain.sessions import SessionQuery, SessionRow
from revmentor_desktop.ui.models.formatting import format_minutes
from revmentor_desktop.ui.models.id_table_model import RIGHT, Column, IdTableModel


def _status(row: SessionRow) -> str:
    if row.status == "cancelled" and row.cancelled_by:
        return f"cancelled by {row.cancelled_by}"
    return row.status


SESSION_COLUMNS: list[Column[SessionRow]] = [
    Column("When", lambda row: format_datetime(row.starts_at), "starts_at", width=170),
    Column("Mentor", lambda row: row.mentor_name, "mentor", width=160),
    Column("Mentee", lambda row: row.mentee_name, "mentee", width=160),
    Column("Cohort", lambda row: row.cohort_name, "cohort", width=160),
    Column(
        "Length",
        lambda row: format_minutes(row.duration_minutes),
        "duration",
        alignment=RIGHT,
        width=80,
    ),
    Column("Format", lambda row: row.meeting_format, "format", width=90),
    Column("Status", _status, "status", width=110),
    Column(
        "Topics",
        lambda row: ", ".join(row.topics),
        tooltip=lambda row: "\n".join(row.topics),
        width=200,
    ),
]


class SessionsModel(IdTableModel[SessionQuery, SessionRow]):
    def __init__(self, query: SessionQuery | None = None, parent: QObject | None = None) -> None:
        super().__init__(
            SESSION_COLUMNS,
            query or SessionQuery(),
            sessions.session_ids,
            sessions.session_rows,
            parent,
        )
