"""A worrying answer on Today: in red, Enter opens the answers, Mark as handled clears it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain.attention import Severity
from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.ui.dialogs.form_answers_dialog import FormAnswersDialog
from revmentor_desktop.ui.models.attention_model import SEVERITY_ROLE
from revmentor_desktop.ui.views.today_view import TodayView
from tests.ui import window_fixtures
from tests.ui.programme import START, MovableClock, Programme, build_programme

make_window = window_fixtures.make_window
pytestmark = window_fixtures.IGNORE_OFFSCREEN_NOISE
CONCERNS = "Answers that raise a concern"


def _programme_with_a_worried_mentor() -> Programme:
    programme = build_programme()
    ada = programme.person_ids["Ada Lovelace"]
    [form] = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, [ada])
    answers = {"checkin.comfort": 1, "checkin.usefulness": 4, "checkin.meeting-as-planned": "y"}
    forms.record_answers(form.form_id, answers, forms.Channel.PAPER)
    return programme


def _concern_heading(view: TodayView) -> QModelIndex:
    for row in range(view.model.rowCount()):
        heading = view.model.index(row, 0)
        if heading.data().startswith(CONCERNS):
            return heading
    return QModelIndex()


def test_a_worrying_answer_opens_from_today_and_marking_it_handled_clears_it(
    qtbot: QtBot, make_window: window_fixtures.MakeWindow
) -> None:
    window = make_window(
        MovableClock(START + timedelta(days=60)), build=_programme_with_a_worried_mentor
    )
    view = window.stack.views["today"]
    assert isinstance(view, TodayView)
    heading = _concern_heading(view)
    assert heading.row() == 1, "right after what needs you now"
    item = view.model.index(0, 0, heading)
    assert item.data(SEVERITY_ROLE) == Severity.RED
    assert view.model.index(0, 2, heading).data() == (
        "Check-in (Reverse 2026): comfort rated 1 of 5"
    )
    seen: list[str] = []

    def mark_handled() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FormAnswersDialog)
        seen.extend(dialog.concerns)
        qtbot.keyClick(dialog.mark_button, Qt.Key.Key_Space)

    view.list.setFocus()
    view.list.setCurrentIndex(item)
    QTimer.singleShot(0, mark_handled)
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert seen == ["comfort rated 1 of 5"]
    assert not _concern_heading(view).isValid()
    window.context.edits.undo_stack.undo()
    assert _concern_heading(view).isValid(), "Undo brings the warning back"
