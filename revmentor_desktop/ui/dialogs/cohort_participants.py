"""The participants section of the cohort dialog: add people, change a role or capacity, withdraw.

It edits the dialog's draft only: participants are saved with the cohort, in the same edit, when
the coordinator presses Save (a new cohort takes its participants before its first save). A
change the rules would refuse (withdrawing someone who is in a pair) is refused here at once.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.cohorts import Enrolment, ParticipantRow
from revmentor_desktop.domain.vocabulary import Role, plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.enrol_dialog import EnrolPeopleDialog
from revmentor_desktop.ui.widgets.feedback import ProblemLabel
from revmentor_desktop.ui.widgets.participants_table import ParticipantsTable
from revmentor_desktop.ui.widgets.role_choice import (
    capacity_spin,
    link_capacity,
    relabel_roles,
    role_combo,
)

SAVED_WITH_THE_COHORT = "Participants are saved with the cohort when you press Save."


class ParticipantsPanel(QGroupBox):
    changed = Signal()  # the draft of participants changed

    def __init__(
        self,
        context: AppContext,
        cohort_id: int | None,
        participants: list[Enrolment],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Participants", parent)
        self.context = context
        self.cohort_id = cohort_id
        self.cohort_name = ""
        self._labels = ("Mentor", "Mentee")
        self._draft = {enrolment.person_id: enrolment for enrolment in participants}
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.table = ParticipantsTable()
        self.role = role_combo(*self._labels)
        self.role.setAccessibleName("Role of the selected participant")
        self.capacity = capacity_spin()
        self.capacity.setAccessibleName("Capacity of the selected participant")
        link_capacity(self.role, self.capacity)
        self.change_button = QPushButton("C&hange role")
        self.withdraw_button = QPushButton("&Withdraw")
        self.add_button = QPushButton("&Add people…")
        self.message = ProblemLabel()
        self.message.setAccessibleName("Participants problem")
        self.problems = ProblemLabel()  # what the rules say about the draft as a whole
        self.problems.setAccessibleName("Participants that cannot be saved")
        self._lay_out()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.change_button.clicked.connect(self.change_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.add_button.clicked.connect(self.open_enrol_dialog)
        self.enrol_dialog: EnrolPeopleDialog | None = None
        self.refresh()

    def _lay_out(self) -> None:
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
        note = QLabel(SAVED_WITH_THE_COHORT)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addWidget(self.problems)
        layout.addWidget(note)

    # The draft

    def participants(self) -> list[Enrolment]:
        return sorted(self._draft.values(), key=lambda enrolment: enrolment.person_id)

    def set_participants(self, cohort_id: int | None, participants: list[Enrolment]) -> None:
        """Show these participants: what is saved (after a save without closing), or the
        choice made after another coordinator saved the cohort meanwhile."""
        self.cohort_id = cohort_id
        self._draft = {enrolment.person_id: enrolment for enrolment in participants}
        self.refresh()

    def set_cohort_words(self, name: str, mentor_label: str, mentee_label: str) -> None:
        """Follow the name and role labels as they are typed in the dialog."""
        self.cohort_name = name
        labels = (mentor_label.strip() or "Mentor", mentee_label.strip() or "Mentee")
        if labels == self._labels:
            return
        self._labels = labels
        relabel_roles(self.role, *labels)
        self.refresh()

    def refresh(self) -> None:
        rows = cohorts.participant_rows(self.cohort_id, self.participants())
        self.table.set_rows(rows, *self._labels)
        self.counts.setText(self._counts_text(rows))
        self._selection_changed()

    def _counts_text(self, rows: list[ParticipantRow]) -> str:
        mentors = sum(1 for row in rows if Role(row.role).can_mentor)
        mentees = sum(1 for row in rows if Role(row.role).can_be_mentored)
        mentor_label, mentee_label = self._labels
        if mentor_label == mentee_label:
            people = f"{mentors} can mentor, {mentees} can be mentored"
        else:
            people = f"{mentor_label}: {mentors} · {mentee_label}: {mentees}"
        pairs = plural(cohorts.pair_count(self.cohort_id), "pair")
        waiting = sum(1 for row in rows if not row.paired)
        return f"{people} · {pairs} · {waiting} without a pair"

    # Changing it

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
        if row is None:
            return
        enrolment = Enrolment(row.person_id, self.role.currentData(), self.capacity.value())
        refusal = cohorts.enrolment_refusal(self.cohort_id, enrolment)
        self._apply(None if refusal else enrolment, str(refusal or ""))

    def withdraw_selected(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        refusal = None
        if self.cohort_id is not None:
            refusal = cohorts.withdrawal_refusal(self.cohort_id, row.person_id)
        if refusal is None:
            del self._draft[row.person_id]
        self._apply(None, str(refusal or ""))

    def open_enrol_dialog(self) -> None:
        self.enrol_dialog = EnrolPeopleDialog(
            self.context, self.cohort_name, self._labels, set(self._draft), self
        )
        self.enrol_dialog.accepted.connect(self._add_chosen)
        self.enrol_dialog.open()

    def _add_chosen(self) -> None:
        if self.enrol_dialog is not None:
            for enrolment in self.enrol_dialog.enrolments():
                self._draft[enrolment.person_id] = enrolment
            self._apply(None, "")

    def _apply(self, enrolment: Enrolment | None, refusal: str) -> None:
        self.message.set_problem(refusal)
        if enrolment is not None:
            self._draft[enrolment.person_id] = enrolment
        self.refresh()
        if not refusal:
            self.changed.emit()
