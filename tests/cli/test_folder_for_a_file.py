"""A folder given where every sub-command expects a file is named as a folder, never as a bare
"Is a directory", and nothing is written into it or beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from revmentor_desktop.cli import main
from tests.cli.test_signals import programme

EMAIL = "ana.ortiz@example.org"
DATA = "{data}"
FOLDER = "{folder}"
# (the sub-command's arguments, with the folder for one path; the start of what it says)
FOLDER_FOR_A_DATA_FILE = "{folder}: is a folder, but a data file was expected."
FOLDER_FOR_A_FILE = "{folder} is a folder, but a file was expected"
CASES = {
    "check --data": (("--data", FOLDER, "check"), FOLDER_FOR_A_DATA_FILE),
    "backup --data": (("--data", FOLDER, "backup"), FOLDER_FOR_A_DATA_FILE),
    "backup -o": (("--data", DATA, "backup", "-o", FOLDER), "{folder}: is a folder, but a file"),
    "restore --data": (("--data", FOLDER, "restore", "{backup}", "--yes"), FOLDER_FOR_A_DATA_FILE),
    "restore BACKUP": (("--data", DATA, "restore", FOLDER, "--yes"), FOLDER_FOR_A_DATA_FILE),
    "demo --data": (("--data", FOLDER, "demo"), FOLDER_FOR_A_DATA_FILE),
    "import-people --data": (("--data", FOLDER, "import-people", "{csv}"), FOLDER_FOR_A_DATA_FILE),
    "import-people FILE": (("--data", DATA, "import-people", FOLDER), FOLDER_FOR_A_FILE),
    "export --data": (
        ("--data", FOLDER, "export", "people", "-o", "{out}"),
        FOLDER_FOR_A_DATA_FILE,
    ),
    "export -o": (("--data", DATA, "export", "people", "-o", FOLDER), FOLDER_FOR_A_FILE),
    "ics -o": (("--data", DATA, "ics", "--all", "-o", FOLDER), FOLDER_FOR_A_FILE),
    "person-export -o": (("--data", DATA, "person-export", EMAIL, "-o", FOLDER), FOLDER_FOR_A_FILE),
    "erase --data": (("--data", FOLDER, "erase", EMAIL, "--yes"), FOLDER_FOR_A_DATA_FILE),
    "retention --data": (("--data", FOLDER, "retention"), FOLDER_FOR_A_DATA_FILE),
    "match --data": (
        ("--data", FOLDER, "match", "--cohort", "Reverse 2026"),
        FOLDER_FOR_A_DATA_FILE,
    ),
    "match --apply --data": (
        ("--data", FOLDER, "match", "--cohort", "Reverse 2026", "--apply"),
        FOLDER_FOR_A_DATA_FILE,
    ),
    "agreements -o": (
        ("--data", DATA, "agreements", "--cohort", "Reverse 2026", "-o", FOLDER),
        FOLDER_FOR_A_FILE,
    ),
    "summary -o": (("--data", DATA, "summary", "--pair", "1", "-o", FOLDER), FOLDER_FOR_A_FILE),
}


@pytest.mark.parametrize("case", CASES)
def test_a_folder_where_a_file_is_expected_is_named(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, case: str
) -> None:
    programme(data_path)
    folder = tmp_path / "a folder"
    folder.mkdir()
    places = {
        "data": data_path,
        "folder": folder,
        "backup": data_path,
        "csv": tmp_path / "staff.csv",
        "out": tmp_path / "people.csv",
    }
    (tmp_path / "staff.csv").write_text("Name\nAna\n", encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    arguments, expected = CASES[case]
    status = main([argument.format(**places) for argument in arguments])
    err = capsys.readouterr().err
    assert status == 1
    assert f"revmentor: {expected.format(folder=folder)}" in err
    assert "Is a directory" not in err and "Traceback" not in err
    assert list(folder.iterdir()) == []
    assert sorted(tmp_path.iterdir()) == before  # nothing beside it either (no lock, no backup)
