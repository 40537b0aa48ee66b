"""The cohorts list: each programme run with its people, pairs and who still needs a pair."""

from __future__ import annotations

from revmentor_desktop.ui.models.cohorts_model import CohortsModel
from revmentor_desktop.ui.views.empty_state import EmptyAction
from revmentor_desktop.ui.views.record_dialogs import open_record
from revmentor_desktop.ui.views.record_list_view import RecordListView


class CohortsView(RecordListView):
    list_name = "cohorts"
    title = "Cohorts"
    new_label = "New cohort…"
    search_placeholder = "Search cohorts by name"
    noun_singular = "cohort"
    noun_plural = "cohorts"

    def make_model(self) -> CohortsModel:
        return CohortsModel(parent=self)

    def empty_content(self) -> tuple[str, str, list[EmptyAction]]:
        return (
            "No cohorts yet",
            "A cohort is one run of the programme, such as “Reverse mentoring 2027”. "
            "Create one, then enrol people as mentors and mentees.",
            [
                ("New cohort…", self.new_record),
                ("Open the sample data", self.sample_data_requested.emit),
            ],
        )

    def new_record(self) -> None:
        open_record(self.context, "cohort", None, self)

    def edit_current(self) -> None:
        if (cohort_id := self.current_id()) is not None:
            open_record(self.context, "cohort", cohort_id, self)

    def current_cohort_id(self) -> int | None:
        return self.current_id()
