"""The cohort report's Outcomes section and a pair's own before/after in its summary: the four
levels with their figures, hidden figures with their reasons, and no free text anywhere."""

from __future__ import annotations

import io

import pytest

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.reports.cohort_report import render_cohort_report
from revmentor_desktop.reports.progress import render_progress_summary
from revmentor_desktop.storage.database import DataFile
from tests.helpers.answering import fill, issued
from tests.reports.helpers import pdf_text
from tests.reports.programme import Programme, build_programme, clock

DOING = "I now ask the graduates before every rollout"
ADVICE = "Book the room early <advice>"
HOPES = "Finally understand TikTok"
PRIVATE = "My partner keeps cancelling, please call me"


def _answer_everything(programme: Programme) -> None:
    """Every mentor and mentee of the seven active pairs answers the starting point; all but
    one the closing questionnaire; six the check-in, each with words of their own."""
    starting = issued(programme.cohort_id, Questionnaire.STARTING)
    closing = issued(programme.cohort_id, Questionnaire.CLOSING)
    checkins = issued(programme.cohort_id, Questionnaire.CHECKIN)
    for form in starting.values():
        fill(form, 2, {"hopes": HOPES})
    for number, form in enumerate(closing.values()):
        if number:
            fill(
                form,
                4 if form.role == "mentee" else 3,
                {"recommend": 9, "do-differently": DOING, "advice": ADVICE},
            )
    for form in list(checkins.values())[:6]:
        fill(form, answers={"usefulness": 4, "comfort": 5, "for-the-coordinator": PRIVATE})


def _cohort_report_text(programme: Programme) -> str:
    buffer = io.BytesIO()
    render_cohort_report(report_data.cohort_report(programme.cohort_id, clock), buffer)
    return pdf_text(buffer.getvalue())


@pytest.fixture
def answered_report(data_file: DataFile) -> str:
    """The text of the cohort report once seven pairs have answered."""
    programme = build_programme(extra_pairs=5)
    _answer_everything(programme)
    return _cohort_report_text(programme)


def test_the_cohort_report_shows_the_four_levels_with_their_figures(answered_report: str) -> None:
    for expected in (
        "Outcomes",
        "Reaction: how people found the partnership",
        "Usefulness at the check-in (1–5) 6 4.0 of 5",
        "Would recommend the programme (0–10) 13 9.0 of 10",
        "Net recommendation score +100",
        "Learning: self-ratings before and after (1–5)",
        "Starting point",
        "Trust across levels of the organisation Mentee 7 2.0 4.0 +2.0 100 %",
        "Trust across levels of the organisation Reverse mentor 6 2.0 3.0 +1.0 100 %",
        "Behaviour: what people now do differently",
        "13 of 13 people who returned the closing questionnaire describe something",
        "Results: questionnaires answered and pairs completed",
        "Starting point 14 14 100 %",
        "Check-in 14 6 43 %",
    ):
        assert expected in answered_report


def test_figures_from_fewer_than_five_people_say_why_they_are_not_shown(
    answered_report: str,
) -> None:
    text = answered_report
    # Only the busy pair has focus areas: one person in each role rated them both times.
    assert "Confidence in the pair's focus areas Mentee 1 Not shown: fewer than 5 answered" in text
    assert "Usefulness, when a pair ended early (1–5) 0 Not shown: no one answered yet" in text


def test_no_free_text_answer_or_private_note_reaches_the_cohort_report(
    answered_report: str,
) -> None:
    for written in (DOING, ADVICE, HOPES, PRIVATE, "graduates", "advice", "cancelling"):
        assert written not in answered_report


def test_a_cohort_without_questionnaires_says_so(data_file: DataFile) -> None:
    programme = build_programme()
    text = _cohort_report_text(programme)
    assert "Outcomes No questionnaire has been sent out or typed in yet." in text


def test_a_pairs_summary_shows_each_partners_own_before_and_after_on_its_focus_areas(
    data_file: DataFile,
) -> None:
    programme = build_programme()
    starting = issued(programme.cohort_id, Questionnaire.STARTING)
    closing = issued(programme.cohort_id, Questionnaire.CLOSING)
    agnes, jorg = programme.names["Agnès Dubois"], programme.names["Jörg Müller"]
    fill(starting[agnes], 3, {"hopes": HOPES})
    fill(starting[jorg], 1)
    fill(closing[jorg], 4, {"focus-area:LinkedIn": 1})
    buffer = io.BytesIO()
    render_progress_summary(report_data.pair_summary(programme.pair_id, False, clock), buffer)
    text = pdf_text(buffer.getvalue())
    # Agnès answered only at the start; Jörg both times.
    assert "Confidence in the focus areas" in text
    assert "Microsoft Teams 3 → – 1 → 4 (+3)" in text
    assert "LinkedIn 3 → – 1 → 1 (no change)" in text
    assert HOPES not in text


def test_a_pairs_summary_has_no_focus_section_before_anyone_answered(data_file: DataFile) -> None:
    programme = build_programme()
    buffer = io.BytesIO()
    render_progress_summary(report_data.pair_summary(programme.pair_id, False, clock), buffer)
    assert "Confidence in the focus areas" not in pdf_text(buffer.getvalue())
