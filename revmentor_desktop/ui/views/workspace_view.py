"""What the main window asks of every view: the Record and Pair menus act on the current view."""

from __future__ import annotations

import sys

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from revmentor_desktop.domain import pairs
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.settings import AppSettings


class WorkspaceView(QWidget):
    """Base for the five views; each overrides what it supports."""

    selection_changed = Signal()
    status_changed = Signal()
    message = Signal(str)
    sample_data_requested = Signal()
    new_record_requested = Signal(str)  # a record kind, for buttons that create other kinds
    navigate_requested = Signal(str)  # the list name of another view
    import_requested = Signal()

    list_name = ""
    title = ""
    new_label = "New"
    delete_label = "Delete"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.title)
        context.edits.data_changed.connect(self._on_data_changed)
        self._stale = True

    def _on_data_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        if self._stale:
            self._refresh_reporting_errors()
        super().showEvent(event)  # type: ignore[arg-type]

    def _refresh_reporting_errors(self) -> None:
        """A failure here must not stop the window from showing: it goes to the exception hook
        like any other (in the app, a dialog; for a damaged file, the offer of its backup)."""
        try:
            self.refresh()
        except Exception:
            sys.excepthook(*sys.exc_info())

    def refresh(self) -> None:
        self._stale = False

    def focus_search(self) -> None:
        pass

    def new_record(self) -> None:
        pass

    def edit_current(self) -> None:
        pass

    def delete_selected(self) -> None:
        pass

    def can_create(self) -> bool:
        return False

    def can_edit(self) -> bool:
        return False

    def can_delete(self) -> bool:
        return False

    def current_pair_id(self) -> int | None:
        return None

    def current_person_id(self) -> int | None:
        return None

    def current_cohort_id(self) -> int | None:
        """The cohort the Cohort menu acts on: here, the cohort of the selected pair."""
        pair_id = self.current_pair_id()
        return pairs.cohort_of(pair_id) if pair_id is not None else None

    def show_pairs(self, cohort_id: int, pair_ids: list[int]) -> None:
        """Show these pairs of the cohort, selected (only the Pairs list can)."""

    def status_text(self) -> str:
        return ""

    def save_state(self, settings: AppSettings) -> None:
        pass

    def restore_state(self, settings: AppSettings) -> None:
        pass
