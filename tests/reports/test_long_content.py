"""Documents with very long content finish, lose nothing, and keep names inside their boxes."""

from __future__ import annotations

import dataclasses
import io
import re
from operator import attrgetter

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.report_data import GoalLine, PartyInfo
from revmentor_desktop.reports.agreement import render_agreements
from revmentor_desktop.reports.cohort_report import render_cohort_report
from revmentor_desktop.reports.house_style import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X
from revmentor_desktop.reports.progress import render_progress_summary
from revmentor_desktop.storage.database import DataFile
from tests.reports.helpers import (
    overlapping_lines,
    page_count,
    page_texts,
    pdf_text,
    text_lines,
)
from tests.reports.programme import Programme, build_programme, clock

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


def _lines_laid_out(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A counter of the lines ReportLab breaks paragraphs into: the work of laying out."""
    counted = [0]
    break_lines = Paragraph.breakLines

    def counting(self: Paragraph, widths: list[float]) -> object:
        result = break_lines(self, widths)
        counted[0] += len(result.lines)
        return result

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    return counted


def test_long_take_aways_in_the_sessions_table_take_work_in_proportion(
    data_file: DataFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme = build_programme()
    data = report_data.pair_summary(programme.pair_id, True, clock)
    counted = _lines_laid_out(monkeypatch)
    work = {}
    for size in (25_000, 50_000):
        takeaway = "TakeStart" + "#" * size + "TakeEnd"
        sessions = list(data.sessions)
        sessions[0] = dataclasses.replace(sessions[0], first_takeaway=takeaway)
        buffer = io.BytesIO()
        counted[0] = 0
        render_progress_summary(dataclasses.replace(data, sessions=tuple(sessions)), buffer)
        work[size] = counted[0]
        text = " ".join(page_texts(buffer.getvalue()))
        assert text.count("#") == size
        assert text.index("TakeStart") < text.index("#") < text.rindex("#") < text.index("TakeEnd")
    # Twice the text, twice the lines laid out (a table re-laid a whole cell on every page:
    # four times, and a 100 KB take-away took half a minute).
    assert work[50_000] < 2.5 * work[25_000]


LONG_NAMES = {
    "words": ("Wolfeschlegelsteinhausen ", "Bergerdorff ", "Organisation ", "Programme "),
    "one unbroken run": ("Wolfeschlegelsteinhausen", "Bergerdorff", "Organisation", "Programme"),
    "Chinese": ("王小明李华张伟 ", "陈静刘洋 ", "北京物流有限公司 ", "反向导师计划 "),
}


def _long(word: str) -> str:
    return (word * 300)[:300].strip()


def _document_with_long_names(
    programme: Programme, shape: str, kind: str, job_title: str = ""
) -> bytes:
    """A document of the busy pair or its cohort, with every name 300 characters long."""
    first, second, organisation, cohort = (_long(word) for word in LONG_NAMES[shape])
    head = dataclasses.replace(report_data.letterhead(clock), organisation_name=organisation)
    job_title = job_title or _long("Head of Finance ")

    def party(info: PartyInfo, name: str) -> PartyInfo:
        return dataclasses.replace(
            info, name=name, job_title=job_title, department=_long("Finance ")
        )

    batch = report_data.agreement_for_pair(programme.pair_id, clock)
    agreement = batch.agreements[0]
    agreement = dataclasses.replace(
        agreement,
        first=party(agreement.first, first),
        second=party(agreement.second, second),
        programme=cohort,
        goals=tuple(dataclasses.replace(goal, owner_name=first) for goal in agreement.goals),
    )
    summary = report_data.pair_summary(programme.pair_id, True, clock)
    summary = dataclasses.replace(
        summary,
        letterhead=head,
        first=party(summary.first, first),
        second=party(summary.second, second),
        programme=cohort,
    )
    report = report_data.cohort_report(programme.cohort_id, clock)
    report = dataclasses.replace(
        report,
        letterhead=head,
        name=cohort,
        pairs=tuple(
            dataclasses.replace(line, first_name=first, second_name=second) for line in report.pairs
        ),
    )
    renders = {
        "agreement": lambda out: render_agreements(
            dataclasses.replace(
                batch, letterhead=head, agreements=(agreement,), title=f"Agreements – {cohort}"
            ),
            out,
        ),
        "summary": lambda out: render_progress_summary(summary, out),
        "cohort": lambda out: render_cohort_report(report, out),
    }
    buffer = io.BytesIO()
    renders[kind](buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["agreement", "summary", "cohort"])
@pytest.mark.parametrize("shape", list(LONG_NAMES))
def test_300_character_names_stay_inside_the_margins_and_clear_of_other_text(
    data_file: DataFile, shape: str, kind: str
) -> None:
    data = _document_with_long_names(build_programme(), shape, kind)
    page_width = float(PdfReader(io.BytesIO(data)).pages[0].mediabox.width)
    pages = text_lines(data)
    for number, page in enumerate(pages, start=1):
        outside = [
            line.text
            for line in page
            if line.left < MARGIN_X - 0.5 or line.right > page_width - MARGIN_X + 0.5
        ]
        assert outside == [], f"page {number}"
        assert overlapping_lines(page) == [], f"page {number}"
        assert f"Page {number} of {len(pages)}" in [line.text for line in page], f"page {number}"


def test_a_300_character_name_is_printed_whole_in_the_body_and_cut_in_the_footer(
    data_file: DataFile,
) -> None:
    programme = build_programme()
    first = _long(LONG_NAMES["one unbroken run"][0])
    for kind in ("agreement", "summary"):
        data = _document_with_long_names(programme, "one unbroken run", kind)
        assert first in "".join(pdf_text(data).split()), kind  # wrapped by force
        page = text_lines(data)[0]
        footer = min(
            (line for line in page if not line.text.startswith("Page")), key=attrgetter("baseline")
        )
        assert footer.text.startswith(("Agreement · Wolfe", "Progress summary · Wolfe")), kind
        assert footer.text.endswith("…"), kind


def test_a_table_split_inside_long_take_aways_repeats_its_header_only_at_a_page_top(
    data_file: DataFile,
) -> None:
    programme = build_programme()
    data = report_data.pair_summary(programme.pair_id, False, clock)
    words = " ".join(f"word{number}" for number in range(3_000))
    sessions = list(data.sessions)
    sessions[1] = dataclasses.replace(
        sessions[1], first_takeaway="y" * 20_000, second_takeaway=words
    )
    buffer = io.BytesIO()
    render_progress_summary(dataclasses.replace(data, sessions=tuple(sessions)), buffer)
    pages = text_lines(buffer.getvalue())
    height = float(PdfReader(buffer).pages[0].mediabox.height)
    assert len(pages) >= 5  # the take-aways run over several pages
    heads = [[line for line in page if line.text == "Session"] for page in pages]
    assert all(len(page_heads) <= 1 for page_heads in heads)
    starts = next(index for index, page_heads in enumerate(heads) if page_heads)
    for number, page in enumerate(pages[starts + 1 :], start=starts + 2):
        body = [line for line in page if MARGIN_BOTTOM < line.baseline < height - MARGIN_TOP]
        head = heads[number - 1]
        if head:  # a page the table runs on to: the header comes first, above all the rest
            assert head[0].baseline >= max(line.baseline for line in body), f"page {number}"


@pytest.mark.parametrize("kind", ["agreement", "summary"])
def test_job_titles_pasted_before_there_were_limits_still_print(
    data_file: DataFile, kind: str
) -> None:
    programme = build_programme()
    pasted = "Head of Finance and Controlling " * 300  # 9,600 characters
    data = _document_with_long_names(programme, "words", kind, job_title=pasted)
    assert page_count(data) < 40
    if kind == "agreement":  # the party cards print the title whole
        text = pdf_text(data)
        assert text.count("Head of Finance and Controlling") >= 300
