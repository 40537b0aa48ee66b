"""A person's or a pair's history from the audit trail, newest first: when, who, what was done
and which fields changed (never their values)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from revmentor_desktop.domain.audit import HistoryLine, record_history
from revmentor_desktop.domain.dates import format_datetime
from revmentor_desktop.ui.models.headings import FixedHeadings
from revmentor_desktop.ui.models.id_table_model import READ_ONLY_ITEM

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("When", "Who", "What", "Fields")


def cells(line: HistoryLine) -> tuple[str, ...]:
    return (
        format_datetime(line.changed_at),
        line.changed_by or "Not known",
        line.action,
        ", ".join(line.fields),
    )


class RecordHistoryModel(FixedHeadings, QAbstractTableModel):
    headings = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[HistoryLine] = []

    def refresh(self, table: str, row_id: int) -> None:
        self.beginResetModel()
        self.lines = record_history(table, row_id)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return cells(self.lines[index.row()])[index.column()]

    def flags(self, index: Index) -> Qt.ItemFlag:
        return READ_ONLY_ITEM if index.isValid() else Qt.ItemFlag.NoItemFlags
