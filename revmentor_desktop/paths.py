"""Every place on disk the app reads or writes, in one module.

Nothing is created at import time; tests redirect all of it by setting ``REVMENTOR_HOME``.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from revmentor_desktop import APP_NAME

DATA_FILE_SUFFIX = ".revmentor"
DEFAULT_DATA_FILE_NAME = "revmentor" + DATA_FILE_SUFFIX
HOME_OVERRIDE_VARIABLE = "REVMENTOR_HOME"
LOG_FILE_NAME = "revmentor.log"


def user_data_folder() -> Path:
    """Folder for the default data file and its backups (local, never roaming)."""
    override = os.environ.get(HOME_OVERRIDE_VARIABLE)
    if override:
        return Path(override) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def user_config_folder() -> Path:
    """Folder for settings such as window geometry and recent files."""
    override = os.environ.get(HOME_OVERRIDE_VARIABLE)
    if override:
        return Path(override) / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=False))


def user_log_folder() -> Path:
    """Folder for the log file: what went wrong and when, for whoever looks after RevMentor."""
    override = os.environ.get(HOME_OVERRIDE_VARIABLE)
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return user_log_folder() / LOG_FILE_NAME


def default_data_file() -> Path:
    return user_data_folder() / DEFAULT_DATA_FILE_NAME


def sample_data_file() -> Path:
    """The generated sample file offered to new users; never the user's own file."""
    return user_data_folder() / "sample" / ("sample" + DATA_FILE_SUFFIX)


def backup_folder_for(data_file: Path) -> Path:
    """Automatic backups sit beside the data file, in the folder the user chose for it."""
    return data_file.parent / f"{data_file.stem} backups"


def server_backup_folder() -> Path:
    """Copies of server databases taken on this computer before they were upgraded."""
    return user_data_folder() / "server backups"


def lock_file_for(data_file: Path) -> Path:
    return data_file.with_name(data_file.name + ".lock")
