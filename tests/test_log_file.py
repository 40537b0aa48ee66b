"""The log file: in the user's log folder, one handler however often it is started, and no
personal data in what it records about an error."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

import pytest

from revmentor_desktop import log_file, paths

TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ", re.MULTILINE)


def _fail_with_a_name() -> None:
    try:
        {}["Ana Ruiz"]
    except KeyError as error:
        raise ValueError("Ana Ruiz <ana.ruiz@example.org> already has a mentor") from error


def test_it_lives_in_the_redirected_log_folder(logging_started: Path, isolated_home: Path) -> None:
    assert logging_started == isolated_home / "logs" / "revmentor.log"
    assert paths.user_log_folder() == isolated_home / "logs"
    text = logging_started.read_text(encoding="utf-8")
    assert TIME.search(text)
    assert "RevMentor" in text and "started" in text


def test_starting_twice_keeps_one_handler(logging_started: Path) -> None:
    log_file.start_logging()
    handlers = [h for h in log_file.log.handlers if isinstance(h, logging.FileHandler)]
    assert len(handlers) == 1


def test_an_error_is_recorded_by_kind_and_code_location_never_by_its_message(
    logging_started: Path,
) -> None:
    try:
        _fail_with_a_name()
    except ValueError:
        log_file.log_unexpected(*sys.exc_info())  # type: ignore[arg-type]

    text = logging_started.read_text(encoding="utf-8")
    assert "ERROR revmentor_desktop: Unexpected error" in text
    assert "in _fail_with_a_name" in text
    assert "ValueError" in text and "KeyError" in text  # the cause too
    assert "Ana Ruiz" not in text
    assert "example.org" not in text


def test_code_paths_start_at_the_package_not_at_the_home_folder() -> None:
    try:
        _fail_with_a_name()
    except ValueError:
        described = log_file.describe_error(*sys.exc_info())  # type: ignore[arg-type]
    assert 'File "test_log_file.py"' in described
    assert str(Path.home()) not in described


def test_the_command_line_hook_records_an_error_then_hands_it_on(
    logging_started: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        _fail_with_a_name()
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert "in _fail_with_a_name" in logging_started.read_text(encoding="utf-8")
    assert "Ana Ruiz" in capsys.readouterr().err  # the console still shows the whole error


def test_a_log_folder_that_cannot_be_made_leaves_the_app_running_without_a_log(
    isolated_home: Path,
) -> None:
    (isolated_home / "logs").write_text("a file where the folder should be", encoding="utf-8")
    assert log_file.start_logging() is None


def test_a_record_that_cannot_be_written_stays_off_the_console(
    logging_started: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [handler] = [h for h in log_file.log.handlers if isinstance(h, log_file.LogFileHandler)]
    broken = logging.LogRecord("revmentor_desktop", logging.ERROR, "", 1, "%d", ("x",), None)
    handler.handle(broken)  # fails inside the handler, as a full disk would
    assert "Logging error" not in capsys.readouterr().err
