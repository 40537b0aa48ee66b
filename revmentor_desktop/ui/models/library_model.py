"""The table of a library the coordinator edits (session plans, the questions of a questionnaire):
the whole list held at once, each entry found again by its stable key after an edit, and retired
entries kept in the list, struck through, so they can be brought back."""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from revmentor_desktop.ui.models.headings import FixedHeadings
from revmentor_desktop.ui.models.id_table_model import READ_ONLY_ITEM

Index = QModelIndex | QPersistentModelIndex


class LibraryEntry(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def retired(self) -> bool: ...


E = TypeVar("E", bound=LibraryEntry)


class LibraryTableModel(FixedHeadings, QAbstractTableModel, Generic[E]):
    """A subclass names its ``headings``, fills the list with ``_show`` and says what a cell
    holds in ``_cell``; struck-through retired rows and the rest of the Qt interface are here."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[E] = []

    def _show(self, entries: list[E]) -> None:
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entry_at(self, row: int) -> E | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, key: str) -> int:
        return next((row for row, entry in enumerate(self._entries) if entry.key == key), -1)

    def _cell(self, entry: E, column: int, role: int) -> Any:
        raise NotImplementedError

    # Qt interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == Qt.ItemDataRole.FontRole:
            return _struck_through() if entry.retired else None
        return self._cell(entry, index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return READ_ONLY_ITEM if index.isValid() else Qt.ItemFlag.NoItemFlags


def _struck_through() -> QFont:
    font = QFont()
    font.setStrikeOut(True)
    return font
