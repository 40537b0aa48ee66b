"""Create or edit a pair: who mentors whom in which cohort, their focus, goals and notes."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QComboBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from revmentor_desktop.domain import cohorts, edits, namesakes, pairs, sessions
from revmentor_desktop.domain.clock import today
from revmentor_desktop.domain.conflicts import Loaded
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.pairs import PairDraft
from revmentor_desktop.domain.plans import pair_plans
from revmentor_desktop.domain.vocabulary import PairStatus, Role
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.activate_pair_dialog import ActivatePairDialog
from revmentor_desktop.ui.dialogs.end_pair_dialog import EndPairEarlyDialog
from revmentor_desktop.ui.dialogs.pair_messages import PairMessages
from revmentor_desktop.ui.dialogs.pair_parts import SessionsList, StatusBar
from revmentor_desktop.ui.dialogs.pair_plan import PairPlanEditor
from revmentor_desktop.ui.dialogs.prepare_messages_dialog import PrepareMessagesDialog
from revmentor_desktop.ui.dialogs.session_dialog import SessionDialog
from revmentor_desktop.ui.widgets.choices import select_data, text_area
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.goals_editor import GoalsEditor
from revmentor_desktop.ui.widgets.optional_date import OptionalDateEdit
from revmentor_desktop.ui.widgets.private_notes import PrivateNotes
from revmentor_desktop.ui.widgets.record_history import RecordHistory
from revmentor_desktop.ui.widgets.screen_fit import scrolling
from revmentor_desktop.ui.widgets.tag_editor import TagEditor, topic_suggestions

NOT_ENROLLED = " (not in this cohort)"
# Status actions that ask something first: from which date, or why.
ASKING_FIRST: dict[str, Callable[[AppContext, int, QWidget], FormDialog]] = {
    "activate": ActivatePairDialog,
    "end_early": EndPairEarlyDialog,
}


class PairDialog(FormDialog):
    def __init__(
        self,
        context: AppContext,
        pair_id: int | None = None,
        cohort_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "New pair" if pair_id is None else "Edit pair"
        super().__init__(context, title, parent, existing=pair_id is not None)
        self.pair_id = pair_id
        self.status = PairStatus.PROPOSED.value
        self._saved_mentor: tuple[int, int] | None = None  # (cohort, mentor) of this open pair
        self.child_dialog: QWidget | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(self._pair_tab()), "&Pair")
        self.goals = GoalsEditor()
        self.goals_tab = self.tabs.addTab(scrolling(self.goals), "&Goals")
        self.tabs.addTab(scrolling(self._notes_tab()), "Summary and &notes")
        layout = QVBoxLayout(self)
        if pair_id is not None:
            self.status_bar = StatusBar()
            self.status_bar.action_chosen.connect(self.run_action)
            self.status_bar.log_session.connect(self.log_session)
            self.sessions = SessionsList()
            self.sessions.open_session.connect(self.open_session)
            self.tabs.addTab(self.sessions, "&Sessions")
            self.plan = PairPlanEditor(context, pair_id)
            self.plan.changed.connect(self._show_plan_progress)
            self.plan.print_requested.connect(self.print_plan)
            self.plan_tab = self.tabs.addTab(self.plan, "Pla&n")
            self.messages = PairMessages()
            self.messages.prepare_requested.connect(self.prepare_messages)
            self.tabs.addTab(self.messages, "&Messages")
            self.history = RecordHistory("pair", pair_id)
            self.tabs.addTab(self.history, "Hist&ory")
            layout.addWidget(self.status_bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        if pair_id is not None:
            self.status = pairs.pair_status(pair_id)[0]
        self.loaded = None if pair_id is None else pairs.load_pair(pair_id)
        self._load(self.loaded.draft if self.loaded else None, cohort_id)
        self._watch_fields()
        self.revalidate()
        self.size_comfortably(100, 30)

    def _pair_tab(self) -> QWidget:
        self.cohort = QComboBox()
        for row in cohorts.list_cohorts(include_archived=False):
            self.cohort.addItem(row.name, row.id)
        self.mentor = QComboBox()
        self.mentor.setPlaceholderText("Choose…")
        self.mentee = QComboBox()
        self.mentee.setPlaceholderText("Choose…")
        self.start_date = self._date("Start date")
        self.end_date = self._date("Planned end date")
        self.agreement = OptionalDateEdit("Signed", lambda: today(self.context.clock))
        self.agreement.set_accessible_name("Agreement signed on")
        self.focus = TagEditor(topic_suggestions())
        page = QWidget()
        form = new_form()
        self.add_field(form, "&Cohort:", self.cohort, "cohort_id")
        self.mentor_label = self.add_field(form, "&Mentor:", self.mentor, "mentor_id")
        self.mentee_label = self.add_field(form, "Men&tee:", self.mentee, "mentee_id")
        self.add_field(form, "&Start date:", self.start_date, "start_date")
        self.add_field(form, "Planned &end date:", self.end_date, "end_date")
        self.add_field(form, "&Agreement signed:", self.agreement, "agreement_signed")
        self.add_field(form, "&Focus areas:", self.focus, "focus_areas")
        page.setLayout(form)
        return page

    def _date(self, name: str) -> OptionalDateEdit:
        edit = OptionalDateEdit("Set", lambda: today(self.context.clock))
        edit.set_accessible_name(name)
        return edit

    def _notes_tab(self) -> QWidget:
        self.summary = text_area("What the pair agreed to share, in a few sentences", lines=4)
        self.notes = PrivateNotes("this pair")
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = QLabel("Shareable &summary (may be shown to the pair and in reports):")
        heading.setWordWrap(True)
        heading.setBuddy(self.summary)
        self.summary.setAccessibleName("Shareable summary")
        layout.addWidget(heading)
        layout.addWidget(self.summary, 1)
        layout.addSpacing(self.fontMetrics().lineSpacing())
        layout.addWidget(self.notes, 1)
        return page

    def _watch_fields(self) -> None:
        self.cohort.currentIndexChanged.connect(lambda _index: self._cohort_changed())
        self.watch("cohort_id", self.cohort.currentIndexChanged)
        self.watch("mentor_id", self.mentor.currentIndexChanged)
        self.watch("mentee_id", self.mentee.currentIndexChanged)
        self.watch("start_date", self.start_date.date_changed)
        self.watch("end_date", self.end_date.date_changed, self.start_date.date_changed)
        self.watch("goals", self.goals.goals_changed)

    def _load(self, draft: PairDraft | None, cohort_id: int | None) -> None:
        if draft is not None:
            cohort_id = draft.cohort_id
            self._saved_mentor = (draft.cohort_id, draft.mentor_id)
            if self.cohort.findData(cohort_id) < 0:  # an archived cohort keeps its pairs
                name = cohorts.get_cohort(cohort_id).name
                self.cohort.addItem(f"{name} (archived)", cohort_id)
        if cohort_id is not None:
            select_data(self.cohort, cohort_id)
        self._cohort_changed()
        if draft is None:
            return
        select_data(self.mentor, draft.mentor_id)
        select_data(self.mentee, draft.mentee_id)
        self.start_date.set_value(draft.start_date)
        self.end_date.set_value(draft.end_date)
        self.agreement.set_value(draft.agreement_signed)
        self.focus.set_tags(draft.focus_areas)
        self.goals.set_goals(draft.goals)
        self.summary.setPlainText(draft.shared_summary)
        self.notes.set_text(draft.coordinator_notes)
        self.refresh_status()

    def _cohort_changed(self) -> None:
        cohort_id = self.cohort.currentData()
        if cohort_id is None:
            return
        cohort = cohorts.get_cohort(cohort_id)
        mentor_text, mentee_text = cohort.mentor_label, cohort.mentee_label
        if mentor_text == mentee_text:
            mentor_text, mentee_text = f"{mentor_text} 1", f"{mentee_text} 2"
        self.mentor_label.setText(f"&{mentor_text}:")
        self.mentee_label.setText(f"{mentee_text}:")
        self.mentor.setAccessibleName(mentor_text)
        self.mentee.setAccessibleName(mentee_text)
        rows = cohorts.list_participants(cohort_id)
        mentors = [row for row in rows if Role(row.role).can_mentor]
        mentees = [row for row in rows if Role(row.role).can_be_mentored]
        _fill(self.mentor, [(row.person_id, self._mentor_text(row)) for row in mentors])
        _fill(self.mentee, [(row.person_id, row.name) for row in mentees])

    def _mentor_text(self, row: cohorts.ParticipantRow) -> str:
        is_saved_mentor = self._saved_mentor == (self.cohort.currentData(), row.person_id)
        return pairs.mentor_choice(row, is_saved_mentor and PairStatus(self.status).is_open)

    def refresh_status(self) -> None:
        assert self.pair_id is not None
        self.status, reason = pairs.pair_status(self.pair_id)
        self.status_bar.set_status(self.status, reason, pairs.allowed_actions(self.status))
        self.status_bar.log_button.setEnabled(True)
        fixed = pairs.fixed_fields(self.status)
        for key, combo in (
            ("cohort_id", self.cohort),
            ("mentor_id", self.mentor),
            ("mentee_id", self.mentee),
        ):
            combo.setEnabled(key not in fixed)
        query = sessions.SessionQuery(pair_id=self.pair_id)
        self.sessions.set_rows(sessions.list_sessions(query))
        self.messages.refresh(self.pair_id)
        self.plan.refresh()
        self._show_plan_progress()

    def _show_plan_progress(self) -> None:
        """The Plan tab says how far along it the pair is: "Plan (3 of 8)"."""
        assert self.pair_id is not None
        progress = pair_plans.progress(self.pair_id)
        shown = f" ({progress.done} of {progress.total})" if progress.total else ""
        self.tabs.setTabText(self.plan_tab, f"Pla&n{shown}")
        self.tabs.setTabToolTip(self.plan_tab, progress.label)

    def print_plan(self) -> None:
        """The pair's plan booklet, in the document window (preview, save, print)."""
        from revmentor_desktop.reports.registry import KINDS
        from revmentor_desktop.ui.dialogs.document_dialog import show_document

        assert self.pair_id is not None
        self.child_dialog = show_document(self.context, KINDS["plan booklet"], self.pair_id, self)

    def run_action(self, action: str) -> None:
        assert self.pair_id is not None
        if action in ASKING_FIRST:
            dialog = ASKING_FIRST[action](self.context, self.pair_id, self)
            dialog.accepted.connect(self._after_action)
            self._open_child(dialog)
            return
        try:
            edit = edits.change_pair_status(self.pair_id, action, clock=self.context.clock)
        except DomainError as error:
            self.banner.set_problem(str(error))
            return
        self.context.edits.push(edit)
        self._after_action()

    def _after_action(self) -> None:
        """An action may have set the start or end date: show the saved dates."""
        assert self.pair_id is not None
        self.loaded = pairs.load_pair(self.pair_id)  # the action saved the pair: a new version
        saved = self.loaded.draft
        self.start_date.set_value(saved.start_date)
        self.end_date.set_value(saved.end_date)
        self.refresh_status()
        self.revalidate()

    def log_session(self) -> None:
        self._open_child(SessionDialog(self.context, pair_id=self.pair_id, parent=self))

    def open_session(self, session_id: int) -> None:
        self._open_child(SessionDialog(self.context, session_id=session_id, parent=self))

    def prepare_messages(self) -> None:
        assert self.pair_id is not None
        dialog = PrepareMessagesDialog(self.context, [self.pair_id], parent=self)
        self.child_dialog = dialog
        dialog.accepted.connect(lambda: self.messages.refresh(self.pair_id or 0))
        dialog.open()

    def _open_child(self, dialog: FormDialog) -> None:
        self.child_dialog = dialog
        dialog.accepted.connect(self.refresh_status)
        dialog.open()

    def draft(self) -> PairDraft:
        return PairDraft(
            cohort_id=self.cohort.currentData() or 0,
            mentor_id=self.mentor.currentData() or 0,
            mentee_id=self.mentee.currentData() or 0,
            start_date=self.start_date.value(),
            end_date=self.end_date.value(),
            focus_areas=self.focus.tags(),
            goals=self.goals.goals(),
            agreement_signed=self.agreement.value(),
            coordinator_notes=self.notes.text(),
            shared_summary=self.summary.toPlainText(),
        )

    def problems(self) -> Mapping[str, str]:
        problems = self._choice_problems()
        if not problems:
            problems = pairs.validate_pair(self.draft(), self.pair_id)
        self.goals.show_problems(problems)
        goal_trouble = any(key.startswith("goal_") for key in problems)
        self.tabs.setTabText(self.goals_tab, "&Goals ⚠" if goal_trouble else "&Goals")
        return problems

    def _choice_problems(self) -> dict[str, str]:
        if self.cohort.currentData() is None:
            return {"cohort_id": "Create a cohort first; pairs belong to a cohort."}
        problems = {}
        if self.mentor.currentData() is None:
            problems["mentor_id"] = f"Choose the {self.mentor.accessibleName().lower()}."
        if self.mentee.currentData() is None:
            problems["mentee_id"] = f"Choose the {self.mentee.accessibleName().lower()}."
        return problems

    def save(self) -> Edit:
        if self.pair_id is None:
            return edits.create_pair(self.draft(), self.context.clock)
        return edits.update_pair(self.pair_id, self.draft(), self.loaded)

    def rebase(self, loaded: Loaded[PairDraft], draft: PairDraft) -> None:
        self.loaded = loaded
        self._load(draft, draft.cohort_id)


def _fill(combo: QComboBox, people: list[tuple[int, str]]) -> None:
    """Refill ``combo``; someone already chosen stays listed, marked, if not in this cohort."""
    chosen_id = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for person_id, text in people:
        combo.addItem(text, person_id)
    if chosen_id is not None and combo.findData(chosen_id) < 0:
        combo.addItem(namesakes.person_label(chosen_id) + NOT_ENROLLED, chosen_id)
    combo.setCurrentIndex(combo.findData(chosen_id) if chosen_id is not None else -1)
    combo.blockSignals(False)
