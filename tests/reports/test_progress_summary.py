"""The progress summary of a pair: figures, sessions, take-aways and private notes."""

from __future__ import annotations

import io

import pytest
from reportlab.platypus import Paragraph

from revmentor_desktop.domain import pairs, report_data
from revmentor_desktop.domain.health import HEALTH_WORDS, health_words
from revmentor_desktop.domain.vocabulary import PairStatus
from revmentor_desktop.reports.house_style import MARGIN_X, PAGE_SIZES, styles
from revmentor_desktop.reports.progress import (
    TILE_PADDING,
    ProgressSummaryRenderer,
    render_progress_summary,
)
from revmentor_desktop.storage.database import DataFile
from tests.reports.helpers import pdf_text
from tests.reports.programme import GOAL, NOTE, SESSION_NOTE, build_programme, clock


def _text(pair_id: int, include_private_notes: bool = False) -> str:
    data = report_data.pair_summary(pair_id, include_private_notes, clock)
    buffer = io.BytesIO()
    render_progress_summary(data, buffer)
    return pdf_text(buffer.getvalue())


def test_summary_shows_status_figures_sessions_and_next_steps(data_file: DataFile) -> None:
    programme = build_programme()
    text = _text(programme.pair_id)
    for expected in (
        "Agnès Dubois & Jörg Müller",
        "Progress summary · Reverse mentoring 2026",
        "Active",
        "On track",  # the window's word for a green pair
        GOAL,
        "60 %",
        "25 %",
        "Understand the budget cycle",
        # 5 sessions logged: 4 held (60 + 45 + 45 + 60 minutes), 1 cancelled by the mentee.
        "4 of 4 planned so far",  # 98 days since 9 March at a 21-day cadence
        "13 over the term",
        "3.5",  # hours
        "1 cancelled",
        "16 Mar 2026",
        "45 min",
        "Video call",
        "Microsoft Teams, Spotting phishing",
        "Cancelled",
        "Budget insight 0",
        "Teams trick 4 <b>works</b>",
        "We began with Teams & moved on to LinkedIn.",
        "Next steps",
        "Next session planned for 25 Jun 2026.",
        "Mid-point review around 29 Jul 2026.",
        "Sign the pairing agreement",
    ):
        assert expected in text, expected
    # The cancelled session names who cancelled: the mentee, Jörg.
    data = report_data.pair_summary(programme.pair_id, clock=clock)
    assert [line.cancelled_by for line in data.sessions if line.status == "cancelled"] == [
        "Jörg Müller"
    ]
    assert "19 Apr 2026 60 min In person Cancelled LinkedIn Jörg Müller" in text


def test_days_since_last_session(data_file: DataFile) -> None:
    programme = build_programme()
    data = report_data.pair_summary(programme.pair_id, clock=clock)
    # Held sessions on 16 Mar, 2 Apr, (19 Apr cancelled), 6 May and 23 May 2026; today 15 June.
    assert data.last_held is not None and data.last_held.isoformat() == "2026-05-23"
    assert data.days_since_last == 23
    assert "23 days" in _text(programme.pair_id)


def test_private_notes_only_when_asked(data_file: DataFile) -> None:
    programme = build_programme()
    without = _text(programme.pair_id)
    assert "Call <Anna>" not in without
    assert "Seemed tired" not in without
    assert "Coordinator-only notes" not in without
    data = report_data.pair_summary(programme.pair_id, False, clock)
    assert data.private_notes == ""
    assert all(line.private_note == "" for line in data.sessions)

    with_notes = _text(programme.pair_id, include_private_notes=True)
    assert NOTE in with_notes  # "Call <Anna> re: goals & <b>budget</b>", exactly
    assert SESSION_NOTE in with_notes
    assert "Coordinator-only notes" in with_notes


def test_a_pair_without_sessions(data_file: DataFile) -> None:
    programme = build_programme()
    text = _text(programme.quiet_pair_id)
    assert "Siobhán Ó Súilleabháin & Mehmet Yılmaz" in text
    assert "No sessions are recorded yet." in text
    assert "No session held yet" in text
    assert "Stalled" in text  # 98 days without a first session at a 21-day cadence
    assert "No session is planned yet" in text


@pytest.mark.parametrize("page", ["A4", "Letter"])
@pytest.mark.parametrize("word", health_words())
def test_every_health_word_fits_on_one_line_of_its_tile(word: str, page: str) -> None:
    tile_width = (PAGE_SIZES[page][0] - 2 * MARGIN_X) / 4 - 2 * TILE_PADDING
    level = next((level for level, said in HEALTH_WORDS.items() if said == word), "none")
    figure = Paragraph(ProgressSummaryRenderer._health_figure(level, word), styles()["figure"])
    figure.wrap(tile_width, 100)
    assert len(figure.blPara.lines) == 1  # "Not running" at the tiles' full size broke in two


def test_an_ended_pair_says_so_in_the_windows_words(data_file: DataFile) -> None:
    programme = build_programme()
    [ended, *_] = [
        row for row in pairs.list_pairs(clock=clock) if row.status == PairStatus.ENDED_EARLY
    ]
    text = _text(ended.id)
    assert ended.health.word == "Ended early"  # what the pairs list shows
    assert f"{ended.health.word} {ended.health.reason}" in " ".join(text.split())
    assert ended.health.reason == "The pair ended before its planned end."
    for not_words in ("none", "Not running", "The pair is ended early"):
        assert not_words not in text
    busy = pairs.pair_rows([programme.pair_id], clock)[programme.pair_id]
    assert busy.health.word in _text(programme.pair_id)
