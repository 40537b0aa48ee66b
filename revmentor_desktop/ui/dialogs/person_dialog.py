"""Add or edit a person: contact details, skills, consent, private notes, their programme and
the history of changes to their record."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import cohorts, edits, pairs, people, sessions
from revmentor_desktop.domain.clock import today
from revmentor_desktop.domain.conflicts import Loaded
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.domain.vocabulary import MeetingFormat
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.widgets.choices import choice_combo, select_data
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.optional_date import OptionalDateEdit
from revmentor_desktop.ui.widgets.person_picker import PersonPicker
from revmentor_desktop.ui.widgets.private_notes import PrivateNotes
from revmentor_desktop.ui.widgets.record_history import RecordHistory
from revmentor_desktop.ui.widgets.screen_fit import scrolling
from revmentor_desktop.ui.widgets.tag_editor import TagEditor, topic_suggestions

NO_GRADE = -1


class PersonDialog(FormDialog):
    def __init__(
        self, context: AppContext, person_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        title = "Add a person" if person_id is None else "Edit person"
        super().__init__(context, title, parent, existing=person_id is not None)
        self.person_id = person_id
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(self._details_tab()), "&Details")
        self.tabs.addTab(scrolling(self._skills_tab()), "S&kills")
        self.tabs.addTab(scrolling(self._consent_tab()), "&Consent and notes")
        if person_id is not None:
            self.tabs.addTab(scrolling(self._history_tab(person_id)), "&Programme")
            self.history = RecordHistory("person", person_id)
            self.tabs.addTab(self.history, "Hi&story")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.loaded = None if person_id is None else people.load_person(person_id)
        if self.loaded is not None:
            self._load(self.loaded.draft)
        self._watch_fields()
        self.revalidate()
        self.size_comfortably(100, 30)

    def _details_tab(self) -> QWidget:
        self.name = QLineEdit()
        self.name.setPlaceholderText("Required")
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@example.org")
        self.department = QComboBox()
        self.department.setEditable(True)
        self.department.addItems(people.departments())
        self.department.setCurrentIndex(-1)
        self.job_title = QLineEdit()
        self.manager = PersonPicker(none_label="No manager recorded")
        others = people.list_people(people.PeopleQuery())
        choices = [(row.id, row.label) for row in others]
        self.manager.set_people([item for item in choices if item[0] != self.person_id])
        self.hire_date = OptionalDateEdit("Known", lambda: today(self.context.clock))
        self.hire_date.set_accessible_name("Hire date")
        self.grade = QSpinBox()
        self.grade.setRange(NO_GRADE, 99)
        self.grade.setSpecialValueText("Not recorded")
        self.grade.setToolTip("Higher numbers are more senior.")
        self.location = QLineEdit()
        self.meeting_format = choice_combo(item.value for item in MeetingFormat)
        select_data(self.meeting_format, MeetingFormat.EITHER.value)
        page = QWidget()
        form = new_form()
        self.add_field(form, "&Name:", self.name, "name")
        self.add_field(form, "&E-mail:", self.email, "email")
        self.add_field(form, "De&partment:", self.department)
        self.add_field(form, "&Job title:", self.job_title)
        self.add_field(form, "&Manager:", self.manager, "manager_id")
        self.add_field(form, "&Hire date:", self.hire_date, "hire_date")
        self.add_field(form, "&Grade:", self.grade, "grade")
        self.add_field(form, "&Location:", self.location)
        self.add_field(form, "Prefers to &meet:", self.meeting_format, "meeting_format")
        page.setLayout(form)
        return page

    def _skills_tab(self) -> QWidget:
        suggestions = topic_suggestions()
        self.teaches = TagEditor(suggestions)
        self.learns = TagEditor(suggestions)
        page = QWidget()
        form = new_form()
        self.add_field(form, "Can &teach:", self.teaches)
        self.add_field(form, "Wants to &learn:", self.learns)
        hint = QLabel("Skills help you find good matches. Start typing to see suggestions.")
        hint.setWordWrap(True)
        form.addRow(hint)
        page.setLayout(form)
        return page

    def _consent_tab(self) -> QWidget:
        self.consent_date = OptionalDateEdit("Given", lambda: today(self.context.clock))
        self.consent_date.set_accessible_name("Consent date")
        self.consent_wording = QLineEdit()
        self.consent_wording.setPlaceholderText("For example “Consent form v2”")
        self.notes = PrivateNotes("this person")
        page = QWidget()
        layout = QVBoxLayout(page)
        form = new_form()
        self.add_field(form, "Consent &date:", self.consent_date)
        self.add_field(form, "Consent &wording version:", self.consent_wording)
        layout.addLayout(form)
        layout.addWidget(self.notes, 1)
        return page

    def _history_tab(self, person_id: int) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for heading, lines in _history(person_id, self.context):
            title = QLabel(f"<b>{heading}</b>")
            body = QLabel("\n".join(lines) or "None yet.")
            body.setWordWrap(True)
            body.setAccessibleName(heading)
            layout.addWidget(title)
            layout.addWidget(body)
        layout.addStretch(1)
        return page

    def _watch_fields(self) -> None:
        self.watch("name", self.name.textChanged)
        self.watch("email", self.email.textChanged)
        self.watch("manager_id", self.manager.person_changed)
        self.watch("hire_date", self.hire_date.date_changed)
        self.watch("grade", self.grade.valueChanged)
        self.watch("meeting_format", self.meeting_format.currentIndexChanged)

    def _load(self, draft: PersonDraft) -> None:
        self.name.setText(draft.name)
        self.email.setText(draft.email)
        self.department.setEditText(draft.department)
        self.job_title.setText(draft.job_title)
        self.manager.set_person_id(draft.manager_id)
        self.hire_date.set_value(draft.hire_date)
        self.grade.setValue(NO_GRADE if draft.grade is None else draft.grade)
        self.location.setText(draft.location)
        select_data(self.meeting_format, draft.meeting_format)
        self.teaches.set_tags(draft.teaches)
        self.learns.set_tags(draft.learns)
        self.consent_date.set_value(draft.consent_date)
        self.consent_wording.setText(draft.consent_wording)
        self.notes.set_text(draft.coordinator_notes)

    def draft(self) -> PersonDraft:
        grade = self.grade.value()
        return PersonDraft(
            name=self.name.text(),
            email=self.email.text(),
            department=self.department.currentText(),
            job_title=self.job_title.text(),
            manager_id=self.manager.person_id(),
            hire_date=self.hire_date.value(),
            grade=None if grade == NO_GRADE else grade,
            location=self.location.text(),
            meeting_format=self.meeting_format.currentData(),
            teaches=self.teaches.tags(),
            learns=self.learns.tags(),
            consent_date=self.consent_date.value(),
            consent_wording=self.consent_wording.text(),
            coordinator_notes=self.notes.text(),
        )

    def problems(self) -> Mapping[str, str]:
        problems = people.validate_person(self.draft(), self.person_id, today(self.context.clock))
        if self.manager.has_unknown_text():
            problems["manager_id"] = (
                f"No one called “{self.manager.currentText().strip()}” is listed; "
                "choose someone from the list or leave it empty."
            )
        return problems

    def save(self) -> Edit:
        if self.person_id is None:
            return edits.add_person(self.draft(), self.context.clock)
        return edits.update_person(self.person_id, self.draft(), self.context.clock, self.loaded)

    def rebase(self, loaded: Loaded[PersonDraft], draft: PersonDraft) -> None:
        self.loaded = loaded
        self._load(draft)


def _history(person_id: int, context: AppContext) -> list[tuple[str, list[str]]]:
    enrolments = [
        f"{row.cohort_name}: {row.role_label}" for row in cohorts.enrolments_of(person_id)
    ]
    pair_lines = [
        f"{row.mentor_name} and {row.mentee_name} in {row.cohort_name}: {row.status}"
        for row in pairs.list_pairs(pairs.PairQuery(person_id=person_id), context.clock)
    ]
    counts = sessions.person_sessions(person_id)
    session_lines = [counts.summary()]
    if counts.last_held:
        session_lines.append(f"Last held on {format_date(counts.last_held)}")
    return [("Cohorts", enrolments), ("Pairs", pair_lines), ("Sessions", session_lines)]
