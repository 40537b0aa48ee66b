"""Today: what needs the coordinator now, most urgent first; Enter opens the record."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import people
from revmentor_desktop.domain.dates import format_day
from revmentor_desktop.domain.vocabulary import agree, plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.models.attention_model import AttentionModel
from revmentor_desktop.ui.views.empty_state import EmptyState
from revmentor_desktop.ui.views.record_dialogs import open_record
from revmentor_desktop.ui.views.workspace_view import WorkspaceView


class TodayView(WorkspaceView):
    list_name = "today"
    title = "Today"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = AttentionModel(context.clock, self)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.list = self._make_list()
        self.empty_state = EmptyState(self)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self.list)
        self._pages.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self._pages, 1)

    def _make_list(self) -> QListView:
        view = QListView(self)
        view.setAccessibleName("Things that need attention")
        view.setModel(self.model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        # One line per item (the tooltip has the whole text), so Qt need not measure every row.
        view.setUniformItemSizes(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setSpacing(2)
        view.activated.connect(self._open)
        view.selectionModel().selectionChanged.connect(self.selection_changed)
        return view

    def refresh(self) -> None:
        super().refresh()
        self.model.refresh()
        today = self.context.clock().date()
        count = self.model.rowCount()
        summary = "nothing needs you" if count == 0 else f"{plural(count, 'thing')} to look at"
        self.heading.setText(f"{format_day(today)}: {summary}")
        if count:
            self._pages.setCurrentWidget(self.list)
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0, 0))
        else:
            self._show_empty()
            self._pages.setCurrentWidget(self.empty_state)
        self.status_changed.emit()

    def _show_empty(self) -> None:
        if people.people_ids(people.PeopleQuery(include_archived=True)):
            self.empty_state.show_content(
                "All caught up",
                "No pair is overdue, no session waits to be marked and nobody waits for a pair.",
                [],
            )
            return
        self.empty_state.show_content(
            "Welcome to RevMentor",
            "Add the people who take part, create a cohort, then pair them up. "
            "To look around first, open the sample data.",
            [
                ("Add a person…", lambda: self.new_record_requested.emit("person")),
                ("Open the sample data", self.sample_data_requested.emit),
            ],
        )

    def _open(self, index: QModelIndex) -> None:
        item = self.model.item_at(index.row())
        if item is not None:
            open_record(self.context, item.target_kind, item.target_id, self)

    def focus_search(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def can_edit(self) -> bool:
        return self.list.currentIndex().isValid()

    def edit_current(self) -> None:
        if self.list.currentIndex().isValid():
            self._open(self.list.currentIndex())

    def current_pair_id(self) -> int | None:
        item = self.model.item_at(self.list.currentIndex().row())
        return item.target_id if item is not None and item.target_kind == "pair" else None

    def status_text(self) -> str:
        count = self.model.rowCount()
        if count == 0:
            return "Nothing needs attention"
        return f"{plural(count, 'thing')} {agree('need attention', count)}"
