"""One writer per data file: an operating-system lock on a small file beside it.

The lock file records who holds it (process, host, user) so a refused second instance can say
so. The operating system drops the lock when a process dies, so a lock file left behind by a
crash is simply reclaimed by the next writer.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path
from typing import IO

from revmentor_desktop.paths import lock_file_for
from revmentor_desktop.storage import disk
from revmentor_desktop.storage.errors import DataFileError, DataFileInUse

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        with contextlib.suppress(OSError):
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _describe_holder(lock_path: Path) -> str:
    try:
        details = json.loads(lock_path.read_text(encoding="utf-8"))
        return (
            f"process {details['pid']} of {details.get('user', 'another user')} "
            f"on {details['host']} (since {details.get('since', 'an unknown time')})"
        )
    except (OSError, ValueError, KeyError, TypeError):
        return "another RevMentor process"


class WriterLock:
    """Held by the one process that may change a data file."""

    def __init__(self, data_file: Path) -> None:
        self.data_file = data_file
        self.path = lock_file_for(data_file)
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        for _attempt in range(3):
            try:
                handle = self.path.open("a+", encoding="utf-8")
            except OSError as error:
                raise self._cannot_write(error) from error
            if not _try_lock(handle):
                handle.close()
                raise DataFileInUse(self.data_file, _describe_holder(self.path))
            if self._still_names_our_file(handle):
                try:
                    self._write_holder(handle)
                except OSError as error:
                    self._handle = handle
                    self.release()  # removes the empty lock file a full disk left
                    raise self._cannot_write(error) from error
                self._handle = handle
                return
            # Another process removed the lock file between our open and our lock: try again.
            _unlock(handle)
            handle.close()
        raise DataFileInUse(self.data_file, _describe_holder(self.path))

    def _cannot_write(self, error: OSError) -> DataFileError:
        if disk.is_disk_full(error):
            return disk.no_room(
                self.data_file, "Nothing was changed.", disk.MINIMUM_ROOM_FOR_CHANGES
            )
        return DataFileError(
            self.data_file,
            f"cannot be opened for changes: its lock file {self.path.name} cannot be written "
            f"({error.strerror or error}). Nothing was changed.",
            "Check that the folder is writable.",
        )

    def _still_names_our_file(self, handle: IO[str]) -> bool:
        try:
            return self.path.stat().st_ino == os.fstat(handle.fileno()).st_ino
        except FileNotFoundError:
            return False

    def _write_holder(self, handle: IO[str]) -> None:
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": getpass.getuser(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(holder))
        handle.flush()

    def release(self) -> None:
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        _unlock(self._handle)
        with contextlib.suppress(OSError):  # a holder record a full disk refused: closed anyway
            self._handle.close()
        self._handle = None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
