"""Windows that fit the screen they open on, and dialogs that open at the size they were left.

A laptop screen of 1280×800 at 200 % scaling gives a window 640×400 of Qt's (logical) pixels,
less the panel and the title bar. Windows therefore open no larger than the screen's available
area, and content that can be long scrolls (``scrolling``) instead of making its window taller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QFrame, QLayout, QScrollArea, QWidget

from revmentor_desktop.ui.settings import DIALOG_SIZE, Setting

if TYPE_CHECKING:
    from revmentor_desktop.ui.context import AppContext

# What a window manager adds around a window (title bar and borders), which the screen's
# available area must also hold.
FRAME_ALLOWANCE = QSize(16, 40)


def available_size(widget: QWidget) -> QSize:
    """The largest size ``widget``'s window can have for it and its frame to fit the screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - FRAME_ALLOWANCE
    return room.expandedTo(QSize(1, 1))


def fitted_size(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, made no larger than the screen allows and no smaller than the window needs."""
    return wanted.boundedTo(available_size(widget)).expandedTo(widget.minimumSizeHint())


def scrolling(content: QWidget | QLayout) -> QScrollArea:
    """``content`` in a frameless scroll area: it scrolls when the window is too small for it."""
    if isinstance(content, QLayout):
        page = QWidget()
        page.setLayout(content)
        content = page
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area


class RemembersSize:
    """For the app's dialogs (listed before the Qt class: ``class D(RemembersSize, QDialog)``).

    A dialog opens at the size it was last closed at (per dialog class, in the settings file),
    else at the size it asks for, in both cases fitted to the screen. It needs
    ``self.context`` (an ``AppContext``) for the settings.
    """

    context: AppContext

    def showEvent(self, event: QShowEvent) -> None:
        dialog = cast(QDialog, self)
        if not event.spontaneous():
            remembered = self.context.settings.get(self._size_setting())
            wanted = remembered if remembered.isValid() else dialog.size()
            dialog.resize(fitted_size(dialog, wanted))
        super().showEvent(event)  # type: ignore[misc]

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():
            self.context.settings.set(self._size_setting(), cast(QDialog, self).size())
        super().hideEvent(event)  # type: ignore[misc]

    def _size_setting(self) -> Setting[QSize]:
        return DIALOG_SIZE.for_dialog(type(self).__name__)
