"""The file work around privacy requests: writing a person's access export, and the backups
an erasure leaves holding their data (listed, or deleted on request).

The domain erases in the open database and builds the export; which files hold copies, and
where the answer to an access request is written, is decided here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from peewee import PeeweeException

from revmentor_desktop.domain import privacy
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.irreversible import IrreversibleChange
from revmentor_desktop.domain.vocabulary import agree, plural
from revmentor_desktop.storage import backup
from revmentor_desktop.storage.disk import describe_size
from revmentor_desktop.storage.files import write_atomically


def write_access_export(person_id: int, destination: Path) -> tuple[Path, Path]:
    """Write ``destination`` as .json and a readable .csv beside it; returns both paths."""
    data = privacy.access_export(person_id)
    json_path = Path(destination).with_suffix(".json")
    csv_path = Path(destination).with_suffix(".csv")
    encoded = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomically(json_path, encoded.encode("utf-8"))
    try:
        write_atomically(csv_path, privacy.access_export_csv(data))
    except BaseException:
        json_path.unlink(missing_ok=True)  # both or neither: half an answer is not sent
        raise
    return json_path, csv_path


SERVER_COPIES = (
    "The server's own backups (and its log, if its administrator logs statements) may still "
    "hold their data until those expire: they are the administrator's to keep, and RevMentor "
    "cannot reach them."
)


@dataclass(frozen=True)
class BackupExposure:
    """The files in the backup folder that still hold an erased person's data."""

    backups: tuple[Path, ...]
    kept_until: date | None  # when thinning removes the last of them (None: no backups)
    some_kept_indefinitely: bool  # before an upgrade, set aside, saved by hand: never thinned
    on_server: bool = False  # no backup folder: the server's backups are its administrator's

    def describe(self) -> str:
        if self.on_server:
            return SERVER_COPIES
        if not self.backups:
            return "No backup holds the erased data."
        count = len(self.backups)
        text = f"{plural(count, 'older backup')} still {agree('hold', count)} this person's data."
        if self.kept_until is not None:
            text += (
                f" Backups are kept for up to a year, so the last of them is removed by "
                f"{format_date(self.kept_until)}."
            )
        if self.some_kept_indefinitely:
            text += (
                " Backups taken before an upgrade, files set aside by a restore and copies "
                "saved there by hand are kept until you delete them."
            )
        return text + " You can delete these backups now."


ON_SERVER = BackupExposure((), None, False, on_server=True)


def _may_hold_person(copy: Path, person_id: int, erased_at: datetime) -> bool:
    """Whether a copy holds the person; one that cannot be read (damaged, or from a newer
    version) may, and counts as holding them."""
    try:
        with backup.reading_copy(copy) as database:
            return privacy.holds_erased_person(database, person_id, erased_at)
    except PeeweeException:
        return True


def _copies_holding(data_file: Path, person_id: int, erased_at: datetime) -> list[Path]:
    copies = backup.data_files_in_backup_folder(Path(data_file))
    return [copy for copy in copies if _may_hold_person(copy, person_id, erased_at)]


def backups_holding_erased_data(
    data_file: Path | None, person_id: int, erased_at: datetime
) -> BackupExposure:
    """Every data file in the backup folder that still holds the person, whatever its name
    (``data_file`` None: the programme is on a server, which has no backup folder)."""
    if data_file is None:
        return ON_SERVER
    holding = _copies_holding(data_file, person_id, erased_at)
    if not holding:
        return BackupExposure((), None, False)
    automatic = {info.path: info for info in backup.list_backups(Path(data_file))}
    thinned = [
        automatic[path]
        for path in holding
        if path in automatic and automatic[path].reason not in backup.KEPT_UNTIL_DELETED
    ]
    kept_until = (
        (max(info.taken_at for info in thinned) + backup.KEEP_MONTHLY_FOR).date()
        if thinned
        else None
    )
    return BackupExposure(tuple(holding), kept_until, len(thinned) < len(holding))


def purge_backups(data_file: Path, person_id: int, erased_at: datetime) -> list[Path]:
    """Delete every file in the backup folder that still holds the person, and whatever
    killed writers left half-made (those may hold them too); returns the deleted backups."""
    backup.clear_leftovers(Path(data_file))
    holding = _copies_holding(data_file, person_id, erased_at)
    for copy in holding:
        backup.delete_backup(copy)
    return holding


@dataclass(frozen=True)
class ErasureReport:
    result: privacy.ErasureResult
    exposure: BackupExposure
    purged: tuple[Path, ...]

    def describe_purge(self) -> str:
        return f"Deleted {plural(len(self.purged), 'backup')} that still held their data."

    def space_warning(self, data_file: Path | None) -> str:
        """What to say when the erasure was saved but the full disk left no room to compact
        the file; "" when it was compacted (and always on a server: ``data_file`` None)."""
        if self.result.space_reclaimed or data_file is None:
            return ""
        return (
            f"{data_file}: the erasure is complete and saved. Only reclaiming the space the "
            "erased details took failed, because the disk holding the file is full; free at "
            f"least {describe_size(data_file.stat().st_size)} there so later changes can be "
            "saved."
        )

    @property
    def irreversible_change(self) -> IrreversibleChange:
        """Undo snapshots hold the erased data and must not bring it back."""
        return IrreversibleChange(f"Erase person ({self.result.placeholder})")


def erase_with_backups(
    person_id: int, data_file: Path | None, purge: bool = False, clock: Clock = system_clock
) -> ErasureReport:
    """What the window and the command do: a safety backup, the erasure, then either the
    list of older backups that still hold the data or (``purge``) their deletion.

    On a server (``data_file`` None) the person is erased at once, with no backup of
    RevMentor's own before or after: the server's backups are its administrator's, so there
    is nothing here to ``purge``."""
    if data_file is None:
        if purge:
            raise ValueError("a server has no backup folder of RevMentor's to purge")
        result = privacy.erase_person(person_id, clock=clock)
        return ErasureReport(result, ON_SERVER, ())
    backup.automatic_backup(Path(data_file), reason="before-erasure")
    result = privacy.erase_person(person_id, clock=clock)
    purged: tuple[Path, ...] = ()
    if purge:
        purged = tuple(purge_backups(data_file, person_id, result.erased_at))
    exposure = backups_holding_erased_data(data_file, person_id, result.erased_at)
    return ErasureReport(result, exposure, purged)
