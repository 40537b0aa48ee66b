"""Files RevMentor must not open are refused with a readable reason and left exactly as is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from revmentor_desktop.paths import lock_file_for
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.errors import (
    DamagedDataFile,
    DataFileError,
    DataFileMissing,
    NewerDataFile,
    NotADataFile,
    TruncatedDataFile,
)
from revmentor_desktop.storage.inspection import inspect_data_file
from revmentor_desktop.storage.migrations import LATEST_VERSION
from tests.storage.helpers import (
    damage_table_root_page,
    make_data_file,
    page_size,
    query,
    raw_connection,
    sha256,
    side_files,
)

PEOPLE = 400  # enough rows that the person table spans many pages


def newer_version(path: Path) -> None:
    make_data_file(path, people=5)
    connection = raw_connection(path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()


def text_file(path: Path) -> None:
    path.write_text("name,email\nAna,ana@example.org\n" * 50, encoding="utf-8")


def empty_file(path: Path) -> None:
    path.write_bytes(b"")


def truncated_by_whole_pages(path: Path) -> None:
    make_data_file(path, people=PEOPLE)
    size = page_size(path)
    data = path.read_bytes()
    assert len(data) >= 20 * size, "the data file should be large enough to lose pages"
    path.write_bytes(data[: len(data) - 5 * size])


def truncated_mid_page(path: Path) -> None:
    make_data_file(path, people=PEOPLE)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 1000])


def damaged_person_page(path: Path) -> None:
    make_data_file(path, people=PEOPLE)
    damage_table_root_page(path, "person")


def damaged_header(path: Path) -> None:
    make_data_file(path, people=5)
    with path.open("r+b") as handle:
        handle.seek(16)  # the page size: zero is impossible
        handle.write(b"\x00\x00")


def other_sqlite_database(path: Path) -> None:
    connection = raw_connection(path)
    connection.execute("CREATE TABLE expenses (id INTEGER PRIMARY KEY, amount REAL)")
    connection.execute("INSERT INTO expenses (amount) VALUES (12.5)")
    connection.close()
    assert query(path, "PRAGMA application_id") == [(0,)]


# Each case: how to make the file, the exact error class, and words a person can act on.
CASES: dict[str, tuple[Callable[[Path], None], type[DataFileError], tuple[str, ...]]] = {
    "newer version": (
        newer_version,
        NewerDataFile,
        ("newer RevMentor", "data format 99", f"up to {LATEST_VERSION}", "Install the newest"),
    ),
    "text file": (text_file, NotADataFile, ("not a RevMentor data file", "not an SQLite")),
    "empty file": (empty_file, NotADataFile, ("is empty", "not a RevMentor data file")),
    "truncated by whole pages": (
        truncated_by_whole_pages,
        TruncatedDataFile,
        ("cut short", "should hold", "backup"),
    ),
    "truncated mid-page": (
        truncated_mid_page,
        TruncatedDataFile,
        ("cut short", "whole number", "backup"),
    ),
    "damaged page": (damaged_person_page, DamagedDataFile, ("damaged", "Page ", "backup")),
    "damaged header": (damaged_header, DamagedDataFile, ("damaged", "page size", "backup")),
    "other SQLite database": (
        other_sqlite_database,
        NotADataFile,
        ("an SQLite database, but not a RevMentor data file",),
    ),
}


def open_and_confirm(path: Path, create: bool, check_in_background: bool) -> None:
    """Open ``path`` as the window does at start-up: the integrity check may finish later."""
    opened = DataFile.open(path, create=create, check_in_background=check_in_background)
    try:
        opened.confirm_intact()
    finally:
        opened.close()


@pytest.mark.parametrize("background", [False, True], ids=["checked-first", "checked-meanwhile"])
@pytest.mark.parametrize("create", [False, True], ids=["open", "open-or-create"])
@pytest.mark.parametrize("case", list(CASES))
def test_refused_with_a_readable_reason_and_left_unchanged(
    case: str, create: bool, background: bool, data_path: Path
) -> None:
    make, expected_class, words = CASES[case]
    make(data_path)
    digest = sha256(data_path)
    sides_before = side_files(data_path)

    with pytest.raises(DataFileError) as refused:
        open_and_confirm(data_path, create, background)

    assert type(refused.value) is expected_class
    message = str(refused.value)
    assert str(data_path) in message
    for word in words:
        assert word in message
    assert "Traceback" not in message
    assert sha256(data_path) == digest, "a refused file must not change"
    assert side_files(data_path) == sides_before
    # The refusal let go of the file: asking again gives the same answer, not "in use".
    with pytest.raises(expected_class):
        open_and_confirm(data_path, create, background)
    assert not lock_file_for(data_path).exists()
    assert sha256(data_path) == digest


def test_refusal_reasons_are_told_apart(tmp_path: Path) -> None:
    """Each problem gets its own message, so a coordinator can tell which one they have."""
    messages = {}
    for case, (make, _expected, _words) in CASES.items():
        path = tmp_path / case.replace(" ", "-") / "programme.revmentor"
        path.parent.mkdir()
        make(path)
        with pytest.raises(DataFileError) as refused:
            DataFile.open(path)
        messages[case] = refused.value.problem
    assert len(set(messages.values())) == len(messages), messages


def test_inspecting_a_missing_file_says_it_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.revmentor"
    with pytest.raises(DataFileMissing, match="does not exist"):
        inspect_data_file(missing)
    assert not missing.exists()


def test_opening_a_missing_file_without_create_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.revmentor"
    with pytest.raises(DataFileMissing, match="does not exist"):
        DataFile.open(missing)
    assert list(tmp_path.iterdir()) == []


def test_a_healthy_file_is_described_not_refused(data_path: Path) -> None:
    """The refusals are specific: the same kind of file, undamaged, opens and is counted."""
    make_data_file(data_path, people=PEOPLE)
    report = inspect_data_file(data_path)
    assert report.healthy
    assert report.schema_version == LATEST_VERSION
    assert report.counts["person"] == PEOPLE
    with DataFile.open(data_path):
        pass
