"""Taking data out from the window: exports, calendars and a person's privacy requests."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import people
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.server import ServerStore
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.privacy_dialogs import EraseDialog
from revmentor_desktop.ui.main_window import MainWindow
from revmentor_desktop.ui.menus import WindowActions
from revmentor_desktop.ui.undo import EditStack
from revmentor_desktop.ui.views import record_dialogs
from revmentor_desktop.ui.views.people_view import PeopleView
from tests.ui import window_fixtures
from tests.ui.programme import build_programme

make_window = window_fixtures.make_window
MakeWindow = window_fixtures.MakeWindow
pytestmark = window_fixtures.IGNORE_OFFSCREEN_NOISE


def _save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(target), ""))


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, title: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    return asked


def _export(
    make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
    target: Path,
    action: Callable[[WindowActions], QAction],
) -> list[str]:
    """Trigger ``action`` of a window on the programme, saving to ``target`` and answering No
    to whether private details go too; return the questions asked."""
    window = make_window(build=build_programme)
    _save_to(monkeypatch, target)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    action(window.actions).trigger()
    return asked


def test_file_export_people_writes_a_csv_excel_opens_without_private_notes(
    make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "people.csv"
    asked = _export(make_window, monkeypatch, target, lambda actions: actions.export["people"])
    assert asked == ["Include private details?"]
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, so Excel reads the accents
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert "Zoë Martin" in {row.get("name") or row.get("Name") for row in rows}
    assert not any("notes" in header.lower() for header in rows[0])


def test_cancelling_the_save_dialog_writes_nothing(
    make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window(build=build_programme)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: ("", ""))
    window.actions.export["all"].trigger()
    assert list(tmp_path.glob("*.json")) == []


def test_calendar_export_of_everything_writes_an_ics_file(
    make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "sessions.ics"
    _export(make_window, monkeypatch, target, lambda actions: actions.export_calendar)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def _select_first_row(window: MainWindow, view_name: str, action: QAction) -> Any:
    """Show the view and select its first row: ``action`` waits for that selection."""
    window.show_view(view_name)
    view = window.current_view()
    assert not action.isEnabled()
    view.table.selectRow(0)  # type: ignore[attr-defined]
    assert action.isEnabled()
    return view


def test_person_privacy_actions_follow_the_selected_person(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def fake_run(dialog: object) -> bool:
        opened.append(type(dialog).__name__)
        return False

    monkeypatch.setattr(record_dialogs, "run_dialog", fake_run)
    monkeypatch.setattr("revmentor_desktop.ui.export_prompts.run_dialog", fake_run)
    window = make_window(build=build_programme)
    view = _select_first_row(window, "people", window.actions.export_person)
    assert isinstance(view, PeopleView)
    assert window.actions.erase_person.isEnabled()
    window.actions.export_person.trigger()
    window.actions.erase_person.trigger()
    assert opened == ["PersonExportDialog", "EraseDialog"]
    window.show_view("pairs")
    assert not window.actions.erase_person.isEnabled()


def test_cohort_menu_runs_the_matching_assistant_on_the_selected_cohort(
    make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    reviewed: list[int] = []

    def fake_run(dialog: object) -> bool:
        reviewed.append(dialog.session.cohort_id)  # type: ignore[attr-defined]
        dialog.deleteLater()  # type: ignore[attr-defined]
        return False

    monkeypatch.setattr(record_dialogs, "run_dialog", fake_run)
    window = make_window(build=build_programme)
    view = _select_first_row(window, "cohorts", window.actions.match_cohort)
    window.actions.match_cohort.trigger()
    assert reviewed == [view.current_cohort_id()]


def test_document_actions_open_the_right_document_for_the_selection(
    make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revmentor_desktop.reports import registry
    from revmentor_desktop.ui.dialogs import document_dialog

    asked: list[tuple[str, int]] = []

    def record(
        _context: object, kind: registry.DocumentKind[object], target_id: int, *_: object
    ) -> None:
        asked.append((kind.name, target_id))

    monkeypatch.setattr(document_dialog, "show_document", record)
    window = make_window(build=build_programme)
    pairs_view = _select_first_row(window, "pairs", window.actions.print_agreement)
    pair_id = pairs_view.current_pair_id()
    window.actions.print_agreement.trigger()
    window.actions.progress_summary.trigger()
    window.show_view("cohorts")
    cohorts_view = window.current_view()
    cohorts_view.table.selectRow(0)  # type: ignore[attr-defined]
    cohort_id = cohorts_view.current_cohort_id()
    window.actions.cohort_agreements.trigger()
    window.actions.cohort_report.trigger()
    assert asked == [
        ("agreement", pair_id),
        ("pair summary", pair_id),
        ("agreements", cohort_id),
        ("cohort report", cohort_id),
    ]


@pytest.mark.both_stores
def test_the_erase_dialog_erases_on_either_store_and_says_where_copies_remain(
    qtbot: QtBot, data_file: DataFile | ServerStore
) -> None:
    uma = people.add_person(people.PersonDraft(name="Uma Sato", email="uma@example.org"))
    on_a_file = isinstance(data_file, DataFile)
    dialog = EraseDialog(AppContext(edits=EditStack()), data_file.path if on_a_file else None, uma)
    qtbot.addWidget(dialog)
    assert dialog.purge.isVisibleTo(dialog) == on_a_file  # a server has no backups of ours
    dialog.understood.setChecked(True)
    with qtbot.waitSignal(dialog.erased):
        dialog.accept()
    assert people.get_person(uma).draft.name == "Erased person #1"
    summary = dialog.summary()
    assert summary.startswith("Erased; their records now show “Erased person #1”.")
    assert ("The server's own backups" in summary) != on_a_file
