"""The read-only History tab of the person and pair dialogs: the record's audit trail in the
data file or on the server, so a coordinator sees who changed which fields, and when."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.ui.models.record_history_model import RecordHistoryModel

NOTE = "Which fields changed, never what they held. Newest first."


class RecordHistory(QWidget):
    def __init__(self, table: str, row_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordHistoryModel(self)
        self.model.refresh(table, row_id)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("History of changes")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel(NOTE if self.model.lines else "No changes recorded yet.", self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
