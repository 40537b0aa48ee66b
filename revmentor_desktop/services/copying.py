"""``revmentor copy``: a whole programme from a data file to a server database or back,
verified table by table before it is kept."""

from __future__ import annotations

from pathlib import Path

from peewee import Database

from revmentor_desktop.services import data_sources, server_passwords
from revmentor_desktop.services.location import DataLocation, ServerLocation, file_location
from revmentor_desktop.storage import maintenance
from revmentor_desktop.storage.database import create_data_file
from revmentor_desktop.storage.errors import DataFileError, ServerProblem
from revmentor_desktop.storage.models import database_proxy
from revmentor_desktop.storage.transfer import (
    Fingerprint,
    copy_rows,
    fingerprint,
    holds_a_programme,
)


def copy_programme(source: DataLocation, target: DataLocation, *, replace: bool) -> Fingerprint:
    """Copy every row of ``source`` to ``target`` and check that both give the same row count
    and checksum per table; returns those figures. A server target that already holds a
    programme is refused unless ``replace``; a file target must be a new file. On any refusal
    or difference the target is left as it was (a server: one transaction; a file: never made).
    """
    with data_sources.open_for_reading(source) as source_database:
        expected = fingerprint(source_database)
        if isinstance(target, ServerLocation):
            _copy_to_server(source_database, target, expected, replace=replace)
        else:
            if target.absolute.exists():
                raise DataFileError(
                    target.path,
                    "already exists, so nothing was copied.",
                    "Copy to a new file name (--replace applies to a server database only).",
                )
            create_data_file(
                target.absolute,
                lambda: _copy_and_verify(source_database, database_proxy.obj, target, expected),
            )
    return expected


def back_up_server(location: ServerLocation, output: Path) -> Path:
    """A new data file at ``output`` holding the server's programme as one snapshot saw it
    (one repeatable-read transaction: consistent while others edit), verified table by table;
    the single-user app opens it like any data file. Returns ``output``."""
    if output.exists():
        raise ServerProblem(
            str(output),
            "already exists, so no backup was written.",
            "Give a new file name for the backup.",
        )
    copy_programme(location, file_location(output), replace=False)
    return output


def _copy_to_server(
    source: Database, target: ServerLocation, expected: Fingerprint, *, replace: bool
) -> None:
    with server_passwords.open_store(target, create=True) as store:
        if holds_a_programme(store.database) and not replace:
            raise ServerProblem(
                target.url,
                "already holds a programme, so nothing was copied.",
                "Add --replace to put the copied programme in its place.",
            )
        with store.database.atomic():
            _copy_and_verify(source, store.database, target, expected)
        maintenance.settle_after_bulk_load(store.database)


def _copy_and_verify(
    source: Database, target: Database, where: DataLocation, expected: Fingerprint
) -> None:
    copy_rows(source, target)
    found = fingerprint(target)
    differing = [table for table in expected if found.get(table) != expected[table]]
    if differing:
        raise DataFileError(
            str(where),
            f"did not receive an exact copy ({', '.join(differing)} differ), so the copy was "
            "undone.",
            "Please report this; the source is unchanged.",
        )
