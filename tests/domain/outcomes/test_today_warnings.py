"""Today's outcome warnings, at moments a test chooses: check-ins coming up and overdue, forms
not returned after two weeks, and answers that signal trouble until they are handled."""

from __future__ import annotations

from datetime import datetime, timedelta

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.attention import (
    AttentionGroup,
    AttentionItem,
    AttentionKind,
    Severity,
    attention_items,
)
from revmentor_desktop.domain.outcomes import concerns, forms
from revmentor_desktop.domain.outcomes.questions import AnswerKind, Questionnaire
from revmentor_desktop.storage.database import DataFile
from tests.reports.programme import NOW, Programme, build_programme, clock, clock_at

OUTCOME_KINDS = (
    AttentionKind.CHECK_IN_DUE,
    AttentionKind.CHECK_IN_OVERDUE,
    AttentionKind.NOT_RETURNED,
    AttentionKind.CONCERN,
)


def _warnings(moment: datetime) -> list[tuple[AttentionGroup, str, str]]:
    return [
        (item.group, item.subject, item.sentence)
        for item in attention_items(clock_at(moment))
        if item.kind in OUTCOME_KINDS
    ]


def _concern_items(moment: datetime = NOW) -> list[AttentionItem]:
    return [
        item for item in attention_items(clock_at(moment)) if item.kind is AttentionKind.CONCERN
    ]


def _checkin_form(programme: Programme, name: str) -> forms.FormToFill:
    person = programme.names[name]
    return forms.issue_forms(
        programme.cohort_id, Questionnaire.CHECKIN, [person], clock=clock, mark_issued=False
    )[0]


def test_a_check_in_is_coming_up_in_its_last_week_then_overdue_until_everyone_answers(
    data_file: DataFile,
) -> None:
    programme = build_programme()
    cohort = programme.cohort_name
    # The check-in is half-way: Sat 25 Jul. The starting point (2 Mar) is chased until then.
    assert _warnings(datetime(2026, 7, 17, 9)) == [
        (
            AttentionGroup.FORMS_OVERDUE,
            cohort,
            "Starting point was due Mon 2 Mar, 4 months ago — 10 of 10 people have not answered",
        )
    ]
    assert _warnings(datetime(2026, 7, 20, 9))[1] == (
        AttentionGroup.CHECK_INS_DUE,
        cohort,
        "Check-in due Sat 25 Jul — 10 of 10 people still to answer",
    )
    overdue = datetime(2026, 7, 27, 9)
    assert _warnings(overdue) == [
        (
            AttentionGroup.FORMS_OVERDUE,
            cohort,
            "Check-in was due Sat 25 Jul, 2 days ago — 10 of 10 people have not answered",
        )
    ]
    for form in forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, clock=clock):
        forms.record_answers(form.form_id, {"checkin.comfort": 4}, forms.Channel.PAPER, clock)
        if form.person_id == programme.names["Agnès Dubois"]:
            assert "9 of 10 people have not answered" in _warnings(overdue)[0][2]
    assert _warnings(overdue) == []


def test_a_form_sent_and_not_returned_is_listed_after_two_weeks(data_file: DataFile) -> None:
    programme = build_programme()
    jorg = programme.names["Jörg Müller"]
    forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, [jorg], clock=clock)
    not_returned = [
        item
        for item in attention_items(clock_at(NOW + timedelta(days=15)))
        if item.kind is AttentionKind.NOT_RETURNED
    ]
    assert [
        (item.subject, item.sentence, item.target_kind, item.target_id) for item in not_returned
    ] == [
        (
            "Jörg Müller",
            "Check-in form sent 2 weeks ago, not returned yet",
            "pair",
            programme.pair_id,
        )
    ]
    assert not_returned[0].severity is Severity.AMBER
    still_fresh = attention_items(clock_at(NOW + timedelta(days=14)))
    assert AttentionKind.NOT_RETURNED not in [item.kind for item in still_fresh]


def test_answers_that_signal_trouble_are_red_on_today_until_marked_handled(
    data_file: DataFile,
) -> None:
    programme = build_programme()
    agnes = _checkin_form(programme, "Agnès Dubois")
    answers = {"checkin.comfort": 2, "checkin.usefulness": 4, "checkin.wants-help": "yes"}
    forms.record_answers(agnes.form_id, answers, forms.Channel.PAPER, clock)
    jorg = _checkin_form(programme, "Jörg Müller")
    forms.record_answers(jorg.form_id, {"checkin.usefulness": 3}, forms.Channel.PAPER, clock)
    [item] = _concern_items()
    assert (item.subject, item.sentence) == (
        "Agnès Dubois",
        "Check-in (Reverse mentoring 2026): comfort rated 2 of 5; asks for the coordinator's help",
    )
    assert (item.severity, item.target_kind, item.target_id) == (
        Severity.RED,
        "form",
        agnes.form_id,
    )
    handled = edits.mark_handled(agnes.form_id, clock)
    assert _concern_items() == []
    edits.undo(handled)
    assert [item.target_id for item in _concern_items()] == [agnes.form_id]


def test_a_private_note_is_a_concern_and_new_answers_raise_it_again(data_file: DataFile) -> None:
    programme = build_programme()
    form = _checkin_form(programme, "Jörg Müller")
    note = {"checkin.for-the-coordinator": "I would rather talk to you in person"}
    forms.record_answers(form.form_id, note, forms.Channel.PAPER, clock)
    [item] = _concern_items()
    assert item.sentence.endswith(": a private note to the coordinator")
    forms.mark_handled(form.form_id, clock)
    assert _concern_items() == []
    forms.record_answers(form.form_id, note, forms.Channel.PDF, clock, replace_answered=True)
    assert len(_concern_items()) == 1


def test_the_trouble_rule() -> None:
    rule = concerns.concern_of
    rating, yes_no = AnswerKind.RATING, AnswerKind.YES_NO
    assert rule("checkin.comfort", rating, 1, None) == "comfort rated 1 of 5"
    assert rule("ending-early.usefulness", rating, 2, None) == "usefulness rated 2 of 5"
    assert rule("checkin.usefulness", rating, 3, None) is None
    assert rule("starting.communication.all", rating, 1, None) is None, "a starting point"
    assert rule("checkin.wants-help", yes_no, 1, None) == "asks for the coordinator's help"
    assert rule("checkin.wants-help", yes_no, 0, None) is None
    assert rule("checkin.meeting-as-planned", yes_no, 0, None) is None
    assert rule("checkin.for-the-coordinator", AnswerKind.PRIVATE_TEXT, None, "  ") is None
    assert rule("closing.advice", AnswerKind.TEXT, None, "Be brave") is None
