"""Activate a pair, saying from when it counts as meeting: today, or the day it first met."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from revmentor_desktop.domain import edits, pairs
from revmentor_desktop.domain.clock import today
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.pair_question import PairQuestionDialog
from revmentor_desktop.ui.widgets.optional_date import from_qdate, new_date_edit, to_qdate

EXPLANATION = (
    "The start date is when the pair began meeting: today, or the day of their first session "
    "if they have already met. Reminders and reports count from it."
)


class ActivatePairDialog(PairQuestionDialog):
    def __init__(self, context: AppContext, pair_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, pair_id, "Activate pair", "&Activate", parent)
        self.start_date = new_date_edit()
        self.start_date.setDate(to_qdate(pairs.default_start_date(pair_id, today(context.clock))))
        question = f"Activate the pair of {{names}}?\n\n{EXPLANATION}"
        changed = self.start_date.dateChanged
        self.ask(question, "&Start date:", self.start_date, "start_date", changed)

    def problems(self) -> Mapping[str, str]:
        return pairs.validate_start_date(self.pair_id, from_qdate(self.start_date.date()))

    def save(self) -> Edit:
        start_date = from_qdate(self.start_date.date())
        return edits.change_pair_status(
            self.pair_id, "activate", clock=self.context.clock, start_date=start_date
        )
