"""A cohort's check-in dates in the window: the default from the cohort's dates, set, reset."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain.outcomes import checkins
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.check_in_dates_dialog import CheckInDatesDialog
from tests.reports.programme import Programme
from tests.ui.outcomes.keyboard import OFFSCREEN_NOISE, show

pytestmark = OFFSCREEN_NOISE
CHECKIN = Questionnaire.CHECKIN


def _dialog(qtbot: QtBot, context: AppContext, programme: Programme) -> CheckInDatesDialog:
    dialog = CheckInDatesDialog(context, programme.cohort_id)
    show(qtbot, dialog)
    return dialog


def test_a_check_in_date_is_set_by_hand_and_undone(
    qtbot: QtBot, context: AppContext, programme: Programme
) -> None:
    dialog = _dialog(qtbot, context, programme)
    row = dialog.rows[CHECKIN]
    assert row.default_label.text() == (
        "Default 25 Jul 2026: half-way between the cohort's start and end."
    )
    assert row.date.value() is None and not row.reset_button.isEnabled()
    qtbot.keyClick(row.date.check, Qt.Key.Key_Space)
    row.date.edit.setDate(QDate(2026, 6, 30))
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert checkins.due_dates(programme.cohort_id)[CHECKIN] == date(2026, 6, 30)
    assert context.edits.undo_stack.undoText() == "Set the check-in date"
    context.edits.undo_stack.undo()
    assert checkins.due_dates(programme.cohort_id)[CHECKIN] == date(2026, 7, 25)


def test_reset_to_default_goes_back_to_the_date_from_the_cohorts_dates(
    qtbot: QtBot, context: AppContext, programme: Programme
) -> None:
    checkins.set_due_date(programme.cohort_id, CHECKIN, date(2026, 6, 30))
    dialog = _dialog(qtbot, context, programme)
    row = dialog.rows[CHECKIN]
    assert row.date.value() == date(2026, 6, 30)
    qtbot.keyClick(row.reset_button, Qt.Key.Key_Space)
    assert row.date.value() is None
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert checkins.due_dates(programme.cohort_id)[CHECKIN] == date(2026, 7, 25)
    assert context.edits.undo_stack.count() == 1, "only the changed date is an edit"
