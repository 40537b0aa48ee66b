"""Where a data file lives: warn when it sits in a synced folder or on a network share.

SQLite's locking and write-ahead log are not safe over network file systems, and sync clients
copy half-written files; both can damage the data file. Pure functions, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePath

from revmentor_desktop.menu_paths import SAVE_COPY

SYNCED_FOLDER_NAMES = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "icloud drive": "iCloud Drive",
    "icloud": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "icloud~com~apple~clouddocs": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "box sync": "Box",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
}
NETWORK_FILE_SYSTEMS = {"nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "sshfs", "afpfs", "9p"}
MOUNTS_FILE = Path("/proc/mounts")


def synced_service(path: PurePath | str) -> str | None:
    """The sync service whose folder holds ``path``, judged by folder names.

    Both separators count, so a Windows path is understood on any system.
    """
    for part in re.split(r"[\\/]", str(path)):
        lowered = part.casefold().strip()
        if lowered in SYNCED_FOLDER_NAMES:
            return SYNCED_FOLDER_NAMES[lowered]
        if lowered.startswith(("onedrive - ", "dropbox (")):
            return part.split(" ")[0]
    return None


def _name(path: PurePath | str) -> str:
    return re.split(r"[\\/]", str(path).rstrip("\\/"))[-1]


def is_unc_path(text: str) -> bool:
    return text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\"))


def _unescape_mount_point(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) pairs from the text of /proc/mounts."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((_unescape_mount_point(fields[1]), fields[2]))
    return mounts


def is_network_file_system(fs_type: str) -> bool:
    return fs_type in NETWORK_FILE_SYSTEMS or fs_type.startswith("fuse.")


def mount_of(path: PurePath, mounts: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """The mount holding ``path``: the one with the longest matching mount point."""
    best: tuple[str, str] | None = None
    for point, fs_type in mounts:
        mount_point = PurePath(point)
        if (path == mount_point or mount_point in path.parents) and (
            best is None or len(point) > len(best[0])
        ):
            best = (point, fs_type)
    return best


def location_warning(path: PurePath | str, mounts_text: str | None = None) -> str | None:
    """A sentence for the coordinator when ``path`` is risky for a data file, else None.

    ``mounts_text`` is the content of /proc/mounts (Linux); pass it in tests.
    """
    if is_unc_path(str(path)):
        return (
            f"{_name(path)} is on a network share. Keep the data file on this computer and "
            f"use {SAVE_COPY.path} to share it."
        )
    service = synced_service(path)
    if service:
        return (
            f"{_name(path)} is in a {service} folder. Syncing can damage a file that is open; "
            "keep the data file in a local folder and back it up instead."
        )
    mount = mount_of(PurePath(path), parse_mounts(mounts_text or ""))
    if mount is not None and is_network_file_system(mount[1]):
        return (
            f"{_name(path)} is on a network drive ({mount[1]} at {mount[0]}). Keep the data "
            "file on this computer; network drives can damage it."
        )
    return None


def read_mounts() -> str:
    try:
        return MOUNTS_FILE.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def data_file_location_warning(path: Path) -> str | None:
    return location_warning(path.absolute(), read_mounts())
