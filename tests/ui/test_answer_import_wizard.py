"""Importing a form tool's answers in the window: file → cohort and questionnaire → columns →
preview → import, as a coordinator goes through it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import OutcomeForm
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.answer_import_wizard import LEAVE_OUT, AnswerImportWizard
from revmentor_desktop.ui.undo import EditStack
from tests.helpers.form_tool_exports import (
    GOOGLE_FORMS_CHECKIN,
    programme_with_emails,
    read_csv,
    sha256,
    with_rows,
    write_csv,
)
from tests.reports.programme import Programme, clock

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def programme(data_file: DataFile) -> Programme:
    return programme_with_emails()


def _wizard(qtbot: QtBot) -> tuple[AnswerImportWizard, AppContext]:
    context = AppContext(edits=EditStack(), clock=clock)
    wizard = AnswerImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard, context


def _to_columns(wizard: AnswerImportWizard, path: Path, programme: Programme) -> None:
    wizard.set_file(str(path))
    wizard.next()
    page = wizard.cohort_page
    page.cohort.setCurrentIndex(page.cohort.findData(programme.cohort_id))
    page.questionnaire.setCurrentIndex(page.questionnaire.findData(Questionnaire.CHECKIN.value))
    wizard.next()
    assert wizard.currentPage() is wizard.columns_page


def _combo_texts(wizard: AnswerImportWizard) -> list[str]:
    return [combo.currentText() for combo in wizard.columns_page.combos]


def test_a_google_forms_export_is_imported_and_undone_in_one_step(
    qtbot: QtBot, programme: Programme
) -> None:
    wizard, context = _wizard(qtbot)
    _to_columns(wizard, GOOGLE_FORMS_CHECKIN, programme)
    assert _combo_texts(wizard) == [
        LEAVE_OUT,
        "E-mail of the person answering",
        "Are you meeting as often as you planned?",
        "How useful are your meetings to you so far?",
        "Do you feel comfortable and respected in your meetings?",
        "Is there anything the coordinator should know? (Only the coordinator reads this.)",
        "Would you like the coordinator's help?",
    ]
    wizard.next()
    preview = wizard.preview_page
    assert preview.summary.text().startswith(
        "Record the check-in answers of 3 people in “Reverse mentoring 2026”."
    )
    assert preview.problem_box.isHidden()
    assert preview.rows.item(2, 1).text() == "Person 00 <person.00@nordwind.example>"
    assert preview.rows.item(2, 2).text() == "5 answers"
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    assert wizard.currentPage() is wizard.result_page
    assert "Recorded the check-in answers of 3 people" in wizard.result_page.text.text()
    person_00 = OutcomeForm.get(OutcomeForm.person == programme.names["Person 00"])
    assert forms.answers_of(person_00.id)["checkin.wants-help"] == 1
    context.edits.undo_stack.undo()
    assert OutcomeForm.select().where(OutcomeForm.returned_at.is_null(False)).count() == 0


def test_a_column_left_unmatched_can_be_chosen_by_hand(
    qtbot: QtBot, programme: Programme, tmp_path: Path
) -> None:
    rows = read_csv(GOOGLE_FORMS_CHECKIN)
    rows[0][4] = "Comfort"
    wizard, _context = _wizard(qtbot)
    _to_columns(wizard, write_csv(tmp_path / "renamed.csv", rows), programme)
    combo = wizard.columns_page.combos[4]
    assert combo.currentText() == LEAVE_OUT
    combo.setCurrentIndex(combo.findData("checkin.comfort"))
    wizard.next()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    jorg = OutcomeForm.get(OutcomeForm.person == programme.names["Jörg Müller"])
    assert forms.answers_of(jorg.id)["checkin.comfort"] == 5


def test_a_file_with_a_row_problem_is_refused_until_the_row_is_skipped(
    qtbot: QtBot, programme: Programme, data_file: DataFile, tmp_path: Path
) -> None:
    stranger = ["2026/06/22", "nobody@x.org", "Yes", "3", "4", "", "No"]
    source = with_rows(GOOGLE_FORMS_CHECKIN, tmp_path / "answers.csv", stranger)
    wizard, _context = _wizard(qtbot)
    _to_columns(wizard, source, programme)
    wizard.next()
    preview = wizard.preview_page
    assert not preview.problem_box.isHidden()
    assert [preview.problems.item(0, column).text() for column in range(3)] == [
        "5",
        "Email address",
        "Nobody in the data file has the e-mail address nobody@x.org. Correct it if it is "
        "mistyped, or skip the row.",
    ]
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()
    before = sha256(data_file.path)
    wizard.next()  # Import stays unavailable: the wizard does not move on
    assert wizard.currentPage() is preview
    assert sha256(data_file.path) == before
    assert OutcomeForm.select().count() == 0
    preview.skip_invalid.setChecked(True)
    assert commit.isEnabled()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    assert "Skipped: 1 row with problems" in wizard.result_page.text.text()
