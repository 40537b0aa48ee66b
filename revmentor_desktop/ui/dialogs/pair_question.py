"""The shape of the short questions asked before a pair changes status (from when? why?)."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from revmentor_desktop.domain import pairs
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form


def pair_names(pair_id: int, context: AppContext) -> str:
    """The two people of the pair ("Ada and Bo"), for a sentence about it."""
    row = pairs.pair_rows([pair_id], context.clock).get(pair_id)
    return f"{row.mentor_name} and {row.mentee_name}" if row else "these two people"


class PairQuestionDialog(FormDialog):
    """A sentence naming the pair, one field and one button that does the action."""

    def __init__(
        self,
        context: AppContext,
        pair_id: int,
        title: str,
        action: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, title, parent, existing=False)
        self.pair_id = pair_id
        self.save_button.setText(action)

    def ask(
        self, question: str, label: str, field: QWidget, key: str, changed: SignalInstance
    ) -> None:
        """Lay out ``question`` ("{names}" stands for the pair) and the one field answering it."""
        intro = QLabel(question.format(names=pair_names(self.pair_id, self.context)))
        intro.setWordWrap(True)
        form = new_form()
        self.add_field(form, label, field, key)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.watch(key, changed)
        self.revalidate()
        self.size_comfortably(80, 14)
