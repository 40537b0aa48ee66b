"""The machine fails under a command: a full disk, read-only media, an immutable file.

Each test runs on a small file system of its own (a tmpfs mounted for the test), where the
kernel itself answers "no space left" and "read-only file system". Where mounting is not
allowed, ``SmallDisk`` injects the same faults at the storage layer instead, so the handling
is tested everywhere.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import peewee
import pytest

from revmentor_desktop.domain.text import email_key
from revmentor_desktop.storage import disk
from revmentor_desktop.storage.database import _DataFileDatabase
from revmentor_desktop.storage.errors import DiskFull
from revmentor_desktop.storage.lock import WriterLock
from tests.helpers.cli import run
from tests.storage.helpers import (
    make_data_file,
    query,
    raw_connection,
    sha256,
    side_files,
    write_staff_list,
)

DISK_SIZE = 8 * 1024 * 1024
PEOPLE = 5000  # about 1.8 MB: more than the room left once its backup is written
ERASED_EMAIL = "person.one@example.org"
READING_COMMANDS = (
    ("check",),
    ("export", "people", "-o", "{out}/people.csv"),
    ("ics", "--all", "-o", "{out}/sessions.ics"),
    ("person-export", ERASED_EMAIL, "-o", "{out}/request"),
    ("retention",),
    ("backup", "-o", "{out}/copy.revmentor"),
)
WRITING_COMMANDS = (
    ("import-people", "{csv}"),
    ("erase", ERASED_EMAIL, "--yes"),
    ("match", "--cohort", "Anything", "--apply"),
)


def _disk_full_error() -> peewee.OperationalError:
    return peewee.OperationalError(disk.SQLITE_DISK_FULL)


class SmallDisk:
    """A folder on a tiny file system; ``mounted`` says whether the faults are the kernel's."""

    def __init__(self, folder: Path, mounted: bool, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        self.mounted = mounted
        self._monkeypatch = monkeypatch

    def _inside(self, path: Path) -> bool:
        return Path(path).absolute().is_relative_to(self.folder)

    def fill(self, leave: int, *, small_commits_fit: bool = False) -> None:
        """Leave only ``leave`` bytes free; a write that needs more fails as the disk is full.

        Injected, every commit fails, or with ``small_commits_fit`` only rewriting the whole
        file (VACUUM) does.
        """
        if self.mounted:
            filler = self.folder / "filler"
            with filler.open("wb") as handle:
                handle.truncate(0)
                handle.write(b"\0" * max(0, disk.free_bytes(self.folder) - leave))
            return
        real_free_bytes = disk.free_bytes
        self._monkeypatch.setattr(
            disk, "free_bytes", lambda f: leave if self._inside(f) else real_free_bytes(f)
        )

        def full_commit(database: _DataFileDatabase) -> None:
            database.connection().execute("ROLLBACK")  # as SQLite does itself on SQLITE_FULL
            raise _disk_full_error()

        real_execute = _DataFileDatabase.execute_sql

        def full_vacuum(database: _DataFileDatabase, sql: str, *args: object) -> object:
            if sql == "VACUUM":
                raise _disk_full_error()
            return real_execute(database, sql, *args)

        if not small_commits_fit:
            self._monkeypatch.setattr(_DataFileDatabase, "commit", full_commit)
        self._monkeypatch.setattr(_DataFileDatabase, "execute_sql", full_vacuum)
        self._refuse_file_writes(errno.ENOSPC, larger_than=leave)

    def refuse(self, how: str, path: Path | None = None) -> None:
        """Make the disk refuse writes ``how`` a test names them: "read-only media",
        "immutable file" (``path``), or "no space left"."""
        if how == "read-only media":
            self.make_read_only()
        elif how == "immutable file":
            assert path is not None
            self.make_immutable(path)
        else:
            self.fill(leave=0)

    def make_read_only(self) -> None:
        if self.mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(self.folder)], check=True)
            return
        self._refuse_writes_where(self._inside)
        self._refuse_file_writes(errno.EROFS, larger_than=-1)

    def _refuse_file_writes(self, code: int, larger_than: int) -> None:
        """Whole files written inside the folder fail as the kernel would fail them."""
        real_write_bytes = Path.write_bytes

        def write_bytes(path: Path, data: bytes) -> int:
            if self._inside(path) and len(data) > larger_than:
                raise OSError(code, os.strerror(code))  # as write(2) says it: no file named
            return real_write_bytes(path, data)

        self._monkeypatch.setattr(Path, "write_bytes", write_bytes)

    def make_immutable(self, path: Path) -> None:
        """``chattr +i``: not even root may change it (the folder stays writable)."""
        if self.mounted and _run_quietly("chattr", "+i", str(path)):
            return
        self._refuse_writes_where(lambda target: Path(target).absolute() == path.absolute())

    def _refuse_writes_where(self, refused: object) -> None:
        real_can_write = disk.can_write
        self._monkeypatch.setattr(disk, "can_write", lambda p: not refused(p) and real_can_write(p))

    def release(self) -> None:
        for path in self.folder.rglob("*"):
            _run_quietly("chattr", "-i", str(path))
        _run_quietly("umount", "-l", str(self.folder))


def _run_quietly(*command: str) -> bool:
    try:
        return subprocess.run(command, capture_output=True, check=False).returncode == 0
    except OSError:
        return False


@pytest.fixture
def small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SmallDisk]:
    folder = tmp_path / "small disk"
    folder.mkdir()
    mounted = _run_quietly("mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs", str(folder))
    small = SmallDisk(folder, mounted, monkeypatch)
    try:
        yield small
    finally:
        small.release()


def _with_person_to_erase(path: Path) -> Path:
    """The data file at ``path``, its first person given the e-mail the tests erase."""
    connection = raw_connection(path)
    with contextlib.closing(connection):
        connection.execute(
            "UPDATE person SET email = ?, email_key = ? WHERE id = 1",
            (ERASED_EMAIL, email_key(ERASED_EMAIL)),
        )
    return path


@pytest.fixture
def programme(small_disk: SmallDisk) -> Path:
    """A data file on the small disk, with one person to erase."""
    return _with_person_to_erase(
        make_data_file(small_disk.folder / "programme.revmentor", people=PEOPLE)
    )


@pytest.fixture
def staff_list(tmp_path: Path) -> Path:
    """More new people than the room left on a filled disk can hold."""
    return write_staff_list(tmp_path / "staff.csv", rows=4000, notes_length=400)


def people_in(path: Path) -> int:
    return int(query(path, "SELECT count(*) FROM person")[0][0])  # type: ignore[arg-type]


def leftovers(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir() if path.name != "filler"}


def test_import_when_the_disk_fills_during_the_commit(
    capsys: pytest.CaptureFixture[str], small_disk: SmallDisk, programme: Path, staff_list: Path
) -> None:
    size = programme.stat().st_size
    small_disk.fill(leave=size + disk.MINIMUM_ROOM_FOR_CHANGES + 100_000)
    status, _out, err = run(capsys, "--data", str(programme), "import-people", str(staff_list))
    assert status == 1
    assert "Traceback" not in err and "cannot rollback" not in err
    assert f"{programme}: the disk holding it is full." in err
    assert "Nothing was saved: the file is as it was before this change." in err
    assert f"Free at least {disk.describe_size(size)}" in err
    assert people_in(programme) == PEOPLE
    assert side_files(programme) == set()
    assert not (programme.parent / "programme.revmentor.lock").exists()


def test_erase_says_the_erasure_is_complete_when_only_reclaiming_space_fails(
    capsys: pytest.CaptureFixture[str], small_disk: SmallDisk, programme: Path
) -> None:
    room = programme.stat().st_size + disk.MINIMUM_ROOM_FOR_CHANGES + 100_000
    small_disk.fill(leave=room, small_commits_fit=True)  # the backup fits, compacting does not
    status, out, err = run(capsys, "--data", str(programme), "erase", ERASED_EMAIL, "--yes")
    assert status == 0, err
    assert out.startswith("Erased ") and f"<{ERASED_EMAIL}>" in out.splitlines()[0]
    assert "the erasure is complete and saved. Only reclaiming the space" in err
    assert "Traceback" not in err
    assert query(programme, "SELECT count(*) FROM person WHERE email = ?", (ERASED_EMAIL,)) == [
        (0,)
    ]


CANNOT_WRITE = ("cannot be changed:", "is read-only", "Nothing was changed.")


def _run_refused(
    capsys: pytest.CaptureFixture[str],
    small_disk: SmallDisk,
    how: str,
    refused: Path | None,
    arguments: tuple[str, ...],
    data: Path | None = None,
    **values: Path,
) -> tuple[int, str]:
    """Make the disk refuse writes ``how`` (``refused``: the immutable file), then run the
    command ``arguments``, filled in with ``values``, on ``data`` (else ``refused``)."""
    small_disk.refuse(how, refused)
    wanted = [argument.format(**values) for argument in arguments]
    status, _out, err = run(capsys, "--data", str(data or refused), *wanted)
    return status, err


@pytest.mark.parametrize("arguments", WRITING_COMMANDS, ids=lambda a: a[0])
@pytest.mark.parametrize(
    ("how", "said"),
    [
        (
            "no space left",
            ("the disk holding it is full. Nothing was changed.", "Free at least 1.0 MB"),
        ),
        ("read-only media", CANNOT_WRITE),
        ("immutable file", CANNOT_WRITE),
    ],
)
def test_a_write_command_the_disk_refuses_changes_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str],
    small_disk: SmallDisk,
    programme: Path,
    staff_list: Path,
    arguments: tuple[str, ...],
    how: str,
    said: tuple[str, ...],
) -> None:
    """A full disk, or a file that cannot be written, stops the command before any backup."""
    before = sha256(programme)
    status, err = _run_refused(capsys, small_disk, how, programme, arguments, csv=staff_list)
    assert status == 1
    assert f"{programme}: {said[0]}" in err
    assert all(words in err for words in said[1:]), err
    assert "Traceback" not in err
    assert sha256(programme) == before
    assert leftovers(small_disk.folder) == {programme.name}  # no "before" backup, no lock


@pytest.mark.parametrize("arguments", READING_COMMANDS, ids=lambda a: a[0])
@pytest.mark.parametrize("how", ["read-only media", "no space left"])
def test_reading_works_from_read_only_media_and_a_full_disk(
    capsys: pytest.CaptureFixture[str],
    small_disk: SmallDisk,
    programme: Path,
    tmp_path: Path,
    arguments: tuple[str, ...],
    how: str,
) -> None:
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    status, err = _run_refused(
        capsys, small_disk, how, None, arguments, out=out_folder, data=programme
    )
    assert status == 0, err
    assert "damaged" not in err
    assert leftovers(small_disk.folder) == {programme.name}  # no -wal, -shm or lock behind


OUTPUT_COMMANDS = (
    ("export", "all", "-o", "{out}/all.json"),
    ("export", "people", "-o", "{out}/people.csv"),
    ("ics", "--all", "-o", "{out}/sessions.ics"),
    ("person-export", ERASED_EMAIL, "-o", "{out}/request"),
)


@pytest.mark.parametrize("arguments", OUTPUT_COMMANDS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("how", ["no space left", "read-only media"])
def test_an_output_the_disk_refuses_is_named_and_nothing_is_left(
    capsys: pytest.CaptureFixture[str],
    small_disk: SmallDisk,
    tmp_path: Path,
    arguments: tuple[str, ...],
    how: str,
) -> None:
    data = _with_person_to_erase(make_data_file(tmp_path / "programme.revmentor", people=50))
    small_disk.refuse(how)
    wanted = [a.format(out=small_disk.folder) for a in arguments]
    written = Path(wanted[-1])
    named = written.with_suffix(".json") if written.name == "request" else written  # first
    status, _out, err = run(capsys, "--data", str(data), *wanted)
    assert status == 1
    assert "Traceback" not in err and ".partial" not in err
    if how == "read-only media":
        assert f"{named}: Read-only file system" in err
    else:
        assert f"{named}: the disk holding it is full. Nothing was written. Free at least" in err
    assert leftovers(small_disk.folder) == set()  # neither half of a person's export


def test_an_automatic_backup_on_a_full_disk_names_the_room_it_needs(
    capsys: pytest.CaptureFixture[str], small_disk: SmallDisk, programme: Path
) -> None:
    small_disk.fill(leave=0)
    status, _out, err = run(capsys, "--data", str(programme), "backup")
    assert status == 1
    assert "the disk holding it is full. The backup was not written" in err
    assert f"Free at least {disk.describe_size(programme.stat().st_size)}" in err
    assert leftovers(small_disk.folder) == {programme.name}


def test_a_restore_without_room_for_the_copy_and_its_safety_backup_changes_nothing(
    capsys: pytest.CaptureFixture[str], small_disk: SmallDisk, programme: Path, tmp_path: Path
) -> None:
    older = tmp_path / "older.revmentor"
    assert run(capsys, "--data", str(programme), "backup", "-o", str(older))[0] == 0
    before = sha256(programme)
    small_disk.fill(leave=programme.stat().st_size + 300_000)  # the safety backup fits
    status, _out, err = run(capsys, "--data", str(programme), "restore", str(older), "--yes")
    assert status == 1
    assert "Traceback" not in err
    needed = disk.describe_size(older.stat().st_size + programme.stat().st_size)
    assert f"{programme}: the disk holding it is full. The data file was not changed." in err
    assert f"Free at least {needed} on that disk" in err
    assert sha256(programme) == before
    assert leftovers(small_disk.folder) == {programme.name}


@pytest.mark.parametrize("how", ["read-only media", "immutable file"])
def test_a_restore_over_a_file_it_cannot_write_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    small_disk: SmallDisk,
    programme: Path,
    tmp_path: Path,
    how: str,
) -> None:
    older = tmp_path / "older.revmentor"
    assert run(capsys, "--data", str(programme), "backup", "-o", str(older))[0] == 0
    before = sha256(programme)
    small_disk.refuse(how, programme)
    status, _out, err = run(capsys, "--data", str(programme), "restore", str(older), "--yes")
    assert status == 1
    assert f"{programme}: cannot be changed:" in err and "Nothing was changed." in err
    assert "Traceback" not in err
    assert sha256(programme) == before
    assert leftovers(small_disk.folder) == {programme.name}


def test_an_automatic_backup_on_read_only_media_names_the_folder(
    capsys: pytest.CaptureFixture[str], small_disk: SmallDisk, programme: Path
) -> None:
    small_disk.make_read_only()
    status, _out, err = run(capsys, "--data", str(programme), "backup")
    assert status == 1
    assert f"the folder {small_disk.folder} is read-only. Nothing was changed." in err
    assert "revmentor backup -o FILE" in err  # the way out: a copy written elsewhere
    assert "damaged" not in err and "Traceback" not in err
    assert leftovers(small_disk.folder) == {programme.name}


@pytest.mark.parametrize(
    "leave", [0, disk.MINIMUM_ROOM_FOR_CHANGES + 100_000], ids=["no room", "room to start"]
)
def test_demo_on_a_full_disk_names_the_file_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str], small_disk: SmallDisk, leave: int
) -> None:
    path = small_disk.folder / "demo.revmentor"
    small_disk.fill(leave=leave)
    demo = ("demo", "--people", "600", "--sessions", "6000")  # about 3 MB
    status, _out, err = run(capsys, "--data", str(path), *demo)
    assert status == 1
    assert "Traceback" not in err and "No space left on device" not in err
    assert f"{path}: the disk holding it is full. The file was not created" in err
    needed = max(disk.MINIMUM_ROOM_FOR_CHANGES, leave + disk.MINIMUM_ROOM_FOR_CHANGES)
    assert f"Free at least {disk.describe_size(needed)} on that disk" in err
    assert leftovers(small_disk.folder) == set()  # no empty file, lock, journal or partial


def test_demo_in_a_read_only_folder_says_so_before_writing(
    capsys: pytest.CaptureFixture[str], small_disk: SmallDisk
) -> None:
    path = small_disk.folder / "demo.revmentor"
    small_disk.make_read_only()
    status, _out, err = run(capsys, "--data", str(path), "demo", "--people", "10")
    assert status == 1
    assert f"The folder {small_disk.folder} is read-only, so no file can be created" in err
    assert "nothing was created" in err
    assert leftovers(small_disk.folder) == set()


def test_a_lock_the_full_disk_cannot_record_is_refused_in_words_and_removed(
    small_disk: SmallDisk, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = small_disk.folder / "programme.revmentor"
    small_disk.fill(leave=0)
    if not small_disk.mounted:  # the kernel would refuse the holder's record; say it here
        real_write_holder = WriterLock._write_holder

        def refused(lock: WriterLock, handle: IO[str]) -> None:
            real_write_holder(lock, handle)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(WriterLock, "_write_holder", refused)
    with pytest.raises(DiskFull, match=r"the disk holding it is full\. Nothing was changed\."):
        WriterLock(path).acquire()
    assert leftovers(small_disk.folder) == set()


def test_the_disk_full_check_follows_the_chain_of_errors() -> None:
    try:
        try:
            raise _disk_full_error()
        except peewee.OperationalError:
            raise peewee.OperationalError("cannot rollback - no transaction is active") from None
    except peewee.OperationalError as last:
        assert disk.is_disk_full(last) is False  # "from None" cuts the chain on purpose
    try:
        try:
            raise OSError(28, os.strerror(28))
        except OSError:
            raise peewee.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except peewee.OperationalError as last:
        assert disk.is_disk_full(last)
