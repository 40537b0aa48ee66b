"""Benchmark: plan booklets for a cohort of 250 pairs (a figure against the goal, not a test).

Goal: at least 100 pages a second for the booklets of 250 pairs in one PDF (a cover and a page
per meeting each: 14 pages a pair over a 9-month cohort meeting every three weeks), judged as
a ratio (see ``goals.py``) to plain ReportLab Platypus setting the same words per page (the
plan's paragraphs and its agenda table, no letterhead, no fitting of names, no fallback fonts)
measured in the same run.

Run with ``python benchmarks/bench_plans.py [--pairs 250]``. Exits 1 when the goal is missed.
Figures are processor seconds (on a shared machine the clock also counts other programs' work);
gathering the booklets from the data file is timed apart from drawing them.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the package, run from anywhere
from goals import PLAN_PAGES

from revmentor_desktop.domain import cohorts, pairs, people
from revmentor_desktop.domain.plans import pair_plans
from revmentor_desktop.domain.plans.documents import PlanBooklet, pair_booklets
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.house_style import RULE, styles
from revmentor_desktop.reports.plans import render_booklets
from revmentor_desktop.reports.tables import table_style
from revmentor_desktop.storage.database import DataFile

TODAY = datetime(2026, 6, 15, 10, 0)
FOCUS = (
    ["Microsoft Teams", "LinkedIn"],
    ["Generative AI tools"],
    ["Spotting phishing", "Data visualisation"],
    ["Inclusion", "Hybrid work"],
)


def clock() -> datetime:
    return TODAY


def build_cohort(pair_count: int) -> list[int]:
    """A reverse cohort from March to December, every three weeks; each pair gets its plan."""
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft(
            "Reverse mentoring 2026", "reverse", date(2026, 3, 2), date(2026, 12, 18), 21, 60
        ),
        clock,
    )
    pair_ids = []
    for number in range(pair_count):
        mentor = people.add_person(people.PersonDraft(f"Agnès Mentor-{number:03d}"), clock)
        mentee = people.add_person(people.PersonDraft(f"Jörg Mentee-{number:03d}"), clock)
        cohorts.enrol(cohort_id, mentor, "mentor")
        cohorts.enrol(cohort_id, mentee, "mentee")
        pair_id = pairs.create_pair(
            pairs.PairDraft(cohort_id, mentor, mentee, focus_areas=FOCUS[number % len(FOCUS)]),
            clock,
        )
        pair_plans.give_suggested_plan(pair_id)
        pair_ids.append(pair_id)
    return pair_ids


def processor_seconds(work: object) -> float:
    started = time.process_time()
    work()  # type: ignore[operator]
    return time.process_time() - started


def plain_reportlab(booklets: list[PlanBooklet]) -> bytes:
    """The same words per page with bare Platypus: paragraphs and one table a page."""
    st = styles()
    story: list[Flowable] = []
    for booklet in booklets:
        story.append(Paragraph(escape(booklet.title), st["title"]))
        for page in booklet.pages:
            story.append(PageBreak())
            plan = page.plan
            story.append(Paragraph(escape(plan.title), st["title"]))
            story.append(Paragraph(escape(plan.aim), st["body"]))
            story.append(Paragraph(escape(plan.mentor_prepares), st["small"]))
            story.append(Paragraph(escape(plan.mentee_prepares), st["small"]))
            rows = [
                [
                    f"{step.minutes} min",
                    Paragraph(escape(f"{step.title} {step.detail}"), st["cell"]),
                ]
                for step in page.steps
            ]
            table = Table(rows, colWidths=[60, 380])
            table.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)]))
            story.append(table)
            story += [Paragraph(escape(q), st["bullet"]) for q in plan.questions]
            story.append(Paragraph(escape(plan.keep_safe), st["small"]))
            story.append(Paragraph(escape(plan.task), st["body"]))
        story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build(story)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=250)
    arguments = parser.parse_args()
    fonts.register_fonts()
    with tempfile.TemporaryDirectory() as folder:
        data = DataFile.open(Path(folder) / "bench.revmentor", create=True)
        try:
            pair_ids = build_cohort(arguments.pairs)
            gathered: list[PlanBooklet] = []
            gather = processor_seconds(lambda: gathered.extend(pair_booklets(pair_ids, clock)))
        finally:
            data.close()
    ours = io.BytesIO()
    drawing = processor_seconds(lambda: render_booklets(gathered, ours))
    pages = len(PdfReader(io.BytesIO(ours.getvalue())).pages)
    plain: list[bytes] = []
    reference = processor_seconds(lambda: plain.append(plain_reportlab(gathered)))
    plain_pages = len(PdfReader(io.BytesIO(plain[0])).pages)
    rate = pages / drawing
    plain_rate = plain_pages / reference
    print(f"Plan booklets for {arguments.pairs} pairs: {pages} pages")
    print(f"  gathering from the data file: {gather:.2f} s")
    print(f"  drawing: {drawing:.2f} s, {rate:.0f} pages/s")
    print(
        f"  plain ReportLab, same words: {plain_pages} pages in {reference:.2f} s, "
        f"{plain_rate:.0f} pages/s (ours is {rate / plain_rate:.2f}× that)"
    )
    print(f"  {PLAN_PAGES.verdict(rate, plain_rate)}")
    met = PLAN_PAGES.met(rate, plain_rate)
    print("Goal met." if met else "Goal MISSED.")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
