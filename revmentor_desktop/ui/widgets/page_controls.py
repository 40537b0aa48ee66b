"""Zoom out, the zoom, zoom in, fit width and "Page 3 of 12" for a ``PageView``, with shortcuts.

The controls follow the view (scrolling changes the page number, the keyboard changes the zoom)
and steer it (a page number typed jumps to that page).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QToolButton, QWidget

from revmentor_desktop.ui.widgets.page_view import PageView


class PageControls(QWidget):
    def __init__(self, view: PageView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.zoom_out_action = self._action("Zoom out", view.zoom_out, "Ctrl+-", "Ctrl+_")
        self.zoom_in_action = self._action("Zoom in", view.zoom_in, "Ctrl+=", "Ctrl++")
        self.fit_action = self._action("Fit width", view.fit_width, "Ctrl+0")
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("400 %  "))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        view.zoom_changed.connect(self._show_zoom)
        self.page_box = QSpinBox()
        self.page_box.setAccessibleName("Page number")
        self.page_box.setKeyboardTracking(False)  # typing "12" does not jump to page 1 first
        self.page_box.valueChanged.connect(lambda number: view.go_to_page(number - 1))
        view.current_page_changed.connect(self._show_current_page)
        self.page_total = QLabel()
        page_label = QLabel("P&age")
        page_label.setBuddy(self.page_box)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for action in (self.zoom_out_action, self.zoom_in_action):
            row.addWidget(self._tool_button(action))
        row.insertWidget(row.count() - 1, self.zoom_label)
        row.addWidget(self._tool_button(self.fit_action))
        row.addSpacing(self.fontMetrics().averageCharWidth() * 3)
        row.addWidget(page_label)
        row.addWidget(self.page_box)
        row.addWidget(self.page_total)

    def _action(self, text: str, slot: Callable[[], None], *keys: str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setToolTip(f"{text} ({QKeySequence(keys[0]).toString()})")
        action.triggered.connect(slot)
        self.addAction(action)  # the shortcut works wherever the focus is in the window
        return action

    def _tool_button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def show_page_count(self, count: int) -> None:
        """A new document of ``count`` pages is shown: the page box takes its range."""
        self.page_box.blockSignals(True)
        self.page_box.setRange(1 if count else 0, count)
        self.page_box.setValue(self.view.current_page + 1 if count else 0)
        self.page_box.blockSignals(False)
        self.page_total.setText(f"of {count}")

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f} %")
        self.zoom_label.setAccessibleName(f"Zoom {zoom * 100:.0f} percent")

    def _show_current_page(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
