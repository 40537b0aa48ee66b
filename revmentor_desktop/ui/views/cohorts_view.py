"""The cohorts list: each programme run with its people, pairs and who still needs a pair."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QWidget

from revmentor_desktop.domain import cohorts
from revmentor_desktop.ui import cohort_commands
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.models.cohorts_model import CohortsModel
from revmentor_desktop.ui.views.empty_state import EmptyAction
from revmentor_desktop.ui.views.record_dialogs import open_record
from revmentor_desktop.ui.views.record_list_view import RecordListView

CONTEXT_COMMANDS = ("open", "match", "archive", "restore", "delete")


class CohortsView(RecordListView):
    list_name = "cohorts"
    title = "Cohorts"
    new_label = "New cohort…"
    delete_label = "Delete cohort…"
    search_placeholder = "Search cohorts by name"
    noun_singular = "cohort"
    noun_plural = "cohorts"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.archived_filter = QCheckBox("Show &archived", self)
        self.filter_bar.addWidget(self.archived_filter)
        self.archived_filter.toggled.connect(self.refresh)
        self._context_actions = {name: self._command_action(name) for name in CONTEXT_COMMANDS}

    def _command_action(self, name: str) -> QAction:
        action = QAction(cohort_commands.COMMANDS[name].text, self)
        action.triggered.connect(lambda _checked=False: self.run_command(name))
        return action

    def make_model(self) -> CohortsModel:
        return CohortsModel(parent=self)

    def apply_filters(self, query: Any) -> None:
        super().apply_filters(query)
        query.include_archived = self.archived_filter.isChecked()

    def empty_content(self) -> tuple[str, str, list[EmptyAction]]:
        if not self.archived_filter.isChecked() and cohorts.cohort_names():
            return (
                "Every cohort is archived",
                "Tick “Show archived” to see them, or create a new cohort.",
                [("New cohort…", self.new_record)],
            )
        return (
            "No cohorts yet",
            "A cohort is one run of the programme, such as “Reverse mentoring 2027”. "
            "Create one, then enrol people as mentors and mentees.",
            [
                ("New cohort…", self.new_record),
                ("Open the sample data", self.sample_data_requested.emit),
            ],
        )

    def context_actions(self) -> list[QAction]:
        applicable = cohort_commands.available(self.current_cohort_id())
        for name, action in self._context_actions.items():
            action.setVisible(name in applicable)
        return list(self._context_actions.values())

    def new_record(self) -> None:
        open_record(self.context, "cohort", None, self)

    def edit_current(self) -> None:
        self.run_command("open")

    def current_cohort_id(self) -> int | None:
        return self.current_id()

    def can_delete(self) -> bool:
        return self.current_id() is not None

    def delete_selected(self) -> None:
        self.run_command("delete")

    def run_command(self, name: str) -> None:
        if (cohort_id := self.current_id()) is not None:
            cohort_commands.run(name, self.context, cohort_id, self)
