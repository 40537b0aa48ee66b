"""Making questionnaire forms and collecting them back in the window, driven with qtbot."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.reports import outcome_form
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.collect_forms_dialog import KEEP_RECORDED, CollectFormsDialog
from revmentor_desktop.ui.dialogs.make_forms_dialog import MakeFormsDialog
from revmentor_desktop.ui.models.collection_model import WHAT
from tests.helpers.pdf_forms import fill_form, flatten
from tests.reports.programme import Programme, build_programme, clock

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def programme(data_file: DataFile) -> Programme:
    return build_programme()


def _returned(programme: Programme, folder: Path, name: str, usefulness: int) -> tuple[Path, int]:
    """``name``'s check-in form, filled in and saved into ``folder``; and the form's id."""
    issued = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, clock=clock)
    form = next(form for form in issued if form.person_id == programme.names[name])
    blank = folder / "blank.pdf"
    outcome_form.render_form(form, report_data.letterhead(clock), blank)
    target = folder / f"{name.split()[0]}-{usefulness}.pdf"
    fill_form(form, blank, target, {"checkin.usefulness": usefulness})
    blank.unlink()
    return target, form.form_id


def test_make_forms_writes_a_file_per_person_of_the_chosen_cohort_and_questionnaire(
    qtbot: QtBot, context: AppContext, programme: Programme, tmp_path: Path
) -> None:
    dialog = MakeFormsDialog(context, cohort_id=programme.cohort_id)
    qtbot.addWidget(dialog)
    dialog.questionnaire.setCurrentIndex(dialog.questionnaire.findData("checkin"))
    dialog.folder.set_folder(str(tmp_path))
    dialog.print_copy.setChecked(True)
    with qtbot.waitSignal(dialog.written, timeout=60_000) as written:
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    paths = written.args[0]
    issued = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, clock=clock)
    assert len(paths) == len(issued) + 1
    assert all(path.exists() for path in paths)
    assert any(path.name.startswith("Check-in-Agnès-Dubois") for path in paths)
    assert (tmp_path / "Check-in – all forms to print.pdf").exists()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_make_forms_asks_for_a_folder_that_exists(
    qtbot: QtBot, context: AppContext, programme: Programme, tmp_path: Path
) -> None:
    dialog = MakeFormsDialog(context, cohort_id=programme.cohort_id)
    qtbot.addWidget(dialog)
    dialog.folder.set_folder(str(tmp_path / "missing"))
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert "Choose a folder that exists" in dialog.status.text()
    assert not any(form.issued_at for form in _issued_rows(programme))


def _issued_rows(programme: Programme) -> list[object]:
    from revmentor_desktop.storage.models import OutcomeForm

    return list(OutcomeForm.select().where(OutcomeForm.cohort == programme.cohort_id))


def test_collecting_shows_the_plan_and_records_as_one_undoable_step(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    context: AppContext,
    programme: Programme,
    tmp_path: Path,
) -> None:
    agnes, form_id = _returned(programme, tmp_path, "Agnès Dubois", 4)
    (tmp_path / "scan.pdf").write_text("not a pdf")
    dialog = CollectFormsDialog(context)
    qtbot.addWidget(dialog)
    dialog.add_paths([tmp_path])
    qtmodeltester.check(dialog.model)
    model = dialog.model
    rows = {model.index(row, 0).data(): model.index(row, WHAT).data() for row in range(2)}
    assert rows[agnes.name] == "Records 1 of 5 answers."
    assert rows["scan.pdf"].startswith("Refused: It is not a PDF file.")
    assert "1 file refused and left out" in dialog.summary.text()
    assert dialog.record_button.isEnabled()

    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert forms.answers_of(form_id)["checkin.usefulness"] == 4
    assert context.edits.undo_stack.undoText() == "Collect 1 returned form"
    context.edits.undo_stack.undo()
    assert forms.answers_of(form_id)["checkin.usefulness"] is None


def test_a_form_answered_twice_is_recorded_only_once_the_answers_to_keep_are_chosen(
    qtbot: QtBot, context: AppContext, programme: Programme, tmp_path: Path
) -> None:
    first, form_id = _returned(programme, tmp_path, "Agnès Dubois", 2)
    second, _ = _returned(programme, tmp_path, "Agnès Dubois", 5)
    dialog = CollectFormsDialog(context)
    qtbot.addWidget(dialog)
    dialog.add_paths([first, second])
    assert not dialog.record_button.isEnabled()
    assert "choose the answers to keep for 1 form" in dialog.summary.text()
    (box,) = dialog.choice_boxes.values()
    assert box.findData(KEEP_RECORDED) == -1, "nothing is recorded yet to keep"
    box.setCurrentIndex(box.findData(str(second)))
    assert dialog.record_button.isEnabled()
    assert dialog.model.index(0, WHAT).data().endswith("the other answers were chosen.")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert forms.answers_of(form_id)["checkin.usefulness"] == 5


def test_a_flattened_form_is_typed_in_by_hand_from_the_collection(
    qtbot: QtBot,
    context: AppContext,
    programme: Programme,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from revmentor_desktop.ui.dialogs.answer_entry_dialog import AnswerEntryDialog

    filled, _ = _returned(programme, tmp_path, "Agnès Dubois", 4)
    printed, printed_id = _returned(programme, tmp_path, "Jörg Müller", 3)
    flatten(printed, printed.with_name("printed.pdf"))
    printed.unlink()
    opened: list[int | None] = []
    monkeypatch.setattr(AnswerEntryDialog, "exec", lambda self: opened.append(self._single_form))
    dialog = CollectFormsDialog(context)
    qtbot.addWidget(dialog)
    dialog.add_paths([filled, printed.with_name("printed.pdf")])
    rows = [dialog.model.index(row, 0).data() for row in range(2)]

    dialog.table.setCurrentIndex(dialog.model.index(rows.index(filled.name), 0))
    assert not dialog.type_in.isEnabled(), "a form with its fields is read, not typed in"
    dialog.table.setCurrentIndex(dialog.model.index(rows.index("printed.pdf"), 0))
    assert dialog.type_in.isEnabled()
    qtbot.mouseClick(dialog.type_in, Qt.MouseButton.LeftButton)
    assert opened == [printed_id]
