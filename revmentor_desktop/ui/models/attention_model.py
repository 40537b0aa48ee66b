"""The Today tree: a heading per group of what needs attention, the items beneath it.

Top-level rows are the groups ("Needs you now (3)"), in order of urgency; their children are
the items, each pointing at one record. An item's internal id is its group's row + 1, a
heading's is 0, so ``parent`` needs no lookup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication

from revmentor_desktop.domain.attention import (
    URGENCY_WORDS,
    AttentionGroup,
    AttentionItem,
    Severity,
    attention_items,
    grouped,
)
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.health import HealthLevel
from revmentor_desktop.ui.models.formatting import HEALTH_COLOURS, dot_icon
from revmentor_desktop.ui.models.headings import FixedHeadings
from revmentor_desktop.ui.models.id_table_model import ID_ROLE, READ_ONLY_ITEM

TARGET_KIND_ROLE = Qt.ItemDataRole.UserRole + 3
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 4
URGENCY_COLUMN, SUBJECT_COLUMN, SENTENCE_COLUMN = 0, 1, 2
HEADERS = ("Urgency", "About", "What needs doing")
HEADING_ID = 0
Index = QModelIndex | QPersistentModelIndex


def _severity_colour(severity: Severity) -> str:
    if severity == Severity.RED:
        return HEALTH_COLOURS[HealthLevel.RED]
    if severity == Severity.AMBER:
        return HEALTH_COLOURS[HealthLevel.AMBER]
    return QGuiApplication.palette().highlight().color().name()


def heading_text(group: AttentionGroup, count: int) -> str:
    return f"{group.title} ({count})"


class AttentionModel(FixedHeadings, QAbstractItemModel):
    headings = HEADERS

    def __init__(self, clock: Clock = system_clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._groups: list[tuple[AttentionGroup, list[AttentionItem]]] = []

    def refresh(self) -> None:
        groups = grouped(attention_items(self._clock))  # read first: a failure leaves it whole
        self.beginResetModel()
        self._groups = groups
        self.endResetModel()

    # What the view asks

    @property
    def items(self) -> list[AttentionItem]:
        return [item for _, items in self._groups for item in items]

    @property
    def groups(self) -> list[AttentionGroup]:
        return [group for group, _ in self._groups]

    def group_at(self, index: Index) -> AttentionGroup | None:
        """The group of a heading row; None for an item or no row."""
        if not index.isValid() or index.internalId() != HEADING_ID:
            return None
        return self._groups[index.row()][0]

    def item_at(self, index: Index) -> AttentionItem | None:
        if not index.isValid() or index.internalId() == HEADING_ID:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def heading_index(self, group: AttentionGroup) -> QModelIndex:
        for row, (shown, _) in enumerate(self._groups):
            if shown == group:
                return self.index(row, 0)
        return QModelIndex()

    # QAbstractItemModel

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, HEADING_ID)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == HEADING_ID:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, HEADING_ID)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == HEADING_ID and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self.group_at(index)
        if group is not None:
            return self._heading_data(index, group, role)
        item = self.item_at(index)
        return None if item is None else self._item_data(index.column(), item, role)

    def _heading_data(self, index: Index, group: AttentionGroup, role: int) -> Any:
        if index.column() != 0:
            return None
        count = len(self._groups[index.row()][1])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return heading_text(group, count)
        if role == Qt.ItemDataRole.ToolTipRole:
            words = URGENCY_WORDS[group.severity]
            return f"{heading_text(group, count)}: {words}. Left and Right fold and unfold."
        if role == Qt.ItemDataRole.DecorationRole:
            return dot_icon(_severity_colour(group.severity))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == SEVERITY_ROLE:
            return int(group.severity)
        return None

    def _item_data(self, column: int, item: AttentionItem, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.urgency, item.subject, item.sentence)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{item.urgency}: {item.subject}\n{item.sentence}.\n"
                f"Press Enter to open the {item.target_kind}."
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.urgency}: {item.subject}: {item.sentence}"
        if role == Qt.ItemDataRole.DecorationRole and column == URGENCY_COLUMN:
            return dot_icon(_severity_colour(item.severity))
        if role == ID_ROLE:
            return item.target_id
        if role == TARGET_KIND_ROLE:
            return item.target_kind
        if role == SEVERITY_ROLE:
            return int(item.severity)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == HEADING_ID:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return READ_ONLY_ITEM
