"""Small tools shared by the storage tests: raw SQL on data files, hashes, helper processes."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
import struct
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from revmentor_desktop.domain import privacy
from revmentor_desktop.storage import backup
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.migrations import LATEST_VERSION
from revmentor_desktop.storage.models import Person

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
ERASED_NAME = "Uma Sato"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> set[str]:
    """The names of the SQLite side files (-wal, -shm, -journal) present beside ``path``."""
    return {
        path.name + suffix
        for suffix in SIDE_SUFFIXES
        if (path.parent / (path.name + suffix)).exists()
    }


def raw_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), isolation_level=None)


def query(path: Path, sql: str, parameters: Sequence[object] = ()) -> list[tuple[object, ...]]:
    connection = raw_connection(path)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


def pragma_value(path: Path, name: str) -> object:
    return query(path, f"PRAGMA {name}")[0][0]


def integrity(path: Path) -> list[str]:
    return [str(row[0]) for row in query(path, "PRAGMA integrity_check")]


def table_rows(path: Path, table: str) -> list[tuple[object, ...]]:
    return query(path, f'SELECT * FROM "{table}" ORDER BY id')


def insert_people(path: Path, count: int, *, first: int = 0) -> None:
    """Add ``count`` people with raw SQL, enough text each to fill several pages."""
    stamp = datetime(2024, 3, 1, 9, 30).isoformat(sep=" ")
    connection = raw_connection(path)
    try:
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO person (name, search_key, department, coordinator_notes, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (f"Person {n}", f"person {n}", "Finance", f"notes {n} " * 30, stamp, stamp)
                for n in range(first, first + count)
            ],
        )
        connection.execute("COMMIT")
    finally:
        connection.close()


def make_data_file(path: Path, people: int = 0) -> Path:
    """A real, closed data file at the latest version holding ``people`` people."""
    DataFile.open(path, create=True).close()
    if people:
        insert_people(path, people)
    assert not side_files(path), "a closed data file should be a single file"
    return path


def page_size(path: Path) -> int:
    with path.open("rb") as handle:
        header = handle.read(100)
    (size,) = struct.unpack(">H", header[16:18])
    return 65536 if size == 1 else size


def run_python(code: str, *arguments: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a separate Python process (same interpreter and environment)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *arguments],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_python(code: str, *arguments: str) -> subprocess.Popen[str]:
    """Start ``code`` in a separate Python process whose output the test reads line by line."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def damage_table_root_page(path: Path, table: str = "person") -> None:
    """Write garbage over the b-tree page header of ``table``'s root page, as a bad disk might."""
    ((root_page,),) = query(path, "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    size = page_size(path)
    garbage = b"\xde\xad\xbe\xef" * 64  # 0xde is no valid b-tree page type
    with path.open("r+b") as handle:
        handle.seek((int(root_page) - 1) * size)
        handle.write(garbage)
    try:
        findings = integrity(path)
    except sqlite3.DatabaseError:
        findings = ["malformed"]
    assert findings != ["ok"], "the damage should be visible to SQLite's own check"


def write_staff_list(path: Path, rows: int, notes_length: int) -> Path:
    """A CSV staff list of ``rows`` new people, each with ``notes_length`` characters of notes."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Email", "Department", "Notes"])
        notes = "x" * notes_length
        for number in range(rows):
            writer.writerow([f"New {number}", f"new{number}@example.org", "Sales", notes])
    return path


def programme_with_an_erasure(data_path: Path) -> tuple[Path, int]:
    """A data file of two people, the first (``ERASED_NAME``) erased after the returned backup
    was taken; returns that backup and her number."""
    stamp = datetime(2026, 3, 1, 9, 0)
    with DataFile.open(data_path, create=True) as opened:
        uma = Person.create(name=ERASED_NAME, created_at=stamp, updated_at=stamp).id
        Person.create(name="Kwame Mensah", created_at=stamp, updated_at=stamp)
        older = backup.automatic_backup(opened.path, reason="manual", now=stamp)
        privacy.erase_person(uma)
    return older, uma


def make_newer_version(path: Path) -> None:
    """Mark a data file as written by a RevMentor newer than this one."""
    connection = raw_connection(path)
    try:
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    finally:
        connection.close()
