"""A table model that holds only the ids of the current query and fetches rows as they show.

Filtering and sorting happen in the query (SQL), never in a proxy: the model keeps the ordered
ids (read a page at a time, see ``OrderedIds``) and a cache of display rows, fetched in batches
for the part of the list on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from revmentor_desktop.domain.queries import OrderedIds

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
READ_ONLY_ITEM = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
# Rows fetched at once: two screens' worth. Each keystroke in a search fetches the first batch
# anew, and on a server every row costs its share of the query (labels, pairs, cohorts).
BATCH_SIZE = 50
MAX_CACHED_ROWS = 5_000
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class SortableQuery(Protocol):
    sort_by: str
    descending: bool


Q = TypeVar("Q", bound=SortableQuery)


@dataclass(frozen=True)
class Column(Generic[R]):
    """How one column shows a row: header, text, SQL sort key, tooltip, alignment, decoration."""

    header: str
    display: Callable[[R], str]
    sort_key: str = ""
    tooltip: Callable[[R], str] | None = None
    alignment: Qt.AlignmentFlag = LEFT
    decoration: Callable[[R], Any] | None = None
    width: int = 140
    visible: bool = True  # shown until the user changes it (right-click on the header)


class IdTableModel(QAbstractTableModel, Generic[Q, R]):
    """Rows are ``fetch_ids(query)``; cells come from ``fetch_rows(ids)`` on demand."""

    def __init__(
        self,
        columns: list[Column[R]],
        query: Q,
        fetch_ids: Callable[[Q], Sequence[int]],
        fetch_rows: Callable[[list[int]], dict[int, R]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self._query = query
        self._fetch_ids = fetch_ids
        self._fetch_rows = fetch_rows
        self._ids = OrderedIds()
        self._rows: dict[int, R] = {}

    @property
    def query(self) -> Q:
        return replace(self._query)  # type: ignore[type-var]

    def set_query(self, query: Q, *, refresh: bool = True) -> None:
        """Use ``query`` from now on; ``refresh=False`` defers the work to the next refresh."""
        self._query = query
        if refresh:
            self.refresh()

    def refresh(self) -> None:
        """Run the query again and forget every cached row."""
        ids = self._fetch_ids(self._query)  # read before the reset: a failure leaves it whole
        self.beginResetModel()
        self._ids = ids if isinstance(ids, OrderedIds) else OrderedIds(ids)
        self._rows = {}
        self.endResetModel()

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int | None:
        return self._ids.position(record_id)

    def record_at(self, row: int) -> R | None:
        record_id = self.id_at(row)
        if record_id is None:
            return None
        if record_id not in self._rows:
            self._fetch_batch_around(row)
        return self._rows.get(record_id)

    def _fetch_batch_around(self, row: int) -> None:
        if len(self._rows) > MAX_CACHED_ROWS:
            self._rows = {}
        start = (row // BATCH_SIZE) * BATCH_SIZE
        wanted = [i for i in self._ids[start : start + BATCH_SIZE] if i not in self._rows]
        self._rows.update(self._fetch_rows(wanted))

    def sort_keys(self) -> list[str]:
        return [column.sort_key for column in self.columns if column.sort_key]

    def sort_column(self) -> int:
        keys = [column.sort_key or None for column in self.columns]
        return keys.index(self._query.sort_by) if self._query.sort_by in keys else -1

    def sort_order(self) -> Qt.SortOrder:
        descending = self._query.descending
        return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder

    # Qt interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self.columns):
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        record = self.record_at(index.row())
        if record is None:
            return None
        return self._cell(self.columns[index.column()], record, role)

    def _cell(self, column: Column[R], record: R, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment.value)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration is not None:
            return column.decoration(record)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == SORT_KEY_ROLE:
            return column.sort_key
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment.value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return READ_ONLY_ITEM if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the query: a sortable column sets the key and the direction, then refills."""
        if not 0 <= column < len(self.columns) or not self.columns[column].sort_key:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (self._query.sort_by, self._query.descending) == (
            self.columns[column].sort_key,
            descending,
        ):
            return
        self._query.sort_by = self.columns[column].sort_key
        self._query.descending = descending
        self.refresh()


class ListFetcher(Generic[Q, R]):
    """For short lists loaded whole (cohorts, pairs, participants): keeps the last query's rows."""

    def __init__(self, load: Callable[[Q], list[R]], key: Callable[[R], int]) -> None:
        self._load = load
        self._key = key
        self._rows: dict[int, R] = {}

    def ids(self, query: Q) -> list[int]:
        rows = self._load(query)
        self._rows = {self._key(row): row for row in rows}
        return [self._key(row) for row in rows]

    def rows(self, ids: list[int]) -> dict[int, R]:
        return {row_id: self._rows[row_id] for row_id in ids if row_id in self._rows}
