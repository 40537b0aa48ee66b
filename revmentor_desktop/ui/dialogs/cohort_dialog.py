"""Add or edit a cohort: its kind, dates, rhythm and role names, and who takes part."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import cohorts, edits
from revmentor_desktop.domain.clock import today
from revmentor_desktop.domain.cohorts import CohortDraft
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.cohort_participants import ParticipantsPanel
from revmentor_desktop.ui.widgets.choices import minutes_spin, select_data
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.optional_date import OptionalDateEdit
from revmentor_desktop.ui.widgets.screen_fit import scrolling

KIND_HINTS = {
    CohortKind.REVERSE: "Reverse mentoring: junior colleagues mentor senior ones",
    CohortKind.TRADITIONAL: "Traditional mentoring: experienced colleagues mentor newer ones",
    CohortKind.MUTUAL: "Mutual mentoring: partners learn from each other",
}
WEEKS, DAYS = "weeks", "days"


class CohortDialog(FormDialog):
    def __init__(
        self, context: AppContext, cohort_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        title = "New cohort" if cohort_id is None else "Edit cohort"
        super().__init__(context, title, parent, existing=cohort_id is not None)
        self.cohort_id = cohort_id
        self._labels_edited = False
        body = QVBoxLayout()
        body.addLayout(self._details())
        self.participants: ParticipantsPanel | None = None
        if cohort_id is not None:
            self.participants = ParticipantsPanel(context, cohort_id, self)
            body.addWidget(self.participants, 1)
            self._load(cohorts.get_cohort(cohort_id))
        else:
            self._apply_default_labels()
            hint = QLabel("After saving, open the cohort again to add its participants.")
            hint.setWordWrap(True)
            body.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self._watch_fields()
        self.revalidate()
        self.size_comfortably(100, 24 if cohort_id is None else 44)

    def _details(self) -> QFormLayout:
        self.name = QLineEdit()
        self.name.setPlaceholderText("For example “Reverse mentoring 2027”")
        self.kind = QComboBox()
        for kind in CohortKind:
            self.kind.addItem(KIND_HINTS[kind], kind.value)
        self.start_date = OptionalDateEdit("Set", lambda: today(self.context.clock))
        self.start_date.set_accessible_name("Start date")
        self.end_date = OptionalDateEdit("Set", lambda: today(self.context.clock))
        self.end_date.set_accessible_name("End date")
        self.cadence = QSpinBox()
        self.cadence.setRange(1, 365)
        self.cadence.setPrefix("every ")
        self.cadence.setAccessibleName("Meet every")
        self.cadence_unit = QComboBox()
        self.cadence_unit.addItem(WEEKS, WEEKS)
        self.cadence_unit.addItem(DAYS, DAYS)
        self.cadence_unit.setAccessibleName("Cadence unit")
        cadence = QWidget()
        row = QHBoxLayout(cadence)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.cadence)
        row.addWidget(self.cadence_unit)
        row.addStretch(1)
        cadence.setFocusProxy(self.cadence)
        self.session_minutes = minutes_spin(10, 480)
        self.session_minutes.setValue(60)
        self.mentor_label = QLineEdit()
        self.mentee_label = QLineEdit()
        form = new_form()
        self.add_field(form, "&Name:", self.name, "name")
        self.add_field(form, "&Kind:", self.kind, "kind")
        self.add_field(form, "&Start date:", self.start_date, "start_date")
        self.add_field(form, "&End date:", self.end_date, "end_date")
        self.add_field(form, "&Pairs meet:", cadence, "cadence_days")
        self.add_field(form, "Session &length:", self.session_minutes, "session_minutes")
        self.add_field(form, "&Mentor role is called:", self.mentor_label, "mentor_label")
        self.add_field(form, "Men&tee role is called:", self.mentee_label, "mentee_label")
        self.set_cadence_days(21)
        return form

    def _watch_fields(self) -> None:
        self.watch("name", self.name.textChanged)
        self.watch("kind", self.kind.currentIndexChanged)
        self.watch("start_date", self.start_date.date_changed)
        self.watch("end_date", self.end_date.date_changed, self.start_date.date_changed)
        self.watch("cadence_days", self.cadence.valueChanged, self.cadence_unit.currentIndexChanged)
        self.watch("session_minutes", self.session_minutes.valueChanged)
        self.kind.currentIndexChanged.connect(lambda _index: self._apply_default_labels())
        for edit in (self.mentor_label, self.mentee_label):
            edit.textEdited.connect(self._label_edited)

    def _label_edited(self) -> None:
        typed = (self.mentor_label.text().strip(), self.mentee_label.text().strip())
        self._labels_edited = typed != CohortKind(self.kind.currentData()).default_role_labels

    def _apply_default_labels(self) -> None:
        if self._labels_edited:
            return
        mentor, mentee = CohortKind(self.kind.currentData()).default_role_labels
        self.mentor_label.setText(mentor)
        self.mentee_label.setText(mentee)

    def set_cadence_days(self, days: int) -> None:
        weekly = days % 7 == 0
        select_data(self.cadence_unit, WEEKS if weekly else DAYS)
        self.cadence.setValue(days // 7 if weekly else days)

    def cadence_days(self) -> int:
        factor = 7 if self.cadence_unit.currentData() == WEEKS else 1
        return self.cadence.value() * factor

    def _load(self, draft: CohortDraft) -> None:
        self._labels_edited = (draft.mentor_label, draft.mentee_label) != CohortKind(
            draft.kind
        ).default_role_labels
        self.name.setText(draft.name)
        select_data(self.kind, draft.kind)
        self.start_date.set_value(draft.start_date)
        self.end_date.set_value(draft.end_date)
        self.set_cadence_days(draft.cadence_days)
        self.session_minutes.setValue(draft.session_minutes)
        self.mentor_label.setText(draft.mentor_label)
        self.mentee_label.setText(draft.mentee_label)

    def draft(self) -> CohortDraft:
        return CohortDraft(
            name=self.name.text(),
            kind=self.kind.currentData(),
            start_date=self.start_date.value(),
            end_date=self.end_date.value(),
            cadence_days=self.cadence_days(),
            session_minutes=self.session_minutes.value(),
            mentor_label=self.mentor_label.text(),
            mentee_label=self.mentee_label.text(),
        )

    def problems(self) -> Mapping[str, str]:
        return cohorts.validate_cohort(self.draft(), self.cohort_id)

    def save(self) -> Edit:
        if self.cohort_id is None:
            return edits.add_cohort(self.draft(), self.context.clock)
        return edits.update_cohort(self.cohort_id, self.draft())
