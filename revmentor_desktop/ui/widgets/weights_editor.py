"""Matching rules as the coordinator edits them: a weight per rule, the share of the 100 points
each weight gives, and, for one cohort, the minimum seniority gap and the job-title words.

One editor serves the matching dialog (one cohort, everything) and File → Programme settings…
(the weights of every cohort of a kind, or of one cohort). Each rule first offers the level
below it, "As its kind (medium)" for a cohort or "Default (medium)" for a kind, so a cohort
follows later changes to its kind unless it sets a rule apart.

The editor only shows settings and says when the coordinator changed them
(``settings_changed``); whoever owns them stores them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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


@dataclass(frozen=True)
class LevelBelow:
    """What a rule without a weight of its own follows, as its first choice names it."""

    name: str
    meaning: str


AS_ITS_KIND = LevelBelow(
    "As its kind", "the weight every cohort of this kind has (File → Programme settings…)"
)
BUILT_IN = LevelBelow("Default", "the weight RevMentor starts with")
FOLLOWS = ""  # the item data of the level-below choice

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
    """Edits a ``RuleSettings``; emits the edited settings after each change that can be used.

    ``columns`` rules share a row. ``seniority_details`` shows the gap and title words (a
    cohort's own); without them only weights are edited. ``note`` is a quiet line underneath.
    """

    settings_changed = Signal(object)  # RuleSettings
    problem_changed = Signal(str)  # what is wrong with the edit shown, or ""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        columns: int = 3,
        seniority_details: bool = True,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self._settings: RuleSettings | None = None
        self._below = AS_ITS_KIND
        self._problem = ""
        self._details = seniority_details
        self.combos: dict[Rule, QComboBox] = {}
        self.shares: dict[Rule, QLabel] = {}
        self._make_seniority_fields()
        rules = QGridLayout()
        rules.setHorizontalSpacing(6)
        for index, rule in enumerate(Rule):
            row, cell = divmod(index, columns)
            rules.addLayout(self._rule_cell(rule), row, cell)
        for cell in range(columns):
            rules.setColumnStretch(cell, 1)
        # The gap takes the cells the last row of rules leaves free (a row of its own if none).
        row, cell = divmod(len(Rule), columns)
        rules.addLayout(self._gap_row(), row, cell, 1, columns - cell)

        self.reset_button = QPushButton(self.tr("Reset to &defaults"))
        titles = self._titles_row()
        titles.addWidget(self.reset_button)
        for widget in self._seniority_widgets:
            widget.setVisible(seniority_details)

        self.problem = ProblemLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(rules)
        layout.addLayout(titles)
        layout.addWidget(self.problem)
        if note:
            quiet = QLabel(note)
            quiet.setWordWrap(True)
            quiet.setEnabled(False)  # drawn in the quieter colour of a hint
            layout.addWidget(quiet)
        layout.addStretch(1)

        self.grade_gap.valueChanged.connect(self._edited)
        self.years_gap.valueChanged.connect(self._edited)
        self.junior_words.editingFinished.connect(self._edited)
        self.senior_words.editingFinished.connect(self._edited)
        self.reset_button.clicked.connect(self.reset)

    def _make_seniority_fields(self) -> None:
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
        self._seniority_widgets: list[QWidget] = []

    def _gap_row(self) -> QHBoxLayout:
        label = QLabel(self.tr("Minimum seniority &gap:"))
        label.setBuddy(self.grade_gap)
        row = QHBoxLayout()
        for widget in (label, self.grade_gap, QLabel(self.tr("or")), self.years_gap):
            row.addWidget(widget)
            self._seniority_widgets.append(widget)
        row.addStretch(1)
        return row

    def _titles_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, words in (
            (self.tr("&Junior titles:"), self.junior_words),
            (self.tr("Se&nior titles:"), self.senior_words),
        ):
            label = QLabel(text)
            label.setBuddy(words)
            row.addWidget(label)
            row.addWidget(words, 1)
            self._seniority_widgets += [label, words]
        if not self._details:
            row.addStretch(1)
        return row

    def _rule_cell(self, rule: Rule) -> QHBoxLayout:
        label = QLabel(rule.label + ":")
        label.setToolTip(rule.description)
        combo = QComboBox()
        combo.setAccessibleName(f"Weight of {rule.label}")
        # Wide enough for "As its kind (mandatory)" whenever the first item is renamed.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.addItem("", FOLLOWS)  # named by set_settings
        for weight in Weight:
            combo.addItem(weight.label, weight.value)
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

    def set_settings(self, settings: RuleSettings, below: LevelBelow = AS_ITS_KIND) -> None:
        """Show ``settings`` without announcing a change; a rule without a weight of its own
        shows ``below`` with the weight it gives."""
        self._settings, self._below = settings, below
        widgets = [*self.combos.values(), self.grade_gap, self.years_gap]
        widgets += [self.junior_words, self.senior_words]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self._show_weights(settings, below)
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
        self._set_problem("")
        self._show_state(settings)

    def _show_weights(self, settings: RuleSettings, below: LevelBelow) -> None:
        defaults = settings.defaults()
        mutual = settings.kind is CohortKind.MUTUAL
        for rule, combo in self.combos.items():
            given = defaults.weight(rule)
            combo.setItemText(0, f"{below.name} ({given.value})")
            combo.setToolTip(
                f"{rule.description}\n\n{_WEIGHT_HELP}\n{below.name}: {below.meaning}."
            )
            follows = settings.follows_kind(rule) or (mutual and rule is Rule.SENIORITY)
            data = FOLLOWS if follows else settings.weight(rule).value
            combo.setCurrentIndex(combo.findData(data))

    def _name_grade_unit(self, grades: int) -> None:
        self.grade_gap.setSuffix(self.tr(" grade") if grades == 1 else self.tr(" grades"))

    def _show_state(self, settings: RuleSettings) -> None:
        """Each rule's share of the points, and whether there is anything to reset."""
        shares = settings.shares()
        for rule, label in self.shares.items():
            label.setText(share_text(settings, rule, shares))
        self.reset_button.setEnabled(not settings.is_default())
        tip = self.tr("Every rule back to “{below}”").format(below=self._below.name)
        if self._details:
            tip += self.tr(", the seniority gap and job-title words to their defaults")
        self.reset_button.setToolTip(tip)

    def problem_text(self) -> str:
        """What is wrong with the edit the editor shows (then not announced), or ""."""
        return self._problem

    def _set_problem(self, text: str) -> None:
        self.problem.set_problem(text)
        if text != self._problem:
            self._problem = text
            self.problem_changed.emit(text)

    # Editing

    def edited_settings(self) -> RuleSettings | None:
        """The settings as the widgets show them now."""
        if self._settings is None:
            return None
        weights = {
            rule: Weight(combo.currentData())
            for rule, combo in self.combos.items()
            if combo.currentData() != FOLLOWS
        }
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
            self._set_problem("")
            return
        problems = settings_problems(edited)
        if problems:
            self._set_problem(" ".join(problems.values()))
            return
        self._set_problem("")
        self._settings = edited
        self._show_state(edited)
        self.settings_changed.emit(edited)

    def reset(self) -> None:
        """Every rule follows the level below again; the seniority details are the defaults."""
        if self._settings is None or self._settings.is_default():
            return
        defaults = self._settings.defaults()
        self.set_settings(defaults, self._below)
        self.settings_changed.emit(defaults)
