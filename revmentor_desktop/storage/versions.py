"""Reading a row's version (migration 10) for an edit that must not overwrite a newer one."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from revmentor_desktop.storage.dialect import is_server
from revmentor_desktop.storage.models import VersionedModel, database_proxy


def version_of(model: type[VersionedModel], row_id: int) -> int | None:
    """The row's version now; None when there is no such row."""
    return model.select(model.version).where(model.id == row_id).scalar()


def locked_version(model: type[VersionedModel], row_id: int) -> int | None:
    """The row's version, held until the caller's transaction ends: on a server, a second
    coordinator saving the same row waits here and then reads the version the first one left
    (on a data file, ``checked_transaction`` took the whole file's write lock already)."""
    query = model.select(model.version).where(model.id == row_id)
    if is_server(database_proxy.obj):
        query = query.for_update()
    return query.scalar()


def checked_transaction() -> AbstractContextManager[Any]:
    """The transaction of a change checked against row versions (an edit, an undo).

    A data file has no row locks, so its transaction takes the file's write lock as it begins
    (BEGIN IMMEDIATE): a second writer waits for the first to commit and then reads the version
    it left. Begun plainly, the second would read first and then fail with "database is
    locked" on writing, since what it read is no longer the newest. Nested, it is a savepoint.
    """
    database = database_proxy.obj
    if is_server(database):
        return database.atomic()
    return database.atomic(lock_type="IMMEDIATE")


def advance_versions(model: type[VersionedModel], row_ids: list[int]) -> None:
    """Count the rows as changed though none of their own columns did (a cohort whose
    enrolments changed): the database steps their versions, so an editing dialog that loaded
    them before is refused rather than saving over the change."""
    model.update(version=model.version).where(model.id.in_(row_ids)).execute()
