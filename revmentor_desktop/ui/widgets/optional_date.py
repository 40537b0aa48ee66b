"""A date that may be left unset: a check box says whether it is known, the date edit holds it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDateTimeEdit, QHBoxLayout, QWidget

from revmentor_desktop.ui.models.formatting import (
    english_dates_locale,
    qt_date_format,
    qt_datetime_format,
)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def new_date_edit() -> QDateEdit:
    """A date edit that shows dates as the lists and documents write them."""
    return _written_as_elsewhere(QDateEdit(), qt_date_format())


def new_date_time_edit() -> QDateTimeEdit:
    """A date-and-time edit in the shape of ``dates.format_datetime``."""
    return _written_as_elsewhere(QDateTimeEdit(), qt_datetime_format())


Edit = TypeVar("Edit", bound=QDateTimeEdit)


def _written_as_elsewhere(edit: Edit, display_format: str) -> Edit:
    """``edit`` with a calendar to pick from, in the English date words the app writes."""
    edit.setCalendarPopup(True)
    edit.setLocale(english_dates_locale())
    edit.setDisplayFormat(display_format)
    return edit


class OptionalDateEdit(QWidget):
    """``value()`` is None while the box is unticked; ticking it starts at ``default()`` (today)."""

    date_changed = Signal()

    def __init__(
        self, check_text: str, default: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._default = default
        self.check = QCheckBox(check_text)
        self.edit = new_date_edit()
        self.edit.setEnabled(False)
        self.edit.setDate(to_qdate(default()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _date: self.date_changed.emit())

    def set_accessible_name(self, name: str) -> None:
        self.setAccessibleName(name)
        self.check.setAccessibleName(f"{name}: {self.check.text().replace('&', '')}")
        self.edit.setAccessibleName(name)

    def setAccessibleDescription(self, description: str) -> None:
        super().setAccessibleDescription(description)
        self.edit.setAccessibleDescription(description)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        self.edit.setDate(to_qdate(value or self._default()))

    def _toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        self.date_changed.emit()
