"""Looking at a data file before trusting it, without changing a byte of it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from revmentor_desktop.storage import disk
from revmentor_desktop.storage.errors import (
    DamagedDataFile,
    DataFileError,
    DataFileMissing,
    NewerDataFile,
    NotADataFile,
    TruncatedDataFile,
)
from revmentor_desktop.storage.migrations import APPLICATION_ID, LATEST_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
COUNTED_TABLES = ("person", "cohort", "pair", "session")
RESTORE_ADVICE = "Restore the newest good backup. The file was not changed."
BACKGROUND_NICENESS = 10


@dataclass(frozen=True)
class DataFileReport:
    path: Path
    schema_version: int
    size_bytes: int
    counts: dict[str, int]
    problems: tuple[str, ...]

    @property
    def healthy(self) -> bool:
        return not self.problems

    @property
    def needs_migration(self) -> bool:
        return self.schema_version < LATEST_VERSION


def reading_uri(path: Path) -> str:
    """The SQLite address to read ``path`` by, wherever it lies.

    Normally an ordinary connection, so SQLite tidies its log and shared-memory files away
    when it closes. Where none can be created (read-only media, a full disk) the file is read
    through the side files another process already has open, or, with none, as immutable:
    nothing can change it meanwhile, and nothing is written beside it.
    """
    path = Path(path).absolute()
    if disk.can_create_side_files(path):
        return f"{path.as_uri()}?mode=rw"
    side_files = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    if any(side.exists() for side in side_files):
        return f"{path.as_uri()}?mode=ro"
    return f"{path.as_uri()}?immutable=1"


def connect_for_reading(path: Path) -> sqlite3.Connection:
    """A connection that can read while another process writes, and never writes itself."""
    connection = sqlite3.connect(reading_uri(path), timeout=10, isolation_level=None, uri=True)
    connection.execute("PRAGMA query_only = 1")
    return connection


def check_not_a_folder(path: Path) -> None:
    if path.is_dir():
        raise NotADataFile(
            path,
            "is a folder, but a data file was expected.",
            "Name the data file itself, e.g. programme.revmentor inside that folder.",
        )


def _check_header(path: Path) -> None:
    if not path.exists():
        raise DataFileMissing(path, "does not exist.", "Check the name and folder.")
    check_not_a_folder(path)
    size = path.stat().st_size
    if size == 0:
        raise NotADataFile(path, "is empty, so it is not a RevMentor data file.")
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if not header.startswith(SQLITE_MAGIC):
        raise NotADataFile(
            path,
            "is not a RevMentor data file (it is not an SQLite database).",
            "Choose a file ending in .revmentor, or one of its backups.",
        )
    if len(header) < HEADER_SIZE:
        raise TruncatedDataFile(path, "is cut short: its header is incomplete.", RESTORE_ADVICE)
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        # A damaged header: without this check a zero page size crashed the size arithmetic
        # below and an impossible one was misreported as a file cut short.
        raise DamagedDataFile(
            path,
            f"is damaged: its header gives an impossible page size ({page_size}).",
            RESTORE_ADVICE,
        )
    (change_counter, page_count, valid_for) = (
        struct.unpack(">I", header[24:28])[0],
        struct.unpack(">I", header[28:32])[0],
        struct.unpack(">I", header[92:96])[0],
    )
    if _has_pending_log(path):
        # A writer stopped mid-checkpoint: the log still holds every page the header counts,
        # and SQLite completes the file from it. Its integrity check below has the last word.
        return
    if size % page_size:
        raise TruncatedDataFile(
            path,
            f"is cut short: its size ({size} bytes) is not a whole number of pages.",
            RESTORE_ADVICE,
        )
    if valid_for == change_counter and page_count * page_size > size:
        raise TruncatedDataFile(
            path,
            f"is cut short: it should hold {page_count} pages but has only {size // page_size}.",
            RESTORE_ADVICE,
        )


def _has_pending_log(path: Path) -> bool:
    log = path.with_name(path.name + "-wal")
    try:
        return log.stat().st_size > 0
    except FileNotFoundError:
        return False


def _findings(rows: Iterable[str]) -> list[str]:
    """One entry per problem: SQLite may pack several lines, under a heading, into one row."""
    lines = [line.strip() for row in rows for line in str(row).splitlines()]
    return [line for line in lines if line and not line.startswith("*** in database")]


def _problem_count(findings: list[str]) -> str:
    if len(findings) == 1:
        return "1 problem"
    # The check stops after 20 problems, so 20 means "20 or more".
    return f"{len(findings)} problems" if len(findings) < 20 else "many problems"


def _counts(connection: sqlite3.Connection) -> dict[str, int]:
    return {
        table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in COUNTED_TABLES
    }


def _damaged(path: Path, error: sqlite3.Error) -> DamagedDataFile:
    return DamagedDataFile(path, f"is damaged and cannot be read ({error}).", RESTORE_ADVICE)


def inspect_data_file(
    path: Path, *, full_check: bool = True, integrity: bool = True
) -> DataFileReport:
    """Raise a ``DataFileError`` if ``path`` cannot be opened safely; otherwise describe it.

    ``full_check`` runs SQLite's ``integrity_check`` and the foreign-key check and counts the
    records; without it only the faster ``quick_check`` runs (opening a file uses that, and
    the report's counts are then empty). ``integrity=False`` skips SQLite's checks too, for a
    caller that runs them in a ``BackgroundIntegrityCheck``.
    """
    path = Path(path)
    _check_header(path)
    try:
        with _reading(path) as connection:
            version = _check_identity(path, connection)
            if integrity:
                _check_integrity(path, connection, full_check)
            size = path.stat().st_size
            if not full_check or not integrity:
                return DataFileReport(path, version, size, {}, ())
            foreign_key_problems = connection.execute("PRAGMA foreign_key_check").fetchall()
            problems = tuple(
                f"row {row[1]} of table {row[0]} points to a missing row of {row[2]}"
                for row in foreign_key_problems
            )
            return DataFileReport(path, version, size, _counts(connection), problems)
    except sqlite3.OperationalError as error:
        raise _read_failure(path, error) from error
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from error


def _read_failure(path: Path, error: sqlite3.OperationalError) -> DataFileError:
    """Tell a busy file, a full disk and a file that cannot be opened from a damaged one:
    only damage calls for restoring a backup."""
    text = str(error).lower()
    if "locked" in text:
        return DataFileError(
            path,
            "is busy: another program is writing to it right now.",
            "Try again in a moment.",
        )
    folder = path.absolute().parent
    if disk.is_disk_full(error) or (
        "disk i/o error" in text and disk.free_bytes(folder) < disk.MINIMUM_ROOM_FOR_CHANGES
    ):
        return disk.no_room(path, "The file was not changed.", disk.MINIMUM_ROOM_FOR_CHANGES)
    if "unable to open" in text:
        return DataFileError(
            path,
            f"cannot be opened for reading ({error}). The file was not changed.",
            "Check that you may read the file and its folder.",
        )
    return _damaged(path, error)


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect_for_reading(path)
    try:
        yield connection
    finally:
        connection.close()


def _check_identity(path: Path, connection: sqlite3.Connection) -> int:
    """The file's data format version, once it is known to be a data file this app reads."""
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if application_id != APPLICATION_ID:
        raise NotADataFile(
            path,
            "is an SQLite database, but not a RevMentor data file.",
            "Choose a file ending in .revmentor, or one of its backups.",
        )
    if version > LATEST_VERSION:
        raise NewerDataFile(
            path,
            f"was written by a newer RevMentor (data format {version}; this version "
            f"reads up to {LATEST_VERSION}).",
            "Install the newest RevMentor to open it. The file was not changed.",
        )
    return version


def _check_integrity(path: Path, connection: sqlite3.Connection, full_check: bool) -> None:
    pragma = "integrity_check" if full_check else "quick_check"
    findings = _findings(row[0] for row in connection.execute(f"PRAGMA {pragma}(20)"))
    if findings != ["ok"]:
        raise DamagedDataFile(
            path,
            "is damaged: SQLite's integrity check found "
            f"{_problem_count(findings)}, the first: {findings[0]}.",
            RESTORE_ADVICE,
        )


def _yield_to_other_threads() -> None:
    """Lower the calling thread's priority (Linux gives each thread its own nice value), so
    that on a machine short of cores the window being built comes first."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)


class BackgroundIntegrityCheck:
    """SQLite's quick check of a file, read on a connection of its own in another thread.

    ``start`` it once the window is up: sqlite3 lets other threads run while it reads, so the
    window stays responsive and nothing competes with filling it. ``wait`` gives the verdict.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._error: DataFileError | None = None
        self._thread = threading.Thread(target=self._run, name="integrity check", daemon=True)

    def _run(self) -> None:
        _yield_to_other_threads()
        try:
            inspect_data_file(self.path, full_check=False)
        except DataFileError as error:
            self._error = error

    @property
    def started(self) -> bool:
        return self._thread.ident is not None

    @property
    def finished(self) -> bool:
        return self.started and not self._thread.is_alive()

    def start(self) -> None:
        if not self.started:
            self._thread.start()

    def wait(self) -> None:
        """Run the check to its end; raise its ``DataFileError`` if it found one."""
        self.start()
        self._thread.join()
        if self._error is not None:
            raise self._error

    def abandon(self) -> None:
        """The file is being let go of: let a started check finish, start none."""
        if self.started:
            self._thread.join()
