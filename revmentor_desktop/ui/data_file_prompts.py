"""The conversations about the data file: choosing one, explaining why it cannot be opened,
offering a backup, confirming a restore. The File menu's data-file commands land here."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from revmentor_desktop import paths
from revmentor_desktop.domain.dates import format_datetime
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.menu_paths import OPEN_FILE
from revmentor_desktop.services import data_sources
from revmentor_desktop.services.location import file_location
from revmentor_desktop.storage.errors import (
    DataFileError,
    DataFileInUse,
    DataFileMissing,
    DiskFull,
    ReadOnlyDataFile,
)
from revmentor_desktop.ui.data_file_session import DataFileSession
from revmentor_desktop.ui.widgets.feedback import confirm

FILE_FILTER = f"RevMentor data files (*{paths.DATA_FILE_SUFFIX})"
T = TypeVar("T")
RESTORE, OPEN_OTHER, CREATE_NEW, GIVE_UP = "restore", "open", "new", "give up"


def _folder(session: DataFileSession) -> str:
    current = session.path or paths.default_data_file()
    return str(current.parent)


def choose_file_to_open(parent: QWidget | None, session: DataFileSession) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, "Open data file", _folder(session), FILE_FILTER)
    return Path(chosen) if chosen else None


def proposed_new_file(session: DataFileSession, wanted: Path | None = None) -> Path:
    """The name a new file is offered under: ``wanted`` itself when no file has that name yet
    (the coordinator started with ``--data`` naming a file still to make), else a fresh name in
    the folder of ``wanted`` or of the open file."""
    if wanted is not None and not wanted.exists():
        return wanted.absolute()
    folder = wanted.absolute().parent if wanted is not None else Path(_folder(session))
    return folder / f"programme{paths.DATA_FILE_SUFFIX}"


def choose_new_file(
    parent: QWidget | None,
    session: DataFileSession,
    title: str = "New data file",
    wanted: Path | None = None,
) -> Path | None:
    suggested = str(proposed_new_file(session, wanted))
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, FILE_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    return (
        path
        if path.suffix == paths.DATA_FILE_SUFFIX
        else path.with_name(path.name + paths.DATA_FILE_SUFFIX)
    )


def ask_after_open_failure(
    parent: QWidget | None, error: DataFileError, give_up_label: str
) -> tuple[str, data_sources.BackupInfo | None]:
    """Say what is wrong with the file and ask what to do next."""
    box = QMessageBox(parent)
    missing = isinstance(error, DataFileMissing)
    if missing:  # no fault: most often a file named on the command line, still to be made
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("No data file yet")
        box.setText(f"There is no data file called {error.path.name} yet.")
        box.setInformativeText(
            f"RevMentor found nothing at {error.path}. Create it as a new, empty data file, "
            "or open another file."
        )
    else:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The data file cannot be opened")
        box.setText(f"RevMentor cannot open {error.path.name}.")
        box.setInformativeText(f"{error.path} {error.problem}\n\n{error.advice}".strip())
    # A backup is no way out of a file held elsewhere or a disk that refuses writes.
    restorable = not isinstance(error, DataFileInUse | ReadOnlyDataFile | DiskFull)
    newest = data_sources.newest_good_backup(file_location(error.path)) if restorable else None
    choices = {}
    if newest is not None:
        label = f"Restore the backup of {format_datetime(newest.taken_at)}"
        choices[box.addButton(label, QMessageBox.ButtonRole.AcceptRole)] = RESTORE
    choices[box.addButton("Open another file…", QMessageBox.ButtonRole.ActionRole)] = OPEN_OTHER
    create = box.addButton("Create a new file…", QMessageBox.ButtonRole.ActionRole)
    choices[create] = CREATE_NEW
    if missing:
        box.setDefaultButton(create)
    give_up = box.addButton(give_up_label, QMessageBox.ButtonRole.RejectRole)
    choices[give_up] = GIVE_UP
    box.setEscapeButton(give_up)
    box.exec()
    choice = choices.get(box.clickedButton(), GIVE_UP)
    box.deleteLater()
    return choice, newest


def open_with_recovery(
    parent: QWidget | None,
    session: DataFileSession,
    path: Path,
    *,
    create: bool = False,
    give_up_label: str = "Cancel",
    check_in_background: bool = False,
) -> bool:
    """Open ``path``; when that fails, explain and offer a backup, another file or a new one."""
    return _open_or_recover(parent, session, path, None, create, give_up_label, check_in_background)


def recover_from_damage(
    parent: QWidget | None, session: DataFileSession, error: DataFileError
) -> bool:
    """The open file turned out damaged (and was closed): offer the same ways out as opening."""
    return _open_or_recover(parent, session, error.path, error, False, "Quit", False)


def _open_or_recover(
    parent: QWidget | None,
    session: DataFileSession,
    path: Path,
    error: DataFileError | None,
    create: bool,
    give_up_label: str,
    check_in_background: bool,
) -> bool:
    while True:
        if error is None:
            try:
                session.open(path, create=create, check_in_background=check_in_background)
                return True
            except DataFileError as failure:
                error = failure
        choice, newest = ask_after_open_failure(parent, error, give_up_label)
        error = None
        next_path: Path | None = path
        if choice == RESTORE and newest is not None:
            if _restore_closed(parent, session, newest.path, path):
                return True
        elif choice == OPEN_OTHER:
            next_path, create = choose_file_to_open(parent, session), False
        elif choice == CREATE_NEW:
            next_path, create = choose_new_file(parent, session, wanted=path), True
        else:
            return False
        path = next_path or path


def _attempt(parent: QWidget | None, failure_title: str, step: Callable[[], T]) -> T | None:
    """Run one step on the data file; when it fails, say why under ``failure_title``."""
    try:
        return step()
    except DataFileError as error:
        QMessageBox.warning(parent, failure_title, str(error))
        return None


def _restore_closed(
    parent: QWidget | None, session: DataFileSession, backup_path: Path, path: Path
) -> bool:
    def restore() -> bool:  # the safety copy it returns may be None: success is not
        replaced = session.restore(backup_path, path)
        kept = f" {replaced.describe()}." if replaced is not None else ""
        session.message.emit(f"Restored the backup {backup_path.name}.{kept}")
        return True

    return _attempt(parent, "Restore failed", restore) is not None


def new_data_file(parent: QWidget, session: DataFileSession) -> None:
    path = choose_new_file(parent, session)
    if path is None:
        return
    if path.exists():
        QMessageBox.information(
            parent,
            "The file already exists",
            f"{path.name} already exists. Use {OPEN_FILE.path} to open it, or choose another name.",
        )
        return
    open_with_recovery(parent, session, path, create=True)


def open_data_file(parent: QWidget, session: DataFileSession, path: Path | None = None) -> None:
    path = path or choose_file_to_open(parent, session)
    if path is not None:
        open_with_recovery(parent, session, path)


def save_copy(parent: QWidget, session: DataFileSession) -> None:
    destination = choose_new_file(parent, session, "Save a copy as")
    if destination is None:
        return
    if destination == session.path:
        QMessageBox.information(parent, "Choose another name", "This is the file already open.")
        return
    written = _attempt(parent, "The copy was not saved", lambda: session.save_copy(destination))
    if written is not None:
        session.message.emit(f"Saved a copy as {written}.")


def back_up_now(parent: QWidget, session: DataFileSession) -> None:
    written = _attempt(parent, "The backup failed", session.back_up_now)
    if written is not None:
        session.message.emit(f"Backed up to {written.name} in {written.parent}.")


def _describe(info: data_sources.BackupInfo) -> str:
    reasons = {
        "daily": "daily",
        "on-close": "on closing",
        "manual": "backed up by hand",
        "before-migration": "before an upgrade",
        "before-restore": "before a restore",
    }
    reason = reasons.get(info.reason, info.reason)
    return format_datetime(info.taken_at) + (f" ({reason})" if reason else "")


def choose_backup(parent: QWidget, session: DataFileSession) -> Path | None:
    assert session.path is not None
    found = data_sources.backups_of(file_location(session.path))
    other = "Another file…"
    labels = [_describe(info) for info in found] + [other]
    label, accepted = QInputDialog.getItem(
        parent, "Restore from backup", "Choose the backup to restore:", labels, 0, False
    )
    if not accepted:
        return None
    if label == other:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Choose a backup", str(paths.backup_folder_for(session.path)), FILE_FILTER
        )
        return Path(chosen) if chosen else None
    return found[labels.index(label)].path


def restore_from_backup(parent: QWidget, session: DataFileSession) -> None:
    chosen = choose_backup(parent, session)
    if chosen is None or session.path is None:
        return
    report = _attempt(
        parent, "This backup cannot be used", lambda: data_sources.describe_backup(chosen)
    )
    if report is None:
        return
    counts = report.counts
    confirmed = confirm(
        parent,
        "Restore this backup?",
        f"The backup holds {plural(counts['person'], 'person')}, "
        f"{plural(counts['cohort'], 'cohort')}, {plural(counts['pair'], 'pair')} and "
        f"{plural(counts['session'], 'session')}.\n\n"
        f"It replaces everything in {session.path.name}. The current file is backed up "
        "first, so you can go back to it.",
    )
    if confirmed:
        _restore_closed(parent, session, chosen, session.path)


def is_sample_data(path: Path | None) -> bool:
    return path is not None and path.absolute() == paths.sample_data_file().absolute()


def own_data_file(recent: list[Path]) -> tuple[Path, bool]:
    """The coordinator's own file and whether to create it: the last one opened that is not
    the sample and still exists, else the default file (made the first time)."""
    for path in recent:
        if not is_sample_data(path) and path.exists():
            return path, False
    default = paths.default_data_file()
    return default, not default.exists()


def open_own_data_file(parent: QWidget, session: DataFileSession) -> None:
    """Leave the sample data for the coordinator's own file."""
    path, create = own_data_file(session.settings.recent_files())
    if open_with_recovery(parent, session, path, create=create):
        session.message.emit(f"Opened your own file, {path.name}.")


def open_sample_data(parent: QWidget, session: DataFileSession, today: date) -> None:
    """Open the sample file, creating it with generated data the first time."""
    path = paths.sample_data_file()
    if not path.exists():
        from revmentor_desktop.domain.demo import generate_demo

        with contextlib.suppress(DataFileError):  # another window created it meanwhile
            data_sources.create(file_location(path), lambda: generate_demo(today=today))
    if open_with_recovery(parent, session, path):
        session.message.emit("This is sample data: try anything, your own file is untouched.")
