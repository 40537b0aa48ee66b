"""Benchmark: questionnaire forms at scale (figures against the goals, not a test).

- Forms for a 500-person cohort (issued, then one fillable PDF each): goal ≥ 50 forms/s.
- Collecting 500 returned forms (read, planned, recorded in one transaction): goal ≥ 50 forms/s.

Machines differ by 2x, so the same run measures plain ReportLab writing a page of text
(Helvetica, one page per file) and each goal is judged as a ratio to it (see ``goals.py``).
Goals are judged on processor time (the clock also counts other programs' work on a shared
machine). Filling in the returned forms (pypdf, as a reader would) is not timed.

Run with ``python benchmarks/bench_forms.py [PEOPLE]``. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import io
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.helpers, run from anywhere

from revmentor_desktop.domain import cohorts, pairs, people, report_data
from revmentor_desktop.domain.outcomes import collect, forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.reports import fonts, outcome_form
from revmentor_desktop.storage.database import DataFile
from tests.helpers.pdf_forms import fill_form

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_documents import Stopwatch
from goals import FORMS_COLLECTED, FORMS_MADE, Goal

TODAY = datetime(2026, 6, 15, 10, 0)
LINE = "The quick brown fox jumps over the lazy dog while the mentoring programme runs on."


def clock() -> datetime:
    return TODAY


def reference_pages_per_second(pages: int = 200) -> float:
    """Plain ReportLab: one file per page of 50 lines of text, pages per processor second."""
    stopwatch = Stopwatch()
    for _ in range(pages):
        canvas = Canvas(io.BytesIO(), invariant=1)
        for line in range(50):
            canvas.drawString(72, 800 - line * 14, LINE)
        canvas.showPage()
        canvas.save()
    return pages / stopwatch.read()[1]


def build_cohort(people_count: int) -> int:
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft(
            "Reverse mentoring 2026", "reverse", date(2026, 3, 2), date(2026, 12, 18)
        ),
        clock,
    )
    for number in range(people_count // 2):
        mentor = people.add_person(
            people.PersonDraft(f"Agnès Mentor-{number:03d}", department="Marketing"), clock
        )
        mentee = people.add_person(
            people.PersonDraft(f"Jörg Mentee-{number:03d}", department="Finance"), clock
        )
        cohorts.enrol(cohort_id, mentor, "mentor")
        cohorts.enrol(cohort_id, mentee, "mentee")
        pair_id = pairs.create_pair(
            pairs.PairDraft(cohort_id, mentor, mentee, focus_areas=["Microsoft Teams", "LinkedIn"]),
            clock,
        )
        pairs.change_status(pair_id, "activate", clock=clock)
    return cohort_id


def report(goal: Goal, count: int, seconds: float, processor: float, reference: float) -> bool:
    """Prints the figure and judges its ratio to plain ReportLab's pages/s of this run."""
    rate = count / processor
    print(f"{goal.name}: {count} in {seconds:.2f} s ({processor:.2f} s processor)")
    print(f"  {goal.verdict(rate, reference)}")
    return goal.met(rate, reference)


def main(people_count: int) -> int:
    fonts.register_fonts()
    reference = reference_pages_per_second()
    print(f"Reference: plain ReportLab writes {reference:.0f} one-page files of text per second")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "sent").mkdir()
        (folder / "back").mkdir()
        with DataFile.open(folder / "forms.revmentor", create=True):
            cohort_id = build_cohort(people_count)
            stopwatch = Stopwatch()
            issued = forms.issue_forms(cohort_id, Questionnaire.STARTING, clock=clock)
            written = outcome_form.write_forms(
                issued, report_data.letterhead(clock), folder / "sent"
            )
            seconds, processor = stopwatch.read()
            made = report(FORMS_MADE, len(written), seconds, processor, reference)

            for form, path in zip(issued, written, strict=True):
                answers = {item.key: 1 + item.position % 5 for item in form.items if item.scale}
                fill_form(form, path, folder / "back" / path.name, answers)
            stopwatch = Stopwatch()
            plan = collect.plan_collection([folder / "back"])
            recorded = collect.record(plan, clock)
            seconds, processor = stopwatch.read()
            collected = report(FORMS_COLLECTED, recorded, seconds, processor, reference)
    return 0 if made and collected else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
