"""Reading a row's version (migration 10) for an edit that must not overwrite a newer one."""

from __future__ import annotations

from revmentor_desktop.storage.models import VersionedModel, database_proxy


def version_of(model: type[VersionedModel], row_id: int) -> int | None:
    """The row's version now; None when there is no such row."""
    return model.select(model.version).where(model.id == row_id).scalar()


def locked_version(model: type[VersionedModel], row_id: int) -> int | None:
    """The row's version, held until the caller's transaction ends: on a server, a second
    coordinator saving the same row waits here and then reads the version the first one left
    (a data file has one writer at a time, so its transaction alone is enough)."""
    query = model.select(model.version).where(model.id == row_id)
    if database_proxy.obj.for_update:
        query = query.for_update()
    return query.scalar()
