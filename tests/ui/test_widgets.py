"""The small reusable widgets of the dialogs."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QToolButton
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain.pairs import GoalDraft
from revmentor_desktop.domain.progress import Progress
from revmentor_desktop.ui.widgets.feedback import FieldFeedback
from revmentor_desktop.ui.widgets.folder_field import FolderField
from revmentor_desktop.ui.widgets.goals_editor import GoalsEditor
from revmentor_desktop.ui.widgets.optional_date import OptionalDateEdit
from revmentor_desktop.ui.widgets.person_picker import PersonPicker
from revmentor_desktop.ui.widgets.role_choice import capacity_spin
from revmentor_desktop.ui.widgets.tag_editor import TagEditor, topic_suggestions
from revmentor_desktop.ui.workers import DialogJob

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def tags(qtbot: QtBot) -> TagEditor:
    editor = TagEditor(["Python", "Public speaking", "TikTok"])
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_enter_and_comma_add_tags(qtbot: QtBot, tags: TagEditor) -> None:
    with qtbot.waitSignal(tags.tags_changed):
        qtbot.keyClicks(tags.input, "Python,")
    qtbot.keyClicks(tags.input, "Data  literacy")
    qtbot.keyClick(tags.input, Qt.Key.Key_Return)
    assert tags.tags() == ["Python", "Data literacy"]
    assert tags.input.text() == ""


def test_duplicates_ignoring_case_are_not_added(qtbot: QtBot, tags: TagEditor) -> None:
    tags.set_tags(["Python"])
    assert not tags.add_tag("python")
    assert tags.tags() == ["Python"]


def test_backspace_and_the_chip_remove_tags(qtbot: QtBot, tags: TagEditor) -> None:
    tags.set_tags(["A", "B", "C"])
    qtbot.keyClick(tags.input, Qt.Key.Key_Backspace)
    assert tags.tags() == ["A", "B"]
    chip = next(b for b in tags.findChildren(QToolButton) if b.accessibleName() == "Remove A")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert tags.tags() == ["B"]


def test_typed_text_counts_and_pasted_lists_split(qtbot: QtBot, tags: TagEditor) -> None:
    qtbot.keyClicks(tags.input, "Mentoring")
    assert tags.tags() == ["Mentoring"], "text not yet added is not lost on Save"
    tags.input.clear()
    tags.input.textEdited.emit("AI, Cloud, Sec")
    assert tags.tags() == ["AI", "Cloud", "Sec"]


def test_suggestions_come_from_the_topic_library() -> None:
    suggestions = topic_suggestions()
    assert suggestions, "the built-in topic library offers suggestions"
    assert len(suggestions) == len({topic.casefold() for topic in suggestions})


def test_optional_date_is_none_until_ticked(qtbot: QtBot) -> None:
    edit = OptionalDateEdit("Known", lambda: date(2026, 11, 2))
    qtbot.addWidget(edit)
    edit.show()
    assert edit.value() is None
    assert not edit.edit.isEnabled()
    with qtbot.waitSignal(edit.date_changed):
        qtbot.mouseClick(edit.check, Qt.MouseButton.LeftButton)
    assert edit.value() == date(2026, 11, 2)
    edit.set_value(date(2020, 1, 5))
    assert edit.value() == date(2020, 1, 5)
    edit.set_value(None)
    assert edit.value() is None


def test_person_picker_finds_people_by_name(qtbot: QtBot) -> None:
    picker = PersonPicker(none_label="No manager")
    qtbot.addWidget(picker)
    picker.set_people([(4, "Ada Lovelace (Research)"), (7, "Grace Hopper")])
    assert picker.person_id() is None
    picker.setEditText("")
    qtbot.keyClicks(picker.lineEdit(), "grace hopper")
    assert picker.person_id() == 7
    picker.setEditText("Grace H")
    assert picker.person_id() is None
    assert picker.has_unknown_text()
    picker.set_person_id(4)
    assert picker.currentText() == "Ada Lovelace (Research)"


def test_goals_editor_adds_removes_and_reports(qtbot: QtBot) -> None:
    goals = GoalsEditor()
    qtbot.addWidget(goals)
    goals.set_goals([GoalDraft("Post weekly", 30), GoalDraft("Lead a meeting", 0, "mentor")])
    goals.add_goal()
    goals.show_problems({"goal_3": "Goal 3 has no description."})
    rows = goals._rows
    assert rows[2].problem.text() == "Goal 3 has no description."
    assert rows[1].remove.accessibleName() == "Remove goal 2"
    rows[0].slider.setValue(80)
    assert goals.goals()[0] == GoalDraft("Post weekly", 80, "mentee")
    qtbot.mouseClick(rows[0].remove, Qt.MouseButton.LeftButton)
    assert [goal.description for goal in goals.goals()] == ["Lead a meeting", ""]
    assert goals._rows[0].remove.accessibleName() == "Remove goal 1"


def test_capacity_reads_naturally(qtbot: QtBot) -> None:
    spin = capacity_spin()
    qtbot.addWidget(spin)
    assert spin.text() == "up to 1 mentee"
    spin.setValue(3)
    assert spin.text() == "up to 3 mentees"


def test_field_feedback_shows_only_touched_fields(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

    feedback = FieldFeedback()
    name = QLineEdit()
    container = feedback.attach("name", name)
    qtbot.addWidget(container)
    feedback.show({"name": "Enter a name.", "other": "Elsewhere."})
    assert feedback.problem_for("name") == ""
    feedback.touch("name")
    feedback.show({"name": "Enter a name.", "other": "Elsewhere."})
    assert feedback.problem_for("name") == "Enter a name."
    assert name.accessibleDescription() == "Enter a name."
    assert feedback.unplaced({"name": "x", "other": "Elsewhere."}) == ["Elsewhere."]


def test_an_empty_state_shows_its_whole_sentence(qtbot) -> None:  # type: ignore[no-untyped-def]
    from revmentor_desktop.ui.views.empty_state import EmptyState

    state = EmptyState()
    qtbot.addWidget(state)
    state.show_content(
        "Welcome to RevMentor",
        "Add the people who take part, create a cohort, then pair them up. "
        "To look around first, open the sample data.",
        [("Add a person…", lambda: None)],
    )
    state.resize(1100, 700)
    state.show()
    qtbot.waitExposed(state)
    text_labels = [
        child for child in state.children() if getattr(child, "wordWrap", lambda: False)()
    ]
    assert len(text_labels) == 1
    (text,) = text_labels
    assert text.height() >= text.heightForWidth(text.width())  # two lines, nothing cut off
    assert text.heightForWidth(text.width()) > text.fontMetrics().height() * 1.5


def test_folder_field_gives_only_a_folder_that_exists(qtbot: QtBot, tmp_path: Path) -> None:
    field = FolderField("The folder to write to", "Folder", None)
    qtbot.addWidget(field)
    assert field.existing_folder() is None
    field.set_folder(tmp_path / "missing")
    assert field.existing_folder() is None
    field.set_folder(f"  {tmp_path}  ")
    assert field.existing_folder() == tmp_path


def test_closing_a_dialog_stops_its_job(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    job = DialogJob(dialog)
    reporting = threading.Event()
    outcomes: list[object] = []

    def endless(progress: Progress) -> None:
        while True:
            progress(0, 1)
            reporting.set()

    job.start(
        endless, progressed=lambda *_: None, succeeded=outcomes.append, failed=outcomes.append
    )
    thread = job.thread
    assert thread is not None and reporting.wait(5)
    dialog.reject()
    assert thread.isFinished() and job.thread is None
    assert outcomes == [], "a stopped job neither succeeds nor fails"


def test_a_dialog_job_hands_over_its_result_once_the_thread_is_done(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    job = DialogJob(dialog)
    outcomes: list[object] = []
    job.start(
        lambda progress: 42,
        progressed=lambda *_: None,
        succeeded=outcomes.append,
        failed=outcomes.append,
    )
    thread = job.thread
    qtbot.waitUntil(lambda: outcomes == [42])
    assert thread is not None and thread.isFinished() and job.thread is None
