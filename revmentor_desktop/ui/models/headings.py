"""Column headings for the models whose columns never change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


class FixedHeadings:
    """A model's ``headerData`` from its ``headings`` (listed before the Qt class:
    ``class M(FixedHeadings, QAbstractTableModel)``); rows have no heading."""

    headings: tuple[str, ...]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headings):
            return self.headings[section]
        return None
