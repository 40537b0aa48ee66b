"""The outcomes figures: each level computed over the right people, small groups hidden with
their reason, free text never read into a figure."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.outcomes.figures import ChangeLine, Period, outcome_figures
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.storage.database import DataFile
from tests.helpers.answering import fill, issued
from tests.reports.programme import Programme, build_programme

STARTING, CHECKIN, CLOSING = Questionnaire.STARTING, Questionnaire.CHECKIN, Questionnaire.CLOSING
SECRET = "I now chair the Monday stand-up <secret>"


def _mentor_ids(programme: Programme) -> list[int]:
    forms = issued(programme.cohort_id, STARTING)
    return sorted(person for person, form in forms.items() if form.role == "mentor")


def _line(lines: tuple[ChangeLine, ...], dimension: str, role_label: str) -> ChangeLine:
    return next(
        line for line in lines if line.dimension == dimension and line.role_label == role_label
    )


def _rate_mentors(
    programme: Programme, before: list[int | None], after: list[int | None]
) -> list[int]:
    """The first mentors rate every benefit ``before[i]`` at the start and ``after[i]`` at
    the close (None: that form is not returned); the mentors, in that order."""
    mentors = _mentor_ids(programme)
    starting, closing = issued(programme.cohort_id, STARTING), issued(programme.cohort_id, CLOSING)
    for forms, ratings in ((starting, before), (closing, after)):
        for person, rating in zip(mentors, ratings, strict=False):
            if rating is not None:
                fill(forms[person], rating)
    return mentors


@pytest.mark.parametrize(("answered", "shown"), [(4, False), (5, True)])
def test_a_change_is_shown_from_five_people_who_answered_both_times_and_hidden_below(
    data_file: DataFile, answered: int, shown: bool
) -> None:
    programme = build_programme(extra_pairs=3)  # five active pairs
    _rate_mentors(programme, [2] * answered, [3] * answered)
    line = _line(outcome_figures([programme.cohort_id]).learning, "communication", "Reverse mentor")
    assert line.respondents == answered
    if shown:
        assert line.hidden == ""
        assert line.mean_change == pytest.approx(1.0)
        assert line.improved == 1.0
    else:
        assert line.hidden == "fewer than 5 answered both times"
        assert (line.mean_before, line.mean_after, line.mean_change, line.improved) == (
            None,
            None,
            None,
            None,
        )


def test_mean_change_and_share_improved_count_only_people_who_answered_both_times(
    data_file: DataFile,
) -> None:
    programme = build_programme(extra_pairs=5)  # seven active pairs
    # Five answer both times (+2, +1, 0, 0, -1); one only at the start, with a low rating
    # that would drag the "before" mean down; one only at the close, with a high one.
    _rate_mentors(programme, [1, 2, 3, 4, 5, 1, None], [3, 3, 3, 4, 4, None, 5])
    line = _line(
        outcome_figures([programme.cohort_id]).learning, "trust-across-levels", "Reverse mentor"
    )
    assert line.respondents == 5
    assert line.mean_before == pytest.approx(3.0)
    assert line.mean_after == pytest.approx(3.4)
    assert line.mean_change == pytest.approx(0.4)
    assert line.improved == pytest.approx(2 / 5)
    assert line.worse == pytest.approx(1 / 5)


def test_a_rating_left_blank_at_the_close_leaves_that_person_out_of_that_benefit_only(
    data_file: DataFile,
) -> None:
    programme = build_programme(extra_pairs=4)  # six active pairs
    mentors = _rate_mentors(programme, [2] * 6, [4] * 5)  # the sixth skips one at the close
    skipped = issued(programme.cohort_id, CLOSING)[mentors[-1]]
    leadership = next(item.key for item in skipped.items if item.dimension == "leadership")
    fill(skipped, 4, {leadership.split(".", 1)[1]: None})
    learning = outcome_figures([programme.cohort_id]).learning
    assert _line(learning, "leadership", "Reverse mentor").respondents == 5
    assert _line(learning, "communication", "Reverse mentor").respondents == 6


def test_focus_areas_count_each_person_once_over_the_areas_they_rated_both_times(
    data_file: DataFile,
) -> None:
    programme = build_programme(extra_pairs=3)
    _rate_mentors(programme, [2] * 5, [4] * 5)
    line = _line(outcome_figures([programme.cohort_id]).learning, "focus-area", "Reverse mentor")
    # The busy pair has two focus areas; the others none: only one person rated an area.
    assert line.respondents == 1
    assert line.hidden == "fewer than 5 answered both times"


def test_usefulness_is_hidden_from_four_people_and_shown_from_five(data_file: DataFile) -> None:
    programme = build_programme(extra_pairs=3)
    checkins = list(issued(programme.cohort_id, CHECKIN).values())
    for form, usefulness in zip(checkins[:4], [5, 4, 4, 3], strict=True):
        fill(form, answers={"usefulness": usefulness, "comfort": 5})
    reaction = outcome_figures([programme.cohort_id]).reaction[0]
    assert (reaction.respondents, reaction.mean, reaction.hidden) == (
        4,
        None,
        "fewer than 5 answered",
    )
    fill(checkins[4], answers={"usefulness": 2})
    figures = outcome_figures([programme.cohort_id])
    assert figures.reaction[0].mean == pytest.approx(3.6)
    assert figures.reaction[1].hidden == "fewer than 5 answered"  # comfort: four answered
    assert "Comfortable and respected in the meetings: fewer than 5 answered" in figures.hidden


def test_the_threshold_is_the_programme_setting(data_file: DataFile) -> None:
    programme = build_programme(extra_pairs=3)
    settings.put(settings.SMALLEST_GROUP, 3)
    _rate_mentors(programme, [2, 2, 2], [3, 3, 3])
    line = _line(outcome_figures([programme.cohort_id]).learning, "communication", "Reverse mentor")
    assert (line.respondents, line.hidden, line.mean_change) == (3, "", pytest.approx(1.0))


def test_would_recommend_gives_the_mean_and_the_shares_at_both_ends(data_file: DataFile) -> None:
    programme = build_programme(extra_pairs=3)
    closing = list(issued(programme.cohort_id, CLOSING).values())
    for form, score in zip(closing, [10, 9, 7, 6, 0, 8], strict=False):
        fill(form, answers={"recommend": score})
    recommendation = outcome_figures([programme.cohort_id]).recommendation
    assert recommendation.respondents == 6
    assert recommendation.mean == pytest.approx(40 / 6)
    assert recommendation.promoters == pytest.approx(2 / 6)
    assert recommendation.detractors == pytest.approx(2 / 6)
    assert recommendation.net_score == pytest.approx(0.0)


def test_behaviour_counts_who_wrote_something_and_never_carries_the_words(
    data_file: DataFile,
) -> None:
    programme = build_programme(extra_pairs=3)
    closing = list(issued(programme.cohort_id, CLOSING).values())
    for number, form in enumerate(closing[:6]):
        written = SECRET if number < 3 else "   " if number == 3 else None
        fill(form, 4, {"do-differently": written, "advice": "Say yes <advice>"})
    figures = outcome_figures([programme.cohort_id])
    assert (figures.behaviour.respondents, figures.behaviour.described) == (6, 3)
    assert "secret" not in repr(figures) and "advice" not in repr(figures)


def test_completion_counts_forms_made_and_answered_and_how_pairs_ended(
    data_file: DataFile,
) -> None:
    programme = build_programme(extra_pairs=3)
    starting = list(issued(programme.cohort_id, STARTING).values())
    for form in starting[:7]:
        fill(form, 3)
    figures = outcome_figures([programme.cohort_id])
    lines = {line.questionnaire: line for line in figures.completion}
    assert (lines[STARTING].forms, lines[STARTING].answered) == (10, 7)
    assert lines[STARTING].share_answered == pytest.approx(0.7)
    assert (lines[CLOSING].forms, lines[CLOSING].share_answered) == (0, None)
    assert (figures.pairs_completed, figures.pairs_ended_early) == (0, 2)


def test_a_period_counts_only_answers_returned_in_it_but_keeps_earlier_starting_points(
    data_file: DataFile,
) -> None:
    programme = build_programme(extra_pairs=3)
    mentors = _mentor_ids(programme)
    starting, closing = issued(programme.cohort_id, STARTING), issued(programme.cohort_id, CLOSING)
    for person in mentors:
        fill(starting[person], 2, when=datetime(2026, 3, 10, 9, 0))
    for number, person in enumerate(mentors):
        fill(closing[person], 4, when=datetime(2026, 12, 1 + number, 9, 0))
    december = outcome_figures([programme.cohort_id], Period(date(2026, 12, 1), date(2026, 12, 31)))
    assert _line(december.learning, "communication", "Reverse mentor").respondents == 5
    early = outcome_figures([programme.cohort_id], Period(date(2026, 12, 1), date(2026, 12, 4)))
    assert _line(early.learning, "communication", "Reverse mentor").respondents == 4


def test_several_cohorts_add_up(data_file: DataFile) -> None:
    first = build_programme(extra_pairs=1)
    second = build_programme(kind="traditional", extra_pairs=1)
    for programme in (first, second):
        for form in issued(programme.cohort_id, CHECKIN).values():
            fill(form, answers={"usefulness": 4})
    assert outcome_figures([first.cohort_id]).reaction[0].respondents == 6
    both = outcome_figures([first.cohort_id, second.cohort_id])
    assert (both.reaction[0].respondents, both.reaction[0].mean) == (12, pytest.approx(4.0))
