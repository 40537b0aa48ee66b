"""The pair dialog's Plan tab: the pair's session plans in order, how far along it is, and
the buttons to suggest, reorder, add, remove and print. Each change is one undoable edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.plans import catalogue, pair_plans
from revmentor_desktop.domain.plans.session_plan import Stage
from revmentor_desktop.ui.context import AppContext

DONE_MARK = "✓"


class PairPlanEditor(QWidget):
    """Shows and changes one pair's plan; ``changed`` fires after each saved change."""

    changed = Signal()
    print_requested = Signal()

    def __init__(self, context: AppContext, pair_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pair_id = pair_id
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.items = QListWidget()
        self.items.setAccessibleName("The pair's plan, one meeting a line")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.library = QComboBox()
        self.library.setAccessibleName("A plan from the library to add")
        self.buttons = {
            "suggest": QPushButton("S&uggest a plan"),
            "up": QPushButton("Move &up"),
            "down": QPushButton("Move do&wn"),
            "remove": QPushButton("&Remove"),
            "add": QPushButton("A&dd"),
            "print": QPushButton("&Print booklet…"),
        }
        self.buttons["suggest"].setToolTip(
            "Replace the plan with the one the library suggests for the pair's focus areas "
            "and the cohort's length (undo brings the old one back)"
        )
        self._lay_out()
        self._connect()
        self.refresh()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        body = QHBoxLayout()
        body.addWidget(self.items, 1)
        side = QVBoxLayout()
        for name in ("up", "down", "remove"):
            side.addWidget(self.buttons[name])
        side.addStretch(1)
        side.addWidget(self.buttons["suggest"])
        side.addWidget(self.buttons["print"])
        body.addLayout(side)
        layout.addLayout(body, 1)
        adding = QHBoxLayout()
        adding.addWidget(QLabel("Add from the library:"))
        adding.addWidget(self.library, 1)
        adding.addWidget(self.buttons["add"])
        layout.addLayout(adding)
        layout.addWidget(self.problem)

    def _connect(self) -> None:
        self.buttons["suggest"].clicked.connect(self.suggest)
        self.buttons["up"].clicked.connect(lambda: self.move(-1))
        self.buttons["down"].clicked.connect(lambda: self.move(1))
        self.buttons["remove"].clicked.connect(self.remove)
        self.buttons["add"].clicked.connect(self.add)
        self.buttons["print"].clicked.connect(self.print_requested)
        self.items.currentRowChanged.connect(lambda _row: self._enable())

    def keys(self) -> list[str]:
        return [
            str(self.items.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.items.count())
        ]

    def refresh(self) -> None:
        """Read the pair's plan again (after a session was logged, or an undo)."""
        row = self.items.currentRow()
        entries = pair_plans.pair_plan(self.pair_id)
        self.items.clear()
        for number, entry in enumerate(entries, start=1):
            text = f"{number}. {entry.title}"
            if entry.stage is not Stage.TOPIC:
                text += f"  ({entry.stage.label.lower()})"
            if entry.session_starts is not None:
                mark = DONE_MARK if entry.done else "planned"
                text += f"  {mark} {format_date(entry.session_starts.date())}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.plan_key)
            self.items.addItem(item)
        self.items.setCurrentRow(min(row, self.items.count() - 1))
        progress = pair_plans.progress(self.pair_id)
        self.progress.setText(
            f"{progress.label} done."
            if progress.total
            else "No plan yet: Suggest a plan picks one from the pair's focus areas."
        )
        self._fill_library()
        self._enable()

    def _fill_library(self) -> None:
        taken = set(self.keys())
        self.library.clear()
        for plan in catalogue.all_plans():
            if plan.key not in taken:
                self.library.addItem(plan.title, plan.key)

    def _enable(self) -> None:
        row, count = self.items.currentRow(), self.items.count()
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < count - 1)
        self.buttons["remove"].setEnabled(row >= 0)
        self.buttons["add"].setEnabled(self.library.count() > 0)
        self.buttons["print"].setEnabled(count > 0)

    def _save(self, keys: list[str], select: int) -> None:
        try:
            change = edits.arrange_pair_plan(self.pair_id, keys)
        except DomainError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.problem.hide()
        self.context.edits.push(change)
        self.refresh()
        self.items.setCurrentRow(select)
        self.changed.emit()

    def suggest(self) -> None:
        self._save(pair_plans.suggested_for_pair(self.pair_id), 0)

    def move(self, step: int) -> None:
        keys, row = self.keys(), self.items.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(keys):
            return
        keys[row], keys[target] = keys[target], keys[row]
        self._save(keys, target)

    def remove(self) -> None:
        keys, row = self.keys(), self.items.currentRow()
        if row < 0:
            return
        del keys[row]
        self._save(keys, min(row, len(keys) - 1))

    def add(self) -> None:
        key = self.library.currentData()
        if key is None:
            return
        keys = self.keys()
        # Before the closing meeting, where a new topic belongs.
        plans = catalogue.plans_by_key()
        closing = [i for i, k in enumerate(keys) if k in plans and plans[k].stage is Stage.CLOSING]
        position = closing[0] if closing else len(keys)
        keys.insert(position, key)
        self._save(keys, position)
