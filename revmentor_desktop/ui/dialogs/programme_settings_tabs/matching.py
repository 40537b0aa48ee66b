"""The Matching weights tab: the weights of each kind of cohort, and each cohort's own
exceptions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from revmentor_desktop.domain.matching.rules import DEFAULT_WEIGHTS, Rule, RuleSettings
from revmentor_desktop.domain.programme_settings import ProgrammeSettings
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.ui.widgets.weights_editor import (
    AS_ITS_KIND,
    BUILT_IN,
    LevelBelow,
    WeightsEditor,
)


class MatchingTab(QWidget):
    """The matching weights of each kind of cohort, and each cohort's own exceptions."""

    changed = Signal()

    def __init__(self, old: ProgrammeSettings) -> None:
        super().__init__()
        self.old = old
        self.kind_weights = {kind: dict(w) for kind, w in old.kind_weights.items()}
        self.cohort_own = {cohort.cohort_id: dict(cohort.own) for cohort in old.cohorts}
        self.weights_for = QComboBox()
        self.weights_for.setAccessibleName("Weights for")
        for kind in CohortKind:
            self.weights_for.addItem(f"Every {kind.value} cohort", kind.value)
        for cohort in old.cohorts:
            self.weights_for.addItem(
                f"The cohort “{cohort.name}” ({cohort.kind.value})", cohort.cohort_id
            )
        self.weights_for.currentIndexChanged.connect(lambda _index: self.show_weights())
        self.weights = WeightsEditor(columns=2, seniority_details=False)
        self.weights.layout().setContentsMargins(0, 0, 0, 0)
        self.weights.settings_changed.connect(self._weights_edited)
        self.weights.problem_changed.connect(lambda _problem: self.changed.emit())
        self.weights_note = QLabel()
        self.weights_note.setWordWrap(True)
        chooser = QHBoxLayout()
        label = QLabel("&Weights for:")
        label.setBuddy(self.weights_for)
        chooser.addWidget(label)
        chooser.addWidget(self.weights_for, 1)
        column = QVBoxLayout(self)
        column.addLayout(chooser)
        column.addWidget(self.weights_note)
        column.addWidget(self.weights, 1)

    def applied_to(self, draft: ProgrammeSettings) -> ProgrammeSettings:
        return replace(
            draft,
            kind_weights={kind: dict(weights) for kind, weights in self.kind_weights.items()},
            cohorts=tuple(
                replace(cohort, own=dict(self.cohort_own[cohort.cohort_id]))
                for cohort in draft.cohorts
            ),
        )

    def weights_key(self) -> str:
        """The key of the shown weights' problems, as the domain names them."""
        kind, cohort_id = self._selected()
        return f"matching.{kind.value}" if cohort_id is None else f"matching.cohort.{cohort_id}"

    def show_problems(self, problems: Mapping[str, str]) -> None:
        self.weights.problem.set_problem(problems.get(self.weights_key(), ""))

    def _selected(self) -> tuple[CohortKind, int | None]:
        """The kind whose weights are shown, and the cohort if one cohort's are."""
        data = self.weights_for.currentData()
        if isinstance(data, int):
            return self.old.cohort(data).kind, data
        return CohortKind(data), None

    def _shown_settings(self) -> tuple[RuleSettings, LevelBelow]:
        """The weights chosen so far for the kind or cohort shown, over the level below."""
        kind, cohort_id = self._selected()
        if cohort_id is None:
            changed = {
                rule: weight
                for rule, weight in self.kind_weights[kind].items()
                if weight is not DEFAULT_WEIGHTS[kind][rule]
            }
            return RuleSettings(kind, changed), BUILT_IN
        own = dict(self.cohort_own[cohort_id])
        return RuleSettings(kind, own, kind_weights=self.kind_weights[kind]), AS_ITS_KIND

    def show_weights(self) -> None:
        kind, cohort_id = self._selected()
        self.weights.set_settings(*self._shown_settings())
        if cohort_id is None:
            self.weights_note.setText(
                f"Every {kind.value} cohort matches with these weights, unless the cohort sets "
                "a rule apart. “Default” is the weight RevMentor starts with."
            )
        else:
            self.weights_note.setText(
                f"This cohort matches as every {kind.value} cohort does, except where you "
                "choose otherwise here. Its seniority gap and job-title words are set in its "
                "matching assistant (Cohort → Match people…)."
            )
        self.changed.emit()

    def _weights_edited(self, edited: RuleSettings) -> None:
        kind, cohort_id = self._selected()
        if cohort_id is None:
            self.kind_weights[kind] = {rule: edited.weight(rule) for rule in Rule}
        else:
            self.cohort_own[cohort_id] = dict(edited.weights)
        self.changed.emit()
