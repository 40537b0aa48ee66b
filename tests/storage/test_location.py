"""Warnings for data files kept in synced folders or on network drives."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from revmentor_desktop.storage.location import location_warning, mount_of, parse_mounts

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
server:/export /mnt/team nfs4 rw 0 0
//nas/share /mnt/smb\\040share cifs rw 0 0
me@host:/srv /home/me/remote fuse.sshfs rw 0 0
/dev/sdb1 /home/me/remote/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/me/OneDrive/programme.revmentor", "OneDrive"),
        ("C:\\Users\\me\\OneDrive - Contoso\\HR\\programme.revmentor", "OneDrive"),
        ("/home/me/Dropbox/programme.revmentor", "Dropbox"),
        ("/Users/me/Library/Mobile Documents/com~apple~CloudDocs/p.revmentor", "iCloud Drive"),
        ("G:\\My Drive\\p.revmentor", "Google Drive"),
        ("/Users/me/Google Drive/p.revmentor", "Google Drive"),
    ],
)
def test_synced_folders_are_named(path: str, service: str) -> None:
    warning = location_warning(path)
    assert warning is not None
    assert service in warning
    assert path.replace("\\", "/").rsplit("/", 1)[-1] in warning


def test_unc_path_is_a_network_share() -> None:
    warning = location_warning("\\\\server\\hr\\programme.revmentor")
    assert warning is not None
    assert "network share" in warning


@pytest.mark.parametrize(
    "path",
    ["/mnt/team/p.revmentor", "/mnt/smb share/p.revmentor", "/home/me/remote/p.revmentor"],
)
def test_network_mounts_warn(path: str) -> None:
    warning = location_warning(PurePosixPath(path), MOUNTS)
    assert warning is not None
    assert "network drive" in warning


def test_local_files_do_not_warn() -> None:
    assert location_warning(PurePosixPath("/home/me/Documents/p.revmentor"), MOUNTS) is None
    assert location_warning(PurePosixPath("/tmp/p.revmentor"), MOUNTS) is None
    assert location_warning("C:\\Users\\me\\Documents\\p.revmentor") is None


def test_the_deepest_mount_wins() -> None:
    mounts = parse_mounts(MOUNTS)
    assert mount_of(PurePosixPath("/home/me/remote/local/p.revmentor"), mounts) == (
        "/home/me/remote/local",
        "ext4",
    )
    assert location_warning(PurePosixPath("/home/me/remote/local/p.revmentor"), MOUNTS) is None


def test_a_folder_merely_named_like_a_service_inside_a_word_does_not_warn() -> None:
    assert location_warning(PurePosixPath("/home/me/dropboxes/p.revmentor"), MOUNTS) is None
