"""``revmentor copy`` moves a whole programme between a data file and a server database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from revmentor_desktop.domain import people
from revmentor_desktop.services.copying import copy_programme
from revmentor_desktop.services.location import ServerLocation, file_location, server_location
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import ALL_MODELS
from revmentor_desktop.storage.server import ServerStore
from revmentor_desktop.storage.transfer import fingerprint
from tests.helpers.cli import run
from tests.helpers.server import new_server_database
from tests.reports.programme import build_programme
from tests.storage.helpers import query


@pytest.fixture
def server_database() -> Iterator[ServerLocation]:
    with new_server_database() as url:
        yield server_location(url)


def _stored(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows exactly as the file stores them."""
    return {
        model._meta.table_name: query(path, f'SELECT * FROM "{model._meta.table_name}" ORDER BY 1')
        for model in ALL_MODELS
    }


@pytest.fixture
def programme_file(data_path: Path) -> Path:
    with DataFile.open(data_path, create=True):
        build_programme()
    return data_path


def test_a_programme_goes_to_the_server_and_back_unchanged(
    capsys: pytest.CaptureFixture[str],
    programme_file: Path,
    server_database: ServerLocation,
    tmp_path: Path,
) -> None:
    status, out, err = run(
        capsys, "copy", "--from", str(programme_file), "--to", server_database.url
    )
    assert status == 0, err
    assert "person: 1" in out  # some people, counted and checked
    back = tmp_path / "back.revmentor"
    status, _out, err = run(capsys, "copy", "--from", server_database.url, "--to", str(back))
    assert status == 0, err
    original, returned = _stored(programme_file), _stored(back)
    assert original == returned
    assert len(original["person"]) > 5 and len(original["session"]) > 5


def test_a_server_holding_a_programme_is_replaced_only_when_asked(
    capsys: pytest.CaptureFixture[str], programme_file: Path, server_database: ServerLocation
) -> None:
    run(capsys, "--data", server_database.url, "new")
    with ServerStore.open(server_database.url, server_database.database_name):
        people.add_person(people.PersonDraft("Only on the server"))
    status, _out, err = run(
        capsys, "copy", "--from", str(programme_file), "--to", server_database.url
    )
    assert status == 1
    assert "--replace" in err
    with ServerStore.open(server_database.url, server_database.database_name):
        assert people.people_ids() and len(people.people_ids()) == 1

    arguments = ("copy", "--from", str(programme_file), "--to", server_database.url, "--replace")
    status, _out, err = run(capsys, *arguments)
    assert status == 0, err
    with ServerStore.open(server_database.url, server_database.database_name):
        copied = people.people_ids()
        names = {row.name for row in people.people_rows(copied).values()}
        assert "Only on the server" not in names
        # New rows on the server are numbered after the copied ones.
        added = people.add_person(people.PersonDraft("Added after the copy"))
    assert added > max(copied)


def test_copying_onto_an_existing_file_is_refused_and_leaves_it(
    capsys: pytest.CaptureFixture[str],
    programme_file: Path,
    server_database: ServerLocation,
    tmp_path: Path,
) -> None:
    run(capsys, "copy", "--from", str(programme_file), "--to", server_database.url)
    existing = tmp_path / "existing.revmentor"
    existing.write_bytes(b"kept")
    status, _out, err = run(capsys, "copy", "--from", server_database.url, "--to", str(existing))
    assert status == 1
    assert "already exists" in err
    assert existing.read_bytes() == b"kept"


@pytest.fixture
def programme_on_server(programme_file: Path, server_database: ServerLocation) -> ServerLocation:
    """The test programme, copied to a new server database."""
    copy_programme(file_location(programme_file), server_database, replace=False)
    return server_database


def test_a_server_backup_is_a_data_file_the_single_user_app_opens(
    capsys: pytest.CaptureFixture[str], programme_on_server: ServerLocation, tmp_path: Path
) -> None:
    server_database = programme_on_server
    with ServerStore.open(server_database.url, server_database.database_name) as store:
        on_server = fingerprint(store.database)
    backup_file = tmp_path / "server backup.revmentor"

    status, out, err = run(capsys, "--data", server_database.url, "backup", "-o", str(backup_file))

    assert status == 0, err
    assert str(backup_file) in out
    with DataFile.open(backup_file) as opened:
        in_file = fingerprint(opened.database)
    assert in_file == on_server  # the same rows in every table, to the checksum
    assert in_file["person"].rows > 5 and in_file["session"].rows > 5


def test_a_server_backup_never_overwrites_a_file(
    capsys: pytest.CaptureFixture[str], programme_file: Path, programme_on_server: ServerLocation
) -> None:
    server_database = programme_on_server
    before = programme_file.read_bytes()

    status, _out, err = run(
        capsys, "--data", server_database.url, "backup", "-o", str(programme_file)
    )

    assert status == 1
    assert "already exists" in err
    assert programme_file.read_bytes() == before


def test_a_programme_copied_to_a_server_has_its_statistics_at_once(
    capsys: pytest.CaptureFixture[str], programme_file: Path, server_database: ServerLocation
) -> None:
    """Vacuumed and analysed as the copy ends, not when autovacuum next passes: until then the
    server cannot read the lists from their indexes alone, nor plan with real row counts."""
    status, _out, err = run(
        capsys, "copy", "--from", str(programme_file), "--to", server_database.url
    )
    assert status == 0, err
    with ServerStore.open(server_database.url, server_database.database_name) as store:
        settled = store.database.execute_sql(
            "SELECT relname FROM pg_stat_user_tables "
            "WHERE last_vacuum IS NOT NULL AND last_analyze IS NOT NULL"
        ).fetchall()
    assert {row[0] for row in settled} == {model._meta.table_name for model in ALL_MODELS}
