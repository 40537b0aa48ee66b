"""The data version moves with every committed change, whoever makes it, and only then: what a
result kept from the data (the programme figures) is checked against."""

from __future__ import annotations

import pytest

from revmentor_desktop.storage.changes import data_version
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Cohort, Setting, database_proxy
from revmentor_desktop.storage.server import ServerStore
from tests.helpers.another_connection import another_connection


@pytest.mark.both_stores
def test_a_change_made_here_moves_the_version(data_file: DataFile | ServerStore) -> None:
    before = data_version()
    Setting.insert(key="here", value="1").execute()
    assert data_version() != before


@pytest.mark.both_stores
def test_a_change_made_by_another_connection_moves_the_version(
    data_file: DataFile | ServerStore,
) -> None:
    before = data_version()
    with another_connection(data_file) as execute:
        execute("INSERT INTO setting (key, value) VALUES ('elsewhere', '1')")
    assert data_version() != before


@pytest.mark.both_stores
def test_inside_a_transaction_there_is_no_version(data_file: DataFile | ServerStore) -> None:
    with database_proxy.atomic():
        Setting.insert(key="uncommitted", value="1").execute()
        assert data_version() is None
    assert data_version() is not None


@pytest.mark.file_only("a server's version moves with any commit on it, other tests' too")
def test_reading_leaves_the_version_as_it_was(data_file: DataFile) -> None:
    """On a data file: a server's version is its snapshot, which any write anywhere on the
    server moves (another database's, or the server's own statistics): too often, never late."""
    before = data_version()
    assert Cohort.select().count() == 0
    assert Setting.get_or_none(Setting.key == "not a setting") is None
    assert data_version() == before


@pytest.mark.file_only("a data file reopened restarts its change counters; a server's do not")
def test_the_same_file_opened_again_has_a_version_of_its_own(data_file: DataFile) -> None:
    """A reopened file counts its changes from nought again: its version must still differ."""
    before = data_version()
    path = data_file.path
    data_file.close()
    reopened = DataFile.open(path)
    try:
        assert data_version() != before
    finally:
        reopened.close()


def test_a_connection_made_again_has_a_version_of_its_own(data_file: DataFile) -> None:
    before = data_version()
    data_file.database.close()
    data_file.database.connect()
    assert data_version() != before
