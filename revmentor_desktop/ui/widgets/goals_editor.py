"""The goals of a pair: a row per goal with its owner and progress; rows can be added or removed."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain.pairs import GoalDraft
from revmentor_desktop.ui.widgets.feedback import ProblemLabel

OWNERS = (("mentee", "Mentee's goal"), ("mentor", "Mentor's goal"), ("both", "Shared goal"))


class _GoalRow:
    def __init__(self, editor: GoalsEditor, goal: GoalDraft) -> None:
        self.description = QLineEdit(goal.description)
        self.description.setPlaceholderText("What should change, in a sentence")
        self.owner = QComboBox()
        for value, label in OWNERS:
            self.owner.addItem(label, value)
        self.owner.setCurrentIndex(max(self.owner.findData(goal.owner), 0))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(10)
        self.progress = QSpinBox()
        self.progress.setRange(0, 100)
        self.progress.setSuffix(" %")
        self.slider.valueChanged.connect(self.progress.setValue)
        self.progress.valueChanged.connect(self.slider.setValue)
        self.progress.setValue(goal.progress)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.problem = ProblemLabel()
        for signal in (
            self.description.textChanged,
            self.owner.currentIndexChanged,
            self.progress.valueChanged,
        ):
            signal.connect(lambda *_args: editor.goals_changed.emit())
        self.remove.clicked.connect(lambda: editor.remove_row(self))

    def widgets(self) -> list[QWidget]:
        return [self.description, self.owner, self.slider, self.progress, self.remove, self.problem]

    def name(self, position: int) -> None:
        self.description.setAccessibleName(f"Goal {position}")
        self.owner.setAccessibleName(f"Goal {position}: whose goal")
        self.slider.setAccessibleName(f"Goal {position}: progress slider")
        self.progress.setAccessibleName(f"Goal {position}: progress in percent")
        self.remove.setAccessibleName(f"Remove goal {position}")
        self.remove.setToolTip(f"Remove goal {position}")

    def goal(self) -> GoalDraft:
        return GoalDraft(self.description.text(), self.progress.value(), self.owner.currentData())


class GoalsEditor(QWidget):
    goals_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_GoalRow] = []
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(2, 1)
        self._empty = QLabel("No goals yet. Goals help a pair see what they are working towards.")
        self._empty.setWordWrap(True)
        self.add_button = QPushButton("&Add goal")
        self.add_button.clicked.connect(self._add_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._empty)
        layout.addLayout(self._grid)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def goals(self) -> list[GoalDraft]:
        return [row.goal() for row in self._rows]

    def set_goals(self, goals: Sequence[GoalDraft]) -> None:
        for row in self._rows:
            self._drop(row)
        self._rows = []
        for goal in goals:
            self._rows.append(_GoalRow(self, goal))
        self._relayout()
        self.goals_changed.emit()

    def add_goal(self, goal: GoalDraft | None = None) -> None:
        row = _GoalRow(self, goal or GoalDraft(""))
        self._rows.append(row)
        self._relayout()
        row.description.setFocus()
        self.goals_changed.emit()

    def remove_row(self, row: _GoalRow) -> None:
        self._rows.remove(row)
        self._drop(row)
        self._relayout()
        self.goals_changed.emit()

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Show the domain's ``goal_<n>`` problems under the matching rows."""
        for position, row in enumerate(self._rows, start=1):
            text = problems.get(f"goal_{position}", "")
            row.problem.set_problem(text)
            row.description.setAccessibleDescription(text)

    def _add_clicked(self) -> None:
        self.add_goal()

    def _drop(self, row: _GoalRow) -> None:
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.deleteLater()

    def _relayout(self) -> None:
        for row in self._rows:
            for widget in row.widgets():
                self._grid.removeWidget(widget)
        for position, row in enumerate(self._rows, start=1):
            line = (position - 1) * 2
            for column, widget in enumerate(row.widgets()[:5]):
                self._grid.addWidget(widget, line, column)
            self._grid.addWidget(row.problem, line + 1, 0, 1, 5)
            row.name(position)
        self._empty.setVisible(not self._rows)
        self._order_tabs()

    def _order_tabs(self) -> None:
        chain = [widget for row in self._rows for widget in row.widgets()[:5]]
        chain.append(self.add_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
