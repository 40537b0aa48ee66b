"""Add or edit a cohort: its kind, dates, rhythm, role names and site, and who takes part.

One save model: the dialog collects the cohort's details and its participants as one draft and
Save stores them in one undoable edit, for a new cohort as for an existing one. The Cohort
actions button offers the window's cohort commands; those that read saved data save first.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import cohorts, edits
from revmentor_desktop.domain.clock import today
from revmentor_desktop.domain.cohorts import CohortDraft
from revmentor_desktop.domain.conflicts import Loaded
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.vocabulary import CohortKind, plural
from revmentor_desktop.ui import cohort_commands
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.cohort_participants import ParticipantsPanel
from revmentor_desktop.ui.menus import add_cohort_commands
from revmentor_desktop.ui.undo import undo_key_text
from revmentor_desktop.ui.widgets.choices import minutes_spin, select_data
from revmentor_desktop.ui.widgets.feedback import confirm
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.optional_date import OptionalDateEdit
from revmentor_desktop.ui.widgets.screen_fit import scrolling

KIND_HINTS = {
    CohortKind.REVERSE: "Reverse mentoring: junior colleagues mentor senior ones",
    CohortKind.TRADITIONAL: "Traditional mentoring: experienced colleagues mentor newer ones",
    CohortKind.MUTUAL: "Mutual mentoring: partners learn from each other",
}
WEEKS, DAYS = "weeks", "days"
SITE_NOTE = "On a server, a coordinator restricted to a site sees only that site's cohorts."


class CohortDialog(FormDialog):
    def __init__(
        self, context: AppContext, cohort_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        title = "New cohort" if cohort_id is None else "Edit cohort"
        super().__init__(context, title, parent, existing=cohort_id is not None)
        self.cohort_id = cohort_id
        self._labels_edited = False
        # The cohort as loaded, with the version its save is checked against (``conflicts``).
        self.loaded = cohorts.load_cohort(cohort_id) if cohort_id is not None else None
        self._navigated = False
        body = QVBoxLayout()
        body.addLayout(self._details())
        saved_participants = (self._saved.participants or []) if self._saved else []
        self.participants = ParticipantsPanel(context, cohort_id, saved_participants, self)
        self.feedback.register("participants", self.participants, self.participants.problems)
        body.addWidget(self.participants, 1)
        if self._saved is not None:
            self._load(self._saved)
        else:
            self._apply_default_labels()
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.banner)
        layout.addLayout(self._button_row())
        self._watch_fields()
        self._follow_words()
        context.requests.show_pairs.connect(self._on_navigation)
        self.revalidate()
        self.size_comfortably(100, 44)

    def _button_row(self) -> QHBoxLayout:
        """Save and Cancel, with the Cohort actions button at the other end."""
        self.command_actions: dict[str, QAction] = {}
        for name, command in cohort_commands.COMMANDS.items():
            if name != "open":  # the cohort is open already
                action = QAction(command.text, self)
                action.setToolTip(command.tip)
                action.triggered.connect(lambda _checked=False, name=name: self.run_command(name))
                self.command_actions[name] = action
        menu = QMenu(self)
        add_cohort_commands(menu, self.command_actions)
        menu.aboutToShow.connect(self._update_commands)
        self.commands_button = QPushButton("&Cohort actions")
        self.commands_button.setAutoDefault(False)
        self.commands_button.setMenu(menu)
        row = QHBoxLayout()
        row.addWidget(self.commands_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        return row

    @property
    def _saved(self) -> CohortDraft | None:
        """The cohort as last loaded or saved; None for a new one."""
        return self.loaded.draft if self.loaded is not None else None

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
        self.site = QLineEdit()
        self.site.setPlaceholderText("Optional, for example “North office”")
        form = new_form()
        self.add_field(form, "&Name:", self.name, "name")
        self.add_field(form, "&Kind:", self.kind, "kind")
        self.add_field(form, "&Start date:", self.start_date, "start_date")
        self.add_field(form, "&End date:", self.end_date, "end_date")
        self.add_field(form, "&Pairs meet:", cadence, "cadence_days")
        self.add_field(form, "Session &length:", self.session_minutes, "session_minutes")
        self.add_field(form, "&Mentor role is called:", self.mentor_label, "mentor_label")
        self.add_field(form, "Men&tee role is called:", self.mentee_label, "mentee_label")
        self.add_field(form, "S&ite:", self.site, "site")
        site_note = QLabel(SITE_NOTE)
        site_note.setWordWrap(True)
        form.addRow(site_note)
        self.set_cadence_days(21)
        return form

    def _watch_fields(self) -> None:
        self.watch("name", self.name.textChanged)
        self.watch("kind", self.kind.currentIndexChanged)
        self.watch("start_date", self.start_date.date_changed)
        self.watch("end_date", self.end_date.date_changed, self.start_date.date_changed)
        self.watch("cadence_days", self.cadence.valueChanged, self.cadence_unit.currentIndexChanged)
        self.watch("session_minutes", self.session_minutes.valueChanged)
        self.watch("participants", self.participants.changed)
        self.kind.currentIndexChanged.connect(lambda _index: self._apply_default_labels())
        for edit in (self.mentor_label, self.mentee_label):
            edit.textEdited.connect(self._label_edited)

    def _follow_words(self) -> None:
        """The participants list speaks of roles as the label fields name them."""

        def follow() -> None:
            self.participants.set_cohort_words(
                self.name.text(), self.mentor_label.text(), self.mentee_label.text()
            )

        for edit in (self.name, self.mentor_label, self.mentee_label):
            edit.textChanged.connect(follow)
        follow()

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
        self.site.setText(draft.site)

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
            site=self.site.text(),
            participants=self.participants.participants(),
        )

    def problems(self) -> Mapping[str, str]:
        return cohorts.validate_cohort(self.draft(), self.cohort_id)

    def save(self) -> Edit:
        if self.cohort_id is None:
            edit = edits.add_cohort(self.draft(), self.context.clock)
            self.cohort_id = edit.created_id
            return edit
        return edits.update_cohort(self.cohort_id, self.draft(), self.loaded)

    def rebase(self, loaded: Loaded[CohortDraft], draft: CohortDraft) -> None:
        self.loaded = loaded
        self._load(draft)
        self.participants.set_participants(self.cohort_id, draft.participants or [])

    def has_unsaved_changes(self) -> bool:
        return self._saved is None or self.draft() != self._saved

    # Cohort actions

    def _update_commands(self) -> None:
        """A new cohort can be matched or printed once saved; archived or deleted only then."""
        if self.cohort_id is None:
            applicable = {
                name
                for name, command in cohort_commands.COMMANDS.items()
                if command.reads_saved_data and name not in cohort_commands.CHANGING
            }
        else:
            applicable = cohort_commands.available(self.cohort_id)
        for name, action in self.command_actions.items():
            action.setVisible(name in applicable)

    def run_command(self, name: str) -> None:
        """Run a cohort command from here; one that reads saved data saves the draft first."""
        command = cohort_commands.COMMANDS[name]
        needs_saving = command.reads_saved_data and self.has_unsaved_changes()
        if (needs_saving and not self._save_first(command)) or self.cohort_id is None:
            return
        done = cohort_commands.run(name, self.context, self.cohort_id, self)
        if self._navigated or (done and name in cohort_commands.CHANGING):
            self.done(QDialog.DialogCode.Accepted)  # the cohort left the list, or we left it
        else:
            self._reload_saved()

    def _save_first(self, command: cohort_commands.CohortCommand) -> bool:
        action = command.text.replace("&", "").rstrip("…")
        draft = self.draft()
        people = plural(len(draft.participants or []), "participant")
        asked = confirm(
            self,
            "Save the cohort first?",
            f"{action} works on the saved cohort. Save “{draft.name.strip()}” with its "
            f"{people} now? {undo_key_text()} undoes the save.",
        )
        if not asked or not self.save_now():
            return False
        self._reload_saved()
        return True

    def _reload_saved(self) -> None:
        """After a save or a command: the dialog now edits the cohort as saved."""
        assert self.cohort_id is not None
        self.loaded = cohorts.load_cohort(self.cohort_id)
        self.setWindowTitle("Edit cohort")
        self.feedback.touch_all()
        self.participants.set_participants(self.cohort_id, self._saved.participants or [])
        self.revalidate()

    def _on_navigation(self) -> None:
        """A command from here asked the window to show records: close once it returns."""
        self._navigated = True
