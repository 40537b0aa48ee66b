"""The messages prepared for a pair's partners, newest first: when, which template, for whom."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from revmentor_desktop.domain.dates import format_datetime
from revmentor_desktop.domain.messages.history import HistoryLine, history_of

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Prepared", "Message", "For")


class MessageHistoryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[HistoryLine] = []

    def refresh(self, pair_id: int) -> None:
        self.beginResetModel()
        self.lines = history_of(pair_id)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        line = self.lines[index.row()]
        return (
            format_datetime(line.prepared_at),
            line.template_title,
            f"{line.person_name} ({line.role_label})",
        )[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
