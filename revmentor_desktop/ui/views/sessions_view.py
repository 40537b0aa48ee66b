"""The sessions list: filter by cohort, status and period; delete several at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from revmentor_desktop.domain import edits, sessions
from revmentor_desktop.domain.vocabulary import SessionStatus
from revmentor_desktop.menu_paths import UNDO
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.models.sessions_model import SessionsModel
from revmentor_desktop.ui.views.empty_state import EmptyAction
from revmentor_desktop.ui.views.filters import ChoiceFilter
from revmentor_desktop.ui.views.record_dialogs import open_record
from revmentor_desktop.ui.views.record_list_view import CohortRecordListView
from revmentor_desktop.ui.widgets.feedback import confirm


class SessionsView(CohortRecordListView):
    list_name = "sessions"
    title = "Sessions"
    new_label = "New session…"
    delete_label = "Delete sessions"
    search_placeholder = "Search sessions by mentor, mentee or topic"
    noun_singular = "session"
    noun_plural = "sessions"
    record_kind = "session"
    statuses = SessionStatus

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.period_filter = ChoiceFilter("Any date", "Period", self)
        self.period_filter.set_choices(list(sessions.SESSION_PERIODS))
        self.add_choice_filters(self.period_filter)

    def make_model(self) -> SessionsModel:
        return SessionsModel(parent=self)

    def apply_filters(self, query: Any) -> None:
        super().apply_filters(query)
        today = self.context.clock().date()
        period = self.period_filter.value() or ""
        query.date_from, query.date_to = sessions.period_range(period, today)

    def empty_content(self) -> tuple[str, str, list[EmptyAction]]:
        return (
            "No sessions yet",
            "Sessions are the meetings of a pair. Open a pair and choose “Log a session” "
            "after it has met, or plan the next meeting.",
            [("Go to pairs", lambda: self.navigate_requested.emit("pairs"))],
        )

    def new_record(self) -> None:
        open_record(self.context, "session", None, self)

    def current_pair_id(self) -> int | None:
        session_id = self.current_id()
        if session_id is None or len(self.selected_ids()) != 1:
            return None
        row = self.model.record_at(self.model.row_of(session_id) or 0)
        return row.pair_id if row is not None else None

    def can_delete(self) -> bool:
        return bool(self.selected_ids())

    def delete_selected(self) -> None:
        chosen = self.selected_ids()
        if not chosen:
            return
        noun = "this session" if len(chosen) == 1 else f"these {len(chosen)} sessions"
        confirmed = confirm(
            self,
            f"Delete {noun}?",
            f"Deleting removes {noun} with their topics, takeaways and notes.\n\n"
            f"You can undo this with {UNDO.path}.",
        )
        if confirmed:
            self.context.edits.push(edits.delete_sessions(chosen))
