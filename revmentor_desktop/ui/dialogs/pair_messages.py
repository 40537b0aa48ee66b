"""The pair dialog's Messages tab: the e-mail drafts prepared for the partners (which template,
for whom, when; never the words) and a button to prepare more."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.ui.models.message_history_model import MessageHistoryModel


class PairMessages(QWidget):
    prepare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MessageHistoryModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("E-mails prepared for this pair")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel("No e-mails have been prepared for this pair yet.", self)
        self.prepare_button = QPushButton("Prepare &e-mails…", self)
        self.prepare_button.clicked.connect(self.prepare_requested)
        row = QHBoxLayout()
        row.addWidget(self.empty, 1)
        row.addWidget(self.prepare_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def refresh(self, pair_id: int) -> None:
        self.model.refresh(pair_id)
        self.empty.setVisible(not self.model.lines)
