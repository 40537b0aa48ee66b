"""The participants section of the cohort dialog: enrol, change role or capacity, withdraw.

These changes are saved as soon as they are made (each one can be undone), unlike the cohort's
own fields, which wait for Save.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import cohorts, edits
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.vocabulary import Role, plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.enrol_dialog import EnrolPeopleDialog
from revmentor_desktop.ui.widgets.feedback import ProblemLabel
from revmentor_desktop.ui.widgets.participants_table import ParticipantsTable
from revmentor_desktop.ui.widgets.role_choice import capacity_spin, link_capacity, role_combo

IMMEDIATE_NOTE = "Changes to participants are saved straight away; Undo reverses them."


class ParticipantsPanel(QGroupBox):
    def __init__(self, context: AppContext, cohort_id: int, parent: QWidget | None = None) -> None:
        super().__init__("Participants", parent)
        self.context = context
        self.cohort_id = cohort_id
        cohort = cohorts.get_cohort(cohort_id)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.table = ParticipantsTable()
        self.role = role_combo(cohort.mentor_label, cohort.mentee_label)
        self.role.setAccessibleName("Role of the selected participant")
        self.capacity = capacity_spin()
        self.capacity.setAccessibleName("Capacity of the selected participant")
        link_capacity(self.role, self.capacity)
        self.change_button = QPushButton("C&hange role")
        self.withdraw_button = QPushButton("&Withdraw")
        self.add_button = QPushButton("&Add people…")
        self.message = ProblemLabel()
        self.message.setAccessibleName("Participants problem")
        note = QLabel(IMMEDIATE_NOTE)
        note.setWordWrap(True)
        self._lay_out(note)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.change_button.clicked.connect(self.change_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.add_button.clicked.connect(self.open_enrol_dialog)
        self.enrol_dialog: EnrolPeopleDialog | None = None
        self.refresh()

    def _lay_out(self, note: QLabel) -> None:
        controls = QHBoxLayout()
        role_label = QLabel("&Role:")
        role_label.setBuddy(self.role)
        controls.addWidget(role_label)
        controls.addWidget(self.role)
        controls.addWidget(self.capacity)
        controls.addWidget(self.change_button)
        controls.addWidget(self.withdraw_button)
        controls.addStretch(1)
        controls.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addWidget(note)

    def refresh(self) -> None:
        cohort = cohorts.get_cohort(self.cohort_id)
        rows = cohorts.list_participants(self.cohort_id)
        self.table.set_rows(rows, cohort.mentor_label, cohort.mentee_label)
        self.counts.setText(_counts_text(self.cohort_id, cohort.mentor_label, cohort.mentee_label))
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = self.table.selected()
        for widget in (self.role, self.capacity, self.change_button, self.withdraw_button):
            widget.setEnabled(row is not None)
        if row is not None:
            self.role.setCurrentIndex(self.role.findData(row.role))
            self.capacity.setValue(row.capacity)
            self.capacity.setEnabled(Role(row.role).can_mentor)

    def change_selected(self) -> None:
        row = self.table.selected()
        if row is not None:
            role, capacity = self.role.currentData(), self.capacity.value()
            self._run(lambda: edits.enrol(self.cohort_id, [row.person_id], role, capacity))

    def withdraw_selected(self) -> None:
        row = self.table.selected()
        if row is not None:
            self._run(lambda: edits.withdraw(self.cohort_id, row.person_id))

    def open_enrol_dialog(self) -> None:
        self.enrol_dialog = EnrolPeopleDialog(self.context, self.cohort_id, self)
        self.enrol_dialog.accepted.connect(self.refresh)
        self.enrol_dialog.open()

    def _run(self, make_edit: Callable[[], Edit]) -> None:
        self.message.set_problem("")
        try:
            edit = make_edit()
        except DomainError as error:
            self.message.set_problem(str(error))
            return
        self.context.edits.push(edit)
        self.refresh()


def _counts_text(cohort_id: int, mentor_label: str, mentee_label: str) -> str:
    row = next((item for item in cohorts.list_cohorts() if item.id == cohort_id), None)
    if row is None:
        return ""
    if mentor_label == mentee_label:
        people = f"{row.mentors} can mentor, {row.mentees} can be mentored"
    else:
        people = f"{mentor_label}: {row.mentors} · {mentee_label}: {row.mentees}"
    return f"{people} · {plural(row.pairs, 'pair')} · {row.unmatched} without a pair"
