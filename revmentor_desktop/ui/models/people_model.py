"""The people list: ids from ``people_ids``, rows from ``people_rows``."""

from __future__ import annotations

from PySide6.QtCore import QObject

from revmentor_desktop.domain import people
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.people import PeopleQuery, PersonRow
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.models.id_table_model import RIGHT, Column, IdTableModel


def _name(row: PersonRow) -> str:
    return f"{row.label} (archived)" if row.archived else row.label


def _paired(row: PersonRow) -> str:
    if not row.open_pairs:
        return "No"
    return "Yes" if row.open_pairs == 1 else f"Yes ({row.open_pairs})"


def _pairs_tooltip(row: PersonRow) -> str:
    if not row.open_pairs:
        return "In no pair that is proposed, active or paused."
    return f"In {plural(row.open_pairs, 'open pair')} (proposed, active or paused)."


# Shown at first: who the person is and where they stand in the programme; the rest are a
# right-click on the header away.
PEOPLE_COLUMNS: list[Column[PersonRow]] = [
    Column("Name", _name, "name", width=200),
    Column("Department", lambda row: row.department, "department", width=170),
    Column("Cohort", lambda row: row.cohorts, "cohort", tooltip=lambda row: row.cohorts, width=200),
    Column("Role", lambda row: row.roles, "role", tooltip=lambda row: row.roles, width=120),
    Column("Paired", _paired, "paired", tooltip=_pairs_tooltip, width=70),
    Column("E-mail", lambda row: row.email, "email", width=250),
    Column(
        "Consent",
        lambda row: "Yes" if row.has_consent else "No",
        "consent",
        tooltip=lambda row: "" if row.has_consent else "No consent recorded yet.",
        width=70,
    ),
    Column("Job title", lambda row: row.job_title, "job_title", width=210, visible=False),
    Column("Manager", lambda row: row.manager_name, width=150, visible=False),
    Column(
        "Grade",
        lambda row: "" if row.grade is None else str(row.grade),
        "grade",
        alignment=RIGHT,
        width=60,
        visible=False,
    ),
    Column("Hired", lambda row: format_date(row.hire_date), "hire_date", width=100, visible=False),
    Column("Location", lambda row: row.location, "location", width=120, visible=False),
]


class PeopleModel(IdTableModel[PeopleQuery, PersonRow]):
    def __init__(self, query: PeopleQuery | None = None, parent: QObject | None = None) -> None:
        super().__init__(
            PEOPLE_COLUMNS, query or PeopleQuery(), people.people_ids, people.people_rows, parent
        )
