"""The import wizard: file → mapping → preview → options → import, driven through its pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import cohorts, people
from revmentor_desktop.domain.edits import add_person
from revmentor_desktop.domain.importing import Field
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.import_wizard import ImportWizard
from revmentor_desktop.ui.undo import EditStack

DATA = Path(__file__).parent.parent / "data"
# The offscreen platform used in tests cannot size native windows; it says so, harmlessly.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def make_wizard(qtbot: QtBot, data_file: DataFile) -> tuple[ImportWizard, AppContext]:
    context = AppContext(edits=EditStack())
    wizard = ImportWizard(context, data_file.path)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard, context


def test_import_staff_list_then_form_into_a_cohort(qtbot: QtBot, data_file: DataFile) -> None:
    wizard, context = make_wizard(qtbot, data_file)
    context.edits.push(add_person(people.PersonDraft(name="Someone Else")))
    wizard.set_file(DATA / "staff_hris_export.csv")
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.mapping_page.detected.text() == "CSV, UTF-8 with BOM, comma-separated"
    assert wizard.mapping_page.mapping().fields[3] == Field.EMAIL
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.preview_page.summary.text().startswith("48 added, 0 updated")
    assert wizard.preview_page.changes.rowCount() == 48
    wizard.next()
    with qtbot.waitSignal(wizard.imported) as signal:
        wizard.next()
    assert signal.args[0].added == 48
    assert wizard.currentPage() is wizard.result_page
    assert "To undo this import, restore that backup" in wizard.result_page.text.text()
    assert context.edits.undo_stack.count() == 0
    assert len(people.list_people()) == 49

    wizard, _ = make_wizard(qtbot, data_file)
    wizard.set_file(DATA / "enrolment_form_responses.csv")
    wizard.next()
    wizard.next()
    assert wizard.preview_page.summary.text().startswith("0 added, 43 updated")
    assert wizard.preview_page.changes.item(0, 2).text() == "Update"
    wizard.next()
    wizard.options_page.cohort.setEditText("Reverse 2026")
    wizard.next()
    assert wizard.result is not None and wizard.result.updated == 43
    cohort_id = cohorts.find_cohort_id("Reverse 2026")
    assert len(cohorts.list_participants(cohort_id)) == 43


def test_problems_are_listed_and_block_until_skipped(
    qtbot: QtBot, data_file: DataFile, tmp_path: Path
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("Name,Email\nAna,ana@example.org\nBo,bad\n", encoding="utf-8")
    wizard, _ = make_wizard(qtbot, data_file)
    wizard.set_file(source)
    wizard.next()
    wizard.next()
    problems = wizard.preview_page.problems
    assert problems.rowCount() == 1
    assert [problems.item(0, c).text() for c in range(3)] == [
        "3",
        "Email",
        "“bad” is not a valid e-mail address (like name@example.org).",
    ]
    wizard.next()
    wizard.next()  # refused: there are problem rows
    assert wizard.currentPage() is wizard.options_page
    assert wizard.options_page.status.text().startswith("Nothing was imported:")
    assert people.list_people() == []
    wizard.options_page.skip_invalid.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.result_page
    assert [row.name for row in people.list_people()] == ["Ana"]


def test_unreadable_file_stays_on_the_first_page(
    qtbot: QtBot, data_file: DataFile, tmp_path: Path
) -> None:
    source = tmp_path / "empty.csv"
    source.write_bytes(b"")
    wizard, _ = make_wizard(qtbot, data_file)
    wizard.set_file(source)
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.text() == "empty.csv is empty: there is nothing to import."


def test_mapping_can_be_corrected_and_dates_ordered(
    qtbot: QtBot, data_file: DataFile, tmp_path: Path
) -> None:
    source = tmp_path / "odd.csv"
    source.write_text("Who,Contact,Since\nAna Lima,ana@example.org,03/04/2020\n", "utf-8")
    wizard, _ = make_wizard(qtbot, data_file)
    wizard.set_file(source)
    wizard.next()
    combos = wizard.mapping_page.combos
    combos[0].setCurrentIndex(combos[0].findData(Field.FULL_NAME.value))
    combos[1].setCurrentIndex(combos[1].findData(Field.EMAIL.value))
    combos[2].setCurrentIndex(combos[2].findData(Field.HIRE_DATE.value))
    wizard.next()
    assert "could be day-first or month-first" in wizard.preview_page.file_problems.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.back()
    wizard.mapping_page.date_order.setCurrentIndex(1)  # day first
    wizard.next()
    wizard.next()
    wizard.next()
    (person,) = people.list_people()
    assert (person.name, str(person.hire_date)) == ("Ana Lima", "2020-04-03")


def test_privacy_dialogs(qtbot: QtBot, data_file: DataFile, tmp_path: Path) -> None:
    from revmentor_desktop.domain import privacy
    from revmentor_desktop.ui.dialogs.privacy_dialogs import EraseDialog, PersonExportDialog

    wizard, context = make_wizard(qtbot, data_file)
    wizard.set_file(DATA / "staff_hris_export.csv")
    for _ in range(4):
        wizard.next()
    uma = privacy.find_person_id("uma.sato@northwind-co.example")
    export = PersonExportDialog(context, uma)
    qtbot.addWidget(export)
    export.path_edit.setText(str(tmp_path / "uma.json"))
    export.accept()
    assert export.written == (tmp_path / "uma.json", tmp_path / "uma.csv")
    context.edits.push(add_person(people.PersonDraft(name="Someone Else")))
    erase = EraseDialog(context, data_file.path, uma)
    qtbot.addWidget(erase)
    assert not erase.erase_button.isEnabled()
    erase.understood.setChecked(True)
    erase.purge.setChecked(True)
    with qtbot.waitSignals([erase.erased, context.edits.data_changed]):
        erase.accept()
    assert people.get_person(uma).draft.name == "Erased person #1"
    assert context.edits.undo_stack.count() == 0  # the snapshots held Uma's data
    assert erase.summary().startswith("Erased; their records now show “Erased person #1”.")
