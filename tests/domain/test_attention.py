"""The Today list: which records need the coordinator, and how urgently."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from revmentor_desktop.domain import cohorts, pairs, people, sessions
from revmentor_desktop.domain.attention import (
    AttentionGroup,
    AttentionItem,
    AttentionKind,
    Severity,
    attention_items,
    grouped,
)
from revmentor_desktop.domain.clock import Clock
from revmentor_desktop.storage.database import DataFile

START = datetime(2026, 3, 2, 9, 0)


def clock_at(moment: datetime) -> Clock:
    return lambda: moment


def _cohort(name: str = "Reverse 2026", cadence: int = 14) -> int:
    return cohorts.add_cohort(
        cohorts.CohortDraft(name, start_date=START.date(), cadence_days=cadence),
        clock_at(START),
    )


def _person(name: str, *, consent: bool = True) -> int:
    draft = people.PersonDraft(name, consent_date=START.date() if consent else None)
    return people.add_person(draft, clock_at(START))


def _pair(cohort_id: int, mentor: str, mentee: str, *, activate: bool = True) -> int:
    mentor_id = _person(mentor)
    mentee_id = _person(mentee)
    cohorts.enrol(cohort_id, mentor_id, "mentor")
    cohorts.enrol(cohort_id, mentee_id, "mentee")
    pair_id = pairs.create_pair(
        pairs.PairDraft(cohort_id, mentor_id, mentee_id, start_date=START.date()), clock_at(START)
    )
    if activate:
        pairs.change_status(pair_id, "activate", clock=clock_at(START))
    return pair_id


def _session(pair_id: int, when: datetime, status: str = "held") -> int:
    draft = sessions.SessionDraft(pair_id, when, status=status)
    return sessions.add_session(draft, clock_at(max(when, START) + timedelta(days=400)))


# The check-in reminders (tests/domain/outcomes/test_today_warnings.py) would add a starting
# point overdue to every cohort here, which answers no questionnaire.
CHECK_IN_KINDS = (AttentionKind.CHECK_IN_DUE, AttentionKind.CHECK_IN_OVERDUE)


def _items(moment: datetime) -> list[AttentionItem]:
    """What Today lists at ``moment``, leaving out the check-in reminders."""
    return [item for item in attention_items(clock_at(moment)) if item.kind not in CHECK_IN_KINDS]


def _kinds(moment: datetime) -> list[tuple[AttentionKind, Severity, int]]:
    return [(item.kind, item.severity, item.target_id) for item in _items(moment)]


def test_an_empty_file_needs_nothing(data_file: DataFile) -> None:
    assert attention_items(clock_at(START)) == []


def test_no_first_session_after_two_weeks(data_file: DataFile) -> None:
    pair_id = _pair(_cohort(cadence=14), "Ada", "Bo")
    assert _kinds(START + timedelta(days=14)) == []
    items = _items(START + timedelta(days=15))
    assert [(i.kind, i.severity, i.target_kind, i.target_id) for i in items] == [
        (AttentionKind.NO_FIRST_SESSION, Severity.AMBER, "pair", pair_id)
    ]
    assert "Ada & Bo" in items[0].text
    assert "15 days" in items[0].text


def test_a_pair_goes_green_amber_red_as_time_passes(data_file: DataFile) -> None:
    pair_id = _pair(_cohort(cadence=10), "Ada", "Bo")
    _session(pair_id, START + timedelta(days=1))
    last = START + timedelta(days=1)
    assert _kinds(last + timedelta(days=15)) == []
    assert _kinds(last + timedelta(days=16)) == [(AttentionKind.OVERDUE, Severity.AMBER, pair_id)]
    assert _kinds(last + timedelta(days=30)) == [(AttentionKind.OVERDUE, Severity.AMBER, pair_id)]
    assert _kinds(last + timedelta(days=31)) == [(AttentionKind.OVERDUE, Severity.RED, pair_id)]


def test_paused_and_finished_pairs_are_not_chased(data_file: DataFile) -> None:
    cohort_id = _cohort()
    paused = _pair(cohort_id, "Ada", "Bo")
    pairs.change_status(paused, "pause", clock=clock_at(START))
    done = _pair(cohort_id, "Cy", "Di")
    pairs.change_status(done, "complete", clock=clock_at(START))
    assert _kinds(START + timedelta(days=200)) == []


def test_a_planned_session_in_the_past_asks_to_be_marked(data_file: DataFile) -> None:
    pair_id = _pair(_cohort(), "Ada", "Bo")
    _session(pair_id, START + timedelta(days=1))
    planned = _session(pair_id, START + timedelta(days=5, hours=1), status="planned")
    during = START + timedelta(days=5, hours=1, minutes=30)
    assert (AttentionKind.PAST_PLANNED, Severity.AMBER, planned) not in _kinds(during)
    after = START + timedelta(days=5, hours=2)
    assert (AttentionKind.PAST_PLANNED, Severity.AMBER, planned) in _kinds(after)


def test_sessions_coming_up_this_week(data_file: DataFile) -> None:
    pair_id = _pair(_cohort(), "Ada", "Bo")
    _session(pair_id, START + timedelta(days=1))
    soon = _session(pair_id, START + timedelta(days=6), status="planned")
    later = _session(pair_id, START + timedelta(days=12), status="planned")
    kinds = _kinds(START + timedelta(days=2))
    assert (AttentionKind.UPCOMING, Severity.INFO, soon) in kinds
    assert all(target != later for _, _, target in kinds)


def test_proposed_pairs_without_an_agreement(data_file: DataFile) -> None:
    cohort_id = _cohort()
    proposed = _pair(cohort_id, "Ada", "Bo", activate=False)
    signed = _pair(cohort_id, "Cy", "Di", activate=False)
    draft = pairs.get_pair(signed)
    draft.agreement_signed = START.date()
    pairs.update_pair(signed, draft)
    assert _kinds(START) == [(AttentionKind.NO_AGREEMENT, Severity.INFO, proposed)]


def test_enrolled_people_without_a_pair_are_listed_by_cohort(data_file: DataFile) -> None:
    cohort_id = _cohort()
    _pair(cohort_id, "Ada", "Bo")
    for name in ("Zoë", "Yann", "Xavi", "Wen"):
        cohorts.enrol(cohort_id, _person(name), "mentee")
    items = _items(START)
    assert [(i.kind, i.target_kind, i.target_id) for i in items] == [
        (AttentionKind.UNPAIRED, "cohort", cohort_id)
    ]
    assert "4 people have no pair yet" in items[0].text
    assert "Wen, Xavi, Yann and 1 more" in items[0].text


def test_finished_cohorts_do_not_ask_for_pairs(data_file: DataFile) -> None:
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft("Old", start_date=date(2025, 1, 1), end_date=date(2025, 6, 1))
    )
    cohorts.enrol(cohort_id, _person("Zoë", consent=False), "mentee")
    assert _kinds(START) == []


@pytest.mark.parametrize("days", [16, 40])
def test_most_urgent_items_come_first(data_file: DataFile, days: int) -> None:
    cohort_id = _cohort(cadence=10)
    _pair(cohort_id, "Quiet", "Pair", activate=False)
    late = _pair(cohort_id, "Late", "Pair")
    severities = [item.severity for item in _items(START + timedelta(days=days))]
    assert severities == sorted(severities)
    assert _items(START + timedelta(days=days))[0].target_id == late


def _sentences(moment: datetime) -> list[tuple[AttentionGroup, str, str]]:
    return [(item.group, item.subject, item.sentence) for item in _items(moment)]


def test_a_stalled_pair_is_told_in_a_plain_sentence(data_file: DataFile) -> None:
    pair_id = _pair(_cohort(cadence=21), "Ada", "Bo")
    _session(pair_id, START + timedelta(days=1))
    items = _items(START + timedelta(days=118))
    assert [(i.group, i.target_id, i.urgency) for i in items] == [
        (AttentionGroup.STALLED, pair_id, "Urgent")
    ]
    assert items[0].subject == "Ada & Bo"
    assert items[0].sentence == "No meeting for 117 days — they planned to meet every 3 weeks"


def test_a_pair_that_never_met_says_how_long_since_it_started(data_file: DataFile) -> None:
    _pair(_cohort(cadence=14), "Ada", "Bo")
    assert _sentences(START + timedelta(days=20)) == [
        (
            AttentionGroup.NUDGE,
            "Ada & Bo",
            "No meeting yet, 20 days after they started — they planned to meet every 2 weeks",
        )
    ]


def test_the_longest_silent_pairs_come_first(data_file: DataFile) -> None:
    cohort_id = _cohort(cadence=7)
    recent = _pair(cohort_id, "Ada", "Bo")
    _session(recent, START + timedelta(days=10))
    quiet = _pair(cohort_id, "Cy", "Di")
    _session(quiet, START + timedelta(days=2))
    items = _items(START + timedelta(days=40))
    assert [item.target_id for item in items] == [quiet, recent]


def test_a_session_unmarked_for_over_a_week_needs_you_now(data_file: DataFile) -> None:
    pair_id = _pair(_cohort(cadence=14), "Ada", "Bo")
    _session(pair_id, START + timedelta(days=1))
    planned = _session(pair_id, START + timedelta(days=8, hours=5), status="planned")  # Tue 10 Mar
    week_later = START + timedelta(days=15, hours=5)
    assert _sentences(week_later) == [
        (
            AttentionGroup.TO_MARK,
            "Ada & Bo",
            "Session on Tue 10 Mar not yet marked held or cancelled — 7 days ago",
        )
    ]
    items = _items(week_later + timedelta(days=1))
    assert [(i.group, i.target_kind, i.target_id, i.urgency) for i in items] == [
        (AttentionGroup.NOW, "session", planned, "Urgent")
    ]
    assert items[0].sentence.endswith("— 8 days ago")


def test_an_unsigned_agreement_says_how_long_ago_they_were_paired(data_file: DataFile) -> None:
    _pair(_cohort(), "Ada", "Bo", activate=False)
    assert _sentences(START + timedelta(days=22)) == [
        (AttentionGroup.AGREEMENTS, "Ada & Bo", "Agreement not signed yet — paired 3 weeks ago")
    ]


def test_people_taking_part_without_consent_need_you_now(data_file: DataFile) -> None:
    cohort_id = _cohort("Reverse 2026")
    _pair(cohort_id, "Ada", "Bo")
    for name in ("Yann", "Xavi"):
        cohorts.enrol(cohort_id, _person(name, consent=False), "mentee")
    items = _items(START)
    consent = [item for item in items if item.kind == AttentionKind.NO_CONSENT]
    assert [(i.group, i.target_kind, i.target_id) for i in consent] == [
        (AttentionGroup.NOW, "cohort", cohort_id)
    ]
    assert consent[0].text == (
        "Reverse 2026: 2 people take part without consent recorded: Xavi, Yann"
    )
    assert items[0] == consent[0], "needs you now comes first"


def test_groups_come_in_order_of_urgency_and_empty_ones_are_left_out(data_file: DataFile) -> None:
    cohort_id = _cohort(cadence=10)
    _pair(cohort_id, "Quiet", "Pair", activate=False)
    _pair(cohort_id, "Late", "Pair")
    cohorts.enrol(cohort_id, _person("Wen", consent=False), "mentee")
    groups = grouped(_items(START + timedelta(days=40)))
    assert [(group.title, len(items)) for group, items in groups] == [
        ("Needs you now", 1),
        ("Stalled", 1),
        ("Agreements to sign", 1),
        ("People without a pair", 1),
    ]
    assert [group.severity for group, _ in groups] == [
        Severity.RED,
        Severity.RED,
        Severity.INFO,
        Severity.INFO,
    ]
