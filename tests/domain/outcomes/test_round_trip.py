"""From the forms the app makes to the before/after figures of the cohort report: answers that
come back as filled PDFs, or as a form tool's export, end up as the same figures on screen
(the figures module) and in the printed report."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.importing import read_table_file
from revmentor_desktop.domain.outcomes import collect, figures, forms
from revmentor_desktop.domain.outcomes.answer_import import (
    build_answer_plan,
    record_answer_import,
)
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.reports import outcome_form
from revmentor_desktop.reports.cohort_report import render_cohort_report
from revmentor_desktop.storage.database import DataFile
from tests.helpers.form_tool_exports import email_of, programme_with_emails
from tests.helpers.pdf_forms import fill_form
from tests.reports.helpers import pdf_text
from tests.reports.programme import Programme, clock

COMMUNICATION = "communication"
TRUST = "trust-across-levels"
# Every respondent: communication 2 → 4 (all improve), trust 3 → 3 (none changes).
RATINGS = {
    Questionnaire.STARTING: {COMMUNICATION: 2, TRUST: 3},
    Questionnaire.CLOSING: {COMMUNICATION: 4, TRUST: 3},
}


def returned_at() -> datetime:
    return datetime(2026, 12, 19, 9, 0)


def _answers(form: forms.FormToFill) -> dict[str, int | str]:
    wanted = RATINGS[form.questionnaire]
    return {item.key: wanted[item.dimension] for item in form.items if item.dimension in wanted}


def _return_pdf_forms(programme: Programme, questionnaire: Questionnaire, folder: Path) -> int:
    issued = forms.issue_forms(programme.cohort_id, questionnaire, clock=clock)
    sent, back = folder / f"{questionnaire}-sent", folder / f"{questionnaire}-back"
    sent.mkdir()
    back.mkdir()
    paths = outcome_form.write_forms(issued, report_data.letterhead(clock), sent)
    for form, blank in zip(issued, paths, strict=True):
        fill_form(form, blank, back / blank.name, _answers(form))
    return collect.record(collect.plan_collection([back]), returned_at)


def _form_tool_export(programme: Programme, questionnaire: Questionnaire, path: Path) -> Path:
    """A Microsoft Forms export: its own columns, then one column per question, answers in
    the words people ticked."""
    issued = forms.issue_forms(programme.cohort_id, questionnaire, clock=clock, mark_issued=False)
    wording = {
        item.dimension: item.wording
        for form in issued
        for item in form.items
        if item.dimension in RATINGS[questionnaire]
    }
    scale = next(item.scale for item in issued[0].items if item.dimension == COMMUNICATION)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["ID", "Start time", "Completion time", "Email", "Name", *wording.values()])
    for number, form in enumerate(issued, start=1):
        ratings = [scale[RATINGS[questionnaire][dimension] - 1] for dimension in wording]
        writer.writerow(
            [number, "12/19/26 9:01:00", "12/19/26 9:04:00", email_of(form.person_name),
             form.person_name, *ratings]
        )  # fmt: skip
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return path


def _import_export(programme: Programme, questionnaire: Questionnaire, folder: Path) -> int:
    export = _form_tool_export(programme, questionnaire, folder / f"{questionnaire}.csv")
    plan = build_answer_plan(read_table_file(export), programme.cohort_id, questionnaire)
    return len(record_answer_import(plan, clock=returned_at).recorded)


def _change_lines(cohort_id: int, dimension: str) -> list[figures.ChangeLine]:
    found = figures.outcome_figures([cohort_id]).learning
    return [line for line in found if line.dimension == dimension]


@pytest.mark.parametrize("returned_by", [_return_pdf_forms, _import_export])
def test_answers_returned_become_the_reports_before_and_after_figures(
    data_file: DataFile, tmp_path: Path, returned_by: object
) -> None:
    programme = programme_with_emails()
    assert returned_by(programme, Questionnaire.STARTING, tmp_path) == 10  # 5 pairs, both
    assert returned_by(programme, Questionnaire.CLOSING, tmp_path) == 10

    communication = _change_lines(programme.cohort_id, COMMUNICATION)
    assert [line.role_label for line in communication] == ["Reverse mentor", "Mentee"]
    for line in communication:
        assert (line.respondents, line.mean_before, line.mean_after) == (5, 2.0, 4.0)
        assert (line.improved, line.worse, line.hidden) == (1.0, 0.0, "")
    for line in _change_lines(programme.cohort_id, TRUST):
        assert (line.mean_before, line.mean_after, line.improved) == (3.0, 3.0, 0.0)

    report = report_data.cohort_report(programme.cohort_id, clock)
    assert report.outcomes == figures.outcome_figures([programme.cohort_id])
    buffer = io.BytesIO()
    render_cohort_report(report, buffer)
    printed = " ".join(pdf_text(buffer.getvalue()).split())
    assert "Communicating across differences in experience" in printed
    assert "Reverse mentor 5 2.0 4.0 +2.0 100 %" in printed
