"""Whole-file operations that need the writer lock while the file itself is closed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor_desktop.paths import backup_folder_for
from revmentor_desktop.storage import backup
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.errors import DataFileError
from revmentor_desktop.storage.inspection import inspect_data_file
from revmentor_desktop.storage.lock import WriterLock

if TYPE_CHECKING:
    from revmentor_desktop.domain.privacy import ErasureRecord

SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")


def _is_usable(path: Path) -> bool:
    try:
        inspect_data_file(path, full_check=False)
    except DataFileError:
        return False
    return True


def _set_aside(data_path: Path, now: datetime) -> Path:
    """Keep a damaged file, byte for byte, in the backup folder instead of deleting it."""
    folder = backup_folder_for(data_path)
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"{data_path.stem} {now:%Y-%m-%d_%H%M%S} damaged{data_path.suffix}"
    data_path.replace(kept)
    for suffix in SIDE_FILE_SUFFIXES:
        side = data_path.with_name(data_path.name + suffix)
        if side.exists():
            side.replace(kept.with_name(kept.name + suffix))
    return kept


def _erasures_recorded_in(data_path: Path) -> list[ErasureRecord]:
    from revmentor_desktop.domain import privacy

    if not data_path.exists() or not _is_usable(data_path):
        return []
    with DataFile.open(data_path):
        return privacy.erasure_log()


def _reapply_erasures(data_path: Path, log: list[ErasureRecord]) -> None:
    from revmentor_desktop.domain import privacy

    with DataFile.open(data_path):
        privacy.reapply_erasures(log)


def restore_closed_data_file(
    backup_path: Path, data_path: Path, now: datetime | None = None
) -> Path | None:
    """Put a verified copy of ``backup_path`` at ``data_path``, which nobody has open.

    Returns where the replaced file was kept (a backup, or the damaged file set aside), or
    None when there was no file to replace.
    """
    now = now or datetime.now()
    # People erased since the backup was taken must stay erased in the restored file.
    erasures = _erasures_recorded_in(data_path)
    with WriterLock(data_path):
        if data_path.exists() and _is_usable(data_path):
            kept = backup.restore_backup(backup_path, data_path, now=now)
        else:
            backup.describe_backup(backup_path)
            kept = _set_aside(data_path, now) if data_path.exists() else None
            backup.copy_data_file(backup_path, data_path)
    _reapply_erasures(data_path, erasures)
    return kept
