"""The pairs list with health dots: filter by cohort and status; the Pair menu acts on it."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from revmentor_desktop.domain import edits, pairs
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.vocabulary import PairStatus
from revmentor_desktop.menu_paths import UNDO
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.menus import PAIR_CERTIFICATES
from revmentor_desktop.ui.models.pairs_model import PairsModel
from revmentor_desktop.ui.views.empty_state import EmptyAction
from revmentor_desktop.ui.views.record_dialogs import open_record
from revmentor_desktop.ui.views.record_list_view import CohortRecordListView
from revmentor_desktop.ui.widgets.feedback import confirm, show_refusal


class PairsView(CohortRecordListView):
    list_name = "pairs"
    title = "Pairs"
    new_label = "New pair…"
    delete_label = "Delete pair"
    search_placeholder = "Search pairs by mentor or mentee"
    noun_singular = "pair"
    noun_plural = "pairs"
    record_kind = "pair"
    statuses = PairStatus

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.certificates_action = QAction(PAIR_CERTIFICATES, self)
        self.certificates_action.setStatusTip("Certificates of participation for a completed pair")
        self.certificates_action.triggered.connect(self.print_certificates)

    def make_model(self) -> PairsModel:
        return PairsModel(clock=self.context.clock, parent=self)

    def empty_content(self) -> tuple[str, str, list[EmptyAction]]:
        return (
            "No pairs yet",
            "A pair is a mentor and a mentee in a cohort. Create a cohort and enrol people "
            "first, then pair them up here.",
            [
                ("New pair…", self.new_record),
                ("New cohort…", lambda: self.new_record_requested.emit("cohort")),
            ],
        )

    def context_actions(self) -> list[QAction]:
        pair_id = self.current_pair_id()
        completed = pair_id is not None and pairs.pair_status(pair_id)[0] == PairStatus.COMPLETED
        self.certificates_action.setEnabled(completed)
        return [self.certificates_action]

    def print_certificates(self) -> None:
        """Both partners' certificates of the selected (completed) pair, in the preview."""
        from revmentor_desktop.reports.registry import CERTIFICATES
        from revmentor_desktop.ui.dialogs.document_dialog import show_document

        if (pair_id := self.current_pair_id()) is not None:
            show_document(self.context, CERTIFICATES, pair_id, self)

    def new_record(self) -> None:
        open_record(self.context, "pair", None, self, cohort_id=self.cohort_filter.value())

    def current_pair_id(self) -> int | None:
        selected = self.selected_ids()
        return selected[0] if len(selected) == 1 else None

    def show_pairs(self, cohort_id: int, pair_ids: list[int]) -> None:
        self.clear_filters()
        self.reload_filters()
        self.cohort_filter.setCurrentIndex(max(self.cohort_filter.findData(cohort_id), 0))
        self.refresh()
        self.select_ids(pair_ids)
        self.table.setFocus()

    def can_delete(self) -> bool:
        return self.current_pair_id() is not None

    def delete_selected(self) -> None:
        pair_id = self.current_pair_id()
        if pair_id is None:
            return
        confirmed = confirm(
            self,
            "Delete this pair?",
            "Deleting removes the pair and its goals. A pair that has met cannot be deleted: "
            "complete it or end it early instead.\n\n"
            f"You can undo this with {UNDO.path}.",
        )
        if not confirmed:
            return
        try:
            self.context.edits.push(edits.delete_pair(pair_id))
        except DomainError as error:
            show_refusal(self, error)
