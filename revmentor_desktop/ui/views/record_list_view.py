"""A searchable, filterable, sortable list of records: the shape shared by four views; the
pairs and sessions lists share their cohort and status filters too."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.models.id_table_model import IdTableModel
from revmentor_desktop.ui.settings import (
    SORT_DESCENDING,
    SORT_KEY,
    TABLE_COLUMNS,
    TABLE_HEADER,
    AppSettings,
)
from revmentor_desktop.ui.views.empty_state import EmptyAction, EmptyState
from revmentor_desktop.ui.views.filters import ChoiceFilter, cohort_choices
from revmentor_desktop.ui.views.record_dialogs import open_record
from revmentor_desktop.ui.views.workspace_view import WorkspaceView

SEARCH_DELAY_MS = 150
SEARCH_MINIMUM_LETTERS = 14  # it takes the room the filters leave, down to this on a small screen


def fitted_widths(wanted: dict[int, int], room: int, floors: dict[int, int]) -> dict[int, int]:
    """Column widths that fit in ``room``: what each column wants if all fit, else the widest
    are cut to one common width (never below their floor), so that narrow columns stay whole.
    """
    if sum(wanted.values()) <= room:
        return dict(wanted)

    def capped(level: int) -> dict[int, int]:
        return {key: max(floors[key], min(width, level)) for key, width in wanted.items()}

    low, high = 0, max(wanted.values())
    while low < high:  # the widest common cap that still fits
        middle = (low + high + 1) // 2
        if sum(capped(middle).values()) <= room:
            low = middle
        else:
            high = middle - 1
    return capped(low)


class RecordListView(WorkspaceView):
    """Subclasses give the model, the query for the current search and filters, and actions."""

    search_placeholder = "Search"
    noun_singular = "record"
    noun_plural = "records"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model: IdTableModel[Any, Any] = self.make_model()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.search_placeholder)
        self.search.setAccessibleName(f"Search {self.noun_plural}")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * SEARCH_MINIMUM_LETTERS)
        self.filter_bar = QHBoxLayout()
        self._choice_filters: list[ChoiceFilter] = []
        self.table = self._make_table()
        self.empty_state = EmptyState(self)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self.table)
        self._pages.addWidget(self.empty_state)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self._selected_before_reset: list[int] = []
        self._columns_to_fit = True  # until the user's own widths are restored or the list fills
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._after_reset)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addLayout(self.filter_bar)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._pages, 1)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setAccessibleName(self.title)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        for position, column in enumerate(self.model.columns):
            table.setColumnWidth(position, column.width)
            table.setColumnHidden(position, not column.visible)
        table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_indicator_on_sort_column)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_column_menu)
        table.activated.connect(lambda _index: self.edit_current())
        table.selectionModel().selectionChanged.connect(self.selection_changed)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_context_menu)
        return table

    # What subclasses provide

    def make_model(self) -> IdTableModel[Any, Any]:
        raise NotImplementedError

    def apply_filters(self, query: Any) -> None:
        """Copy the search text and filter widgets into ``query``."""
        query.search = self.search.text()

    def is_filtered(self) -> bool:
        chosen = any(choice.value() is not None for choice in self._choice_filters)
        return chosen or bool(self.search.text().strip())

    def clear_filters(self) -> None:
        for choice in self._choice_filters:
            choice.reset()
        self.search.clear()

    def empty_content(self) -> tuple[str, str, list[EmptyAction]]:
        return (f"No {self.noun_plural} yet", "", [])

    def context_actions(self) -> list[QAction]:
        return []

    def reload_filters(self) -> None:
        """Refill filter choices (cohorts, departments) after the data changed."""

    # Behaviour

    def add_choice_filters(self, *filters: ChoiceFilter) -> None:
        """Put filters in the bar; choosing in any of them refreshes the list."""
        self._choice_filters.extend(filters)
        for choice in filters:
            self.filter_bar.addWidget(choice)
            choice.currentIndexChanged.connect(self.refresh)

    def refresh(self) -> None:
        super().refresh()
        self.reload_filters()
        query = self.model.query
        self.apply_filters(query)
        self.model.set_query(query)
        self._update_empty_state()
        if self._columns_to_fit and self.model.rowCount():
            # Once the list is shown and laid out: it may be refreshing while being shown.
            QTimer.singleShot(0, self._fit_columns_if_shown)
        self.status_changed.emit()

    @property
    def columns_fitted(self) -> bool:
        """False until the columns are sized to the list (or restored as the user left them)."""
        return not self._columns_to_fit

    def _fit_columns_if_shown(self) -> None:
        if self._columns_to_fit and self.model.rowCount() and self.table.isVisible():
            self.fit_columns()

    def fit_columns(self) -> None:
        """Size the shown columns to their heading and the rows on screen, within the list's
        width: on a narrow window the widest give way first (their tooltips show all)."""
        self._columns_to_fit = False
        header = self.table.horizontalHeader()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        floors = {i: header.sectionSizeHint(i) for i in shown}
        wanted = {i: max(floors[i], self._width_on_screen(i)) for i in shown}
        room = self.table.viewport().width()
        if not self.table.verticalScrollBar().isVisible():  # it may appear once rows are laid out
            room -= self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        for section, width in fitted_widths(wanted, room, floors).items():
            header.resizeSection(section, width)

    def _width_on_screen(self, column: int) -> int:
        """The width the rows on screen need in ``column``: never more rows than show, as
        Qt's own measure would read up to a thousand rows of a long list."""
        table = self.table
        first = max(table.rowAt(0), 0)
        on_screen = table.viewport().height() // table.verticalHeader().defaultSectionSize() + 1
        rows = range(first, min(first + on_screen, self.model.rowCount()))
        widths = (table.sizeHintForIndex(self.model.index(row, column)).width() for row in rows)
        return max(widths, default=0) + (1 if table.showGrid() else 0)

    def _update_empty_state(self) -> None:
        if self.model.rowCount() > 0:
            self._pages.setCurrentWidget(self.table)
            return
        if self.is_filtered():
            self.empty_state.show_content(
                f"No {self.noun_plural} match",
                "Nothing matches the search and filters above.",
                [("Clear search and filters", self.clear_filters)],
            )
        else:
            self.empty_state.show_content(*self.empty_content())
        self._pages.setCurrentWidget(self.empty_state)

    def _remember_selection(self) -> None:
        self._selected_before_reset = self.selected_ids()

    def _after_reset(self) -> None:
        self.select_ids(self._selected_before_reset)
        self.status_changed.emit()

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [record_id for row in rows if (record_id := self.model.id_at(row)) is not None]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.id_at(index.row())
        selected = self.selected_ids()
        return selected[0] if selected else None

    def select_ids(self, record_ids: list[int]) -> None:
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        rows = [row for i in record_ids if (row := self.model.row_of(i)) is not None]
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(selection, flags)
        if rows:
            current = self.model.index(rows[0], 0)
            self.table.selectionModel().setCurrentIndex(
                current, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(current)

    def _keep_indicator_on_sort_column(self) -> None:
        header = self.table.horizontalHeader()
        wanted = (self.model.sort_column(), self.model.sort_order())
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != wanted:
            header.blockSignals(True)
            header.setSortIndicator(*wanted)
            header.blockSignals(False)

    def _show_column_menu(self, position: Any) -> None:
        """Right-click on the header: choose which columns show."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for section, column in enumerate(self.model.columns):
            action = menu.addAction(column.header)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.toggled.connect(
                lambda shown, section=section: header.setSectionHidden(section, not shown)
            )
        menu.exec(header.mapToGlobal(position))
        menu.deleteLater()

    def _show_context_menu(self, position: Any) -> None:
        actions = self.context_actions()
        if not actions:
            return
        menu = QMenu(self)
        menu.addActions(actions)
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def can_create(self) -> bool:
        return True

    def can_edit(self) -> bool:
        return self.current_id() is not None

    def status_text(self) -> str:
        count = self.model.rowCount()
        text = plural(count, self.noun_singular, self.noun_plural)
        selected = len(self.table.selectionModel().selectedRows())
        return f"{text}, {selected:,} selected" if selected > 1 else text

    # Remembered between runs

    def _column_names(self) -> str:
        return ",".join(column.header for column in self.model.columns)

    def save_state(self, settings: AppSettings) -> None:
        header = self.table.horizontalHeader()
        settings.set(TABLE_HEADER.for_list(self.list_name), header.saveState())
        settings.set(TABLE_COLUMNS.for_list(self.list_name), self._column_names())
        query = self.model.query
        settings.set(SORT_KEY.for_list(self.list_name), query.sort_by)
        settings.set(SORT_DESCENDING.for_list(self.list_name), query.descending)

    def restore_state(self, settings: AppSettings) -> None:
        header = self.table.horizontalHeader()
        state = settings.get(TABLE_HEADER.for_list(self.list_name))
        same_columns = settings.get(TABLE_COLUMNS.for_list(self.list_name)) == self._column_names()
        if same_columns and not state.isEmpty() and header.restoreState(state):
            self._columns_to_fit = False
        query = self.model.query
        sort_key = settings.get(SORT_KEY.for_list(self.list_name))
        if sort_key in self.model.sort_keys():
            query.sort_by = sort_key
            query.descending = settings.get(SORT_DESCENDING.for_list(self.list_name))
        self.apply_filters(query)
        # A hidden list is filled when first shown: start-up fills only the view on screen.
        self.model.set_query(query, refresh=self.isVisible())
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())


class CohortRecordListView(RecordListView):
    """Records of a cohort's pairs that have a status (pairs, sessions): filtered by cohort and
    status, and opened in the dialog for ``record_kind``; the Cohort menu acts on the selected
    record's cohort, else on the cohort the list is filtered on."""

    record_kind: str  # the kind ``open_record`` opens: "pair" or "session"
    statuses: type[StrEnum]

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.cohort_filter = ChoiceFilter("All cohorts", "Cohort", self)
        self.status_filter = ChoiceFilter("Any status", "Status", self)
        self.status_filter.set_choices([(status.value, status.value) for status in self.statuses])
        self.add_choice_filters(self.cohort_filter, self.status_filter)

    def reload_filters(self) -> None:
        self.cohort_filter.set_choices(cohort_choices())

    def apply_filters(self, query: Any) -> None:
        super().apply_filters(query)
        query.cohort_id = self.cohort_filter.value()
        query.status = self.status_filter.value() or ""

    def edit_current(self) -> None:
        if (record_id := self.current_id()) is not None:
            open_record(self.context, self.record_kind, record_id, self)

    def current_cohort_id(self) -> int | None:
        return super().current_cohort_id() or self.cohort_filter.value()
