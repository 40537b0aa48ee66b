"""Documents with very long content finish, lose nothing, and keep names inside their boxes."""

from __future__ import annotations

import dataclasses
import io
import re

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.report_data import GoalLine
from revmentor_desktop.reports.agreement import render_agreements
from revmentor_desktop.reports.progress import render_progress_summary
from revmentor_desktop.storage.database import DataFile
from tests.reports.helpers import page_texts
from tests.reports.programme import build_programme, clock

# Big enough that laying each out as one Paragraph took minutes; laid out in pieces, seconds.
LONG = 200_000


def _summary_with_notes(pair_id: int, notes: str) -> list[str]:
    data = report_data.pair_summary(pair_id, True, clock)
    buffer = io.BytesIO()
    render_progress_summary(dataclasses.replace(data, private_notes=notes), buffer)
    return page_texts(buffer.getvalue())


def test_a_200_kb_unbroken_note_is_printed_whole(data_file: DataFile) -> None:
    programme = build_programme()
    text = " ".join(_summary_with_notes(programme.pair_id, "NoteStart" + "#" * LONG + "NoteEnd"))
    assert text.count("#") == LONG
    assert text.index("NoteStart") < text.index("#") < text.rindex("#") < text.index("NoteEnd")


def test_a_200_kb_paragraph_with_lines_and_blank_lines_is_printed_whole(
    data_file: DataFile,
) -> None:
    programme = build_programme()
    words = [f"word{number}" for number in range(LONG // 10)]
    lines = [" ".join(words[start : start + 12]) for start in range(0, len(words), 12)]
    notes = "\n".join(lines[:5]) + "\n\n" + " ".join(lines[5:])
    text = " ".join(_summary_with_notes(programme.pair_id, notes))
    printed = [word for word in text.split() if re.fullmatch(r"word\d+", word)]
    assert printed == words


def test_an_agreement_with_500_goals_prints_every_goal(data_file: DataFile) -> None:
    programme = build_programme()
    batch = report_data.agreement_for_pair(programme.pair_id, clock)
    goals = tuple(
        GoalLine("Both partners", f"Goal {number:03d}: learn one useful thing", 0)
        for number in range(500)
    )
    agreement = dataclasses.replace(batch.agreements[0], goals=goals)
    buffer = io.BytesIO()
    render_agreements(dataclasses.replace(batch, agreements=(agreement,)), buffer)
    text = " ".join(page_texts(buffer.getvalue()))
    assert all(f"Goal {number:03d}: learn one useful thing" in text for number in range(500))
