"""Benchmark: printed documents at scale (figures and ratios against the goals, not a test).

- Agreements for a 500-pair cohort in one PDF: goal at least 0.6 times the pages per second of
  plain Platypus (paragraphs and tables in the same embedded font) setting the same text per
  page, measured in the same run. Names in scripts DejaVu lacks are timed apart.
- The cohort report of a demo file with 100,000 sessions: goal ≤ 5 s (gathering + drawing).
- A progress summary with a 1 MB coordinator note, and an agreement with 500 goals: goal at least
  half the pages per second of plain ReportLab setting ordinary text, measured in the same run.

Run with ``python benchmarks/bench_documents.py [PAIRS] [SESSIONS]``. Exits 1 when a goal is
missed. Font registration (a one-off per process) is timed separately from the batch.
"""

from __future__ import annotations

import dataclasses
import io
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Table

from revmentor_desktop.domain import cohorts, pairs, people, report_data
from revmentor_desktop.domain.demo import generate_demo
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.agreement import render_agreements
from revmentor_desktop.reports.base import RULE, styles, table_style
from revmentor_desktop.reports.cohort_report import render_cohort_report
from revmentor_desktop.reports.progress import render_progress_summary
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Cohort, Meeting, Pair

AGREEMENT_RATIO_GOAL = 0.6  # agreements' pages/s against plain Platypus setting the same text
REPORT_SECONDS_GOAL = 5.0
LONG_CONTENT_RATIO_GOAL = 0.5  # pages/s of long content against plain ReportLab's
TODAY = datetime(2026, 6, 15, 10, 0)


def clock() -> datetime:
    return TODAY


def build_cohort(pair_count: int, names: tuple[str, str] = ("Agnès", "Jörg")) -> int:
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft(
            "Reverse mentoring 2026", "reverse", date(2026, 3, 2), date(2026, 12, 18)
        ),
        clock,
    )
    for number in range(pair_count):
        mentor = people.add_person(
            people.PersonDraft(
                f"{names[0]} Mentor-{number:03d}",
                job_title="Digital associate",
                department="Marketing",
            ),
            clock,
        )
        mentee = people.add_person(
            people.PersonDraft(
                f"{names[1]} Mentee-{number:03d}", job_title="Head of Finance", department="Finance"
            ),
            clock,
        )
        cohorts.enrol(cohort_id, mentor, "mentor")
        cohorts.enrol(cohort_id, mentee, "mentee")
        pairs.create_pair(
            pairs.PairDraft(
                cohort_id,
                mentor,
                mentee,
                start_date=date(2026, 3, 9),
                focus_areas=["Microsoft Teams", "LinkedIn", "Generative AI tools"],
                goals=[
                    pairs.GoalDraft("Run a Teams meeting with breakout rooms and polls", 20),
                    pairs.GoalDraft("Post on LinkedIn about the team's work once a month", 0),
                ],
            ),
            clock,
        )
    return cohort_id


def plain_platypus_pages(page_texts: list[str]) -> list[Flowable]:
    """The same words per page as plain Platypus: paragraphs of 60 words and a four-row table
    per page, in the same embedded font and styles, then a page break."""
    st = styles()
    story: list[Flowable] = []
    for page in page_texts:
        words = page.split()
        cells = [" ".join(words[start : start + 3]) for start in range(0, 24, 3)]
        words = words[24:]
        for start in range(0, len(words), 60):
            story.append(Paragraph(escape(" ".join(words[start : start + 60])), st["body"]))
        rows = [
            [
                Paragraph(escape(cells[row]), st["cell"]),
                Paragraph(escape(cells[row + 4]), st["cell"]),
            ]
            for row in range(4)
        ]
        table = Table(rows, colWidths=[150, 300])
        table.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]))
        story += [table, PageBreak()]
    return story


def _processor_seconds(draw: Callable[[], None]) -> float:
    """Processor time of one run: other programs on the machine add to the wall clock, not
    to what this process spends."""
    started = time.process_time()
    draw()
    return time.process_time() - started


def bench_agreements(folder: Path, pair_count: int) -> float:
    """Pages per second of the cohort's agreements and of plain Platypus setting the same text;
    returns their ratio (drawing only: gathering the data is timed apart)."""
    started = time.perf_counter()
    fonts.register_fonts()
    font_seconds = time.perf_counter() - started
    with DataFile.open(folder / "agreements.revmentor", create=True):
        cohort_id = build_cohort(pair_count)
        started = time.perf_counter()
        batch = report_data.agreements_for_cohort(cohort_id, clock)
        gathered = time.perf_counter() - started
    buffer = io.BytesIO()
    render_agreements(batch, buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    pages = len(reader.pages)
    page_texts = [page.extract_text() or "" for page in reader.pages]
    plain = io.BytesIO()

    def draw_plain() -> None:
        plain.seek(0)
        plain.truncate()
        document = SimpleDocTemplate(plain, initialFontName=fonts.REGULAR, invariant=1)
        document.build(plain_platypus_pages(page_texts))

    drawn = plain_seconds = float("inf")
    for _ in range(3):  # best of three, alternately, so that both meet the same conditions
        drawn = min(drawn, _processor_seconds(lambda: render_agreements(batch, io.BytesIO())))
        plain_seconds = min(plain_seconds, _processor_seconds(draw_plain))
    plain_pages = len(PdfReader(io.BytesIO(plain.getvalue())).pages)
    rate, plain_rate = pages / drawn, plain_pages / plain_seconds
    ratio = rate / plain_rate
    print(
        f"Agreements: {len(batch.agreements)} pairs, {pages} pages, "
        f"{len(buffer.getvalue()) / 1e6:.1f} MB, "
        f"{sum(map(len, page_texts)) / pages:,.0f} characters a page"
    )
    print(
        f"  fonts (once per process) {font_seconds:.2f} s, gathering {gathered:.2f} s, "
        f"drawing {drawn:.2f} s (best of 3, processor time): {rate:.0f} pages/s"
    )
    print(
        f"  plain Platypus, the same text in paragraphs and tables: {plain_pages} pages in "
        f"{plain_seconds:.2f} s, {plain_rate:.0f} pages/s"
    )
    print(
        f"  ratio {ratio:.2f} against a goal of {AGREEMENT_RATIO_GOAL:.2f} "
        f"({ratio / AGREEMENT_RATIO_GOAL:.2f} of the goal)"
    )
    return ratio


def bench_fallback_fonts(folder: Path) -> None:
    """What a name in a script DejaVu lacks costs: the first look-up (fontconfig, loading the
    font) and the agreements that hold such names, against the same cohort in Latin."""
    started = time.perf_counter()
    fonts.text("김민준 प्रिया 王小明")
    print(f"Fallback fonts: first look-up {time.perf_counter() - started:.2f} s")
    rates = {}
    for label, names in (
        ("Latin", ("Agnès", "Jörg")),
        ("Korean and Hindi", ("김민준", "प्रिया शर्मा")),
    ):
        with DataFile.open(folder / f"names-{len(rates)}.revmentor", create=True):
            cohort_id = build_cohort(50, names)
            batch = report_data.agreements_for_cohort(cohort_id, clock)
        buffer = io.BytesIO()
        render_agreements(batch, buffer)  # the first time loads the fonts the names need
        seconds = min(
            _processor_seconds(lambda b=batch: render_agreements(b, io.BytesIO())) for _ in range(2)
        )
        rates[label] = len(PdfReader(io.BytesIO(buffer.getvalue())).pages) / seconds
        print(f"  agreements with {label} names: {rates[label]:.0f} pages/s")


def bench_cohort_report(folder: Path, session_count: int) -> float:
    with DataFile.open(folder / "demo.revmentor", create=True):
        summary = generate_demo(people=3000, sessions=session_count, seed=1, today=TODAY.date())
        sessions_by_cohort = {
            cohort.id: Meeting.select().join(Pair).where(Pair.cohort == cohort.id).count()
            for cohort in Cohort.select()
        }
        biggest = max(sessions_by_cohort, key=sessions_by_cohort.__getitem__)
        print(
            f"Demo: {summary.people} people, {summary.cohorts} cohorts, {summary.pairs} pairs, "
            f"{summary.sessions} sessions; the largest cohort has {sessions_by_cohort[biggest]:,}"
        )
        timings = []
        for cohort_id in (biggest, *[key for key in sessions_by_cohort if key != biggest]):
            started = time.perf_counter()
            data = report_data.cohort_report(cohort_id, clock)
            gathered = time.perf_counter() - started
            buffer = io.BytesIO()
            render_cohort_report(data, buffer)
            total = time.perf_counter() - started
            timings.append((cohort_id, gathered, total, len(data.pairs)))
        # The worst case: every pair and all 100,000 sessions in one cohort.
        Pair.update(cohort=biggest).execute()
        started = time.perf_counter()
        data = report_data.cohort_report(biggest, clock)
        whole_gathered = time.perf_counter() - started
        buffer = io.BytesIO()
        render_cohort_report(data, buffer)
        whole = time.perf_counter() - started
        whole_pages = len(PdfReader(io.BytesIO(buffer.getvalue())).pages)
    cohort_id, gathered, total, pair_lines = timings[0]
    all_cohorts = sum(item[2] for item in timings)
    print(
        f"Cohort report (largest cohort, {pair_lines} pairs): gathering {gathered:.2f} s, "
        f"total {total:.2f} s against a goal of {REPORT_SECONDS_GOAL:.0f} s "
        f"(ratio {total / REPORT_SECONDS_GOAL:.2f})"
    )
    figures = data.figures
    whole_sessions = figures.sessions_held + figures.sessions_cancelled + figures.sessions_upcoming
    print(f"  every cohort's report in turn: {all_cohorts:.2f} s for {len(timings)} cohorts")
    print(
        f"Cohort report with all {whole_sessions:,} sessions and {len(data.pairs)} pairs in one "
        f"cohort ({whole_pages} pages): gathering "
        f"{whole_gathered:.2f} s, total {whole:.2f} s (ratio {whole / REPORT_SECONDS_GOAL:.2f})"
    )
    return max(total, whole)


def _timed(render: Callable[[io.BytesIO], None]) -> tuple[float, float, int]:
    """Seconds, peak traced megabytes and pages of one document (memory from a second run)."""
    buffer = io.BytesIO()
    started = time.perf_counter()
    render(buffer)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    render(io.BytesIO())
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak, len(PdfReader(io.BytesIO(buffer.getvalue())).pages)


def plain_reportlab_rate(pages: int) -> float:
    """Pages per second of plain ReportLab setting ordinary paragraphs, about ``pages`` long."""
    sentence = "An ordinary paragraph of a mentoring note, with words of usual length. " * 7
    story = [Paragraph(sentence, styles()["body"]) for _ in range(pages * 6)]
    buffer = io.BytesIO()
    started = time.perf_counter()
    SimpleDocTemplate(buffer).build(story)
    seconds = time.perf_counter() - started
    return len(PdfReader(io.BytesIO(buffer.getvalue())).pages) / seconds


def bench_long_content(folder: Path) -> float:
    """The worst ratio of long-content pages/s to plain ReportLab's."""
    with DataFile.open(folder / "long.revmentor", create=True):
        cohort_id = build_cohort(1)
        pair_id = report_data.agreements_for_cohort(cohort_id, clock).agreements[0].pair_id
        summary = report_data.pair_summary(pair_id, True, clock)
        batch = report_data.agreement_for_pair(pair_id, clock)
    note = ("A long paragraph of coordinator notes about the pair. " * 9 + "\n") * 2_000
    note = note[:500_000] + "x" * 500_000  # half ordinary text, half one unbroken run
    goals = tuple(
        report_data.GoalLine("Both partners", f"Goal {number}: use Teams breakout rooms", 0)
        for number in range(500)
    )
    agreement = dataclasses.replace(batch.agreements[0], goals=goals)
    cases = {
        "Progress summary with a 1 MB note": lambda out: render_progress_summary(
            dataclasses.replace(summary, private_notes=note), out
        ),
        "Agreement with 500 goals": lambda out: render_agreements(
            dataclasses.replace(batch, agreements=(agreement,)), out
        ),
    }
    worst = float("inf")
    for label, render in cases.items():
        seconds, peak, pages = _timed(render)
        rate, reference = pages / seconds, plain_reportlab_rate(pages)
        ratio = rate / reference
        worst = min(worst, ratio)
        print(
            f"{label}: {pages} pages in {seconds:.2f} s ({rate:.0f} pages/s), peak {peak:.0f} MB;"
            f" plain ReportLab {reference:.0f} pages/s; ratio {ratio:.2f} against a goal of "
            f"{LONG_CONTENT_RATIO_GOAL:.2f}"
        )
    return worst


def main() -> int:
    pair_count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    session_count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        long_ratio = bench_long_content(Path(folder))
        ratio = bench_agreements(Path(folder), pair_count)
        bench_fallback_fonts(Path(folder))
        seconds = bench_cohort_report(Path(folder), session_count)
    ok = (
        ratio >= AGREEMENT_RATIO_GOAL
        and seconds <= REPORT_SECONDS_GOAL
        and long_ratio >= LONG_CONTENT_RATIO_GOAL
    )
    print("All goals met." if ok else "A goal was missed.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
