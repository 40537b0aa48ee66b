"""The questionnaire editor: reword beside the built-in wording, reset, add, move, retire —
each one undoable, and forms already issued keep their wording."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain.outcomes import forms, questionnaires
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.questionnaire_editor import QuestionnaireEditor
from revmentor_desktop.ui.models.questions_model import QuestionsModel
from revmentor_desktop.ui.widgets.choices import select_data
from tests.reports.programme import Programme, clock
from tests.ui.outcomes.keyboard import OFFSCREEN_NOISE, show

pytestmark = OFFSCREEN_NOISE
CHECKIN = Questionnaire.CHECKIN
USEFULNESS = "checkin.usefulness"


def _editor(qtbot: QtBot, context: AppContext) -> QuestionnaireEditor:
    editor = QuestionnaireEditor(context)
    show(qtbot, editor)
    select_data(editor.questionnaire, CHECKIN.value)
    return editor


def _select(editor: QuestionnaireEditor, key: str) -> None:
    editor.table.selectRow(editor.model.row_of(key))


def _press(qtbot: QtBot, button: object) -> None:
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _wordings(questionnaire: Questionnaire = CHECKIN) -> list[str]:
    return [question.wording for question in questionnaires.questions(questionnaire)]


def test_the_questions_model_passes_the_model_tester(
    qtmodeltester: ModelTester, programme: Programme
) -> None:
    model = QuestionsModel(CHECKIN)
    model.refresh()
    qtmodeltester.check(model)
    row = model.row_of("checkin.for-the-coordinator")
    assert [model.index(row, column).data() for column in range(4)] == [
        "Is there anything the coordinator should know? (Only the coordinator reads this.)",
        "Private note",
        "Everyone",
        "",
    ]
    starting = QuestionsModel(Questionnaire.STARTING)
    starting.refresh()
    assert starting.index(0, 2).data() == "Mentors in reverse cohorts"


def test_rewording_shows_the_built_in_wording_and_reset_and_undo_bring_it_back(
    qtbot: QtBot, context: AppContext, programme: Programme
) -> None:
    issued = forms.issue_forms(programme.cohort_id, CHECKIN, clock=clock)[0]
    editor = _editor(qtbot, context)
    _select(editor, USEFULNESS)
    assert editor.builtin_label.text() == (
        "Built-in wording: “How useful are your meetings to you so far?”"
    )
    assert not editor.reset_button.isEnabled()
    editor.wording.selectAll()
    qtbot.keyClicks(editor.wording, "How much do the meetings help you?")
    _press(qtbot, editor.reword_button)
    assert "How much do the meetings help you?" in _wordings()
    row = editor.model.row_of(USEFULNESS)
    assert editor.model.index(row, 3).data() == "Reworded"
    assert "How useful are your meetings to you so far?" in [
        item.wording for item in forms.form_to_fill(issued.form_id).items
    ], "a form already issued keeps its wording"
    assert editor.reset_button.isEnabled()
    _press(qtbot, editor.reset_button)
    assert "How useful are your meetings to you so far?" in _wordings()
    context.edits.undo_stack.undo()
    assert "How much do the meetings help you?" in _wordings()
    assert editor.wording.toPlainText() == "How much do the meetings help you?"
    context.edits.undo_stack.undo()
    assert "How useful are your meetings to you so far?" in _wordings()


def test_an_empty_wording_is_refused_in_words(
    qtbot: QtBot, context: AppContext, programme: Programme
) -> None:
    editor = _editor(qtbot, context)
    _select(editor, USEFULNESS)
    editor.wording.selectAll()
    qtbot.keyClick(editor.wording, Qt.Key.Key_Delete)
    _press(qtbot, editor.reword_button)
    assert editor.problem.text() == "Write the question: it cannot be empty."
    assert context.edits.undo_stack.count() == 0


def test_add_move_and_retire_are_each_undoable(
    qtbot: QtBot, context: AppContext, programme: Programme
) -> None:
    editor = _editor(qtbot, context)
    before = _wordings()
    qtbot.keyClicks(editor.new_wording, "Which tool surprised you most?")
    qtbot.keyClick(editor.new_wording, Qt.Key.Key_Return)
    assert _wordings() == [*before, "Which tool surprised you most?"]
    assert editor.current_question().wording == "Which tool surprised you most?"
    _press(qtbot, editor.up_button)
    assert _wordings()[-2] == "Which tool surprised you most?"
    _select(editor, "checkin.wants-help")
    _press(qtbot, editor.retire_button)
    assert "Would you like the coordinator's help?" not in _wordings()
    assert editor.retire_button.text() == "Bring &back"
    assert [context.edits.undo_stack.text(i) for i in range(3)] == [
        "Add question",
        "Move question",
        "Retire question",
    ]
    for _ in range(3):
        context.edits.undo_stack.undo()
    assert _wordings() == before
