"""Pick people to enrol in a cohort, all with the same role and capacity."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from revmentor_desktop.domain import cohorts, edits, people
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.text import fold
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.role_choice import capacity_spin, link_capacity, role_combo


class EnrolPeopleDialog(FormDialog):
    def __init__(self, context: AppContext, cohort_id: int, parent: QWidget | None = None) -> None:
        cohort = cohorts.get_cohort(cohort_id)
        super().__init__(context, f"Add people to {cohort.name}", parent, existing=False)
        self.cohort_id = cohort_id
        self.save_button.setText("&Enrol")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Type part of a name, e-mail or department")
        self.search.setClearButtonEnabled(True)
        self.people = QListWidget()
        self.people.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.role = role_combo(cohort.mentor_label, cohort.mentee_label)
        self.capacity = capacity_spin()
        link_capacity(self.role, self.capacity)
        self._fill()
        form = new_form()
        self.add_field(form, "&Find:", self.search)
        self.add_field(form, "&People:", self.people, "people")
        self.add_field(form, "&Role:", self.role)
        self.add_field(form, "&Capacity:", self.capacity)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.watch("people", self.people.itemChanged)
        self.revalidate()
        self.size_comfortably(80, 28)

    def _fill(self) -> None:
        enrolled = {row.person_id for row in cohorts.list_participants(self.cohort_id)}
        for row in people.list_people(people.PeopleQuery()):
            if row.id in enrolled:
                continue
            text = f"{row.name} ({row.department})" if row.department else row.name
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{text} {row.email}"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)

    def _filter(self, text: str) -> None:
        needle = fold(text.strip())
        for index in range(self.people.count()):
            item = self.people.item(index)
            item.setHidden(needle not in item.data(Qt.ItemDataRole.UserRole + 1))

    def chosen_ids(self) -> list[int]:
        items = (self.people.item(index) for index in range(self.people.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def check_person(self, person_id: int) -> None:
        for index in range(self.people.count()):
            item = self.people.item(index)
            if item.data(Qt.ItemDataRole.UserRole) == person_id:
                item.setCheckState(Qt.CheckState.Checked)

    def problems(self) -> Mapping[str, str]:
        count = len(self.chosen_ids())
        self.save_button.setText("&Enrol" if count < 2 else f"&Enrol {count} people")
        if not count:
            return {"people": "Tick at least one person to enrol."}
        return {}

    def save(self) -> Edit:
        return edits.enrol(
            self.cohort_id, self.chosen_ids(), self.role.currentData(), self.capacity.value()
        )
