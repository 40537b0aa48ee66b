"""Shared fixtures: every application path goes to a temporary folder; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from revmentor_desktop import log_file
from revmentor_desktop.domain import dates
from revmentor_desktop.paths import HOME_OVERRIDE_VARIABLE
from revmentor_desktop.storage.database import DataFile


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv(HOME_OVERRIDE_VARIABLE, str(home))
    return home


@pytest.fixture(autouse=True)
def day_month_year_dates() -> Iterator[None]:
    """Dates read "22 Nov 2033" whatever the machine's locale; a test may choose another order."""
    dates.use_date_order(dates.DateOrder.DAY_MONTH_YEAR)
    yield
    dates.use_date_order(None)


@pytest.fixture
def data_path(tmp_path: Path) -> Path:
    return tmp_path / "programme.revmentor"


@pytest.fixture
def data_file(data_path: Path) -> Iterator[DataFile]:
    """A new, empty data file open for writing."""
    opened = DataFile.open(data_path, create=True)
    yield opened
    opened.close()


@pytest.fixture
def logging_started(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Logging as the app starts it, into the test's own log folder; the log file's path."""
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    path = log_file.start_logging()
    assert path is not None
    yield path
    for handler in list(log_file.log.handlers):
        log_file.log.removeHandler(handler)
        handler.close()
    log_file.log.setLevel(logging.NOTSET)
