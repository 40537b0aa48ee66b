"""Answers exported by Microsoft Forms and Google Forms: imported, refused row by row, and never
half-imported."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from revmentor_desktop.domain import cohorts, edits, people
from revmentor_desktop.domain.errors import RuleViolation
from revmentor_desktop.domain.importing import read_table_file
from revmentor_desktop.domain.outcomes import answer_import, forms
from revmentor_desktop.domain.outcomes.answer_import import (
    EMAIL,
    AnswerImportPlan,
    build_answer_plan,
    record_answer_import,
)
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.privacy import erasure
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import OutcomeForm
from tests.helpers.form_tool_exports import (
    GOOGLE_FORMS_CHECKIN,
    MS_FORMS_STARTING,
    as_xlsx,
    email_of,
    programme_with_emails,
    read_csv,
    sha256,
    with_rows,
    write_csv,
)
from tests.reports.programme import Programme, clock

STARTING, CHECKIN = Questionnaire.STARTING, Questionnaire.CHECKIN
AGNES_STARTING = {
    "starting.leadership.mentor": 4,  # "Mostly"
    "starting.senior-confidence.mentor": 2,  # "A little"
    "starting.how-the-organisation-works.mentor": 3,  # "3"
    "starting.communication.all": 4,  # "4 - Mostly"
    "starting.trust-across-levels.all": 3,  # "Somewhat"
    "starting.focus-area:Microsoft Teams": 5,  # "Very confident"
    "starting.focus-area:LinkedIn": 4,  # "Confident"
    "starting.hopes": 'To lead a meeting with a senior colleague, and say "no" when needed',
}


@pytest.fixture
def programme(data_file: DataFile) -> Programme:
    return programme_with_emails()


def _plan(path: Path, programme: Programme, questionnaire: Questionnaire) -> AnswerImportPlan:
    return build_answer_plan(read_table_file(path), programme.cohort_id, questionnaire)


def _answered_form(person_id: int, questionnaire: Questionnaire) -> OutcomeForm:
    return OutcomeForm.get(
        (OutcomeForm.person == person_id)
        & (OutcomeForm.questionnaire == questionnaire.value)
        & OutcomeForm.returned_at.is_null(False)
    )


def _problems(plan: AnswerImportPlan) -> list[str]:
    return plan.file_problems + [str(problem) for problem in plan.problems.first]


def test_a_microsoft_forms_export_records_each_persons_starting_answers(
    programme: Programme,
) -> None:
    plan = _plan(MS_FORMS_STARTING, programme, STARTING)
    assert _problems(plan) == []
    assert plan.summary_lines() == [
        "Record the starting point answers of 4 people in “Reverse mentoring 2026”.",
        "Left out, the form tool's own columns: “ID”, “Start time”, “Completion time”, “Name”.",
    ]
    result = record_answer_import(plan, clock=clock)
    assert len(result.recorded) == 4
    agnes = _answered_form(programme.names["Agnès Dubois"], STARTING)
    assert agnes.channel == forms.Channel.FORM_TOOL.value
    answers = forms.answers_of(agnes.id)
    assert {key: answers[key] for key in AGNES_STARTING} == AGNES_STARTING
    jorg = forms.answers_of(_answered_form(programme.names["Jörg Müller"], STARTING).id)
    assert jorg["starting.new-tools.mentee"] == 1  # "Not at all"
    assert jorg["starting.focus-area:LinkedIn"] == 1  # "Not confident"
    assert "starting.leadership.mentor" not in jorg  # a mentor's question: not on his form


def test_a_google_forms_export_records_the_check_in_with_its_private_note(
    programme: Programme,
) -> None:
    result = record_answer_import(_plan(GOOGLE_FORMS_CHECKIN, programme, CHECKIN), clock=clock)
    assert [row.person_name for row in result.recorded] == [
        "Agnès Dubois",
        "Jörg Müller",
        "Person 00",
    ]
    worried = forms.answers_of(_answered_form(programme.names["Person 00"], CHECKIN).id)
    assert worried == {
        "checkin.meeting-as-planned": 0,
        "checkin.usefulness": 2,
        "checkin.comfort": 2,
        "checkin.for-the-coordinator": "We have not met since April; I feel my mentee is too busy.",
        "checkin.wants-help": 1,
    }


def test_an_excel_export_is_read_as_the_csv_is(programme: Programme, tmp_path: Path) -> None:
    workbook = as_xlsx(MS_FORMS_STARTING, tmp_path / "Starting point(1-4).xlsx")
    record_answer_import(_plan(workbook, programme, STARTING), clock=clock)
    agnes = forms.answers_of(_answered_form(programme.names["Agnès Dubois"], STARTING).id)
    assert {key: agnes[key] for key in AGNES_STARTING} == AGNES_STARTING


def test_a_form_already_sent_out_is_the_one_filled(programme: Programme) -> None:
    sent = forms.issue_forms(programme.cohort_id, CHECKIN, clock=clock)
    agnes_form = next(form for form in sent if form.person_id == programme.names["Agnès Dubois"])
    record_answer_import(_plan(GOOGLE_FORMS_CHECKIN, programme, CHECKIN), clock=clock)
    assert forms.answers_of(agnes_form.form_id)["checkin.usefulness"] == 4
    count = OutcomeForm.select().where(OutcomeForm.questionnaire == CHECKIN.value).count()
    assert count == len(sent)


def test_a_reworded_heading_is_matched_by_hand(programme: Programme, tmp_path: Path) -> None:
    rows = read_csv(GOOGLE_FORMS_CHECKIN)
    rows[0][3] = "Usefulness so far (1-5)"
    table = read_table_file(write_csv(tmp_path / "renamed.csv", rows))
    plan = build_answer_plan(table, programme.cohort_id, CHECKIN)
    assert plan.columns.targets[3] is None
    assert "Left out, not matched to a question: “Usefulness so far (1-5)”." in (
        plan.summary_lines()
    )
    columns = plan.columns.with_column(3, "checkin.usefulness")
    record_answer_import(build_answer_plan(table, programme.cohort_id, CHECKIN, columns))
    agnes = forms.answers_of(_answered_form(programme.names["Agnès Dubois"], CHECKIN).id)
    assert agnes["checkin.usefulness"] == 4


def test_a_file_without_an_email_column_is_refused(programme: Programme, tmp_path: Path) -> None:
    rows = [
        [cell for column, cell in enumerate(row) if column != 1]
        for row in read_csv(GOOGLE_FORMS_CHECKIN)
    ]
    plan = _plan(write_csv(tmp_path / "no-email.csv", rows), programme, CHECKIN)
    assert plan.columns.column_of(EMAIL) is None
    assert "No column holds the e-mail address" in plan.file_problems[0]
    with pytest.raises(RuleViolation, match="Nothing was imported"):
        record_answer_import(plan)


def test_importing_answers_is_one_undoable_edit(programme: Programme) -> None:
    forms.issue_forms(programme.cohort_id, CHECKIN, [programme.names["Agnès Dubois"]], clock)
    plan = _plan(GOOGLE_FORMS_CHECKIN, programme, CHECKIN)
    result, edit = edits.import_answers(plan, clock=clock)
    assert edit.description == "Import 3 people's answers"
    edits.undo(edit)
    assert OutcomeForm.select().where(OutcomeForm.returned_at.is_null(False)).count() == 0
    open_forms = OutcomeForm.select().where(OutcomeForm.questionnaire == CHECKIN.value)
    assert [form.person_id for form in open_forms] == [programme.names["Agnès Dubois"]]
    edits.redo(edit)
    for form_id in result.form_ids:
        assert OutcomeForm.get_by_id(form_id).returned_at is not None


# Row problems: each refuses the whole file, and the data file stays byte-identical.


@pytest.fixture
def saved_programme(data_path: Path) -> Iterator[Programme]:
    """The programme, in a data file closed again (so its bytes can be compared)."""
    with DataFile.open(data_path, create=True):
        programme = programme_with_emails()
    yield programme


def _refused(
    data_path: Path, source: Path, programme: Programme, questionnaire: Questionnaire
) -> list[str]:
    """Plan ``source``, check that recording it is refused and leaves the data file as it
    was; the problems the plan found."""
    before = sha256(data_path)
    with DataFile.open(data_path):
        plan = _plan(source, programme, questionnaire)
        with pytest.raises(RuleViolation, match="Nothing was imported"):
            record_answer_import(plan, clock=clock)
        with pytest.raises(RuleViolation, match="Nothing was imported"):
            edits.import_answers(plan, clock=clock)
        problems = _problems(plan)
    assert sha256(data_path) == before
    return problems


def _check_in_row(email: str, usefulness: str = "3") -> list[str]:
    return ["2026/06/22 9:00:00 AM GMT+1", email, "Yes", usefulness, "4", "", "No"]


RefusedRows = Callable[..., list[str]]


@pytest.fixture
def refused_rows(saved_programme: Programme, data_path: Path, tmp_path: Path) -> RefusedRows:
    """The problems the Google Forms check-in export is refused with, once the given rows
    are added to it (see ``_refused``)."""

    def refused(*rows: list[str]) -> list[str]:
        source = with_rows(GOOGLE_FORMS_CHECKIN, tmp_path / "a.csv", *rows)
        return _refused(data_path, source, saved_programme, CHECKIN)

    return refused


def test_an_unknown_email_is_a_row_problem(refused_rows: RefusedRows) -> None:
    assert refused_rows(_check_in_row("nobody@x.org")) == [
        "Line 5, Email address: Nobody in the data file has the e-mail address nobody@x.org. "
        "Correct it if it is mistyped, or skip the row."
    ]


def test_the_email_of_someone_erased_is_refused_with_a_word_about_erasure(
    saved_programme: Programme, data_path: Path, refused_rows: RefusedRows
) -> None:
    with DataFile.open(data_path):
        erasure.erase_person(saved_programme.names["Person 02"], clock, scrub=False)
    (problem,) = refused_rows(_check_in_row(email_of("Person 02")))
    assert problem.startswith(
        "Line 5, Email address: Nobody in the data file has the e-mail address person.02@"
    )
    assert "erased from the data file" in problem and "skip the row" in problem


def test_someone_not_in_the_cohort_is_a_row_problem(
    data_path: Path, refused_rows: RefusedRows
) -> None:
    with DataFile.open(data_path):
        people.add_person(people.PersonDraft("Outsider", email="out@nordwind.example"), clock)
    assert refused_rows(_check_in_row("out@nordwind.example")) == [
        "Line 5, Email address: Outsider is not in “Reverse mentoring 2026”. Check that the "
        "right cohort is chosen, or skip the row."
    ]


def test_someone_in_the_cohort_without_a_pair_due_it_is_a_row_problem(
    refused_rows: RefusedRows,
) -> None:
    lonely = _check_in_row(email_of("Lonely Person"))
    ended = _check_in_row(email_of("Person 06"))  # their partnership ended early
    assert refused_rows(lonely, ended) == [
        f"Line {line}, Email address: {name} is in “Reverse mentoring 2026” but has no "
        "partnership due the check-in. Check that the right questionnaire is chosen, or skip "
        "the row."
        for line, name in ((5, "Lonely Person"), (6, "Person 06"))
    ]


def test_two_rows_for_one_person_are_both_refused(refused_rows: RefusedRows) -> None:
    problems = refused_rows(_check_in_row("AGNES.DUBOIS@nordwind.example", "5"))
    assert [problem.split(":")[0] for problem in problems] == [
        "Line 2, Email address",
        "Line 5, Email address",
    ]
    assert "Line 2 and line 5 are both answers from" in problems[0]


def test_someone_who_already_answered_is_a_row_problem(
    saved_programme: Programme, data_path: Path
) -> None:
    with DataFile.open(data_path):
        (form,) = forms.issue_forms(
            saved_programme.cohort_id, CHECKIN, [saved_programme.names["Jörg Müller"]], clock
        )
        forms.record_answers(form.form_id, {"checkin.usefulness": 3}, forms.Channel.PAPER, clock)
    assert _refused(data_path, GOOGLE_FORMS_CHECKIN, saved_programme, CHECKIN) == [
        "Line 3, Email address: Jörg Müller already answered the check-in (recorded "
        "15 Jun 2026). Their answers are kept: delete the row, or skip it."
    ]


def test_answers_out_of_range_are_row_problems_naming_the_column(
    saved_programme: Programme, data_path: Path, tmp_path: Path
) -> None:
    rows = read_csv(GOOGLE_FORMS_CHECKIN)
    rows[1][3] = "7"
    rows[2][4] = "Strongly agree"
    rows[3][2] = "Maybe"
    problems = _refused(data_path, write_csv(tmp_path / "a.csv", rows), saved_programme, CHECKIN)
    scale = "Not at all, A little, Somewhat, Mostly, Completely"
    assert problems == [
        "Line 2, How useful are your meetings to you so far?: The answer must be from 1 to 5, "
        "not 7. Write a number from 1 to 5, or one of: Not useful, Slightly useful, Fairly "
        "useful, Useful, Very useful.",
        "Line 3, Do you feel comfortable and respected in your meetings?: “Strongly agree” is "
        f"not one of the answers this question takes. Write a number from 1 to 5, or one of: "
        f"{scale}.",
        "Line 4, Are you meeting as often as you planned?: “Maybe” is not one of the answers "
        "this question takes. Correct the cell, or skip the row.",
    ]


def test_a_row_without_an_email_address_is_a_row_problem(refused_rows: RefusedRows) -> None:
    (problem,) = refused_rows(_check_in_row("anonymous"))
    assert problem.startswith("Line 5, Email address: No e-mail address, so these answers")


def test_skipping_the_rows_with_problems_records_the_others(
    programme: Programme, tmp_path: Path
) -> None:
    source = with_rows(GOOGLE_FORMS_CHECKIN, tmp_path / "a.csv", _check_in_row("nobody@x.org"))
    plan = _plan(source, programme, CHECKIN)
    assert not plan.can_apply() and plan.can_apply(skip_invalid=True)
    result = record_answer_import(plan, skip_invalid=True, clock=clock)
    assert (len(result.recorded), result.skipped) == (3, 1)
    assert result.lines()[-1] == "Skipped: 1 row with problems, not recorded."


def test_a_change_to_the_data_since_the_preview_refuses_the_import(programme: Programme) -> None:
    plan = _plan(GOOGLE_FORMS_CHECKIN, programme, CHECKIN)
    (form,) = forms.issue_forms(programme.cohort_id, CHECKIN, [programme.names["Person 00"]])
    forms.record_answers(form.form_id, {"checkin.usefulness": 3}, forms.Channel.PAPER, clock)
    with pytest.raises(RuleViolation, match="changed since the preview"):
        record_answer_import(plan, clock=clock)
    assert OutcomeForm.select().where(OutcomeForm.returned_at.is_null(False)).count() == 1


def test_the_choices_are_the_email_and_the_questions_asked_in_the_cohort(
    programme: Programme,
) -> None:
    choices = answer_import.targets(programme.cohort_id, STARTING)
    labels = [target.label for target in choices]
    assert labels[0] == answer_import.EMAIL_LABEL
    assert "How confident are you with Microsoft Teams?" in labels
    assert "I feel at ease speaking plainly with senior colleagues. (mentors only)" in labels
    # Asked only in traditional and mutual cohorts: not offered in a reverse one.
    assert "I have a clear picture of the next steps in my career." not in " ".join(labels)
    assert cohorts.get_cohort_model(programme.cohort_id).kind == "reverse"
