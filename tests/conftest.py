"""Shared fixtures: every application path goes to a temporary folder; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

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


@pytest.fixture
def data_path(tmp_path: Path) -> Path:
    return tmp_path / "programme.revmentor"


@pytest.fixture
def data_file(data_path: Path) -> Iterator[DataFile]:
    """A new, empty data file open for writing."""
    opened = DataFile.open(data_path, create=True)
    yield opened
    opened.close()
