"""Parts of the pair dialog that act at once: the status with its actions, and the sessions list.

Status changes and logged sessions are saved when made (each can be undone); the pair's own
fields wait for Save.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from revmentor_desktop.domain.dates import format_datetime
from revmentor_desktop.domain.sessions import SessionRow
from revmentor_desktop.domain.vocabulary import PairStatus

ACTION_LABELS = {
    "activate": "&Activate…",
    "pause": "Pa&use",
    "resume": "&Resume",
    "complete": "Co&mplete",
    "end_early": "End &early…",
}
ACTION_HINTS = {
    "activate": "The pair starts meeting: say from which date (today, or their first session).",
    "pause": "Pause for a while; the pair keeps its place and capacity.",
    "resume": "The pair starts meeting again.",
    "complete": "The pair finished as planned.",
    "end_early": "End the pair before its planned end, with a no-fault reason.",
}


class StatusBar(QWidget):
    """``Status: active`` followed by one button per action the status allows."""

    action_chosen = Signal(str)
    log_session = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setAccessibleName("Pair status")
        self.buttons: dict[str, QPushButton] = {}
        self.log_button = QPushButton("&Log a session…")
        self.log_button.setAutoDefault(False)
        self.log_button.clicked.connect(self.log_session.emit)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.label)
        self._layout.addStretch(1)
        self._layout.addWidget(self.log_button)

    def set_status(self, status: str, reason: str, actions: Sequence[str]) -> None:
        text = f"Status: <b>{PairStatus(status).label}</b>"
        self.label.setText(f"{text} ({reason})" if reason else text)
        for button in self.buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for position, action in enumerate(actions, start=1):
            button = QPushButton(ACTION_LABELS[action])
            button.setToolTip(ACTION_HINTS[action])
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _checked=False, action=action: self.action_chosen.emit(action)
            )
            self._layout.insertWidget(position, button)
            self.buttons[action] = button


class SessionsList(QTreeWidget):
    """A pair's sessions, newest first; double-click (or Enter) opens one."""

    open_session = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(["Date", "Status", "Length", "Topics"])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName("Sessions of this pair")
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)
        self.itemActivated.connect(lambda item, _column: self.open_session.emit(item.data(0, 256)))

    def set_rows(self, rows: Sequence[SessionRow]) -> None:
        self.clear()
        for row in rows:
            status = row.status
            if row.cancelled_by:
                status = f"{status} by the {row.cancelled_by}"
            item = QTreeWidgetItem(
                [
                    format_datetime(row.starts_at),
                    status,
                    f"{row.duration_minutes} min",
                    ", ".join(row.topics),
                ]
            )
            item.setData(0, 256, row.id)
            self.addTopLevelItem(item)
