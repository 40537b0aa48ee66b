"""Writing whole files so a crash never leaves half a file, and clearing what a crash left.

Every file RevMentor writes whole (a new data file, a restored one, a backup, an export, a
document) is built under a temporary name beside its destination, flushed to disk, and only then
moved over the destination in one rename: readers see the old file or the new one, never a mix.

The temporary name is ``.<destination name>.<process id>.partial``. A process killed while
writing leaves such a file behind, often a full copy of personal data; because the name carries
the process id, a later RevMentor can tell it from work in progress (its writer no longer runs)
and remove it.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from revmentor_desktop.storage import disk

TEMPORARY_SUFFIX = ".partial"
_TEMPORARY_NAME = re.compile(
    r"^\.(?P<target>.+)\.(?P<pid>\d+)\.partial(?P<side_file>-journal|-wal|-shm)?$"
)
SQLITE_SIDE_SUFFIXES = ("-journal", "-wal", "-shm")
PAUSE_VARIABLE = "REVMENTOR_TEST_PAUSE_AT"
PAUSE_SECONDS_VARIABLE = "REVMENTOR_TEST_PAUSE_SECONDS"


def temporary_name(destination: Path) -> Path:
    """Where a file bound for ``destination`` is built by this process."""
    return destination.with_name(f".{destination.name}.{os.getpid()}{TEMPORARY_SUFFIX}")


def fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX only; Windows has no folder handles)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_with_side_files(path: Path) -> None:
    """Delete ``path`` and any SQLite journal or log beside it; missing files are fine."""
    for leftover in (path, *(path.with_name(path.name + s) for s in SQLITE_SIDE_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


@contextlib.contextmanager
def replacing(destination: Path) -> Iterator[Path]:
    """Yield the temporary path to build ``destination`` at; it replaces ``destination`` when
    the block ends normally, and is removed when the block raises.

    The replacement keeps the permissions of the file it replaces.
    """
    destination = Path(destination)
    temporary = temporary_name(destination)
    try:
        yield temporary
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        if destination.exists():
            temporary.chmod(destination.stat().st_mode & 0o777)
        temporary.replace(destination)
    except BaseException:
        remove_with_side_files(temporary)
        raise
    with contextlib.suppress(OSError):
        fsync_folder(destination.parent)


def write_atomically(destination: Path, data: bytes) -> Path:
    """Write ``data`` to ``destination``, all or nothing; returns the destination."""
    destination = Path(destination)
    folder = destination.parent
    if not folder.is_dir():
        raise FileNotFoundError(2, "the folder does not exist", str(folder))
    try:
        with replacing(destination) as temporary:
            temporary.write_bytes(data)
    except OSError as error:
        raise _restated(error, destination, len(data)) from error
    return destination


def _restated(error: OSError, destination: Path, size: int) -> Exception:
    """``error`` about ``destination``, not its temporary name: for a full disk, the room to
    make; otherwise the same error with the file the person asked for."""
    if disk.is_disk_full(error):
        return disk.no_room(destination, "Nothing was written.", size)
    if error.errno is None:
        return error
    return type(error)(error.errno, error.strerror, str(destination))


def write_text_atomically(destination: Path, text: str, encoding: str = "utf-8") -> Path:
    return write_atomically(destination, text.encode(encoding))


def remove_leftovers(folder: Path, keep_target: Callable[[str], bool] | None = None) -> list[Path]:
    """Delete the temporaries in ``folder`` whose writing process no longer runs.

    Only names of our own scheme are considered; ``keep_target`` (given the destination name)
    narrows them further, e.g. to one data file's temporaries in a folder the user owns.
    Returns what was removed; files that cannot be removed (read-only media) are left.
    """
    removed = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = _TEMPORARY_NAME.match(entry.name)
            if match is None or (keep_target is not None and keep_target(match["target"])):
                continue
            if _process_is_running(int(match["pid"])):
                continue
            with contextlib.suppress(OSError):  # gone already, or read-only media
                entry.unlink()
                removed.append(entry)
    return removed


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import ctypes

    def _process_is_running(pid: int) -> bool:
        # os.kill(pid, 0) would send Ctrl+C on Windows: ask for a handle instead.
        synchronize, query_limited, access_denied, still_running = 0x100000, 0x1000, 5, 0x102
        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(synchronize | query_limited, False, pid)
        if not handle:
            return bool(kernel.GetLastError() == access_denied)
        try:
            return bool(kernel.WaitForSingleObject(handle, 0) == still_running)
        finally:
            kernel.CloseHandle(handle)

else:

    def _process_is_running(pid: int) -> bool:
        if pid == os.getpid():
            return True
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # it runs, as another user
            return True
        return True


def pause_for_crash_test(moment: str) -> None:
    """Crash tests set ``REVMENTOR_TEST_PAUSE_AT`` to a moment's name to kill the process
    exactly there; the process says where it stopped on stderr and waits to be killed, or
    (signal tests) goes on after ``REVMENTOR_TEST_PAUSE_SECONDS``."""
    if os.environ.get(PAUSE_VARIABLE) == moment:
        print(f"paused at {moment}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get(PAUSE_SECONDS_VARIABLE, "600")))
