"""Today: what needs the coordinator, under headings in order of urgency; Enter opens the record.

Headings fold and unfold with a click, with Left and Right, or with Enter or Space; which are
folded is remembered while the app runs, across refreshes and other files.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import people
from revmentor_desktop.domain.attention import AttentionGroup, AttentionItem, AttentionKind
from revmentor_desktop.domain.dates import format_day
from revmentor_desktop.domain.vocabulary import agree, plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.models.attention_model import (
    SUBJECT_COLUMN,
    URGENCY_COLUMN,
    AttentionModel,
)
from revmentor_desktop.ui.views.empty_state import EmptyState
from revmentor_desktop.ui.views.record_dialogs import open_record
from revmentor_desktop.ui.views.workspace_view import WorkspaceView

# Today's items about a pair's meetings, and the message that nudges it.
NUDGES = {
    AttentionKind.NO_FIRST_SESSION: "first-session",
    AttentionKind.OVERDUE: "stalled",
}
TOGGLE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class AttentionTree(QTreeView):
    """A tree whose headings also fold with Enter and Space (Left and Right come with Qt)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        model = self.model()
        heading = isinstance(model, AttentionModel) and model.group_at(index) is not None
        if heading and event.key() in TOGGLE_KEYS:
            self.setExpanded(index, not self.isExpanded(index))
            event.accept()
            return
        super().keyPressEvent(event)


class TodayView(WorkspaceView):
    list_name = "today"
    title = "Today"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = AttentionModel(context.clock, self)
        self.folded: set[AttentionGroup] = set()
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.list = self._make_tree()
        self.empty_state = EmptyState(self)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self.list)
        self._pages.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self._pages, 1)

    def _make_tree(self) -> AttentionTree:
        tree = AttentionTree(self)
        tree.setAccessibleName("Things that need attention")
        tree.setModel(self.model)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setAlternatingRowColors(True)
        # One line per item (the tooltip has the whole text), so Qt need not measure every row.
        tree.setUniformRowHeights(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setExpandsOnDoubleClick(False)  # a single click folds; a double one would undo it
        tree.setAllColumnsShowFocus(True)
        header = tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(URGENCY_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(URGENCY_COLUMN, 150)
        header.resizeSection(SUBJECT_COLUMN, 300)
        tree.activated.connect(self._open)
        tree.clicked.connect(self._toggle_heading)
        tree.expanded.connect(lambda index: self._remember_fold(index, folded=False))
        tree.collapsed.connect(lambda index: self._remember_fold(index, folded=True))
        tree.selectionModel().selectionChanged.connect(self.selection_changed)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._context_menu)
        return tree

    def _context_menu(self, position: QPoint) -> None:
        """A pair that has not met or stopped meeting: offer the e-mail that nudges it."""
        item = self.model.item_at(self.list.indexAt(position))
        template = NUDGES.get(item.kind) if item is not None else None
        if item is None or template is None:
            return
        menu = QMenu(self)
        menu.addAction(
            "Prepare a nudge e-&mail…", lambda: self.prepare_nudge(item.target_id, template)
        )
        menu.exec(self.list.viewport().mapToGlobal(position))

    def prepare_nudge(self, pair_id: int, template: str) -> None:
        from revmentor_desktop.ui.dialogs.prepare_messages_dialog import prepare_messages

        prepare_messages(self.context, self, pair_ids=[pair_id], template=template)

    def refresh(self) -> None:
        super().refresh()
        current = self.list.currentIndex()
        item, group = self.model.item_at(current), self.model.group_at(current)
        self.model.refresh()
        self._show_headings()
        self._heading_text()
        if self.model.items:
            self._pages.setCurrentWidget(self.list)
            self._restore_current(item, group)
        else:
            self._show_empty()
            self._pages.setCurrentWidget(self.empty_state)
        self.status_changed.emit()

    def _show_headings(self) -> None:
        with QSignalBlocker(self.list):  # the folds are the coordinator's, not these
            self.list.expandAll()  # one layout of every row, not one per group (thousands)
            for row, group in enumerate(self.model.groups):
                self.list.setFirstColumnSpanned(row, QModelIndex(), True)
                if group in self.folded:
                    self.list.collapse(self.model.index(row, 0))

    def _heading_text(self) -> None:
        today = self.context.clock().date()
        count = len(self.model.items)
        urgent = self.model.heading_index(AttentionGroup.NOW)
        if count == 0:
            summary = "nothing needs you"
        elif urgent.isValid():
            now = self.model.rowCount(urgent)
            summary = f"{now:,} {agree('need you now', now)}, {plural(count, 'thing')} in all"
        else:
            summary = f"{plural(count, 'thing')} to look at"
        self.heading.setText(f"{format_day(today)}: {summary}")

    def _restore_current(self, item: AttentionItem | None, group: AttentionGroup | None) -> None:
        """Keep the same row current across a refresh, else the first one that shows."""
        first: QModelIndex | None = None
        for row, shown in enumerate(self.model.groups):
            heading = self.model.index(row, 0)
            if shown == group:
                self.list.setCurrentIndex(heading)
                return
            expanded = self.list.isExpanded(heading)
            if first is None:
                first = self.model.index(0, 0, heading) if expanded else heading
            if item is None or not expanded:
                continue  # only the headings to look at
            for child in range(self.model.rowCount(heading)):
                index = self.model.index(child, 0, heading)
                if self.model.item_at(index) == item:
                    self.list.setCurrentIndex(index)
                    return
        if first is not None:
            self.list.setCurrentIndex(first)

    def _remember_fold(self, index: QModelIndex, *, folded: bool) -> None:
        group = self.model.group_at(index)
        if group is None:
            return
        if folded:
            self.folded.add(group)
        else:
            self.folded.discard(group)

    def _toggle_heading(self, index: QModelIndex) -> None:
        if self.model.group_at(index) is not None:
            heading = index.siblingAtColumn(0)
            self.list.setExpanded(heading, not self.list.isExpanded(heading))

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
            "Add the people who take part, one by one or from the staff list HR sent, create "
            "a cohort, then pair them up. To look around first, open the sample data.",
            [
                ("Add a person…", lambda: self.new_record_requested.emit("person")),
                ("Import a staff list…", self.import_requested.emit),
                ("Open the sample data", self.sample_data_requested.emit),
            ],
        )

    def _open(self, index: QModelIndex | QPersistentModelIndex) -> None:
        item = self.model.item_at(index)
        if item is not None:
            open_record(self.context, item.target_kind, item.target_id, self)

    def focus_search(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def can_edit(self) -> bool:
        return self.model.item_at(self.list.currentIndex()) is not None

    def edit_current(self) -> None:
        self._open(self.list.currentIndex())

    def current_pair_id(self) -> int | None:
        item = self.model.item_at(self.list.currentIndex())
        return item.target_id if item is not None and item.target_kind == "pair" else None

    def status_text(self) -> str:
        count = len(self.model.items)
        if count == 0:
            return "Nothing needs attention"
        return f"{plural(count, 'thing')} {agree('need attention', count)}"
