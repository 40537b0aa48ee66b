"""The Today list: what needs attention, most urgent first, each pointing at one record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from revmentor_desktop.domain.attention import AttentionItem, Severity, attention_items
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.health import HealthLevel
from revmentor_desktop.ui.models.formatting import HEALTH_COLOURS, dot_icon
from revmentor_desktop.ui.models.id_table_model import ID_ROLE, READ_ONLY_ITEM

TARGET_KIND_ROLE = Qt.ItemDataRole.UserRole + 3
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 4
SEVERITY_WORDS = {
    Severity.RED: "Urgent",
    Severity.AMBER: "Soon",
    Severity.INFO: "For your information",
}
Index = QModelIndex | QPersistentModelIndex


def _severity_colour(severity: Severity) -> str:
    if severity == Severity.RED:
        return HEALTH_COLOURS[HealthLevel.RED]
    if severity == Severity.AMBER:
        return HEALTH_COLOURS[HealthLevel.AMBER]
    return QGuiApplication.palette().highlight().color().name()


class AttentionModel(QAbstractListModel):
    def __init__(self, clock: Clock = system_clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._items: list[AttentionItem] = []

    def refresh(self) -> None:
        items = attention_items(self._clock)  # read before the reset: a failure leaves it whole
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def item_at(self, row: int) -> AttentionItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    @property
    def items(self) -> list[AttentionItem]:
        return list(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == Qt.ItemDataRole.ToolTipRole:
            words = SEVERITY_WORDS[item.severity]
            return f"{item.text}\n{words}: {item.kind}. Press Enter to open the {item.target_kind}."
        if role == Qt.ItemDataRole.DecorationRole:
            return dot_icon(_severity_colour(item.severity))
        if role == ID_ROLE:
            return item.target_id
        if role == TARGET_KIND_ROLE:
            return item.target_kind
        if role == SEVERITY_ROLE:
            return int(item.severity)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return READ_ONLY_ITEM if index.isValid() else Qt.ItemFlag.NoItemFlags
