"""Small builders for the fixed-choice inputs the dialogs share."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QSpinBox, QWidget


def choice_combo(values: Iterable[str], parent: QWidget | None = None) -> QComboBox:
    """A combo of domain words (item data) shown with a capital letter."""
    combo = QComboBox(parent)
    for value in values:
        combo.addItem(value[:1].upper() + value[1:], value)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def minutes_spin(minimum: int, maximum: int, step: int = 5) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSingleStep(step)
    spin.setSuffix(" minutes")
    return spin


def text_area(placeholder: str = "", lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    line_height = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(line_height * lines + 12)
    return edit
