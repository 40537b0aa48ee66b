"""Questionnaires, forms and answers: the records every channel of collecting answers shares."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from revmentor_desktop.domain import edits
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.outcomes import checkins, forms, questionnaires
from revmentor_desktop.domain.outcomes.questions import AnswerKind, Questionnaire
from revmentor_desktop.domain.privacy import access, erasure
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Pair
from tests.reports.programme import build_programme, clock

LATER = datetime(2026, 7, 1, 9, 0)


def _form_of(programme_names: dict[str, int], name: str, issued: list[forms.FormToFill]):
    return next(form for form in issued if form.person_id == programme_names[name])


def test_a_starting_form_asks_the_benefits_of_the_persons_role_and_one_item_per_focus_area(
    data_file: DataFile,
) -> None:
    programme = build_programme()
    issued = forms.issue_forms(programme.cohort_id, Questionnaire.STARTING, clock=clock)
    mentor = _form_of(programme.names, "Agnès Dubois", issued)
    mentee = _form_of(programme.names, "Jörg Müller", issued)
    assert mentor.partner_name == "Jörg Müller" and mentor.role_label == "Reverse mentor"
    mentor_wording = [item.wording for item in mentor.items]
    mentee_wording = [item.wording for item in mentee.items]
    assert "I feel at ease speaking plainly with senior colleagues." in mentor_wording
    assert "I feel at ease speaking plainly with senior colleagues." not in mentee_wording
    assert "I am confident trying new digital tools in my work." in mentee_wording
    assert "How confident are you with Microsoft Teams?" in mentee_wording
    assert "How confident are you with LinkedIn?" in mentor_wording
    assert all(
        len(item.scale) == 5 for item in mentor.items if item.answer_kind is AnswerKind.RATING
    )
    assert mentor.due_date == checkins.due_dates(programme.cohort_id)[Questionnaire.STARTING]


def test_issuing_again_gives_the_same_unanswered_form(data_file: DataFile) -> None:
    programme = build_programme()
    first = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, clock=clock)
    again = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, clock=clock)
    assert [form.token for form in first] == [form.token for form in again]


def test_rewording_a_question_keeps_the_wording_of_forms_already_issued(
    data_file: DataFile,
) -> None:
    programme = build_programme()
    before = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, clock=clock)[0]
    questionnaires.reword("checkin.usefulness", "How much do the meetings help you?")
    questionnaires.set_retired("checkin.wants-help", True)
    assert [item.wording for item in forms.form_to_fill(before.form_id).items] == [
        item.wording for item in before.items
    ]
    forms.record_answers(before.form_id, {"checkin.usefulness": 4}, forms.Channel.PAPER, clock)
    fresh = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, clock=clock)
    changed = next(form for form in fresh if form.person_id == before.person_id)
    wording = [item.wording for item in changed.items]
    assert "How much do the meetings help you?" in wording
    assert "Would you like the coordinator's help?" not in wording


def test_questions_can_be_added_moved_and_reset(data_file: DataFile) -> None:
    key = questionnaires.add_question(
        Questionnaire.CHECKIN, "  Which   tool surprised you most? ", AnswerKind.TEXT
    )
    questionnaires.move(key, 0)
    ordered = questionnaires.questions(Questionnaire.CHECKIN)
    assert ordered[0].wording == "Which tool surprised you most?"
    questionnaires.reword("checkin.comfort", "Do you feel at ease?")
    questionnaires.reset_wording("checkin.comfort")
    comfort = questionnaires.find_question("checkin.comfort")
    assert comfort.wording == comfort.builtin_wording
    with pytest.raises(ValidationError, match="cannot be empty"):
        questionnaires.reword("checkin.comfort", "   ")


def test_answers_out_of_range_or_off_the_form_are_refused_naming_the_question(
    data_file: DataFile,
) -> None:
    programme = build_programme()
    form = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, clock=clock)[0]
    with pytest.raises(ValidationError) as refused:
        forms.record_answers(
            form.form_id,
            {"checkin.usefulness": 7, "no.such.question": 1},
            forms.Channel.PAPER,
            clock,
        )
    assert "from 1 to 5, not 7" in str(refused.value.problems["checkin.usefulness"])
    assert "not on the form" in refused.value.problems["no.such.question"]
    assert forms.answers_of(form.form_id)["checkin.usefulness"] is None


def test_answers_given_as_words_are_read_as_the_scale_point(data_file: DataFile) -> None:
    programme = build_programme()
    form = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, clock=clock)[0]
    answers = {
        "checkin.usefulness": "Very useful",
        "checkin.wants-help": "Yes",
        "checkin.comfort": "4",
    }
    forms.record_answers(form.form_id, answers, forms.Channel.FORM_TOOL, clock)
    recorded = forms.answers_of(form.form_id)
    assert (recorded["checkin.usefulness"], recorded["checkin.wants-help"]) == (5, 1)
    assert recorded["checkin.comfort"] == 4


def test_a_second_answer_to_the_same_form_is_refused_until_the_coordinator_chooses(
    data_file: DataFile,
) -> None:
    programme = build_programme()
    form = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, clock=clock)[0]
    forms.record_answers(form.form_id, {"checkin.comfort": 2}, forms.Channel.PDF, clock)
    with pytest.raises(forms.AlreadyAnswered):
        forms.record_answers(form.form_id, {"checkin.comfort": 5}, forms.Channel.PDF, clock)
    forms.record_answers(
        form.form_id, {"checkin.comfort": 5}, forms.Channel.PDF, clock, replace_answered=True
    )
    assert forms.answers_of(form.form_id)["checkin.comfort"] == 5


def test_typed_answers_are_undone_and_redone(data_file: DataFile) -> None:
    programme = build_programme()
    form = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, clock=clock)[0]
    edit = edits.record_answers(form.form_id, {"checkin.comfort": 3}, forms.Channel.PAPER, clock)
    edits.undo(edit)
    assert forms.answers_of(form.form_id)["checkin.comfort"] is None
    edits.redo(edit)
    assert forms.answers_of(form.form_id)["checkin.comfort"] == 3


def test_check_in_dates_follow_the_cohort_until_the_coordinator_sets_one(
    data_file: DataFile,
) -> None:
    programme = build_programme()
    dates = checkins.due_dates(programme.cohort_id)
    assert dates[Questionnaire.STARTING] == date(2026, 3, 2)
    assert dates[Questionnaire.CHECKIN] == date(2026, 7, 25)
    assert dates[Questionnaire.CLOSING] == date(2026, 12, 18)
    edit = edits.set_check_in_date(programme.cohort_id, Questionnaire.CHECKIN, date(2026, 6, 30))
    assert checkins.due_dates(programme.cohort_id)[Questionnaire.CHECKIN] == date(2026, 6, 30)
    # Today reads every running cohort's at once: the same dates
    assert checkins.due_dates_of([programme.cohort_id]) == {
        programme.cohort_id: checkins.due_dates(programme.cohort_id)
    }
    edits.undo(edit)
    assert checkins.due_dates(programme.cohort_id)[Questionnaire.CHECKIN] == date(2026, 7, 25)


def test_answers_are_in_the_access_export_and_gone_after_erasure(data_file: DataFile) -> None:
    programme = build_programme()
    person_id = programme.names["Jörg Müller"]
    issued = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, [person_id], clock=clock)
    note = "I feel my partner rushes me"
    forms.record_answers(
        issued[0].form_id, {"checkin.for-the-coordinator": note}, forms.Channel.PAPER, clock
    )
    exported = access.access_export(person_id, clock)
    answers = exported["questionnaires"][0]["answers"]
    assert {"question": issued[0].items[3].wording, "answer": note} in answers
    assert note in access.access_export_csv(exported).decode("utf-8-sig")
    erasure.erase_person(person_id, lambda: LATER)
    assert access.access_export(person_id, clock)["questionnaires"] == []
    assert forms.form_by_token(issued[0].token) is None


def test_an_ending_early_form_is_due_two_weeks_after_the_pair_ended(data_file: DataFile) -> None:
    programme = build_programme()
    issued = forms.issue_forms(programme.cohort_id, Questionnaire.ENDING_EARLY, clock=clock)
    assert issued, "the programme has pairs that ended early"
    for form in issued:
        ended = Pair.get_by_id(forms.form_by_token(form.token).pair_id).end_date
        assert form.due_date == ended + timedelta(days=14)


def test_a_questionnaire_is_named_in_a_sentence_once() -> None:
    """ "is due the Closing questionnaire", never "the Closing questionnaire questionnaire"."""
    assert Questionnaire.CLOSING.in_a_sentence == "the Closing questionnaire"
    assert Questionnaire.CHECKIN.in_a_sentence == "the Check-in questionnaire"
