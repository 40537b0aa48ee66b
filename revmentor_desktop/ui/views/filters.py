"""Filter drop-downs whose first entry means "all", refilled as the data changes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from revmentor_desktop.domain import cohorts, people

MINIMUM_LETTERS = 8


class ChoiceFilter(QComboBox):
    """A combo box of (label, value) choices after an "all" entry whose value is None."""

    def __init__(self, all_label: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all_label = all_label
        self.setAccessibleName(accessible_name)
        self.setToolTip(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_choices([])

    def set_choices(self, choices: Sequence[tuple[str, Any]]) -> None:
        """Replace the choices, keeping the chosen value when it is still there."""
        chosen = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._all_label, None)
        for label, value in choices:
            self.addItem(label, value)
        position = self.findData(chosen) if chosen is not None else 0
        self.setCurrentIndex(max(position, 0))
        self.blockSignals(False)
        if self.value() != chosen:
            self.currentIndexChanged.emit(self.currentIndex())

    def value(self) -> Any:
        return self.currentData()

    def minimumSizeHint(self) -> QSize:
        """As wide as the longest choice where there is room, down to a few letters on a
        small screen; the open list always shows whole names."""
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        longest = max(metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count()))
        spare = longest - metrics.averageCharWidth() * MINIMUM_LETTERS
        return QSize(hint.width() - max(spare, 0), hint.height())

    def reset(self) -> None:
        self.setCurrentIndex(0)


def cohort_choices() -> list[tuple[str, int]]:
    return [(name, cohort_id) for cohort_id, name in cohorts.cohort_names()]


def department_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in people.departments()]
