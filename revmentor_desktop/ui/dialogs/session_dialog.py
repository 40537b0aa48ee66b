"""Log or edit a session of a pair: when, how long, how it went and what each side took away."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from revmentor_desktop.domain import cohorts, edits, pairs, sessions
from revmentor_desktop.domain.clock import today
from revmentor_desktop.domain.conflicts import Loaded
from revmentor_desktop.domain.dates import format_day_and_month
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.plans import pair_plans
from revmentor_desktop.domain.sessions import SessionDraft
from revmentor_desktop.domain.vocabulary import (
    CancelledBy,
    MeetingFormat,
    SessionStatus,
)
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.undo import undo_key_text
from revmentor_desktop.ui.widgets.choices import choice_combo, minutes_spin, select_data, text_area
from revmentor_desktop.ui.widgets.feedback import confirm
from revmentor_desktop.ui.widgets.form_dialog import FormDialog, new_form
from revmentor_desktop.ui.widgets.optional_date import new_date_time_edit
from revmentor_desktop.ui.widgets.screen_fit import scrolling
from revmentor_desktop.ui.widgets.tag_editor import TagEditor, topic_suggestions

SESSION_FORMATS = (MeetingFormat.IN_PERSON, MeetingFormat.VIDEO_CALL, MeetingFormat.PHONE)


class SessionDialog(FormDialog):
    def __init__(
        self,
        context: AppContext,
        session_id: int | None = None,
        pair_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "Log a session" if session_id is None else "Edit session"
        super().__init__(context, title, parent, existing=session_id is not None)
        self.session_id = session_id
        self.loaded = None if session_id is None else sessions.load_session(session_id)
        if self.loaded is not None:
            draft = self.loaded.draft
        elif pair_id is not None:
            draft = sessions.default_session_for(pair_id, context.clock)
        else:
            draft = SessionDraft(pair_id=0, starts_at=context.clock().replace(minute=0, second=0))
        self.form = new_form()
        self._build(draft.pair_id if (session_id or pair_id) else None)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(self.form), 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self._load(draft)
        self._pair_changed()
        self._watch_fields()
        self.revalidate()
        self.size_comfortably(110, 40)

    def _build(self, fixed_pair_id: int | None) -> None:
        self.pair = QComboBox()
        for row in pairs.list_pairs(clock=self.context.clock):
            self.pair.addItem(
                f"{row.mentor_name} and {row.mentee_name} ({row.cohort_name})", row.id
            )
        if fixed_pair_id is not None:
            select_data(self.pair, fixed_pair_id)
            self.pair.setEnabled(False)
        self.starts_at = new_date_time_edit()
        self.duration = minutes_spin(5, 600)
        self.meeting_format = choice_combo(SESSION_FORMATS)
        self.status = choice_combo(item.value for item in SessionStatus)
        self.cancelled_by = QComboBox()
        self.topics = TagEditor(topic_suggestions())
        self.mentor_takeaways = text_area("In their own words, if they shared it")
        self.mentee_takeaways = text_area("In their own words, if they shared it")
        self.notes = text_area("Anything else worth remembering")
        self.plan_item = QComboBox()
        self.plan_item.setAccessibleName("The item of the pair's plan this session takes up")
        add = self.add_field
        add(self.form, "&Pair:", self.pair, "pair_id")
        add(self.form, "&Date and time:", self.starts_at, "starts_at")
        add(self.form, "&Length:", self.duration, "duration_minutes")
        add(self.form, "&Format:", self.meeting_format, "meeting_format")
        add(self.form, "&Status:", self.status, "status")
        self.cancelled_label = add(self.form, "Cancelled &by:", self.cancelled_by, "cancelled_by")
        add(self.form, "&Topics:", self.topics)
        add(self.form, "P&lan item:", self.plan_item)
        self.mentor_heading = add(self.form, "Mentor &took away:", self.mentor_takeaways)
        self.mentee_heading = add(self.form, "Mentee t&ook away:", self.mentee_takeaways)
        add(self.form, "&Notes:", self.notes)

    def _watch_fields(self) -> None:
        self.pair.currentIndexChanged.connect(lambda _index: self._pair_changed())
        self.status.currentIndexChanged.connect(lambda _index: self._status_changed())
        self.watch("pair_id", self.pair.currentIndexChanged)
        self.watch("starts_at", self.starts_at.dateTimeChanged, self.status.currentIndexChanged)
        self.watch("duration_minutes", self.duration.valueChanged)
        self.watch("status", self.status.currentIndexChanged)
        self.watch(
            "cancelled_by", self.cancelled_by.currentIndexChanged, self.status.currentIndexChanged
        )

    def _load(self, draft: SessionDraft) -> None:
        self.starts_at.setDateTime(QDateTime(draft.starts_at))
        self.duration.setValue(draft.duration_minutes)
        if self.meeting_format.findData(draft.meeting_format) < 0:
            self.meeting_format.addItem(draft.meeting_format.capitalize(), draft.meeting_format)
        select_data(self.meeting_format, draft.meeting_format)
        select_data(self.status, draft.status)
        self._cancelled_by_value = draft.cancelled_by
        self.topics.set_tags(draft.topics)
        self.mentor_takeaways.setPlainText(draft.mentor_takeaways)
        self.mentee_takeaways.setPlainText(draft.mentee_takeaways)
        self.notes.setPlainText(draft.notes)
        self._plan_item_value = draft.plan_item_id
        if self.session_id is None and draft.plan_item_id == sessions.PLAN_ITEM_UNCHANGED:
            self._plan_item_value = pair_plans.next_item(draft.pair_id) if draft.pair_id else None

    def _fill_plan_items(self, pair_id: int | None) -> None:
        """The pair's plan items no other session has taken up; hidden without a plan."""
        entries = pair_plans.pair_plan(pair_id) if pair_id is not None else []
        chosen = self.plan_item.currentData() if self.plan_item.count() else self._plan_item_value
        self.plan_item.blockSignals(True)
        self.plan_item.clear()
        self.plan_item.addItem("None (not from the plan)", None)
        for number, entry in enumerate(entries, start=1):
            taken = entry.session_id is not None and entry.session_id != self.session_id
            if not taken:
                self.plan_item.addItem(f"{number}. {entry.title}", entry.item_id)
        select_data(self.plan_item, chosen)
        self.plan_item.blockSignals(False)
        self.form.setRowVisible(self.plan_item, bool(entries))

    def _pair_changed(self) -> None:
        """Speak of the mentor and mentee in the cohort's words ("Reverse mentor" ...)."""
        pair_id = self.pair.currentData()
        mentor, mentee = "Mentor", "Mentee"
        if pair_id is not None:
            cohort = cohorts.get_cohort(pairs.get_pair(pair_id).cohort_id)
            mentor, mentee = cohort.mentor_label, cohort.mentee_label
        self.mentor_heading.setText(f"{mentor} &took away:")
        self.mentee_heading.setText(f"{mentee} t&ook away:")
        self.mentor_takeaways.setAccessibleName(f"What the {mentor.lower()} took away")
        self.mentee_takeaways.setAccessibleName(f"What the {mentee.lower()} took away")
        chosen = self.cancelled_by.currentData() or self._cancelled_by_value
        self.cancelled_by.blockSignals(True)
        self.cancelled_by.clear()
        self.cancelled_by.setPlaceholderText("Choose who cancelled")
        for who, label in ((CancelledBy.MENTOR, mentor), (CancelledBy.MENTEE, mentee)):
            self.cancelled_by.addItem(f"The {label.lower()}", who.value)
        self.cancelled_by.addItem("The coordinator", CancelledBy.COORDINATOR.value)
        self.cancelled_by.setCurrentIndex(self.cancelled_by.findData(chosen) if chosen else -1)
        self.cancelled_by.blockSignals(False)
        if self.plan_item.count() and pair_id is not None:
            self._plan_item_value = pair_plans.next_item(pair_id)
            self.plan_item.clear()
        self._fill_plan_items(pair_id)
        self._status_changed()

    def _status_changed(self) -> None:
        cancelled = self.status.currentData() == SessionStatus.CANCELLED
        self.form.setRowVisible(self.cancelled_by.parentWidget(), cancelled)

    def draft(self) -> SessionDraft:
        return SessionDraft(
            pair_id=self.pair.currentData() or 0,
            starts_at=_to_datetime(self.starts_at.dateTime()),
            duration_minutes=self.duration.value(),
            meeting_format=self.meeting_format.currentData(),
            status=self.status.currentData(),
            cancelled_by=self.cancelled_by.currentData() or "",
            topics=self.topics.tags(),
            mentor_takeaways=self.mentor_takeaways.toPlainText(),
            mentee_takeaways=self.mentee_takeaways.toPlainText(),
            notes=self.notes.toPlainText(),
            plan_item_id=self.plan_item.currentData(),
        )

    def problems(self) -> Mapping[str, str]:
        # A session before the pair's start is not refused: Save offers to move the start.
        return sessions.validate_session(self.draft(), today(self.context.clock), moving_start=True)

    def accept(self) -> None:
        started = sessions.start_date_conflict(self.draft())
        if started is None or self._may_move_start(started):
            super().accept()

    def _may_move_start(self, started: date) -> bool:
        session_day = self.draft().starts_at.date()
        now = today(self.context.clock)
        new_start = format_day_and_month(session_day, now)
        return confirm(
            self,
            "Move the pair's start date?",
            f"Move the pair's start date to {new_start}?\n\nThe pair started on "
            f"{format_day_and_month(started, now)}, after this session. Saving moves its start "
            f"back to the day of the session; {undo_key_text()} undoes both.",
        )

    def save(self) -> Edit:
        # accept() has asked before a session that comes before the pair's start.
        if self.session_id is None:
            return edits.add_session(self.draft(), self.context.clock, move_pair_start=True)
        return edits.update_session(
            self.session_id,
            self.draft(),
            self.context.clock,
            move_pair_start=True,
            base=self.loaded,
        )

    def rebase(self, loaded: Loaded[SessionDraft], draft: SessionDraft) -> None:
        self.loaded = loaded
        self._load(draft)


def _to_datetime(value: QDateTime) -> datetime:
    date, time = value.date(), value.time()
    return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
