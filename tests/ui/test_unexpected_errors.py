"""An error no code expected opens a dialog that says what it means, with the details; one a
damaged data file explains leads to the offer of a backup instead."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import peewee
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from revmentor_desktop.app import report_errors_of
from revmentor_desktop.domain import people
from revmentor_desktop.storage import disk
from revmentor_desktop.storage.database import DataFile, _DataFileDatabase
from revmentor_desktop.ui.data_file_session import DataFileSession
from revmentor_desktop.ui.settings import AppSettings
from revmentor_desktop.ui.unexpected_errors import UnexpectedErrors
from revmentor_desktop.ui.views.people_view import PeopleView
from tests.storage.helpers import damage_table_root_page
from tests.ui import window_fixtures
from tests.ui.programme import MovableClock, Programme, build_programme

make_window = window_fixtures.make_window
MakeWindow = window_fixtures.MakeWindow
pytestmark = [pytest.mark.usefixtures("qapp"), window_fixtures.IGNORE_OFFSCREEN_NOISE]


def _raise_and_report(errors: UnexpectedErrors, error: Exception | None = None) -> None:
    try:
        if error is not None:
            raise error
        {}["pair"]
    except Exception:
        errors.report(*sys.exc_info())  # type: ignore[arg-type]


def _record_boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    shown: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def test_an_unexpected_error_is_shown_with_its_details(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = _record_boxes(monkeypatch)
    _raise_and_report(UnexpectedErrors())

    [box] = shown
    assert box.windowTitle() == "Something went wrong"
    assert box.text() == "RevMentor ran into a problem it did not expect (KeyError: 'pair')."
    assert "Everything saved before it is safe" in box.informativeText()
    assert "KeyError: 'pair'" in box.detailedText()
    assert "_raise_and_report" in box.detailedText()
    assert "KeyError" in capsys.readouterr().err  # still on the console for whoever has one


def test_an_unexpected_error_is_logged_with_its_traceback_and_the_dialog_says_where(
    monkeypatch: pytest.MonkeyPatch, logging_started: Path
) -> None:
    shown = _record_boxes(monkeypatch)
    _raise_and_report(UnexpectedErrors(), RuntimeError("Zoë Martin has no consent"))

    [box] = shown
    assert str(logging_started) in box.informativeText()
    logged = logging_started.read_text(encoding="utf-8")
    assert "Unexpected error" in logged
    assert "in _raise_and_report" in logged
    assert "RuntimeError" in logged
    assert "Zoë Martin" not in logged  # a message may quote a person: only its kind is kept


def test_an_error_while_the_dialog_shows_does_not_open_another(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    errors = UnexpectedErrors()
    shown: list[str] = []

    def fail_again(box: QMessageBox) -> int:
        shown.append(box.text())
        _raise_and_report(errors)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fail_again)
    _raise_and_report(errors)

    assert len(shown) == 1
    assert capsys.readouterr().err.count("KeyError: 'pair'") >= 2  # both on the console


def test_installing_makes_it_the_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    errors = UnexpectedErrors()
    errors.install()
    assert sys.excepthook == errors.report


def test_a_read_error_from_a_damaged_file_offers_the_backup_not_a_second_dialog(
    qtbot: QtBot, data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with DataFile.open(data_path, create=True):
        people.add_person(people.PersonDraft("Zoë Martin"))
    damage_table_root_page(data_path, "person")
    session = DataFileSession(AppSettings(), MovableClock())
    session.open(data_path, check_in_background=True)  # its check has no verdict yet
    found: list[str] = []
    session.damaged.connect(lambda error: found.append(str(error)))
    shown = _record_boxes(monkeypatch)
    errors = UnexpectedErrors(damage_found=session.verify_after_read_error)

    _raise_and_report(errors, sqlite3.DatabaseError("database disk image is malformed"))

    assert shown == []
    assert session.path is None  # closed: nothing more is read from it
    qtbot.waitUntil(lambda: len(found) == 1)
    assert "is damaged" in found[0]


def test_a_read_error_the_file_does_not_explain_is_reported_as_unexpected(
    data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = DataFileSession(AppSettings(), MovableClock())
    session.open(data_path, create=True)
    shown = _record_boxes(monkeypatch)
    errors = UnexpectedErrors(damage_found=session.verify_after_read_error)

    _raise_and_report(errors, sqlite3.DatabaseError("database disk image is malformed"))

    assert len(shown) == 1  # the file checked out fine, so the error is a surprise
    assert session.path == data_path.absolute()
    session.close()


def _refuse_commits(monkeypatch: pytest.MonkeyPatch, sqlite_says: str) -> None:
    """Every commit fails as SQLite's does on a full disk or read-only media: it has already
    rolled the transaction back."""

    def refused(database: _DataFileDatabase) -> None:
        database.connection().execute("ROLLBACK")
        raise peewee.OperationalError(sqlite_says)

    monkeypatch.setattr(_DataFileDatabase, "commit", refused)
    monkeypatch.setattr(disk, "free_bytes", lambda _folder: 12_000)


@pytest.mark.qt_no_exception_capture  # the app's own exception hook is what is tested
@pytest.mark.parametrize(
    ("sqlite_says", "expected"),
    [
        (
            disk.SQLITE_DISK_FULL,
            "the disk holding it is full. Nothing was saved: the file is as it was before this "
            "change. Free at least 1.0 MB on that disk (it has 12 KB free), then try again.",
        ),
        (
            disk.SQLITE_READ_ONLY,
            "cannot be changed: the file or its folder is read-only (read-only media, a locked "
            "or immutable file, or no permission). Nothing was saved: the file is as it was "
            "before this change.",
        ),
    ],
    ids=["full disk", "read-only"],
)
def test_a_change_the_machine_refuses_is_explained_not_unexpected(
    make_window: MakeWindow,
    data_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sqlite_says: str,
    expected: str,
) -> None:
    programme: dict[str, Programme] = {}
    window = make_window(build=lambda: programme.setdefault("p", build_programme()))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    report_errors_of(window.session)
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, *box: warned.append(box))
    shown = _record_boxes(monkeypatch)  # the "Something went wrong" box, if it came
    window.show_view("people")
    view = window.current_view()
    assert isinstance(view, PeopleView)
    bo = programme["p"].person_ids["Bo Svensson"]
    view.select_ids([bo])
    _refuse_commits(monkeypatch, sqlite_says)

    window.actions.delete_record.trigger()  # archives Bo: a change to save

    assert shown == []
    [(title, text)] = warned
    assert title == "Not saved"
    assert text.startswith(f"{data_path.absolute()}: {expected}")
    assert "Archived" not in window.statusBar().currentMessage()
    assert not window.context.edits.undo_stack.canUndo()
    assert "Bo Svensson" in [
        view.model.index(row, 0).data() for row in range(view.model.rowCount())
    ]
