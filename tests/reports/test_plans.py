"""Printed plans: a handout per plan, a pair's booklet; names of any length and script fit."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from revmentor_desktop.domain import cohorts, pairs, people
from revmentor_desktop.domain.plans import documents, pair_plans
from revmentor_desktop.domain.plans.library import builtin_plans
from revmentor_desktop.reports.plans import render_booklet, render_handout
from revmentor_desktop.storage.database import DataFile
from tests.reports.helpers import page_count, pdf_text, pdffonts, text_lines
from tests.reports.programme import clock

KOREAN = "김민준"
ARABIC = "ليلى حداد"
LONG_NAME = ("Maximiliane " + "von Hohenzollern-Sigmaringen " * 8)[
    :200
].strip()  # the longest allowed


def _pair(mentor_name: str, mentee_name: str, minutes: int = 60) -> int:
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft(
            "Reverse 2026", "reverse", date(2026, 3, 2), date(2026, 6, 22), 21, minutes
        ),
        clock,
    )
    mentor = people.add_person(people.PersonDraft(mentor_name), clock)
    mentee = people.add_person(people.PersonDraft(mentee_name), clock)
    cohorts.enrol(cohort_id, mentor, "mentor")
    cohorts.enrol(cohort_id, mentee, "mentee")
    return pairs.create_pair(
        pairs.PairDraft(cohort_id, mentor, mentee, focus_areas=["Spotting phishing"]), clock
    )


@pytest.mark.parametrize("plan", builtin_plans(), ids=lambda plan: plan.key)
def test_every_built_in_plan_fits_one_page_as_a_handout(data_file: DataFile, plan: object) -> None:
    buffer = io.BytesIO()
    render_handout(documents.handout(plan.key, 90, clock), buffer)  # type: ignore[attr-defined]
    assert page_count(buffer.getvalue()) == 1
    words = pdf_text(buffer.getvalue())
    assert "KEEP IT SAFE" in words and "90 minutes" in words


def test_the_booklet_has_a_cover_and_a_page_per_meeting_in_the_pairs_order(
    data_file: DataFile, tmp_path: Path
) -> None:
    pair_id = _pair(KOREAN, ARABIC, minutes=45)
    # 2 Mar to 22 Jun, every 3 weeks: 5 meetings, the phishing plan first among the topics.
    assert pair_plans.suggested_for_pair(pair_id)[1] == "online-security"
    pair_plans.arrange(pair_id, ["first-meeting", "inclusion", "closing-meeting"])
    path = tmp_path / "booklet.pdf"
    render_booklet(documents.pair_booklet(pair_id, clock), path)
    pdf = path.read_bytes()
    assert page_count(pdf) == 4
    pages = [" ".join(line.text for line in page) for page in text_lines(pdf)]
    assert "Our mentoring plan" in pages[0] and "Reverse 2026" in pages[0]
    assert "Inclusion: whose voice is heard" in pages[2] and "Meeting 2 of 3" in pages[2]
    assert "45 minutes" in pages[3]
    rows = pdffonts(path)
    assert rows is not None, "pdffonts (poppler-utils) is needed, as .ci/run installs"
    assert all(row[-5] == "yes" for row in rows)


def test_the_longest_name_allowed_shrinks_on_the_cover_and_stays_on_the_page(
    data_file: DataFile,
) -> None:
    pair_id = _pair(LONG_NAME, "Jo")
    pair_plans.arrange(pair_id, ["first-meeting"])
    buffer = io.BytesIO()
    render_booklet(documents.pair_booklet(pair_id, clock), buffer)
    cover = text_lines(buffer.getvalue())[0]
    page_width = 595.27
    assert all(line.right <= page_width - 22 * 2.83 + 1 for line in cover)
    assert any(line.text.startswith("Maximiliane von") for line in cover)
    assert page_count(buffer.getvalue()) == 2  # the name did not push the cover over
