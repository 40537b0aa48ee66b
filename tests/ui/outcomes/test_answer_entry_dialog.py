"""Typing in paper answers with the keyboard only: digits, Enter, Tab and Ctrl+Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain.outcomes import entry, forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.answer_entry_dialog import AnswerEntryDialog
from tests.reports.programme import Programme
from tests.ui.outcomes.keyboard import OFFSCREEN_NOISE, focused, press, show, type_keys

pytestmark = OFFSCREEN_NOISE
ENTER, TAB = Qt.Key.Key_Return, Qt.Key.Key_Tab
CTRL = Qt.KeyboardModifier.ControlModifier


def _entry_dialog(qtbot: QtBot, context: AppContext, programme: Programme) -> AnswerEntryDialog:
    dialog = AnswerEntryDialog(context, programme.cohort_id, Questionnaire.CHECKIN)
    show(qtbot, dialog)
    return dialog


def _form_of(programme: Programme, name: str) -> entry.EntryForm:
    entries = entry.entry_forms(programme.cohort_id, Questionnaire.CHECKIN)
    return next(each for each in entries if each.form.person_id == programme.names[name])


def _save_and_next(qtbot: QtBot) -> None:
    press(qtbot, Qt.Key.Key_Return, CTRL)


def test_answers_typed_person_after_person_are_stored_and_undo_takes_them_back(
    qtbot: QtBot, context: AppContext, programme: Programme
) -> None:
    dialog = _entry_dialog(qtbot, context, programme)
    assert dialog.person_heading.text().startswith("Agnès Dubois — Reverse mentor, with Jörg")
    # Meeting as planned, usefulness, comfort, a note for the coordinator, wants help.
    type_keys(qtbot, "y", ENTER, "4", ENTER, "2", ENTER, "He cancels & rushes", TAB, "n")
    _save_and_next(qtbot)
    agnes = _form_of(programme, "Agnès Dubois")
    assert agnes.answered and agnes.channel == "paper"
    assert forms.answers_of(agnes.form.form_id) == {
        "checkin.meeting-as-planned": 1,
        "checkin.usefulness": 4,
        "checkin.comfort": 2,
        "checkin.for-the-coordinator": "He cancels & rushes",
        "checkin.wants-help": 0,
    }
    assert dialog.people.item(0).text() == "✓ Agnès Dubois — answered"
    assert dialog.person_heading.text().startswith("Jörg Müller")
    assert focused() is dialog._rows[0].box, "the next person starts at the first item"

    type_keys(qtbot, "n", ENTER, "9", ENTER)
    usefulness = dialog._rows[1]
    assert usefulness.problem.isVisible()
    assert usefulness.problem.text() == "The answer must be from 1 to 5, not 9."
    _save_and_next(qtbot)
    assert dialog.person_heading.text().startswith("Jörg Müller"), "a bad answer keeps him"
    assert focused() is usefulness.box
    press(qtbot, Qt.Key.Key_A, CTRL)  # select the 9 and type over it
    type_keys(qtbot, "3")
    _save_and_next(qtbot)
    jorg = _form_of(programme, "Jörg Müller")
    assert forms.answers_of(jorg.form.form_id)["checkin.usefulness"] == 3
    assert dialog.progress.text().startswith("2 of 10 people answered")

    context.edits.undo_stack.undo()
    assert not _form_of(programme, "Jörg Müller").answered
    context.edits.undo_stack.undo()
    undone = _form_of(programme, "Agnès Dubois")
    assert not undone.answered
    assert set(forms.answers_of(undone.form.form_id).values()) == {None}


def test_an_answered_form_is_marked_and_replaced_only_after_asking(
    qtbot: QtBot, context: AppContext, programme: Programme, asked: list[str]
) -> None:
    agnes = _form_of(programme, "Agnès Dubois")
    forms.record_answers(agnes.form.form_id, {"checkin.comfort": 5}, forms.Channel.PDF)
    dialog = _entry_dialog(qtbot, context, programme)
    assert dialog.people.item(0).text() == "✓ Agnès Dubois — answered"
    assert dialog.person_heading.text().startswith("Jörg Müller"), "opens on who is waiting"
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert "already recorded" in dialog.answered_notice.text()
    assert [row.text() for row in dialog._rows] == ["", "", "5", "", ""]
    type_keys(qtbot, "y", ENTER, ENTER)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "1")
    _save_and_next(qtbot)
    assert len(asked) == 1 and "Replace" in asked[0]
    recorded = forms.answers_of(agnes.form.form_id)
    assert (recorded["checkin.meeting-as-planned"], recorded["checkin.comfort"]) == (1, 1)


def test_an_empty_form_is_not_saved_and_skipping_saves_nothing(
    qtbot: QtBot, context: AppContext, programme: Programme
) -> None:
    dialog = _entry_dialog(qtbot, context, programme)
    _save_and_next(qtbot)
    assert "Nothing is typed in for Agnès Dubois" in dialog.banner.text()
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert dialog.person_heading.text().startswith("Jörg Müller")
    assert context.edits.undo_stack.count() == 0
    assert not _form_of(programme, "Agnès Dubois").answered
