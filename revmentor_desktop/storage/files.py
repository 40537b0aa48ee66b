"""Writing files the user keeps (exports, calendars) so a crash never leaves half a file.

The bytes go to a temporary name in the destination folder, are flushed to disk, and only then
replace the destination in one rename: readers see the old file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from revmentor_desktop.storage.backup import _fsync_folder


def write_atomically(destination: Path, data: bytes) -> Path:
    """Write ``data`` to ``destination``, all or nothing; returns the destination."""
    destination = Path(destination)
    folder = destination.parent
    if not folder.is_dir():
        raise FileNotFoundError(2, "the folder does not exist", str(folder))
    temporary = folder / f".{destination.name}.{os.getpid()}.writing"
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(destination)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    with contextlib.suppress(OSError):
        _fsync_folder(folder)
    return destination


def write_text_atomically(destination: Path, text: str, encoding: str = "utf-8") -> Path:
    return write_atomically(destination, text.encode(encoding))
