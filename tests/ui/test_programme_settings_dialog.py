"""File → Programme settings…, driven as a coordinator would: typing, choosing, Save, Undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import programme_settings
from revmentor_desktop.domain.agreement_text import DEFAULT_CLAUSES
from revmentor_desktop.domain.cohorts import CohortDraft, add_cohort
from revmentor_desktop.domain.matching.rules import Rule, Weight
from revmentor_desktop.domain.matching.saved_rules import rule_settings
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.programme_settings_dialog import ProgrammeSettingsDialog
from revmentor_desktop.ui.undo import EditStack
from tests.domain.logos import png_logo
from tests.ui import window_fixtures

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def context(data_file: DataFile, qtbot: QtBot) -> Iterator[AppContext]:
    stack = EditStack()
    yield AppContext(edits=stack)
    stack.deleteLater()


@pytest.fixture
def dialog(context: AppContext, qtbot: QtBot) -> ProgrammeSettingsDialog:
    add_cohort(CohortDraft("Reverse mentoring 2027", "reverse"))
    opened = ProgrammeSettingsDialog(context)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    return opened


def retype(qtbot: QtBot, edit: object, text: str) -> None:
    edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # type: ignore[arg-type]
    qtbot.keyClicks(edit, text)  # type: ignore[arg-type]


def pick(combo: QComboBox, text: str) -> None:
    """Choose the item as a person does (``activated`` fires, as on a click)."""
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def save(qtbot: QtBot, dialog: ProgrammeSettingsDialog) -> None:
    assert dialog.save_button.isEnabled(), dialog.save_button.toolTip()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ProgrammeSettingsDialog.DialogCode.Accepted


def test_every_tab_saves_into_the_data_file_as_one_undoable_change(
    qtbot: QtBot, dialog: ProgrammeSettingsDialog, context: AppContext, tmp_path: Path
) -> None:
    before = programme_settings.load()
    retype(qtbot, dialog.organisation.organisation_name, "Nordwind Logistik GmbH")
    retype(qtbot, dialog.organisation.coordinator_name, "Maria Lopez")
    retype(qtbot, dialog.organisation.coordinator_contact, "mentoring@nordwind.example")
    retype(qtbot, dialog.organisation.sponsor_name, "Dr. Katrin Weber")
    retype(qtbot, dialog.organisation.sponsor_title, "Chief Executive Officer")
    dialog.organisation.anonymity_threshold.setValue(7)
    pick(dialog.organisation.page_size, "Letter")
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_logo(400, 120))
    dialog.organisation.load_logo_file(logo)
    assert not dialog.organisation.logo_preview.pixmap().isNull(), "the logo is shown"
    assert "400 × 120 pixels" in dialog.organisation.logo_description.text()

    dialog.tabs.setCurrentIndex(1)
    dialog.agreement.clause_list.setCurrentRow(list(DEFAULT_CLAUSES).index("goals"))
    dialog.agreement.clause_body.setPlainText("We choose two goals at the first meeting.")
    assert "becomes version 1.1 when you save" in dialog.agreement.version_label.text()
    assert (
        dialog.agreement.clause_list.currentItem().text() == "Focus areas and goals (your wording)"
    )

    dialog.tabs.setCurrentIndex(2)
    pick(dialog.matching.weights_for, "Every reverse cohort")
    pick(dialog.matching.weights.combos[Rule.LOCATION], "High")
    pick(dialog.matching.weights_for, "The cohort “Reverse mentoring 2027”")
    location = dialog.matching.weights.combos[Rule.LOCATION]
    assert location.currentText() == "As its kind (high)", "its kind's new weight"
    assert dialog.matching.weights.shares[Rule.LOCATION].text() == "36 points"
    pick(dialog.matching.weights.combos[Rule.HISTORY], "Off")
    save(qtbot, dialog)

    after = programme_settings.load()
    assert after.organisation_name == "Nordwind Logistik GmbH"
    assert (after.coordinator_name, after.coordinator_contact) == (
        "Maria Lopez",
        "mentoring@nordwind.example",
    )
    assert (after.sponsor_name, after.sponsor_title) == (
        "Dr. Katrin Weber",
        "Chief Executive Officer",
    )
    assert (after.anonymity_threshold, after.page_size) == (7, "Letter")
    assert after.logo is not None and after.logo.data == logo.read_bytes()
    assert after.clauses["goals"].body == "We choose two goals at the first meeting."
    assert after.agreement_version == "1.1"
    [cohort] = after.cohorts
    rules = rule_settings(cohort.cohort_id, "reverse")
    assert rules.weight(Rule.LOCATION) is Weight.HIGH
    assert rules.weight(Rule.HISTORY) is Weight.OFF

    undo = context.edits.undo_stack
    assert undo.count() == 1 and undo.undoText() == "Change programme settings"
    undo.undo()
    assert programme_settings.load() == before
    undo.redo()
    assert programme_settings.load() == after


def test_reset_to_default_brings_back_the_default_wording(
    qtbot: QtBot, dialog: ProgrammeSettingsDialog
) -> None:
    dialog.tabs.setCurrentIndex(1)
    dialog.agreement.clause_list.setCurrentRow(list(DEFAULT_CLAUSES).index("ending"))
    assert not dialog.agreement.reset_clause_button.isEnabled(), "the default needs no reset"
    retype(qtbot, dialog.agreement.clause_heading, "When it ends")
    assert dialog.agreement.default_heading.text() == "<b>Ending the partnership</b>"
    assert dialog.agreement.reset_clause_button.isEnabled()
    qtbot.mouseClick(dialog.agreement.reset_clause_button, Qt.MouseButton.LeftButton)
    assert dialog.agreement.clause_heading.text() == "Ending the partnership"
    assert dialog.agreement.clause_body.toPlainText() == DEFAULT_CLAUSES["ending"].body
    assert dialog.agreement.version_label.text() == "Agreement version 1.0."


def test_bad_values_show_inline_messages_and_block_saving(
    qtbot: QtBot, dialog: ProgrammeSettingsDialog, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Our logo is blue.")
    dialog.organisation.load_logo_file(notes)
    assert dialog.organisation.logo_problem.isVisibleTo(dialog)
    assert dialog.organisation.logo_problem.text() == (
        "“notes.txt” is not a PNG, JPEG or SVG image; choose the logo as one of those."
    )
    assert dialog.organisation.logo is None, "no logo was taken"
    poster = tmp_path / "poster.png"
    poster.write_bytes(png_logo() + b"\0" * 5_000_000)
    dialog.organisation.load_logo_file(poster)
    assert "is 5.0 MB; a logo can be at most 1 MB" in dialog.organisation.logo_problem.text()

    retype(qtbot, dialog.organisation.organisation_name, "Nordwind")
    retype(qtbot, dialog.organisation.organisation_name, "")
    assert dialog.feedback.problem_for("organisation_name") == (
        "The organisation name cannot be empty."
    )
    assert not dialog.save_button.isEnabled()
    assert dialog.tabs.tabText(0) == "Organisation and documents ⚠"

    retype(qtbot, dialog.organisation.organisation_name, "Nordwind")
    dialog.tabs.setCurrentIndex(1)
    dialog.agreement.clause_body.setPlainText("   ")
    assert dialog.agreement.clause_problem.text().startswith(
        "The wording of “Purpose” cannot be empty"
    )
    assert not dialog.save_button.isEnabled()
    assert dialog.tabs.tabText(1) == "Agreement wording ⚠"
    assert dialog.tabs.tabText(0) == "Organisation and documents"


def test_weights_that_cannot_work_are_refused_in_place_and_reset_follows_the_level_below(
    qtbot: QtBot, dialog: ProgrammeSettingsDialog
) -> None:
    dialog.tabs.setCurrentIndex(2)
    pick(dialog.matching.weights_for, "Every traditional cohort")
    for combo in dialog.matching.weights.combos.values():
        pick(combo, "Off")
    assert dialog.matching.weights.problem.text() == (
        "At least one matching rule must count, or every pairing scores the same."
    )
    assert not dialog.save_button.isEnabled()
    assert dialog.tabs.tabText(2) == "Matching weights ⚠"

    qtbot.mouseClick(dialog.matching.weights.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.matching.weights.combos[Rule.SKILLS].currentText() == "Default (high)"
    assert not dialog.matching.weights.problem.isVisibleTo(dialog)
    assert dialog.save_button.isEnabled()

    pick(dialog.matching.weights_for, "The cohort “Reverse mentoring 2027”")
    pick(dialog.matching.weights.combos[Rule.HISTORY], "Off")
    assert dialog.matching.weights.reset_button.isEnabled()
    qtbot.mouseClick(dialog.matching.weights.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.matching.weights.combos[Rule.HISTORY].currentText() == "As its kind (low)"
    assert dialog.draft().cohorts[0].own == {}


def test_the_paper_shown_is_the_one_the_command_line_would_use(
    qtbot: QtBot, dialog: ProgrammeSettingsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revmentor_desktop.domain import paper

    assert dialog.organisation.page_size.currentText() == paper.page_size()
    assert (
        f"Not chosen yet: {paper.locale_page_size()}" in dialog.organisation.page_size_note.text()
    )
    save(qtbot, dialog)
    assert programme_settings.load().page_size == "", "not chosen, so not remembered"


def test_the_dialog_fits_a_small_laptop_screen(dialog: ProgrammeSettingsDialog) -> None:
    assert dialog.width() <= 1280 and dialog.height() <= 760
    assert dialog.minimumSizeHint().height() <= 760


make_window = window_fixtures.make_window


def test_file_menu_opens_the_settings_and_ctrl_z_undoes_them(
    qtbot: QtBot, make_window: window_fixtures.MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_in_and_save(dialog: ProgrammeSettingsDialog) -> int:
        retype(qtbot, dialog.organisation.organisation_name, "Nordwind Logistik GmbH")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ProgrammeSettingsDialog, "exec", fill_in_and_save)
    window = make_window()
    action = window.actions.programme_settings
    assert action in window.menuBar().actions()[0].menu().actions()
    action.trigger()
    assert programme_settings.load().organisation_name == "Nordwind Logistik GmbH"
    assert window.actions.undo.text() == "&Undo Change organisation name"
    window_fixtures.activate(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert programme_settings.load().organisation_name == ""
