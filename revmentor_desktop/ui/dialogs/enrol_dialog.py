"""Pick people to enrol in a cohort, all with the same role and capacity.

It only collects the choice: the cohort dialog adds them to its draft, saved with the cohort.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from revmentor_desktop.domain import people
from revmentor_desktop.domain.cohorts import Enrolment
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.text import fold
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.role_choice import capacity_spin, link_capacity, role_combo


class EnrolPeopleDialog(FormDialog):
    def __init__(
        self,
        context: AppContext,
        cohort_name: str,
        role_labels: tuple[str, str],
        enrolled: set[int],
        parent: QWidget | None = None,
    ) -> None:
        title = f"Add people to {cohort_name}" if cohort_name.strip() else "Add people"
        super().__init__(context, title, parent, existing=False)
        self.save_button.setText("&Add")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Type part of a name, e-mail or department")
        self.search.setClearButtonEnabled(True)
        self.people = QListWidget()
        self.people.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.role = role_combo(*role_labels)
        self.capacity = capacity_spin()
        link_capacity(self.role, self.capacity)
        self._fill(enrolled)
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

    def _fill(self, enrolled: set[int]) -> None:
        for row in people.list_people(people.PeopleQuery()):
            if row.id in enrolled:
                continue
            item = QListWidgetItem(row.label)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            search_text = f"{row.label} {row.department} {row.email}"
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(search_text))
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
        self.save_button.setText("&Add" if count < 2 else f"&Add {count} people")
        if not count:
            return {"people": "Tick at least one person to add."}
        return {}

    def enrolments(self) -> list[Enrolment]:
        """The ticked people, each with the chosen role and capacity."""
        role, capacity = self.role.currentData(), self.capacity.value()
        return [Enrolment(person_id, role, capacity) for person_id in self.chosen_ids()]

    def save(self) -> Edit | None:
        return None
