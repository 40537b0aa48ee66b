"""End a pair early, with a no-fault reason chosen from a short list or typed."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox, QWidget

from revmentor_desktop.domain import edits, pairs
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.vocabulary import END_EARLY_REASONS
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.pair_question import PairQuestionDialog

EXPLANATION = (
    "Pairs end early for many ordinary reasons, and it says nothing about either person. "
    "The reason helps you plan future cohorts; it is kept in your records only."
)


class EndPairEarlyDialog(PairQuestionDialog):
    def __init__(self, context: AppContext, pair_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, pair_id, "End pair early", "&End pair", parent)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(END_EARLY_REASONS)
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText("Choose a reason or type your own")
        question = f"End the pair of {{names}} before its planned end?\n\n{EXPLANATION}"
        self.ask(question, "&Reason:", self.reason, "reason", self.reason.currentTextChanged)

    def problems(self) -> Mapping[str, str]:
        return pairs.validate_end_reason(self.reason.currentText())

    def save(self) -> Edit:
        reason = self.reason.currentText()
        return edits.change_pair_status(self.pair_id, "end_early", reason, self.context.clock)
