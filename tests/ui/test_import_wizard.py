"""The import wizard: file → mapping → cohort and role → preview → import → result, driven
through its pages as a coordinator would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenuBar, QWidget, QWizard
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import cohorts, edits, people
from revmentor_desktop.domain.edits import add_person
from revmentor_desktop.domain.importing import Field
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui import guide
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.import_wizard import ImportWizard
from revmentor_desktop.ui.menus import WindowActions
from revmentor_desktop.ui.undo import EditStack

DATA = Path(__file__).parent.parent / "data"
# The offscreen platform used in tests cannot size native windows; it says so, harmlessly.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")
NATIVE = QKeySequence.SequenceFormat.NativeText


def make_wizard(qtbot: QtBot, data_file: DataFile) -> tuple[ImportWizard, AppContext]:
    context = AppContext(edits=EditStack())
    wizard = ImportWizard(context, data_file.path)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard, context


def choose_file(qtbot: QtBot, data_file: DataFile, path: Path) -> ImportWizard:
    """A new wizard given ``path`` and asked for the next page: the mapping page, or the file
    page again, with its error, when the file is refused."""
    wizard, _ = make_wizard(qtbot, data_file)
    wizard.set_file(path)
    wizard.next()
    return wizard


def to_preview(wizard: ImportWizard, path: Path, cohort: str = "", role: str | None = None) -> None:
    """Choose ``path``, keep the recognised columns, enrol in ``cohort`` as ``role``, and
    arrive on the preview."""
    wizard.set_file(path)
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.cohort_page
    wizard.cohort_page.cohort.setEditText(cohort)
    page = wizard.cohort_page.default_role
    page.setCurrentIndex(page.findData(role))
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page


def test_import_staff_list_then_form_into_a_cohort(qtbot: QtBot, data_file: DataFile) -> None:
    wizard, context = make_wizard(qtbot, data_file)
    context.edits.push(add_person(people.PersonDraft(name="Someone Else")))
    to_preview(wizard, DATA / "staff_hris_export.csv")
    assert wizard.preview_page.summary.text().startswith("Add 48 people.\n")
    assert wizard.preview_page.changes.rowCount() == 48
    with qtbot.waitSignal(wizard.imported) as signal:
        wizard.next()
    assert signal.args[0].added == 48
    assert wizard.currentPage() is wizard.result_page
    assert len(people.list_people()) == 49

    wizard, _ = make_wizard(qtbot, data_file)
    to_preview(wizard, DATA / "enrolment_form_responses.csv", cohort="Reverse 2026")
    assert wizard.preview_page.summary.text().startswith("Update 43 people.\n")
    assert wizard.preview_page.changes.item(0, 2).text() == "Update"
    wizard.next()
    assert wizard.result is not None and wizard.result.updated == 43
    cohort_id = cohorts.find_cohort_id("Reverse 2026")
    assert len(cohorts.list_participants(cohort_id)) == 43


def test_cohort_and_role_come_before_the_preview_which_shows_the_enrolments(
    qtbot: QtBot, data_file: DataFile
) -> None:
    wizard = choose_file(qtbot, data_file, DATA / "staff_hris_export.csv")
    wizard.next()
    assert wizard.currentPage().title() == "Enrol them in a cohort?"
    assert wizard.cohort_page.role_label.text() == "&Enrol everyone as:"  # no role column
    wizard.cohort_page.cohort.setEditText("Reverse 2026")
    role = wizard.cohort_page.default_role
    assert [role.itemText(i) for i in range(role.count())] == [
        "Do not enrol them",
        "Reverse mentor",
        "Mentee",
        "Reverse mentor and Mentee",
    ]
    role.setCurrentIndex(role.findData("mentee"))
    wizard.next()
    preview = wizard.preview_page
    assert wizard.currentPage() is preview
    assert "Enrol 48 people in “Reverse 2026” as mentee." in preview.summary.text().split("\n")
    assert preview.changes.item(0, 3).text() == "Enrol as mentee"
    assert cohorts.list_cohorts() == []  # nothing written before Import


def test_the_result_page_says_what_was_created(qtbot: QtBot, data_file: DataFile) -> None:
    wizard, _ = make_wizard(qtbot, data_file)
    to_preview(wizard, DATA / "staff_hris_export.csv", cohort="Reverse 2026", role="mentee")
    wizard.next()
    lines = wizard.result_page.text.text().split("\n")
    assert lines[:3] == [
        "People: 48 added, 0 updated, 0 already up to date.",
        "Cohort “Reverse 2026” created, for reverse mentoring.",
        "Enrolled 48 people in “Reverse 2026” as mentee.",
    ]


def test_one_undo_takes_the_whole_import_back(qtbot: QtBot, data_file: DataFile) -> None:
    wizard, context = make_wizard(qtbot, data_file)
    context.edits.push(add_person(people.PersonDraft(name="Someone Else")))
    to_preview(wizard, DATA / "staff_hris_export.csv", cohort="Reverse 2026", role="mentee")
    wizard.next()
    undo_keys = QKeySequence(QKeySequence.StandardKey.Undo).toString(NATIVE)
    assert f"choose Edit ▸ Undo ({undo_keys}) once" in wizard.result_page.text.text()
    stack = context.edits.undo_stack
    assert stack.count() == 2  # the edit made before the import is still there
    assert stack.undoText() == "Import 48 people"
    with qtbot.waitSignal(context.edits.data_changed):
        stack.undo()
    assert [row.name for row in people.list_people()] == ["Someone Else"]
    assert cohorts.list_cohorts() == []
    stack.redo()
    assert len(people.list_people()) == 49
    assert len(cohorts.list_participants(cohorts.find_cohort_id("Reverse 2026"))) == 48


def test_a_very_large_import_says_how_to_undo_it(
    qtbot: QtBot, data_file: DataFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(edits.imports, "LARGEST_UNDOABLE_IMPORT", 40)
    wizard, context = make_wizard(qtbot, data_file)
    context.edits.push(add_person(people.PersonDraft(name="Someone Else")))
    to_preview(wizard, DATA / "staff_hris_export.csv")
    wizard.next()
    text = wizard.result_page.text.text()
    assert "changed more than 40 people, too many to keep for undo" in text
    assert "restore the backup (File ▸ Restore from backup…)" in text
    assert context.edits.undo_stack.count() == 0


def test_mapping_examples_all_come_from_one_row(
    qtbot: QtBot, data_file: DataFile, tmp_path: Path
) -> None:
    """The first row lacks an e-mail and a department: the examples come from the second row,
    all three of them, rather than Ana's name beside Bo's e-mail."""
    source = tmp_path / "gaps.csv"
    source.write_text("Name,Email,Department\nAna Lima,,\nBo Berg,bo@example.org,Web\n", "utf-8")
    wizard = choose_file(qtbot, data_file, source)
    columns = wizard.mapping_page.columns
    assert columns.horizontalHeaderItem(1).text() == "Example (line 3)"
    assert [columns.item(row, 1).text() for row in range(3)] == [
        "Bo Berg",
        "bo@example.org",
        "Web",
    ]


@pytest.mark.parametrize(
    ("content", "detected"),
    [
        (
            (DATA / "staff_hris_export.csv").read_bytes(),
            "CSV, Unicode (UTF-8), columns separated by commas",
        ),
        (
            "Name;Email\nRené Ça;rene@example.org\n".encode("cp1252"),
            "CSV, Western European (Windows-1252), columns separated by semicolons",
        ),
    ],
    ids=["utf-8", "windows-1252"],
)
def test_the_encoding_is_named_in_plain_words(
    qtbot: QtBot, data_file: DataFile, tmp_path: Path, content: bytes, detected: str
) -> None:
    source = tmp_path / "people.csv"
    source.write_bytes(content)
    wizard = choose_file(qtbot, data_file, source)
    assert wizard.mapping_page.detected.text() == detected


def test_an_empty_problems_table_takes_no_space(qtbot: QtBot, data_file: DataFile) -> None:
    wizard, _ = make_wizard(qtbot, data_file)
    wizard.set_file(DATA / "staff_hris_export.csv")
    preview = wizard.preview_page
    while wizard.currentPage() is not preview:
        wizard.next()
    assert not preview.problems.isVisible()
    assert not preview.skip_invalid.isVisible()
    assert preview.changes.height() > preview.height() // 2


def test_problems_are_listed_and_block_until_skipped(
    qtbot: QtBot, data_file: DataFile, tmp_path: Path
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("Name,Email\nAna,ana@example.org\nBo,bad\n", encoding="utf-8")
    wizard, _ = make_wizard(qtbot, data_file)
    to_preview(wizard, source)
    preview = wizard.preview_page
    assert preview.problems.isVisible()
    assert preview.problems.rowCount() == 1
    assert [preview.problems.item(0, c).text() for c in range(3)] == [
        "3",
        "Email",
        "“bad” is not a valid e-mail address (like name@example.org).",
    ]
    import_button = wizard.button(QWizard.WizardButton.CommitButton)
    assert not import_button.isEnabled()
    assert preview.blocked.text().startswith("Import waits until the file is corrected")
    wizard.next()  # refused even when asked directly: there are problem rows
    assert wizard.currentPage() is preview
    assert preview.status.text().startswith("Nothing was imported:")
    assert people.list_people() == []
    preview.skip_invalid.setFocus()
    qtbot.keyClick(preview.skip_invalid, Qt.Key.Key_Space)
    assert import_button.isEnabled()
    assert not preview.blocked.isVisible()
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.result_page
    assert [row.name for row in people.list_people()] == ["Ana"]
    assert "Skipped: 1 row with problems, not imported." in wizard.result_page.text.text()


def test_a_long_list_of_problems_shows_the_first_ones_and_says_so(
    qtbot: QtBot, data_file: DataFile, tmp_path: Path
) -> None:
    source = tmp_path / "bad.csv"
    rows = "".join(f"P{number},p{number}(at)example.org\n" for number in range(2_100))
    source.write_text("Name,Email\nAna,ana@example.org\n" + rows, encoding="utf-8")
    wizard, _ = make_wizard(qtbot, data_file)
    to_preview(wizard, source)
    page = wizard.preview_page
    assert page.summary.text() == "Add 1 person."
    assert page.problems.rowCount() == 2_000
    assert page.problems_label.text() == (
        "Rows with problems (not imported until corrected), the first 2,000 of 2,100 problems:"
    )
    assert page.changes_label.text() == "Changes:"
    assert page.changes.rowCount() == 1


def test_the_detected_encoding_is_named_in_plain_words(
    qtbot: QtBot, data_file: DataFile, tmp_path: Path
) -> None:
    source = tmp_path / "pracownicy.csv"
    text = "Imię i nazwisko;E-mail;Dział\r\nŁukasz Żółkiewski;lukasz@firma.pl;Księgowość\r\n"
    source.write_bytes(text.encode("cp1250"))
    wizard = choose_file(qtbot, data_file, source)
    page = wizard.mapping_page
    assert page.detected.text() == (
        "CSV, Central European (Windows-1250), columns separated by semicolons"
    )
    assert [page.columns.item(row, 1).text() for row in range(3)] == [
        "Łukasz Żółkiewski",
        "lukasz@firma.pl",
        "Księgowość",
    ]


def test_unreadable_file_stays_on_the_first_page(
    qtbot: QtBot, data_file: DataFile, tmp_path: Path
) -> None:
    source = tmp_path / "empty.csv"
    source.write_bytes(b"")
    wizard = choose_file(qtbot, data_file, source)
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.text() == "empty.csv is empty: there is nothing to import."


def test_mapping_can_be_corrected_and_dates_ordered(
    qtbot: QtBot, data_file: DataFile, tmp_path: Path
) -> None:
    source = tmp_path / "odd.csv"
    source.write_text("Who,Contact,Since\nAna Lima,ana@example.org,03/04/2020\n", "utf-8")
    wizard = choose_file(qtbot, data_file, source)
    combos = wizard.mapping_page.combos
    combos[0].setCurrentIndex(combos[0].findData(Field.FULL_NAME.value))
    combos[1].setCurrentIndex(combos[1].findData(Field.EMAIL.value))
    combos[2].setCurrentIndex(combos[2].findData(Field.HIRE_DATE.value))
    wizard.next()
    wizard.next()
    assert "could be day-first or month-first" in wizard.preview_page.file_problems.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.back()
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


def test_the_guide_says_how_an_import_is_undone(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    bar = QMenuBar(window)
    actions = WindowActions(window, QUndoStack(window))
    actions.build_menus(bar)
    page = guide.render_page("getting-started.html", guide.page_values(actions, bar, None))
    text = " ".join(re.sub(r"<[^>]+>", "", page).split())
    assert "a whole import in one step" in text
    assert f"more than {edits.LARGEST_UNDOABLE_IMPORT:,} people at once" in text
    assert "one Edit ▸ Undo takes the whole import back" in text
