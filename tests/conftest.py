"""Shared fixtures: every application path goes to a temporary folder; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from revmentor_desktop import log_file
from revmentor_desktop.domain import dates
from revmentor_desktop.paths import HOME_OVERRIDE_VARIABLE
from revmentor_desktop.services import server_passwords
from revmentor_desktop.services.location import server_location
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.server import ServerStore
from tests.helpers.server import new_programme_database


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv(HOME_OVERRIDE_VARIABLE, str(home))
    return home


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads or writes this computer's keyring, or a password typed in another test
    (a test wanting a keyring installs ``tests.helpers.keyrings.MemoryKeyring``)."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr(server_passwords, "_typed_this_session", {})
    yield
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def day_month_year_dates() -> Iterator[None]:
    """Dates read "22 Nov 2033" whatever the machine's locale; a test may choose another order."""
    dates.use_date_order(dates.DateOrder.DAY_MONTH_YEAR)
    yield
    dates.use_date_order(None)


@pytest.fixture
def data_path(tmp_path: Path) -> Path:
    return tmp_path / "programme.revmentor"


FILE_STORE, SERVER_STORE = "file", "server"
# Every storage and domain test given a programme runs on both stores unless marked
# ``file_only``; a test elsewhere opts in with ``both_stores``.
BOTH_STORES_FOLDERS = ("domain", "storage")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test runs twice where ``runs_on_both_stores`` says so: on a data file and on a server
    database (``data_file`` is then one or the other; ``store_kind`` says which, for a test that
    makes its own)."""
    if not runs_on_both_stores(metafunc.definition):
        return
    if "data_file" in metafunc.fixturenames:
        metafunc.parametrize("data_file", [FILE_STORE, SERVER_STORE], indirect=True)
    elif "store_kind" in metafunc.fixturenames:
        metafunc.parametrize("store_kind", [FILE_STORE, SERVER_STORE])


@pytest.fixture
def store_kind(request: pytest.FixtureRequest) -> str:
    """Which store a test works on: a data file, unless it runs on both stores (then the store
    of this run, as ``data_file`` has it when the test uses that too)."""
    callspec = getattr(request.node, "callspec", None)
    return str(callspec.params.get("data_file", FILE_STORE)) if callspec else FILE_STORE


def runs_on_both_stores(test: pytest.Item) -> bool:
    file_only = test.get_closest_marker("file_only")
    if file_only is not None:
        if not file_only.args:
            raise pytest.UsageError(f"{test.nodeid}: file_only needs a reason (why not a server)")
        return False
    folder = test.path.relative_to(Path(__file__).parent).parts[0]
    return folder in BOTH_STORES_FOLDERS or test.get_closest_marker("both_stores") is not None


@pytest.fixture
def data_file(request: pytest.FixtureRequest, data_path: Path) -> Iterator[DataFile | ServerStore]:
    """A new, empty programme open for writing: a data file, or (for a test's second run on
    both stores) a new database on the test server (tests/helpers/server.py)."""
    if getattr(request, "param", FILE_STORE) == SERVER_STORE:
        with new_programme_database() as url:
            location = server_location(url)
            store = ServerStore.open(location.url, location.database_name)
            yield store
            store.close()
        return
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
