"""The main window's status bar: passing messages on the left; on the right a warning when the
data file sits somewhere risky, the counts of the list shown, and the data source's name."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

MESSAGE_MS = 8_000


class WindowStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warning_label = QLabel(self)
        self.warning_label.hide()
        self.counts_label = QLabel(self)
        self.file_label = QLabel(self)
        for label in (self.warning_label, self.counts_label, self.file_label):
            self.addPermanentWidget(label)

    def show_message(self, text: str) -> None:
        self.showMessage(text, MESSAGE_MS)

    def show_data_source(self, shown: str, described: str, warning: str | None) -> None:
        """The open data source by ``shown`` name (``described`` in full on hovering), and the
        warning about its location, if any, also said once as a message."""
        self.file_label.setText(shown)
        self.file_label.setToolTip(described)
        self.warning_label.setVisible(bool(warning))
        self.warning_label.setText("⚠ Risky location" if warning else "")
        self.warning_label.setToolTip(warning or "")
        if warning:
            self.show_message(warning)
