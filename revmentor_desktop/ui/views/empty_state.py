"""What a list shows when it has nothing to show: what to do first, with buttons for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

EmptyAction = tuple[str, Callable[[], None]]
TEXT_WIDTH = 480


class EmptyState(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel()
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self._title.setFont(font)
        self._text = QLabel()
        self._text.setWordWrap(True)
        # Up to a comfortable line length, narrower on a small screen. Centred by stretches
        # rather than an alignment, so that the layout asks the wrapped label for its height at
        # the width it gets and never cuts the sentence.
        self._text.setMaximumWidth(TEXT_WIDTH)
        self._text.setMinimumWidth(TEXT_WIDTH // 2)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self._text, TEXT_WIDTH)  # takes all it may before the stretches
        centred.addStretch(1)
        self._buttons = QHBoxLayout()
        self._button_widgets: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self._title, self._text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self._title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(centred)
        layout.addSpacing(12)
        layout.addLayout(self._buttons)
        layout.addStretch(2)

    def show_content(self, title: str, text: str, actions: list[EmptyAction]) -> None:
        self._title.setText(title)
        self._text.setText(text)
        self.setAccessibleName(title)
        while self._buttons.takeAt(0) is not None:
            pass
        for old in self._button_widgets:
            old.hide()
            old.deleteLater()
        self._button_widgets = []
        self._buttons.addStretch(1)
        for label, callback in actions:
            button = QPushButton(label, self)
            button.clicked.connect(callback)
            self._buttons.addWidget(button)
            self._button_widgets.append(button)
        self._buttons.addStretch(1)

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def buttons(self) -> list[QPushButton]:
        return list(self._button_widgets)
