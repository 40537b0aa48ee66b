"""Whole-file operations on a data file nobody has open: the one restore the window and the
command line both use."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from revmentor_desktop.domain import privacy
from revmentor_desktop.storage import restore


def restore_closed_data_file(
    backup_path: Path, data_path: Path, now: datetime | None = None
) -> restore.ReplacedFile | None:
    """Put a verified copy of ``backup_path`` at ``data_path``, which nobody has open.

    People erased in the replaced file are erased in the copy before it takes the file's place,
    so an erased person never comes back, not even for a moment. Returns where the replaced
    file was kept (a backup, or a file this version cannot use set aside as it was), or None
    when there was none.
    """
    return restore.restore_backup(
        backup_path, data_path, carry_over=privacy.carry_erasures_over, now=now
    )
