"""The audit trail as the coordinator sees it: a record's history, and the whole trail for
export. It names rows by id and columns by name only (see ``storage.audit``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from revmentor_desktop.storage.models import AuditEntry

EXPORT_HEADINGS = ("when (UTC)", "who", "action", "table", "row", "columns changed")


@dataclass(frozen=True)
class Change:
    changed_at: datetime
    changed_by: str
    action: str
    table: str
    row_key: str
    columns: tuple[str, ...]

    def export_row(self) -> tuple[str, ...]:
        when = self.changed_at.strftime("%Y-%m-%d %H:%M:%S")
        return (
            when,
            self.changed_by,
            self.action,
            self.table,
            self.row_key,
            " ".join(self.columns),
        )


def _change(entry: AuditEntry) -> Change:
    changed_at = entry.changed_at
    if isinstance(changed_at, str):  # SQLite's own timestamp, with milliseconds
        changed_at = datetime.fromisoformat(changed_at)
    return Change(
        changed_at=changed_at,
        changed_by=entry.changed_by,
        action=entry.action,
        table=entry.table_name,
        row_key=entry.row_key,
        columns=tuple(name for name in entry.columns.split(",") if name),
    )


def history(table: str, row_id: int | str) -> list[Change]:
    """What was done to one record, oldest first."""
    query = (
        AuditEntry.select()
        .where((AuditEntry.table_name == table) & (AuditEntry.row_key == str(row_id)))
        .order_by(AuditEntry.id)
    )
    return [_change(entry) for entry in query]


def all_changes() -> list[Change]:
    """The whole trail, oldest first."""
    return [_change(entry) for entry in AuditEntry.select().order_by(AuditEntry.id)]
