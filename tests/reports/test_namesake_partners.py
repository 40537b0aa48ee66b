"""Documents for a pair whose partners share a name: each says who is who."""

from __future__ import annotations

import io
from datetime import date, datetime

from revmentor_desktop.domain import cohorts, pairs, people, report_data, sessions
from revmentor_desktop.reports.agreement import render_agreements
from revmentor_desktop.reports.cohort_report import render_cohort_report
from revmentor_desktop.reports.progress import render_progress_summary
from revmentor_desktop.storage.database import DataFile
from tests.reports.helpers import pdf_text
from tests.reports.programme import clock

MENTOR, MENTEE = "Alex Kim (Finance)", "Alex Kim (IT)"


def _two_alex_kims() -> tuple[int, int]:
    """A pair: Alex Kim of Finance mentors Alex Kim of IT, who owns the goal; one session the
    mentor cancelled. Returns the cohort and the pair."""
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft("Pilot", start_date=date(2026, 3, 2), end_date=date(2026, 12, 18)),
        clock,
    )
    mentor, mentee = (
        people.add_person(people.PersonDraft("Alex Kim", department=department), clock)
        for department in ("Finance", "IT")
    )
    cohorts.enrol(cohort_id, mentor, "mentor")
    cohorts.enrol(cohort_id, mentee, "mentee")
    goal = pairs.GoalDraft("Read a balance sheet", owner="mentee")
    pair_id = pairs.create_pair(
        pairs.PairDraft(cohort_id, mentor, mentee, date(2026, 3, 9), goals=[goal]), clock
    )
    pairs.change_status(pair_id, "activate", clock=clock)
    cancelled = sessions.SessionDraft(
        pair_id, datetime(2026, 4, 1, 10, 0), status="cancelled", cancelled_by="mentor"
    )
    sessions.add_session(cancelled, clock)
    return cohort_id, pair_id


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_agreement_says_which_alex_kim_is_which(data_file: DataFile) -> None:
    _cohort_id, pair_id = _two_alex_kims()
    batch = report_data.agreement_for_pair(pair_id, clock)
    (agreement,) = batch.agreements

    assert (agreement.first.name, agreement.second.name) == (MENTOR, MENTEE)
    assert agreement.goals[0].owner_name == MENTEE
    buffer = io.BytesIO()
    render_agreements(batch, buffer)
    text = _flat(pdf_text(buffer.getvalue()))
    assert MENTOR in text and MENTEE in text


def test_the_progress_summary_and_cohort_report_say_which_alex_kim_is_which(
    data_file: DataFile,
) -> None:
    cohort_id, pair_id = _two_alex_kims()
    summary = report_data.pair_summary(pair_id, False, clock)

    assert summary.sessions[0].cancelled_by.startswith(MENTOR)
    buffer = io.BytesIO()
    render_progress_summary(summary, buffer)
    assert MENTEE in _flat(pdf_text(buffer.getvalue()))
    buffer = io.BytesIO()
    render_cohort_report(report_data.cohort_report(cohort_id, clock), buffer)
    assert f"{MENTOR} & {MENTEE}" in _flat(pdf_text(buffer.getvalue()))
