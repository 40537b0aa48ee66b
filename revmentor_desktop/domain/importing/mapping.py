"""Which column holds what: recognising the headers HR systems and forms use, and remembering
the coordinator's corrections for the next file with the same headers."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.importing.reading import Row, Table
from revmentor_desktop.domain.text import fold


class Field(StrEnum):
    """What a column can be imported as."""

    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    FULL_NAME = "name"
    EMAIL = "email"
    DEPARTMENT = "department"
    JOB_TITLE = "job_title"
    MANAGER_EMAIL = "manager_email"
    HIRE_DATE = "hire_date"
    GRADE = "grade"
    LOCATION = "location"
    ROLE = "role"
    TEACHES = "teaches"
    LEARNS = "learns"
    MEETING_FORMAT = "meeting_format"
    CAPACITY = "capacity"
    CONSENT = "consent"
    CONSENT_DATE = "consent_date"
    CONSENT_WORDING = "consent_wording"
    TIMESTAMP = "timestamp"
    NOTES = "coordinator_notes"

    @property
    def label(self) -> str:
        return FIELD_LABELS[self]


FIELD_LABELS: dict[Field, str] = {
    Field.FIRST_NAME: "First name",
    Field.LAST_NAME: "Last name",
    Field.FULL_NAME: "Full name",
    Field.EMAIL: "E-mail",
    Field.DEPARTMENT: "Department",
    Field.JOB_TITLE: "Job title",
    Field.MANAGER_EMAIL: "Manager's e-mail",
    Field.HIRE_DATE: "Hire date",
    Field.GRADE: "Grade",
    Field.LOCATION: "Location",
    Field.ROLE: "Role wanted",
    Field.TEACHES: "Skills to share",
    Field.LEARNS: "Skills to learn",
    Field.MEETING_FORMAT: "Meeting format",
    Field.CAPACITY: "Capacity",
    Field.CONSENT: "Consent",
    Field.CONSENT_DATE: "Consent date",
    Field.CONSENT_WORDING: "Consent wording",
    Field.TIMESTAMP: "Form timestamp",
    Field.NOTES: "Coordinator notes",
}

# Headers as they are written, folded to lower-case letters and digits only.
_EXACT: dict[str, Field] = {}
for _field, _names in {
    Field.FIRST_NAME: "first name, firstname, given name, forename, first, prenom, vorname",
    Field.LAST_NAME: "last name, lastname, surname, family name, last, nom, nachname",
    Field.FULL_NAME: "name, full name, fullname, employee name, display name, person, "
    "staff name, employee",
    Field.EMAIL: "email, e mail, email address, e mail address, work email, work e mail, "
    "business email, mail, username, user name",
    Field.DEPARTMENT: "department, dept, business unit, bu, division, team, function, "
    "organisation unit, organization unit, org unit, abteilung, service, departement",
    Field.JOB_TITLE: "job title, title, position, role title, job, job role, position title, "
    "funktion, stellenbezeichnung, poste, intitule du poste",
    Field.MANAGER_EMAIL: "manager email, manager e mail, line manager email, "
    "manager email address, reports to, reports to email, supervisor email",
    Field.HIRE_DATE: "hire date, start date, date hired, date of hire, joined, join date, "
    "date joined, employment start date, joining date, hired",
    Field.GRADE: "grade, level, band, job grade, job level, pay grade, seniority",
    Field.LOCATION: "location, office, site, city, work location, base, standort, ort, lieu",
    Field.ROLE: "role, role wanted, participation, take part as, programme role, "
    "program role, mentor or mentee",
    Field.TEACHES: "teaches, skills to share, skills i can share, can teach, offers, "
    "skills offered, expertise",
    Field.LEARNS: "learns, skills to learn, skills i would like to learn, wants to learn, "
    "learning goals, interests",
    Field.MEETING_FORMAT: "meeting format, format, preferred format, preferred meeting format",
    Field.CAPACITY: "capacity, mentee capacity, max mentees, how many mentees",
    Field.CONSENT: "consent, consented, gdpr consent, i consent",
    Field.CONSENT_DATE: "consent date, consent given, date of consent",
    Field.CONSENT_WORDING: "consent wording, consent version, consent wording version",
    Field.TIMESTAMP: "timestamp, submitted, submitted at, submission date, completion time, "
    "response date, date submitted, start time",
    Field.NOTES: "coordinator notes, notes, comments",
}.items():
    for _name in _names.split(","):
        _EXACT[re.sub(r"[^a-z0-9]", "", fold(_name))] = _field

# Longer form questions, recognised by the words they contain (first match wins).
_KEYWORDS: tuple[tuple[tuple[str, ...], Field], ...] = (
    (("manager", "mail"), Field.MANAGER_EMAIL),
    (("supervisor", "mail"), Field.MANAGER_EMAIL),
    (("consent", "date"), Field.CONSENT_DATE),
    (("consent",), Field.CONSENT),
    (("agree",), Field.CONSENT),
    (("mail",), Field.EMAIL),
    (("how many",), Field.CAPACITY),
    (("capacity",), Field.CAPACITY),
    (("skill", "share"), Field.TEACHES),
    (("skill", "teach"), Field.TEACHES),
    (("skill", "offer"), Field.TEACHES),
    (("can teach",), Field.TEACHES),
    (("learn",), Field.LEARNS),
    (("take part",), Field.ROLE),
    (("participate",), Field.ROLE),
    (("role",), Field.ROLE),
    (("format",), Field.MEETING_FORMAT),
    (("meet",), Field.MEETING_FORMAT),
    (("timestamp",), Field.TIMESTAMP),
    (("hire",), Field.HIRE_DATE),
    (("start date",), Field.HIRE_DATE),
    (("department",), Field.DEPARTMENT),
    (("business unit",), Field.DEPARTMENT),
    (("job title",), Field.JOB_TITLE),
    (("position",), Field.JOB_TITLE),
    (("first", "name"), Field.FIRST_NAME),
    (("last", "name"), Field.LAST_NAME),
    (("surname",), Field.LAST_NAME),
    (("full", "name"), Field.FULL_NAME),
    (("grade",), Field.GRADE),
    (("location",), Field.LOCATION),
)


def _compact(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(header))


def recognise(header: str) -> Field | None:
    """The field a header most likely names, or None when it is not recognised."""
    compact = _compact(header)
    if not compact:
        return None
    if compact in _EXACT:
        return _EXACT[compact]
    words = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(header)).split())
    for keywords, field_ in _KEYWORDS:
        if all(keyword in words for keyword in keywords):
            return field_
    return None


@dataclass(frozen=True)
class ColumnMapping:
    """For each column of the file (by position), the field it is imported as, or None."""

    fields: tuple[Field | None, ...]

    def column_of(self, field_: Field) -> int | None:
        try:
            return self.fields.index(field_)
        except ValueError:
            return None

    def has(self, field_: Field) -> bool:
        return field_ in self.fields

    def with_column(self, column: int, field_: Field | None) -> ColumnMapping:
        """A copy where ``column`` is ``field_``; another column that had ``field_`` is cleared."""
        updated = [None if (f == field_ and field_ is not None) else f for f in self.fields]
        updated[column] = field_
        return ColumnMapping(tuple(updated))

    def problems(self, headers: Sequence[str]) -> list[str]:
        """Mapping mistakes that stop the import (checked before looking at any row)."""
        found: list[str] = []
        seen: dict[Field, int] = {}
        for column, field_ in enumerate(self.fields):
            if field_ is None:
                continue
            if field_ in seen:
                found.append(
                    f"The columns “{headers[seen[field_]]}” and “{headers[column]}” are both "
                    f"mapped to {field_.label}; choose one."
                )
            seen.setdefault(field_, column)
        if Field.EMAIL not in seen:
            found.append(
                "No column is mapped to E-mail. People are matched by e-mail address, so the "
                "file needs one."
            )
        return found


# How far down the file the mapping page looks for its example row.
SAMPLE_ROWS_LOOKED_AT = 50


def sample_row(table: Table) -> Row | None:
    """The row whose values the mapping page shows beside each column: the fullest of the
    first rows (the first of them when several are as full), so every column shows a value
    of the same person. The first value of each column, taken apart, put one person's
    e-mail beside another's name."""
    rows = table.rows[:SAMPLE_ROWS_LOOKED_AT]
    if not rows:
        return None
    return max(rows, key=lambda row: sum(1 for cell in row.cells if cell.strip()))


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    """Recognise each header; a field claimed by an earlier column is not given twice."""
    fields: list[Field | None] = []
    for header in headers:
        field_ = recognise(header)
        fields.append(None if field_ in fields else field_)
    return ColumnMapping(tuple(fields))


def header_signature(headers: Sequence[str]) -> str:
    """A short key for "a file with these headers", ignoring case, accents and spacing."""
    joined = "\x1f".join(_compact(header) or header.strip() for header in headers)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def remembered_mapping(headers: Sequence[str]) -> ColumnMapping | None:
    """The mapping the coordinator used last time for a file with these headers, if any."""
    stored = settings.get(settings.IMPORT_MAPPING.for_(header_signature(headers)))
    if not stored or len(stored) != len(headers):
        return None
    valid = {item.value for item in Field}
    return ColumnMapping(tuple(Field(item) if item in valid else None for item in stored))


def initial_mapping(headers: Sequence[str]) -> ColumnMapping:
    """What the wizard shows first: the remembered mapping, else the recognised one."""
    return remembered_mapping(headers) or guess_mapping(headers)


def remember_mapping(headers: Sequence[str], mapping: ColumnMapping) -> None:
    value = [field_.value if field_ else None for field_ in mapping.fields]
    setting = settings.IMPORT_MAPPING.for_(header_signature(headers))
    if settings.get(setting) != value:
        settings.put(setting, value)
