"""End a pair early, with a no-fault reason chosen from a short list or typed."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from revmentor_desktop.domain import edits, pairs
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.vocabulary import END_EARLY_REASONS
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form

EXPLANATION = (
    "Pairs end early for many ordinary reasons, and it says nothing about either person. "
    "The reason helps you plan future cohorts; it is kept in your records only."
)


class EndPairEarlyDialog(FormDialog):
    def __init__(self, context: AppContext, pair_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, "End pair early", parent, existing=False)
        self.pair_id = pair_id
        self.save_button.setText("&End pair")
        names = pair_names(pair_id, context)
        intro = QLabel(f"End the pair of {names} before its planned end?\n\n{EXPLANATION}")
        intro.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(END_EARLY_REASONS)
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText("Choose a reason or type your own")
        form = new_form()
        self.add_field(form, "&Reason:", self.reason, "reason")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.watch("reason", self.reason.currentTextChanged)
        self.revalidate()
        self.size_comfortably(80, 14)

    def problems(self) -> Mapping[str, str]:
        return pairs.validate_end_reason(self.reason.currentText())

    def save(self) -> Edit:
        reason = self.reason.currentText()
        return edits.change_pair_status(self.pair_id, "end_early", reason, self.context.clock)


def pair_names(pair_id: int, context: AppContext) -> str:
    """The two people of the pair ("Ada and Bo"), for a sentence about it."""
    row = pairs.pair_rows([pair_id], context.clock).get(pair_id)
    return f"{row.mentor_name} and {row.mentee_name}" if row else "these two people"
