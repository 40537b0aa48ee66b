"""The audit trail as the coordinator sees it: a record's history, and the whole trail for
export. It names rows by id and columns by name only (see ``storage.audit``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from revmentor_desktop.domain.conflicts import field_label
from revmentor_desktop.storage.models import AuditEntry, BaseModel, Pair, Person
from revmentor_desktop.storage.personal_data import Privacy, privacy_of

EXPORT_HEADINGS = ("when (UTC)", "who", "action", "table", "row", "columns changed", "part of")


@dataclass(frozen=True)
class Change:
    changed_at: datetime
    changed_by: str
    action: str
    table: str
    row_key: str
    columns: tuple[str, ...]
    owner_table: str = ""  # the record the row is part of (a skill's person), if any
    owner_key: str = ""

    def export_row(self) -> tuple[str, ...]:
        when = self.changed_at.strftime("%Y-%m-%d %H:%M:%S")
        return (
            when,
            self.changed_by,
            self.action,
            self.table,
            self.row_key,
            " ".join(self.columns),
            f"{self.owner_table} {self.owner_key}" if self.owner_table else "",
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
        owner_table=entry.owner_table,
        owner_key=entry.owner_key,
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


ACTION_LABELS = {"insert": "Added", "update": "Changed", "delete": "Deleted"}
# The words the dialogs use for a column, where they differ from its name made readable.
FIELD_LABELS: dict[str, dict[str, str]] = {
    "person": {
        "email": "E-mail",
        "meeting_format": "Prefers to meet",
        "consent_wording": "Consent wording version",
        "coordinator_notes": "Private notes",
    },
    "pair": {
        "end_reason": "Reason for ending early",
        "end_date": "Planned end date",
        "coordinator_notes": "Private notes",
        "shared_summary": "Shareable summary",
    },
}
# Columns the app keeps for itself: a change to them is never one the coordinator made.
_BOOKKEEPING = {"updated_at", "created_at", "version"}
_MODELS: dict[str, type[BaseModel]] = {"person": Person, "pair": Pair}


# The parts of a record kept in tables of their own, as its History names them.
PART_LABELS = {"skill": "Skills", "participation": "Cohorts", "outcome_form": "Questionnaires"}
# The rows one step writes (a person and their skills) are recorded within this of each other.
_ONE_SAVE = timedelta(seconds=1)


@dataclass(frozen=True)
class HistoryLine:
    """One entry of a record's history as its dialog lists it: never a value, only which
    fields changed."""

    changed_at: datetime  # local time
    changed_by: str
    action: str  # "Added", "Changed" or "Deleted"
    fields: tuple[str, ...]


def record_history(table: str, row_id: int) -> list[HistoryLine]:
    """The history of one person (``"person"``) or pair (``"pair"``), newest first, its
    fields named as the dialog names them. A person's parts kept in tables of their own (their
    skills, enrolments, forms) show as changes of the person: "Changed: Skills"."""
    key = str(row_id)
    query = (
        AuditEntry.select()
        .where(
            ((AuditEntry.table_name == table) & (AuditEntry.row_key == key))
            | ((AuditEntry.owner_table == table) & (AuditEntry.owner_key == key))
        )
        .order_by(AuditEntry.id)
    )
    lines: list[HistoryLine] = []
    previous: Change | None = None
    for change in (_change(entry) for entry in query):
        line = _history_line(table, change)
        joins = previous is not None and _part_of_the_same_step(table, previous, change)
        # A save that changed only what the app keeps for itself (the time of the last save)
        # names no field: nothing the coordinator would recognise happened.
        if not joins and (line.fields or line.action != ACTION_LABELS["update"]):
            lines.append(line)
        previous = change
    return lines[::-1]


def _history_line(table: str, change: Change) -> HistoryLine:
    """The change as a line of ``table``'s record: a change to one of its parts (a skill
    added or removed) is a change of the record, in the field that part stands for."""
    if change.table == table:
        action = ACTION_LABELS.get(change.action, change.action)
        fields = field_labels(table, change.columns)
    else:
        action, fields = ACTION_LABELS["update"], (part_label(change.table),)
    local_time = change.changed_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return HistoryLine(local_time, change.changed_by, action, fields)


def part_label(table: str) -> str:
    return PART_LABELS.get(table) or field_label(table)


def _part_of_the_same_step(table: str, previous: Change, change: Change) -> bool:
    """Whether ``change``, to a part of the record, goes on the line of ``previous``: the
    record's own adding or deleting (a person added with their skills), or more of the same
    part (a save rewrites a person's skills a row at a time). A part's change never joins the
    record's own "Changed" line: the trail cannot tell one save from the next within a
    moment, and a line must not claim two saves' fields were one's."""
    if change.table == table or previous.changed_by != change.changed_by:
        return False
    if abs(change.changed_at - previous.changed_at) > _ONE_SAVE:
        return False
    if previous.table == table:
        return previous.action in {"insert", "delete"}
    return previous.table == change.table


def field_labels(table: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """Readable names of the columns a person would recognise as fields they edited: the
    columns the app derives or keeps for itself are left out."""
    labels = FIELD_LABELS.get(table, {})
    shown = [column for column in columns if _is_a_field(table, column)]
    return tuple(labels.get(column) or field_label(column) for column in shown)


def _is_a_field(table: str, column: str) -> bool:
    if column in _BOOKKEEPING:
        return False
    model = _MODELS.get(table)
    if model is None:
        return True
    field = next((f for f in model._meta.sorted_fields if f.column_name == column), None)
    return field is None or privacy_of(field) is not Privacy.DERIVED
