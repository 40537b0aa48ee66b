"""What needs the coordinator's attention today, in groups, most urgent first, in plain words.

Today shows these groups in this order; an empty group is not shown:

- **Needs you now**: kept short on purpose, only what gets worse or harder to put right with
  every day left alone:
  - a session that took place more than ``MARK_WITHIN_DAYS`` days ago and is still not marked
    held or cancelled (memories fade, and until it is marked the pair's health is wrong);
  - people taking part in a cohort that has not ended without recorded consent (their data is
    kept without it, and the matching assistant leaves them out), one line per cohort.
- **Answers that raise a concern** (red): a returned form, not yet marked handled, rating
  comfort or usefulness 1 or 2, asking for the coordinator's help or holding a private note
  (``outcomes.concerns``).
- **Stalled**: active pairs whose health is red (no meeting for more than three times their
  cadence, or none at all that long after starting).
- **Needs a nudge**: active pairs whose health is amber.
- **Sessions to mark**: sessions that took place in the last ``MARK_WITHIN_DAYS`` days and are
  still planned.
- **Check-ins and forms overdue**: a check-in point passed while people due it have not
  answered; a form sent out and not returned after two weeks (``outcomes.reminders``).
- **Agreements to sign**: proposed pairs whose agreement is not signed yet.
- **People without a pair**: per cohort that has not ended, who is enrolled but in no pair.
- **Check-ins coming up**: a check-in point within the next week.
- **This week's sessions**: planned sessions in the next ``UPCOMING_DAYS`` days.

Each item says who it is about (``subject``) and what is wrong (``sentence``) in words a person
reads aloud, so the window and a printed report can say the same thing. The whole list comes
from a handful of queries, never one per item: Today must stay quick on a large file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import IntEnum, StrEnum

from revmentor_desktop.domain import cohorts, sessions
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_near_day, format_time
from revmentor_desktop.domain.health import HEALTH_WORDS, HealthLevel
from revmentor_desktop.domain.outcomes import concerns, reminders
from revmentor_desktop.domain.pairs import (
    FlaggedPair,
    UnsignedPair,
    pairs_awaiting_agreement,
    pairs_needing_attention,
)
from revmentor_desktop.domain.vocabulary import SessionStatus, agree, cadence_phrase, plural

UPCOMING_DAYS = 7
MARK_WITHIN_DAYS = 7
NAMES_SHOWN = 3


class Severity(IntEnum):
    """How urgent an item is; lower sorts first."""

    RED = 0
    AMBER = 1
    INFO = 2


# Urgency in words, beside the colour of its dot: never colour alone.
URGENCY_WORDS = {
    Severity.RED: "Urgent",
    Severity.AMBER: "Soon",
    Severity.INFO: "When you can",
}


class AttentionGroup(IntEnum):
    """Today's headings; the order is the order of urgency."""

    NOW = 0
    CONCERNS = 1
    STALLED = 2
    NUDGE = 3
    TO_MARK = 4
    FORMS_OVERDUE = 5
    AGREEMENTS = 6
    UNPAIRED = 7
    CHECK_INS_DUE = 8
    THIS_WEEK = 9

    @property
    def title(self) -> str:
        return _GROUP_TITLES[self]

    @property
    def severity(self) -> Severity:
        if self in (AttentionGroup.NOW, AttentionGroup.CONCERNS, AttentionGroup.STALLED):
            return Severity.RED
        if self in (AttentionGroup.NUDGE, AttentionGroup.TO_MARK, AttentionGroup.FORMS_OVERDUE):
            return Severity.AMBER
        return Severity.INFO


_GROUP_TITLES = {
    AttentionGroup.NOW: "Needs you now",
    AttentionGroup.CONCERNS: "Answers that raise a concern",
    AttentionGroup.STALLED: HEALTH_WORDS[HealthLevel.RED],
    AttentionGroup.NUDGE: HEALTH_WORDS[HealthLevel.AMBER],
    AttentionGroup.TO_MARK: "Sessions to mark",
    AttentionGroup.FORMS_OVERDUE: "Check-ins and forms overdue",
    AttentionGroup.AGREEMENTS: "Agreements to sign",
    AttentionGroup.UNPAIRED: "People without a pair",
    AttentionGroup.CHECK_INS_DUE: "Check-ins coming up",
    AttentionGroup.THIS_WEEK: "This week's sessions",
}


class AttentionKind(StrEnum):
    NO_CONSENT = "no consent"
    NO_FIRST_SESSION = "no first session"
    OVERDUE = "overdue"
    PAST_PLANNED = "past planned session"
    NO_AGREEMENT = "no agreement"
    UNPAIRED = "unpaired"
    UPCOMING = "upcoming session"
    CONCERN = "concern"
    CHECK_IN_OVERDUE = "check-in overdue"
    NOT_RETURNED = "form not returned"
    CHECK_IN_DUE = "check-in due"


@dataclass(frozen=True)
class AttentionItem:
    kind: AttentionKind
    group: AttentionGroup
    subject: str  # who or what it is about: a pair's names, a cohort's name
    sentence: str  # what needs doing, as a plain sentence without a final full stop
    target_kind: str  # "pair", "session", "cohort", "person" or "form": which record opens
    target_id: int

    @property
    def severity(self) -> Severity:
        return self.group.severity

    @property
    def urgency(self) -> str:
        return URGENCY_WORDS[self.severity]

    @property
    def text(self) -> str:
        return f"{self.subject}: {self.sentence}"


# --- Words --------------------------------------------------------------------------------


def _ago(days: int) -> str:
    """How long ago, as a person would say it: "yesterday", "9 days ago", "3 weeks ago"."""
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    return f"{plural(days // 30, 'month')} ago"


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def _pair_label(row: FlaggedPair | UnsignedPair | sessions.SessionRow) -> str:
    """Who a pair is, as Today names it."""
    return f"{row.mentor_name} & {row.mentee_name}"


def health_sentence(row: FlaggedPair, today: date) -> str:
    """Why a pair is amber or red: how long without a meeting against how often they meant to."""
    planned = f"they planned to meet {cadence_phrase(row.cadence_days)}"
    if row.last_held is not None:
        silent = (today - row.last_held).days
        return f"No meeting for {plural(silent, 'day')} — {planned}"
    if row.start_date is None:
        return "Active, but has no start date and no meeting yet"
    waited = (today - row.start_date).days
    return f"No meeting yet, {plural(waited, 'day')} after they started — {planned}"


# --- Items --------------------------------------------------------------------------------


def _health_items(clock: Clock) -> list[AttentionItem]:
    today = clock().date()
    flagged = pairs_needing_attention(clock)
    flagged.sort(key=lambda row: row.last_held or row.start_date or date.min)
    items = []
    for row in flagged:
        kind = AttentionKind.NO_FIRST_SESSION if row.last_held is None else AttentionKind.OVERDUE
        red = row.health.level == HealthLevel.RED
        group = AttentionGroup.STALLED if red else AttentionGroup.NUDGE
        items.append(
            AttentionItem(
                kind, group, _pair_label(row), health_sentence(row, today), "pair", row.id
            )
        )
    return items


def _agreement_items(today: date) -> list[AttentionItem]:
    return [
        AttentionItem(
            AttentionKind.NO_AGREEMENT,
            AttentionGroup.AGREEMENTS,
            _pair_label(row),
            f"Agreement not signed yet — paired {_ago((today - row.proposed_on).days)}",
            "pair",
            row.id,
        )
        for row in pairs_awaiting_agreement()
    ]


def _planned_rows(date_from: datetime | None, date_to: datetime) -> list[sessions.SessionRow]:
    query = sessions.SessionQuery(
        status=SessionStatus.PLANNED.value,
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date(),
        sort_by="starts_at",
        descending=False,
    )
    return sessions.list_sessions(query)


def _past_planned_items(now: datetime) -> list[AttentionItem]:
    items = []
    today = now.date()
    for row in _planned_rows(None, now):
        if row.starts_at + timedelta(minutes=row.duration_minutes) > now:
            continue
        days = (today - row.starts_at.date()).days
        group = AttentionGroup.NOW if days > MARK_WITHIN_DAYS else AttentionGroup.TO_MARK
        sentence = (
            f"Session on {format_near_day(row.starts_at.date(), today)}"
            f" not yet marked held or cancelled — {_ago(days)}"
        )
        items.append(
            AttentionItem(
                AttentionKind.PAST_PLANNED, group, _pair_label(row), sentence, "session", row.id
            )
        )
    return items


def _upcoming_items(now: datetime) -> list[AttentionItem]:
    today = now.date()
    return [
        AttentionItem(
            AttentionKind.UPCOMING,
            AttentionGroup.THIS_WEEK,
            _pair_label(row),
            f"Session on {format_near_day(row.starts_at.date(), today)}"
            f" at {format_time(row.starts_at)}",
            "session",
            row.id,
        )
        for row in _planned_rows(now, now + timedelta(days=UPCOMING_DAYS))
        if row.starts_at + timedelta(minutes=row.duration_minutes) > now
    ]


_COHORT_ITEM_GROUPS = {
    AttentionKind.NO_CONSENT: AttentionGroup.NOW,
    AttentionKind.UNPAIRED: AttentionGroup.UNPAIRED,
}


def _cohort_item(
    kind: AttentionKind, cohort_id: int, cohort_name: str, sentence: str
) -> AttentionItem:
    return AttentionItem(
        kind, _COHORT_ITEM_GROUPS[kind], cohort_name, sentence, "cohort", cohort_id
    )


def _cohort_items(now: datetime) -> list[AttentionItem]:
    """Per cohort that has not ended: who takes part without consent, who has no pair."""
    running = cohorts.running_cohorts(now.date())
    ids = [cohort_id for cohort_id, _ in running]
    unpaired = cohorts.unpaired_names_by_cohort(ids)
    no_consent = cohorts.names_without_consent_by_cohort(ids)
    items = []
    for cohort_id, cohort_name in running:
        if missing := no_consent.get(cohort_id):
            sentence = (
                f"{plural(len(missing), 'person')} {agree('take part', len(missing))}"
                f" without consent recorded: {_names(missing)}"
            )
            items.append(_cohort_item(AttentionKind.NO_CONSENT, cohort_id, cohort_name, sentence))
        if waiting := unpaired.get(cohort_id):
            sentence = (
                f"{plural(len(waiting), 'person')} {agree('have no pair', len(waiting))}"
                f" yet: {_names(waiting)}"
            )
            items.append(_cohort_item(AttentionKind.UNPAIRED, cohort_id, cohort_name, sentence))
    return items


def _concern_items() -> list[AttentionItem]:
    return [
        AttentionItem(
            AttentionKind.CONCERN,
            AttentionGroup.CONCERNS,
            concern.person_name,
            f"{concern.questionnaire.title} ({concern.cohort_name}): {'; '.join(concern.reasons)}",
            "form",
            concern.form_id,
        )
        for concern in concerns.open_concerns()
    ]


def _check_in_items(today: date) -> list[AttentionItem]:
    items = []
    for reminder in reminders.check_in_reminders(today):
        waiting = f"{reminder.waiting} of {plural(reminder.due_people, 'person', 'people')}"
        title = reminder.questionnaire.title
        when = format_near_day(reminder.due_date, today)
        if reminder.is_overdue(today):
            kind, group = AttentionKind.CHECK_IN_OVERDUE, AttentionGroup.FORMS_OVERDUE
            sentence = (
                f"{title} was due {when}, {_ago((today - reminder.due_date).days)} — "
                f"{waiting} {agree('have', reminder.waiting)} not answered"
            )
        else:
            kind, group = AttentionKind.CHECK_IN_DUE, AttentionGroup.CHECK_INS_DUE
            sentence = f"{title} due {when} — {waiting} still to answer"
        items.append(
            AttentionItem(kind, group, reminder.cohort_name, sentence, "cohort", reminder.cohort_id)
        )
    return items


def _unreturned_items(now: datetime) -> list[AttentionItem]:
    items = []
    for form in reminders.unreturned_forms(now):
        sent = _ago((now.date() - form.issued_at.date()).days)
        target = ("pair", form.pair_id) if form.pair_id is not None else ("person", form.person_id)
        items.append(
            AttentionItem(
                AttentionKind.NOT_RETURNED,
                AttentionGroup.FORMS_OVERDUE,
                form.person_name,
                f"{form.questionnaire.title} form sent {sent}, not returned yet",
                *target,
            )
        )
    return items


def attention_items(clock: Clock = system_clock) -> list[AttentionItem]:
    """Everything to look at today, by group in order of urgency.

    Within a group the most pressing come first: the longest silent pairs, the oldest sessions
    to mark, the longest unsigned agreements, the soonest sessions.
    """
    now = clock()
    items = (
        _health_items(clock)
        + _past_planned_items(now)
        + _agreement_items(now.date())
        + _cohort_items(now)
        + _upcoming_items(now)
        + _concern_items()
        + _check_in_items(now.date())
        + _unreturned_items(now)
    )
    return sorted(items, key=lambda item: item.group)  # stable: keeps each group's own order


def grouped(items: list[AttentionItem]) -> list[tuple[AttentionGroup, list[AttentionItem]]]:
    """The items under their headings, in order of urgency; groups without items left out."""
    by_group: dict[AttentionGroup, list[AttentionItem]] = {}
    for item in items:
        by_group.setdefault(item.group, []).append(item)
    return [(group, by_group[group]) for group in AttentionGroup if group in by_group]
