"""The cohort report and the Programme view read one set of figures: for the same file they
give the same numbers, in the report's data and in the printed PDF."""

from __future__ import annotations

import io

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.demo import generate_demo
from revmentor_desktop.domain.programme_figures import ProgrammeFigures, programme_figures
from revmentor_desktop.reports.cohort_report import render_cohort_report
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Cohort
from tests.reports.helpers import pdf_text
from tests.reports.programme import NOW, build_programme, clock


def _assert_same_figures(report: report_data.CohortReportData, screen: ProgrammeFigures) -> None:
    figures = report.figures
    funnel, sessions = screen.funnel, screen.sessions
    assert (figures.enrolled, figures.people_paired) == (funnel.enrolled, funnel.paired)
    assert figures.match_rate == funnel.match_rate
    assert figures.funnel == funnel.steps
    assert [(line.label, line.count) for line in figures.health] == [
        (line.word, line.count) for line in screen.health_now
    ]
    assert figures.sessions_held == sessions.held
    assert figures.minutes_held == sessions.minutes_held
    assert figures.sessions_due == (sessions.planned or 0)
    assert figures.sessions_cancelled == sessions.cancelled
    assert figures.sessions_upcoming == sessions.upcoming
    held_by_month = {(m.year, m.month): m.held for m in sessions.months if m.held}
    assert {(m.year, m.month): m.held for m in report.months if m.held} == held_by_month
    named = [(line.label, line.count) for line in report.topics if line.label != "Other topics"]
    assert named == [(t.label, t.count) for t in screen.topics.session_topics[: len(named)]]
    assert figures.ended_early == screen.end_reasons.ended_early
    assert [(line.label, line.count) for line in figures.ended_early_reasons] == [
        (line.label, line.pairs) for line in screen.end_reasons.reasons
    ]
    assert figures.reasons_note == screen.end_reasons.note
    assert report.outcomes == screen.outcomes


def test_the_report_and_the_dashboard_agree_on_a_small_programme(data_file: DataFile) -> None:
    programme = build_programme()
    report = report_data.cohort_report(programme.cohort_id, clock)
    screen = programme_figures([programme.cohort_id], None, clock)
    _assert_same_figures(report, screen)
    assert screen.funnel.enrolled == 15 and screen.sessions.held == 4  # not two empty sets

    buffer = io.BytesIO()
    render_cohort_report(report, buffer)
    text = pdf_text(buffer.getvalue())
    health = " · ".join(f"{line.word} {line.count}" for line in screen.health_now)
    assert f"Active pairs today: {health}." in text
    for step in screen.funnel.steps:
        assert f"{step.label} {step.count}" in text, step.label


def test_the_report_and_the_dashboard_agree_on_every_demo_cohort(data_file: DataFile) -> None:
    generate_demo(people=200, sessions=2500, seed=11, today=NOW.date())
    compared = 0
    for cohort in Cohort.select():
        report = report_data.cohort_report(cohort.id, clock)
        _assert_same_figures(report, programme_figures([cohort.id], None, clock))
        compared += report.figures.sessions_held > 0
    assert compared >= 2
