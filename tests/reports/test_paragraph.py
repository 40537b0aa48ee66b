"""Paragraphs are read once per text and laid out once per width, and the PDF is the same."""

from __future__ import annotations

import io

import pytest

from revmentor_desktop.domain import report_data
from revmentor_desktop.reports import paragraph
from revmentor_desktop.reports.agreement import render_agreements
from revmentor_desktop.reports.house_style import styles
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.reports.progress import render_progress_summary
from revmentor_desktop.storage.database import DataFile
from tests.reports.programme import build_programme, clock

WORDS = "An ordinary sentence of a mentoring agreement, long enough to wrap. " * 6


def test_a_second_layout_at_the_same_width_reuses_the_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paragraph = Paragraph(WORDS, styles()["body"])
    narrow = paragraph.wrap(200, 800)
    calls = []
    original = Paragraph.breakLines
    monkeypatch.setattr(
        Paragraph, "breakLines", lambda self, widths: calls.append(widths) or original(self, widths)
    )

    assert paragraph.wrap(200, 50) == narrow  # the room below does not change the lines
    assert calls == []
    wide = paragraph.wrap(400, 800)
    assert len(calls) == 1 and wide[1] < narrow[1]
    del paragraph.blPara  # as ReportLab does when it moves a paragraph on to the next page
    assert paragraph.wrap(400, 800) == wide
    assert len(calls) == 2 and paragraph.blPara.lines


def test_documents_are_the_same_with_and_without_the_shortcuts(
    data_file: DataFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme = build_programme(extra_pairs=4)
    batch = report_data.agreements_for_cohort(programme.cohort_id, clock)
    summary = report_data.pair_summary(programme.pair_id, True, clock)

    def draw() -> tuple[bytes, bytes]:
        agreements, progress = io.BytesIO(), io.BytesIO()
        render_agreements(batch, agreements)
        render_progress_summary(summary, progress)
        return agreements.getvalue(), progress.getvalue()

    draw()  # every reading is remembered
    remembered = draw()
    monkeypatch.setattr(paragraph, "LONGEST_KEPT", 0)
    monkeypatch.setattr(Paragraph, "wrap", paragraph.paragraph.Paragraph.wrap)
    assert draw() == remembered
