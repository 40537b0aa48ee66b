"""Answers exported by form tools (tests/data), and a programme whose people have the e-mail
addresses those files hold."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import replace
from pathlib import Path

from revmentor_desktop.domain import people
from tests.reports.programme import Programme, build_programme, clock

DATA = Path(__file__).parents[1] / "data"
MS_FORMS_STARTING = DATA / "ms_forms_starting.csv"  # Microsoft Forms, the starting point
GOOGLE_FORMS_CHECKIN = DATA / "google_forms_checkin.csv"  # Google Forms, the check-in

EMAILS = {
    "Agnès Dubois": "agnes.dubois@nordwind.example",
    "Jörg Müller": "jorg.muller@nordwind.example",
    "Siobhán Ó Súilleabháin": "siobhan.osuilleabhain@nordwind.example",
    "Mehmet Yılmaz": "mehmet.yilmaz@nordwind.example",
    "Lonely Person": "lonely.person@nordwind.example",
}


def email_of(name: str) -> str:
    """The address of a person of ``build_programme``: "Person 03" is person.03@…"""
    return EMAILS.get(name) or f"{name.lower().replace(' ', '.')}@nordwind.example"


def programme_with_emails() -> Programme:
    """``build_programme``, each person given their work e-mail address."""
    programme = build_programme()
    for name, person_id in programme.names.items():
        draft = people.get_person(person_id).draft
        people.update_person(person_id, replace(draft, email=email_of(name)), clock)
    return programme


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def with_rows(source: Path, destination: Path, *rows: list[str]) -> Path:
    """``source`` with ``rows`` added after its own (a file to break in one place)."""
    return write_csv(destination, [*read_csv(source), *rows])


def as_xlsx(source: Path, destination: Path) -> Path:
    """``source`` saved as an Excel workbook, as Microsoft Forms' "Open in Excel" gives it
    (numbers as numbers)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Form1"
    for row in read_csv(source):
        sheet.append([int(cell) if cell.isdigit() else (cell or None) for cell in row])
    workbook.save(destination)
    return destination


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
