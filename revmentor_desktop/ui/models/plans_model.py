"""The plan library: every session plan, retired ones included, in the library's order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from revmentor_desktop.domain.plans import catalogue
from revmentor_desktop.domain.plans.library import SessionPlan
from revmentor_desktop.ui.models.id_table_model import READ_ONLY_ITEM

TITLE_COLUMN, STAGE_COLUMN, FOCUS_COLUMN, STATUS_COLUMN = range(4)
HEADERS = ("Plan", "Where it goes", "Suggested for", "Status")
Index = QModelIndex | QPersistentModelIndex


def status(plan: SessionPlan) -> str:
    if plan.retired:
        return "Retired"
    if not plan.builtin:
        return "Added"
    return "Edited" if plan.changed else "Built in"


def suggested_for(plan: SessionPlan) -> str:
    if plan.focus_areas:
        return ", ".join(plan.focus_areas)
    return "Every pair" if plan.stage.value != "topic" else "Chosen by hand"


class PlansModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plans: list[SessionPlan] = []

    def refresh(self) -> None:
        fresh = catalogue.all_plans(include_retired=True)
        self.beginResetModel()
        self._plans = fresh
        self.endResetModel()

    def plan_at(self, row: int) -> SessionPlan | None:
        return self._plans[row] if 0 <= row < len(self._plans) else None

    def row_of(self, key: str) -> int:
        return next((row for row, plan in enumerate(self._plans) if plan.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._plans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        plan = self.plan_at(index.row()) if index.isValid() else None
        if plan is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (plan.title, plan.stage.label, suggested_for(plan), status(plan))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plan.aim if index.column() == TITLE_COLUMN else None
        if role == Qt.ItemDataRole.FontRole and plan.retired:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return READ_ONLY_ITEM if index.isValid() else Qt.ItemFlag.NoItemFlags
