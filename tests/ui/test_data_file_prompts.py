"""Opening data files: daily and closing backups, and what a damaged file offers."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from revmentor_desktop import paths
from revmentor_desktop.domain import people
from revmentor_desktop.storage import backup, disk
from revmentor_desktop.storage.migrations import LATEST_VERSION
from revmentor_desktop.ui.data_file_prompts import open_with_recovery
from revmentor_desktop.ui.data_file_session import DataFileSession
from revmentor_desktop.ui.settings import LAST_FILE, AppSettings
from tests.storage.helpers import make_newer_version
from tests.ui.programme import MovableClock

pytestmark = pytest.mark.usefixtures("qapp")


def _reasons(path: Path) -> list[str]:
    return sorted(info.reason for info in backup.list_backups(path))


def test_backups_once_a_day_on_opening_and_on_closing_after_changes(data_path: Path) -> None:
    clock = MovableClock()
    session = DataFileSession(AppSettings(), clock)
    session.open(data_path, create=True)
    assert _reasons(data_path) == ["daily"]
    session.close()
    assert _reasons(data_path) == ["daily"]
    clock.now += timedelta(hours=2)
    session.open(data_path)
    people.add_person(people.PersonDraft("Zoë Martin"))
    clock.now += timedelta(minutes=1)
    session.close()
    assert _reasons(data_path) == ["daily", "on-close"]
    clock.advance(1)
    session.open(data_path)
    session.close()
    assert _reasons(data_path) == ["daily", "daily", "on-close"]
    assert AppSettings().get(LAST_FILE) == str(data_path)


def test_a_damaged_file_names_itself_and_offers_the_newest_backup(
    data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = DataFileSession(AppSettings(), MovableClock())
    session.open(data_path, create=True)
    people.add_person(people.PersonDraft("Zoë Martin"))
    session.close()
    data_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    shown: list[str] = []

    def choose_restore(box: QMessageBox) -> int:
        shown.append(f"{box.text()}\n{box.informativeText()}")
        labels = [button.text() for button in box.buttons()]
        shown.append(" | ".join(labels))
        next(b for b in box.buttons() if b.text().startswith("Restore")).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_restore)
    assert open_with_recovery(None, session, data_path)
    assert "programme.revmentor" in shown[0]
    assert "Restore the backup of" in shown[1]
    assert "Open another file…" in shown[1]
    assert [row.name for row in people.list_people()] == ["Zoë Martin"]
    session.close()


def test_giving_up_leaves_nothing_open(data_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_path.write_bytes(b"not a data file")

    def give_up(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text() == "Quit").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", give_up)
    session = DataFileSession(AppSettings(), MovableClock())
    assert not open_with_recovery(None, session, data_path, give_up_label="Quit")
    assert session.path is None


def test_restoring_over_a_file_from_a_newer_version_says_where_it_was_kept(
    data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = DataFileSession(AppSettings(), MovableClock())
    session.open(data_path, create=True)
    session.close()
    make_newer_version(data_path)
    said: list[str] = []
    session.message.connect(said.append)

    def choose_restore(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text().startswith("Restore")).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_restore)
    assert open_with_recovery(None, session, data_path)
    [message] = said
    assert message.startswith("Restored the backup programme ")
    assert (
        f"The replaced file was written by a newer RevMentor (data format {LATEST_VERSION + 1}"
        in message
    )
    assert "It was kept, byte for byte, as" in message and "newer-version" in message
    assert "damaged" not in message
    session.close()


def test_a_backup_the_full_disk_refuses_stops_neither_opening_nor_closing(
    data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = MovableClock()
    session = DataFileSession(AppSettings(), clock)
    session.open(data_path, create=True)
    session.close()
    backups = paths.backup_folder_for(data_path)
    real_free_bytes = disk.free_bytes
    monkeypatch.setattr(
        disk, "free_bytes", lambda folder: 12_000 if folder == backups else real_free_bytes(folder)
    )
    said: list[str] = []
    session.message.connect(said.append)
    clock.advance(1)  # a new day: a daily backup is due

    session.open(data_path)
    assert session.path == data_path.absolute()
    people.add_person(people.PersonDraft("Zoë Martin"))
    session.close()  # a closing backup is due too

    assert len(said) == 2
    for message in said:
        assert message.startswith("No automatic backup was taken. ")
        assert "the disk holding it is full. The backup was not written" in message
    assert _reasons(data_path) == ["daily"]  # only the first day's


@pytest.mark.parametrize("how", ["read-only", "full disk"])
def test_a_file_the_disk_will_not_let_change_is_explained_without_offering_a_restore(
    data_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    session = DataFileSession(AppSettings(), MovableClock())
    session.open(data_path, create=True)  # and its daily backup
    session.close()
    if how == "read-only":
        monkeypatch.setattr(disk, "can_write", lambda _path: False)
    else:
        monkeypatch.setattr(disk, "free_bytes", lambda _folder: 12_000)
    asked: list[str] = []

    def give_up(box: QMessageBox) -> int:
        asked.append(f"{box.informativeText()}\n" + " | ".join(b.text() for b in box.buttons()))
        next(b for b in box.buttons() if b.text() == "Cancel").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", give_up)
    assert not open_with_recovery(None, session, data_path)
    [said] = asked
    expected = "is read-only" if how == "read-only" else "the disk holding it is full"
    assert expected in said and "Nothing was changed." in said
    assert "Restore the backup" not in said
