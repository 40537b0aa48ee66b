"""A cohort's matching rules as the coordinator edits them: a weight per rule, the share of the
100 points each weight gives, the minimum seniority gap and the job-title words.

The editor only shows settings and says when the coordinator changed them
(``settings_changed``); whoever owns the cohort stores them and runs the assistant again.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain.matching.rules import (
    MAX_GRADE_GAP,
    MAX_YEARS_GAP,
    Rule,
    RuleSettings,
    Weight,
    settings_problems,
    title_words,
)
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.ui.widgets.feedback import ProblemLabel

RULES_PER_ROW = 4
_WEIGHT_HELP = (
    "Mandatory: a pair that breaks the rule is never proposed, and passing it earns no points.\n"
    "High, medium and low share the 100 points of the score 5 : 2 : 1.\n"
    "Off: the rule is not used."
)
_MUTUAL = "Not used in mutual cohorts: partners learn from each other."


def share_text(settings: RuleSettings, rule: Rule, shares: dict[Rule, int]) -> str:
    """What a rule is worth under ``settings``: its points out of 100, or that it is a gate."""
    if settings.is_mandatory(rule):
        return "must pass"
    if rule in shares:
        return f"{shares[rule]} points"
    return "not used"


class WeightsEditor(QWidget):
    """Edits a ``RuleSettings``; emits the edited settings after each change."""

    settings_changed = Signal(object)  # RuleSettings

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings: RuleSettings | None = None
        self.combos: dict[Rule, QComboBox] = {}
        self.shares: dict[Rule, QLabel] = {}
        rules = QGridLayout()
        rules.setHorizontalSpacing(6)
        for index, rule in enumerate(Rule):
            row, cell = divmod(index, RULES_PER_ROW)
            rules.addLayout(self._rule_cell(rule), row, cell)
        for cell in range(RULES_PER_ROW):
            rules.setColumnStretch(cell, 1)

        self.grade_gap = QSpinBox()
        self.grade_gap.setRange(1, MAX_GRADE_GAP)
        self.grade_gap.valueChanged.connect(self._name_grade_unit)
        self.years_gap = QDoubleSpinBox()
        self.years_gap.setRange(0, MAX_YEARS_GAP)
        self.years_gap.setDecimals(1)
        self.years_gap.setSingleStep(0.5)
        self.years_gap.setSuffix(self.tr(" years since hire"))
        self.grade_gap.setToolTip(
            self.tr("The least difference in grade that makes one partner more senior.")
        )
        self.years_gap.setToolTip(
            self.tr(
                "When grades are missing or equal: the least difference in years of service that "
                "makes one partner more senior. Two people hired closer together are too close."
            )
        )
        self.junior_words = QLineEdit()
        self.senior_words = QLineEdit()
        for words, rank in ((self.junior_words, "junior"), (self.senior_words, "senior")):
            words.setPlaceholderText(self.tr("words, separated by commas"))
            words.setToolTip(
                self.tr(
                    "When neither grades nor hire dates tell who is more senior, a job title "
                    "holding one of these words reads as {rank}."
                ).format(rank=rank)
            )
        self.reset_button = QPushButton(self.tr("Reset to &defaults"))
        self.reset_button.setToolTip(self.tr("The weights a new cohort of this kind starts with"))

        gap_label = QLabel(self.tr("Minimum seniority &gap:"))
        gap_label.setBuddy(self.grade_gap)
        junior_label = QLabel(self.tr("&Junior titles:"))
        junior_label.setBuddy(self.junior_words)
        senior_label = QLabel(self.tr("&Senior titles:"))
        senior_label.setBuddy(self.senior_words)
        seniority = QHBoxLayout()
        for widget in (
            gap_label,
            self.grade_gap,
            QLabel(self.tr("or")),
            self.years_gap,
            junior_label,
        ):
            seniority.addWidget(widget)
        seniority.addWidget(self.junior_words, 1)
        seniority.addWidget(senior_label)
        seniority.addWidget(self.senior_words, 1)
        seniority.addWidget(self.reset_button)
        self._seniority_widgets: list[QWidget] = [
            gap_label,
            self.grade_gap,
            self.years_gap,
            junior_label,
            self.junior_words,
            senior_label,
            self.senior_words,
        ]

        self.problem = ProblemLabel()
        saved = QLabel(
            self.tr(
                "Changes are kept for this cohort and the proposals are worked out again at once."
            )
        )
        saved.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(rules)
        layout.addLayout(seniority)
        layout.addWidget(self.problem)
        layout.addWidget(saved)
        layout.addStretch(1)

        self.grade_gap.valueChanged.connect(self._edited)
        self.years_gap.valueChanged.connect(self._edited)
        self.junior_words.editingFinished.connect(self._edited)
        self.senior_words.editingFinished.connect(self._edited)
        self.reset_button.clicked.connect(self.reset)

    def _rule_cell(self, rule: Rule) -> QHBoxLayout:
        label = QLabel(rule.label + ":")
        label.setToolTip(rule.description)
        combo = QComboBox()
        for weight in Weight:
            combo.addItem(weight.label, weight.value)
        combo.setToolTip(f"{rule.description}\n\n{_WEIGHT_HELP}")
        label.setBuddy(combo)
        share = QLabel()
        share.setMinimumWidth(share.fontMetrics().horizontalAdvance("must pass") + 4)
        share.setEnabled(False)  # drawn in the quieter colour of a hint
        combo.currentIndexChanged.connect(self._edited)
        self.combos[rule], self.shares[rule] = combo, share
        cell = QHBoxLayout()
        cell.addWidget(label)
        cell.addWidget(combo)
        cell.addWidget(share)
        cell.addStretch(1)
        return cell

    # Showing

    @property
    def settings(self) -> RuleSettings | None:
        return self._settings

    def set_settings(self, settings: RuleSettings) -> None:
        """Show ``settings`` without announcing a change."""
        self._settings = settings
        widgets = [*self.combos.values(), self.grade_gap, self.years_gap]
        widgets += [self.junior_words, self.senior_words]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for rule, combo in self.combos.items():
                combo.setCurrentIndex(combo.findData(settings.weight(rule).value))
            self.grade_gap.setValue(settings.min_grade_gap)
            self.years_gap.setValue(settings.years_gap)
            for words, listed in (
                (self.junior_words, settings.junior_words),
                (self.senior_words, settings.senior_words),
            ):
                words.setText(", ".join(listed))
                words.setCursorPosition(0)  # show the first words, not the last
            self._name_grade_unit(settings.min_grade_gap)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        mutual = settings.kind is CohortKind.MUTUAL
        self.combos[Rule.SENIORITY].setEnabled(not mutual)
        for widget in self._seniority_widgets:
            widget.setEnabled(not mutual)
            if mutual:
                widget.setToolTip(self.tr(_MUTUAL))
        self.reset_button.setEnabled(not settings.is_default())
        self.problem.set_problem("")
        self._show_shares(settings)

    def _name_grade_unit(self, grades: int) -> None:
        self.grade_gap.setSuffix(self.tr(" grade") if grades == 1 else self.tr(" grades"))

    def _show_shares(self, settings: RuleSettings) -> None:
        shares = settings.shares()
        for rule, label in self.shares.items():
            label.setText(share_text(settings, rule, shares))

    # Editing

    def edited_settings(self) -> RuleSettings | None:
        """The settings as the widgets show them now."""
        if self._settings is None:
            return None
        weights = {rule: Weight(combo.currentData()) for rule, combo in self.combos.items()}
        return replace(
            self._settings,
            weights=weights,
            min_grade_gap=self.grade_gap.value(),
            min_years_gap=self.years_gap.value(),
            junior_words=title_words(self.junior_words.text()),
            senior_words=title_words(self.senior_words.text()),
        )

    def _edited(self, *_: object) -> None:
        edited = self.edited_settings()
        if edited is None or edited == self._settings:
            return
        problems = settings_problems(edited)
        if problems:
            self.problem.set_problem(" ".join(problems.values()))
            return
        self.problem.set_problem("")
        self._show_shares(edited)
        self.settings_changed.emit(edited)

    def reset(self) -> None:
        if self._settings is not None and not self._settings.is_default():
            self.settings_changed.emit(self._settings.defaults())
