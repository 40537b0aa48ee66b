"""Taking data out: CSV files Excel opens correctly, and the whole data set as JSON.

Private fields (the columns storage/models.py declares confidential or private notes: coordinator
notes, consent details, hire date, grade, location, session takeaways, pair notes and end
reasons) are left out unless ``include_private`` is set. The JSON structure is documented in
``docs/export-format.md``. These functions only read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.storage.models import (
    Cohort,
    Goal,
    Meeting,
    Pair,
    Participation,
    Person,
    Skill,
)
from revmentor_desktop.storage.personal_data import private_column_names

EXPORT_FORMAT = "revmentor-export"
EXPORT_VERSION = 1
_DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Declared in storage/models.py: the confidential columns and private notes of each table.
PRIVATE_PERSON_FIELDS = private_column_names(Person)
PRIVATE_PAIR_FIELDS = private_column_names(Pair)
PRIVATE_SESSION_FIELDS = private_column_names(Meeting)


def neutralise(value: Any) -> Any:
    """A cell Excel will not run as a formula: text starting with = + - @ tab or CR gets a '."""
    if isinstance(value, str) and value.startswith(_DANGEROUS_STARTS):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return neutralise(value)


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """CSV as Excel expects it: UTF-8 with a BOM, CRLF line ends, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _with_private(
    record: dict[str, Any], row: Any, private_fields: Sequence[str], include_private: bool
) -> dict[str, Any]:
    """``record`` with the row's private columns added, when they were asked for."""
    if include_private:
        record.update((name, getattr(row, name)) for name in private_fields)
    return record


def _skills_by_person() -> dict[int, dict[str, list[str]]]:
    found: dict[int, dict[str, list[str]]] = {}
    query = Skill.select(Skill.person, Skill.direction, Skill.name).order_by(Skill.id)
    for person_id, direction, name in query.tuples():
        found.setdefault(person_id, {"teach": [], "learn": []})[direction].append(name)
    return found


def people_records(include_private: bool = False) -> list[dict[str, Any]]:
    """Every person as a flat dict, ordered by id (stable for matching rows up later)."""
    skills = _skills_by_person()
    email_of = dict(Person.select(Person.id, Person.email).tuples())
    records = []
    for person in Person.select().order_by(Person.id):
        record: dict[str, Any] = {
            "id": person.id,
            "name": person.name,
            "email": person.email or "",
            "department": person.department,
            "job_title": person.job_title,
            "manager_id": person.manager_id,
            "manager_email": email_of.get(person.manager_id) or "" if person.manager_id else "",
            "meeting_format": person.meeting_format,
            "teaches": skills.get(person.id, {}).get("teach", []),
            "learns": skills.get(person.id, {}).get("learn", []),
            "has_consent": person.consent_date is not None,
            "archived": bool(person.archived),
        }
        records.append(_with_private(record, person, PRIVATE_PERSON_FIELDS, include_private))
    return records


def cohort_records() -> list[dict[str, Any]]:
    participants: dict[int, list[dict[str, Any]]] = {}
    email_of = dict(Person.select(Person.id, Person.email).tuples())
    query = Participation.select(
        Participation.cohort, Participation.person, Participation.role, Participation.capacity
    ).order_by(Participation.id)
    for cohort_id, person_id, role, capacity in query.tuples():
        participants.setdefault(cohort_id, []).append(
            {
                "person_id": person_id,
                "email": email_of.get(person_id) or "",
                "role": role,
                "capacity": capacity,
            }
        )
    records = []
    for cohort in Cohort.select().order_by(Cohort.id):
        records.append(
            {
                "id": cohort.id,
                "name": cohort.name,
                "kind": cohort.kind,
                "start_date": cohort.start_date,
                "end_date": cohort.end_date,
                "cadence_days": cohort.cadence_days,
                "session_minutes": cohort.session_minutes,
                "mentor_label": cohort.mentor_label,
                "mentee_label": cohort.mentee_label,
                "archived": bool(cohort.archived),
                "participants": participants.get(cohort.id, []),
            }
        )
    return records


def pair_records(include_private: bool = False) -> list[dict[str, Any]]:
    people = {
        row[0]: row[1:] for row in Person.select(Person.id, Person.name, Person.email).tuples()
    }
    cohort_names = dict(Cohort.select(Cohort.id, Cohort.name).tuples())
    goals: dict[int, list[dict[str, Any]]] = {}
    for goal in Goal.select().order_by(Goal.pair, Goal.position, Goal.id):
        goals.setdefault(goal.pair_id, []).append(
            {"owner": goal.owner, "description": goal.description, "progress": goal.progress}
        )
    records = []
    for pair in Pair.select().order_by(Pair.id):
        mentor_name, mentor_email = people.get(pair.mentor_id, ("", ""))
        mentee_name, mentee_email = people.get(pair.mentee_id, ("", ""))
        record: dict[str, Any] = {
            "id": pair.id,
            "cohort_id": pair.cohort_id,
            "cohort": cohort_names.get(pair.cohort_id, ""),
            "mentor_id": pair.mentor_id,
            "mentor_name": mentor_name,
            "mentor_email": mentor_email or "",
            "mentee_id": pair.mentee_id,
            "mentee_name": mentee_name,
            "mentee_email": mentee_email or "",
            "direction": pair.direction,
            "status": pair.status,
            "start_date": pair.start_date,
            "end_date": pair.end_date,
            "focus_areas": list(pair.focus_areas),
            "agreement_signed": pair.agreement_signed,
            "shared_summary": pair.shared_summary,
            "goals": goals.get(pair.id, []),
        }
        records.append(_with_private(record, pair, PRIVATE_PAIR_FIELDS, include_private))
    return records


def session_records(include_private: bool = False) -> list[dict[str, Any]]:
    records = []
    for meeting in Meeting.select().order_by(Meeting.id):
        record: dict[str, Any] = {
            "id": meeting.id,
            "pair_id": meeting.pair_id,
            "starts_at": meeting.starts_at,
            "duration_minutes": meeting.duration_minutes,
            "meeting_format": meeting.meeting_format,
            "status": meeting.status,
            "cancelled_by": meeting.cancelled_by,
            "topics": list(meeting.topics),
            "sequence": meeting.sequence,
        }
        records.append(_with_private(record, meeting, PRIVATE_SESSION_FIELDS, include_private))
    return records


PEOPLE_CSV_COLUMNS = (
    "id",
    "name",
    "email",
    "department",
    "job_title",
    "manager_email",
    "meeting_format",
    "teaches",
    "learns",
    "has_consent",
    "archived",
)


PAIR_CSV_COLUMNS = (
    "id",
    "cohort_id",
    "cohort",
    "mentor_id",
    "mentor_name",
    "mentor_email",
    "mentee_id",
    "mentee_name",
    "mentee_email",
    "direction",
    "status",
    "start_date",
    "end_date",
    "focus_areas",
    "agreement_signed",
    "shared_summary",
)
SESSION_CSV_COLUMNS = (
    "id",
    "pair_id",
    "starts_at",
    "duration_minutes",
    "meeting_format",
    "status",
    "cancelled_by",
    "topics",
    "sequence",
)
COHORT_CSV_COLUMNS = (
    "id",
    "name",
    "kind",
    "start_date",
    "end_date",
    "cadence_days",
    "session_minutes",
    "mentor_label",
    "mentee_label",
    "archived",
    "participants",  # how many: the CSV has one line a cohort
)


def _records_csv(
    records: Iterable[dict[str, Any]],
    columns: Sequence[str],
    private_fields: Sequence[str] = (),
    include_private: bool = False,
) -> bytes:
    """One CSV line a record: ``columns``, then the private ones when they were asked for."""
    if include_private:
        columns = [*columns, *private_fields]
    return csv_bytes(columns, ([record[c] for c in columns] for record in records))


def people_csv(include_private: bool = False) -> bytes:
    records = people_records(include_private)
    return _records_csv(records, PEOPLE_CSV_COLUMNS, PRIVATE_PERSON_FIELDS, include_private)


def cohorts_csv(include_private: bool = False) -> bytes:
    del include_private  # cohorts hold nothing private
    records = [
        {**record, "participants": len(record["participants"])} for record in cohort_records()
    ]
    return _records_csv(records, COHORT_CSV_COLUMNS)


def pairs_csv(include_private: bool = False) -> bytes:
    records = pair_records(include_private)
    return _records_csv(records, PAIR_CSV_COLUMNS, PRIVATE_PAIR_FIELDS, include_private)


def sessions_csv(include_private: bool = False) -> bytes:
    records = session_records(include_private)
    return _records_csv(records, SESSION_CSV_COLUMNS, PRIVATE_SESSION_FIELDS, include_private)


CSV_EXPORTS = {
    "people": people_csv,
    "cohorts": cohorts_csv,
    "pairs": pairs_csv,
    "sessions": sessions_csv,
}


def everything(include_private: bool = False, clock: Clock = system_clock) -> dict[str, Any]:
    """The whole data set as plain JSON-ready data (see docs/export-format.md)."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": clock().isoformat(timespec="seconds"),
        "includes_private": include_private,
        "people": people_records(include_private),
        "cohorts": cohort_records(),
        "pairs": pair_records(include_private),
        "sessions": session_records(include_private),
    }


def json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, default=_json_value) + "\n").encode(
        "utf-8"
    )


def export_bytes(kind: str, include_private: bool = False) -> bytes:
    """``kind`` (people, cohorts, pairs, sessions or all) as the bytes of its file."""
    if kind == "all":
        return json_bytes(everything(include_private))
    if kind in CSV_EXPORTS:
        return CSV_EXPORTS[kind](include_private)
    raise ValueError(f"unknown export {kind!r}")
