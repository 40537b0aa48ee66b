"""Benchmark: certificates of participation for a 500-person cohort (a figure, not a test).

Goal: at least 100 pages per second of processor time, drawing one PDF of a certificate per
person of a cohort of 250 completed pairs, judged as a ratio (see ``goals.py``) to plain
ReportLab (a canvas, the same embedded font, the same lines of text per page centred, the same
border) measured in the same run. Gathering the data from the file is timed apart.

Run with ``python benchmarks/bench_certificates.py [PEOPLE]`` (default 500). Exits 1 when the
goal is missed. Figures are printed on the clock and in processor time; the goal is judged on
the latter, as ``bench_documents.py`` explains.
"""

from __future__ import annotations

import io
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the package, run from anywhere
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_documents import Stopwatch, best_of_three_alternately, drawn_once
from goals import CERTIFICATE_PAGES

from revmentor_desktop.domain import cohorts, pairs, people, report_data, sessions
from revmentor_desktop.domain.report_data import CertificateBatch
from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.certificate import render_certificate
from revmentor_desktop.storage.database import DataFile

TODAY = datetime(2026, 12, 18, 10, 0)
SESSIONS_PER_PAIR = 6


def clock() -> datetime:
    return TODAY


def build_cohort(people_count: int) -> int:
    """A reverse cohort of ``people_count`` people in completed pairs that met six times."""
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft(
            "Reverse mentoring 2026", "reverse", date(2026, 3, 2), date(2026, 12, 18)
        ),
        clock,
    )
    start = datetime(2026, 3, 9, 14, 0)
    for number in range(people_count // 2):
        mentor = people.add_person(people.PersonDraft(f"Agnès Mentor-{number:03d}"), clock)
        mentee = people.add_person(people.PersonDraft(f"Jörg Mentee-{number:03d}"), clock)
        cohorts.enrol(cohort_id, mentor, "mentor")
        cohorts.enrol(cohort_id, mentee, "mentee")
        pair_id = pairs.create_pair(
            pairs.PairDraft(
                cohort_id,
                mentor,
                mentee,
                start_date=start.date(),
                focus_areas=["Microsoft Teams", "LinkedIn", "Generative AI tools"],
            ),
            clock,
        )
        pairs.change_status(pair_id, "activate", clock=clock)
        for meeting in range(SESSIONS_PER_PAIR):
            when = start + timedelta(days=21 * meeting)
            minutes = 45 + 15 * (meeting % 2)
            draft = sessions.SessionDraft(pair_id, when, minutes, status="held")
            sessions.add_session(draft, clock)
        pairs.change_status(pair_id, "complete", clock=clock)
    return cohort_id


def plain_reportlab(page_lines: list[list[str]]) -> bytes:
    """The same lines per page, centred on a landscape canvas with a border, in the same
    embedded font: what drawing a certificate costs without measuring, fitting or scripts."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), invariant=1, initialFontName=fonts.REGULAR)
    width, height = landscape(A4)
    for lines in page_lines:
        canvas.setLineWidth(2.4)
        canvas.rect(25, 25, width - 50, height - 50)
        canvas.setLineWidth(0.8)
        canvas.rect(34, 34, width - 68, height - 68)
        y = height - 80
        for number, line in enumerate(lines):
            canvas.setFont(fonts.BOLD if number % 3 == 0 else fonts.REGULAR, 12)
            canvas.drawCentredString(width / 2, y, line)
            y -= 22
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main(people_count: int) -> int:
    fonts.register_fonts()
    with (
        tempfile.TemporaryDirectory() as folder,
        DataFile.open(Path(folder) / "certificates.revmentor", create=True),
    ):
        cohort_id = build_cohort(people_count)
        stopwatch = Stopwatch()
        batch: CertificateBatch = report_data.certificates_for_cohort(cohort_id, clock)
        gathered, _ = stopwatch.read()
    reader, size, first = drawn_once(lambda out: render_certificate(batch, out))
    pages = len(reader.pages)
    page_lines = [(page.extract_text() or "").splitlines() for page in reader.pages]

    drawn, plain = best_of_three_alternately(
        lambda: render_certificate(batch, io.BytesIO()), lambda: plain_reportlab(page_lines)
    )
    rate, plain_rate = pages / drawn, pages / plain
    print(
        f"Certificates: {len(batch.certificates)} people, {pages} pages, "
        f"{size / 1e6:.1f} MB; gathering {gathered:.2f} s, "
        f"first drawing {first:.2f} s on the clock"
    )
    print(
        f"  certificates:    {pages} pages in {drawn:5.2f} s of processor time (best of 3): "
        f"{rate:5.0f} pages/s"
    )
    print(
        f"  plain ReportLab: {pages} pages in {plain:5.2f} s of processor time (best of 3): "
        f"{plain_rate:5.0f} pages/s (the same lines, centred, unmeasured), "
        f"{rate / plain_rate:.2f}× of it"
    )
    print(f"  {CERTIFICATE_PAGES.verdict(rate, plain_rate)}")
    met = CERTIFICATE_PAGES.met(rate, plain_rate) and pages == people_count
    print("Goal met." if met else "Goal MISSED.")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
