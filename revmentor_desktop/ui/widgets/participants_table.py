"""The people enrolled in a cohort, with their role in the cohort's own words."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from revmentor_desktop.domain.cohorts import ParticipantRow, role_label
from revmentor_desktop.domain.vocabulary import Role

HEADERS = ("Name", "Department", "Role", "Capacity", "Open pairs", "Consent")


class ParticipantsTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, len(HEADERS))
        self.setHorizontalHeaderLabels(HEADERS)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setAccessibleName("Participants")
        self._rows: list[ParticipantRow] = []

    def set_rows(
        self, rows: Sequence[ParticipantRow], mentor_label: str, mentee_label: str
    ) -> None:
        chosen = self.selected()
        self._rows = list(rows)
        self.setRowCount(len(rows))
        for line, row in enumerate(rows):
            mentors = Role(row.role).can_mentor
            cells = (
                row.name,
                row.department,
                role_label(row.role, mentor_label, mentee_label),
                str(row.capacity) if mentors else "",
                str(row.open_pairs) if mentors else "",
                "Yes" if row.has_consent else "Not yet",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(line, column, item)
        if chosen is not None:
            self.select_person(chosen.person_id)

    def selected(self) -> ParticipantRow | None:
        rows = self.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def select_person(self, person_id: int) -> None:
        for line, row in enumerate(self._rows):
            if row.person_id == person_id:
                self.selectRow(line)
