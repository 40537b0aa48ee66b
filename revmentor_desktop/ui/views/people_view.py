"""The people list: search, department, cohort and archived filters; archive, restore, delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QWidget

from revmentor_desktop.domain import edits, namesakes, people
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.menu_paths import UNDO
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.models.people_model import PeopleModel
from revmentor_desktop.ui.views.empty_state import EmptyAction
from revmentor_desktop.ui.views.filters import ChoiceFilter, cohort_choices, department_choices
from revmentor_desktop.ui.views.record_dialogs import open_record
from revmentor_desktop.ui.views.record_list_view import RecordListView
from revmentor_desktop.ui.widgets.feedback import confirm, show_refusal


class PeopleView(RecordListView):
    list_name = "people"
    title = "People"
    new_label = "New person…"
    delete_label = "Archive or delete"
    search_placeholder = "Search people by name, e-mail, department or job title"
    noun_singular = "person"
    noun_plural = "people"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.department_filter = ChoiceFilter("All departments", "Department", self)
        self.cohort_filter = ChoiceFilter("All cohorts", "Cohort", self)
        self.paired_filter = ChoiceFilter("Paired or not", "Paired", self)
        self.paired_filter.set_choices([("With a pair", True), ("Without a pair", False)])
        self.archived_filter = QCheckBox("Show &archived", self)
        self.add_choice_filters(self.department_filter, self.cohort_filter, self.paired_filter)
        self.filter_bar.addWidget(self.archived_filter)
        self.archived_filter.toggled.connect(self.refresh)
        self._archive = QAction("&Archive", self, triggered=self.archive_selected)
        self._restore = QAction("&Restore from archive", self, triggered=self.restore_selected)
        self._open = QAction("&Open", self, triggered=self.edit_current)

    def make_model(self) -> PeopleModel:
        return PeopleModel(parent=self)

    def reload_filters(self) -> None:
        self.department_filter.set_choices(department_choices())
        self.cohort_filter.set_choices(cohort_choices())

    def apply_filters(self, query: Any) -> None:
        super().apply_filters(query)
        query.department = self.department_filter.value() or ""
        query.cohort_id = self.cohort_filter.value()
        query.paired = self.paired_filter.value()
        query.include_archived = self.archived_filter.isChecked()

    def empty_content(self) -> tuple[str, str, list[EmptyAction]]:
        if self.archived_filter.isChecked() or people.people_ids(
            people.PeopleQuery(include_archived=True)
        ):
            return (
                "Everyone is archived",
                "Tick “Show archived” to see them, or add someone new.",
                [("Add a person…", self.new_record)],
            )
        return (
            "No people yet",
            "Start by adding the people who take part, one by one or from a staff list. "
            "To look around first, open the sample data.",
            [
                ("Add a person…", self.new_record),
                ("Import a staff list…", self.import_requested.emit),
                ("Open the sample data", self.sample_data_requested.emit),
            ],
        )

    def context_actions(self) -> list[QAction]:
        return [self._open, self._archive, self._restore]

    def new_record(self) -> None:
        open_record(self.context, "person", None, self)

    def edit_current(self) -> None:
        if (person_id := self.current_id()) is not None:
            open_record(self.context, "person", person_id, self)

    def current_person_id(self) -> int | None:
        return self.current_id()

    def can_delete(self) -> bool:
        return bool(self.selected_ids())

    def delete_selected(self) -> None:
        """Archive the selection; one person with no history may be deleted after asking."""
        selected = self.selected_ids()
        if len(selected) == 1 and not people.has_history(selected[0]):
            self._delete_after_asking(selected[0])
        elif selected:
            self.archive_selected()

    def _delete_after_asking(self, person_id: int) -> None:
        name = namesakes.person_label(person_id)
        confirmed = confirm(
            self,
            f"Delete {name}?",
            f"{name} is in no cohort and no pair. Deleting removes their details, what they "
            "can teach and want to learn, and their notes. Anyone who reported to them keeps "
            "no manager.\n\n"
            f"You can undo this with {UNDO.path}.",
        )
        if confirmed:
            self._push(lambda: edits.delete_person(person_id))

    def archive_selected(self) -> None:
        chosen = self.selected_ids()
        if chosen:
            self._push(lambda: edits.set_archived(chosen, True))

    def restore_selected(self) -> None:
        chosen = self.selected_ids()
        if chosen:
            self._push(lambda: edits.set_archived(chosen, False))

    def _push(self, make_edit: Callable[[], Edit]) -> None:
        try:
            self.context.edits.push(make_edit())
        except DomainError as error:
            show_refusal(self, error)
