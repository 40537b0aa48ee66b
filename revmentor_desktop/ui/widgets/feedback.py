"""How the window tells a person about a problem.

A problem with one field shows next to it: red text under it, and the field's accessible
description. A refusal by the programme's rules (a ``DomainError``) outside any form, or a change
the machine refused (a full disk), shows in one kind of message box, ``show_refusal``, so every
"not possible" looks and reads the same.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.storage.errors import DataFileError

REFUSAL_TITLE = "Not possible"
NOT_SAVED_TITLE = "Not saved"


def show_refusal(
    parent: QWidget | None, refusal: DomainError | DataFileError, title: str = REFUSAL_TITLE
) -> None:
    """Say why the rules (or the machine: a full disk, read-only media) refused what the person
    asked for, in their words, in a warning box."""
    QMessageBox.warning(parent, title, str(refusal))


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    refuse: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel,
) -> bool:
    """Ask a Yes-or-``refuse`` question; ``refuse`` is the default, so Enter never does harm."""
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | refuse, refuse
    )
    return answer == QMessageBox.StandardButton.Yes


def error_color(palette: QPalette) -> QColor:
    """A red that stays readable on both light and dark system palettes."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80" if dark else "#b3261e")


class ProblemLabel(QLabel):
    """Small red text, hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)
        self._apply_color()

    def set_problem(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_color()
        super().changeEvent(event)

    def _apply_color(self) -> None:
        palette = self.palette()
        color = error_color(palette)
        if palette.color(QPalette.ColorRole.WindowText) != color:
            palette.setColor(QPalette.ColorRole.WindowText, color)
            self.setPalette(palette)


class FieldFeedback:
    """Keeps the problem label of each field and shows problems only for fields already touched.

    A new, untouched form does not greet the user with a wall of red; the Save button is
    disabled anyway, and its tooltip says what is still missing.
    """

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, ProblemLabel, str]] = {}
        self._touched: set[str] = set()
        self._touch_all = False

    def attach(self, key: str, widget: QWidget) -> QWidget:
        """Return ``widget`` with a problem label under it, to put into a layout."""
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = ProblemLabel(container)
        layout.addWidget(label)
        self.register(key, widget, label)
        return container

    def register(self, key: str, widget: QWidget, label: ProblemLabel) -> None:
        self._fields[key] = (widget, label, widget.accessibleDescription())

    def touch(self, key: str) -> None:
        self._touched.add(key)

    def touch_all(self) -> None:
        self._touch_all = True

    def show(self, problems: Mapping[str, str]) -> None:
        for key, (widget, label, description) in self._fields.items():
            visible = self._touch_all or key in self._touched
            text = problems.get(key, "") if visible else ""
            label.set_problem(text)
            widget.setAccessibleDescription(text or description)

    def unplaced(self, problems: Mapping[str, str]) -> list[str]:
        """Messages for which no field is on the form (shown at the foot of the dialog)."""
        return [text for key, text in problems.items() if key not in self._fields]

    def problem_for(self, key: str) -> str:
        """The message now shown next to field ``key`` ("" when none)."""
        label = self._fields[key][1]
        return "" if label.isHidden() else label.text()
