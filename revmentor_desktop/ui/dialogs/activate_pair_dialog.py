"""Activate a pair, saying from when it counts as meeting: today, or the day it first met."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from revmentor_desktop.domain import edits, pairs
from revmentor_desktop.domain.clock import today
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.end_pair_dialog import pair_names
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.optional_date import from_qdate, new_date_edit, to_qdate

EXPLANATION = (
    "The start date is when the pair began meeting: today, or the day of their first session "
    "if they have already met. Reminders and reports count from it."
)


class ActivatePairDialog(FormDialog):
    def __init__(self, context: AppContext, pair_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, "Activate pair", parent, existing=True)
        self.pair_id = pair_id
        self.save_button.setText("&Activate")
        intro = QLabel(f"Activate the pair of {pair_names(pair_id, context)}?\n\n{EXPLANATION}")
        intro.setWordWrap(True)
        self.start_date = new_date_edit()
        self.start_date.setDate(to_qdate(pairs.default_start_date(pair_id, today(context.clock))))
        form = new_form()
        self.add_field(form, "&Start date:", self.start_date, "start_date")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.watch("start_date", self.start_date.dateChanged)
        self.revalidate()
        self.size_comfortably(70, 14)

    def problems(self) -> Mapping[str, str]:
        return pairs.validate_start_date(self.pair_id, from_qdate(self.start_date.date()))

    def save(self) -> Edit:
        start_date = from_qdate(self.start_date.date())
        return edits.change_pair_status(
            self.pair_id, "activate", clock=self.context.clock, start_date=start_date
        )
