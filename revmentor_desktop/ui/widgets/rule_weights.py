"""A weight for each matching rule, with the default beside it: for a kind of cohort or one cohort.

For a kind, each rule offers the five weights and shows the built-in default. For a cohort it
offers "As its kind" first, so a cohort follows later changes to its kind unless it sets a rule
apart. (The matching dialog may get a richer editor; this one only chooses weights.)
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from revmentor_desktop.domain.matching.rules import Rule, Weight

AS_KIND = ""  # the item data of "As its kind (…)" in a cohort's choice


def weight_words(weight: Weight) -> str:
    return weight.value.capitalize()


class RuleWeights(QWidget):
    """Rule | weight | default, one row per rule; ``changed`` fires when a weight is chosen."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setHorizontalSpacing(16)
        self.headings = [QLabel(f"<b>{heading}</b>") for heading in ("Rule", "Weight", "Default")]
        for column, label in enumerate(self.headings):
            self.grid.addWidget(label, 0, column)
        self.combos: dict[Rule, QComboBox] = {}
        self.defaults: dict[Rule, QLabel] = {}
        for row, rule in enumerate(Rule, start=1):
            name = QLabel(rule.label)
            name.setToolTip(rule.description)
            combo = QComboBox()
            combo.setAccessibleName(f"Weight of {rule.label}")
            combo.setToolTip(rule.description)
            combo.activated.connect(lambda _index: self.changed.emit())
            name.setBuddy(combo)
            default = QLabel()
            default.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(combo, row, 1)
            self.grid.addWidget(default, row, 2)
            self.combos[rule] = combo
            self.defaults[rule] = default

    def show_weights(
        self,
        chosen: Mapping[Rule, Weight | None],
        defaults: Mapping[Rule, Weight],
        *,
        follows: str = "",
        fixed: frozenset[Rule] = frozenset(),
        default_heading: str = "Default",
    ) -> None:
        """Show ``chosen`` (None: follows the default, offered as ``follows`` when given) with
        ``defaults`` beside; ``fixed`` rules cannot be changed (seniority in mutual cohorts)."""
        self.headings[2].setText(f"<b>{default_heading}</b>")
        for rule, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            if follows:
                combo.addItem(f"{follows} ({weight_words(defaults[rule]).lower()})", AS_KIND)
            for weight in Weight:
                combo.addItem(weight_words(weight), weight.value)
            current = chosen.get(rule)
            combo.setCurrentIndex(combo.findData(current.value if current else AS_KIND))
            combo.setEnabled(rule not in fixed)
            combo.blockSignals(False)
            note = "Off: mutual partners have no seniority" if rule in fixed else ""
            self.defaults[rule].setText(note or weight_words(defaults[rule]))

    def chosen(self) -> dict[Rule, Weight | None]:
        """Each rule's weight as chosen; None for "as its kind"."""
        return {
            rule: Weight(combo.currentData()) if combo.currentData() else None
            for rule, combo in self.combos.items()
        }
