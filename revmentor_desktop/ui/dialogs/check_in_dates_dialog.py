"""A cohort's check-in dates: when the starting-point, check-in and closing questionnaires are
due. Each follows the cohort's dates until the coordinator sets it; Reset goes back to that."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from revmentor_desktop.domain import cohorts, edits
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.outcomes import checkins
from revmentor_desktop.domain.outcomes.checkins import CheckInPoint
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.optional_date import OptionalDateEdit

MNEMONICS = {
    Questionnaire.STARTING: "&Starting point:",
    Questionnaire.CHECKIN: "&Check-in:",
    Questionnaire.CLOSING: "C&losing:",
}


def default_words(point: CheckInPoint) -> str:
    if point.default is None:
        return f"No default: it would be {point.default_reason}, which is not set."
    return f"Default {format_date(point.default)}: {point.default_reason}."


class CheckInRow(QWidget):
    """A date set by hand (ticked) or the default (unticked), the default beside it."""

    def __init__(self, point: CheckInPoint, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.point = point
        self.date = OptionalDateEdit("Set by hand", lambda: point.default or today)
        self.date.set_accessible_name(point.questionnaire.title)
        self.date.set_value(point.chosen)
        self.reset_button = QPushButton("Reset to default")
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(lambda: self.date.set_value(None))
        self.default_label = QLabel(default_words(point))
        self.default_label.setWordWrap(True)
        self.date.date_changed.connect(self._follow)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.date, 1)
        top.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.default_label)
        self.setFocusProxy(self.date)
        self._follow()

    def _follow(self) -> None:
        self.reset_button.setEnabled(self.date.value() is not None)

    def changed(self) -> bool:
        return self.date.value() != self.point.chosen


class CheckInDatesDialog(FormDialog):
    def __init__(self, context: AppContext, cohort_id: int, parent: QWidget | None = None) -> None:
        name = cohorts.get_cohort_model(cohort_id).name
        super().__init__(context, f"Check-in dates — {name}", parent, existing=True)
        self.cohort_id = cohort_id
        today = context.clock().date()
        self.rows = {
            point.questionnaire: CheckInRow(point, today)
            for point in checkins.check_in_points(cohort_id)
        }
        form = new_form()
        for questionnaire, row in self.rows.items():
            self.add_field(form, MNEMONICS[questionnaire], row)
        note = QLabel(
            "Forms show the due date, and Today warns when a check-in is near or overdue. "
            "A date not set by hand follows the cohort's dates when they change."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.size_comfortably(80)

    def problems(self) -> Mapping[str, str]:
        return {}

    def save(self) -> Edit | None:
        """One undoable edit per date changed; Undo in the window takes them back one by one."""
        for questionnaire, row in self.rows.items():
            if row.changed():
                edit = edits.set_check_in_date(self.cohort_id, questionnaire, row.date.value())
                self.context.edits.push(edit)
        return None
