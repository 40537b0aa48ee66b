"""The plan library: every session plan, retired ones included, in the library's order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from revmentor_desktop.domain.plans import catalogue
from revmentor_desktop.domain.plans.session_plan import SessionPlan
from revmentor_desktop.ui.models.library_model import LibraryTableModel

TITLE_COLUMN, STAGE_COLUMN, FOCUS_COLUMN, STATUS_COLUMN = range(4)
HEADERS = ("Plan", "Where it goes", "Suggested for", "Status")


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


class PlansModel(LibraryTableModel[SessionPlan]):
    headings = HEADERS

    def refresh(self) -> None:
        self._show(catalogue.all_plans(include_retired=True))

    def _cell(self, plan: SessionPlan, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (plan.title, plan.stage.label, suggested_for(plan), status(plan))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plan.aim if column == TITLE_COLUMN else None
        return None
