"""Pictures of the printed documents for the README: an agreement, a progress summary and a
cohort report, with an organisation's name, logo and coordinator as a real programme has them.

Run ``python docs/make_document_pages.py`` (needs ``pdftoppm`` from poppler-utils, and fonts
for Korean and Devanagari such as fonts-nanum and fonts-noto-core). It makes a sample data file
in a temporary folder, sets the organisation through the same settings the window and
``revmentor settings`` change, draws a simple logo for it, and writes the first two pages of
each document as PNGs to docs/documents/. The agreement is a pair with a Korean and a Hindi
name, the progress summary a pair with an Arabic one: names in any script print. The pages of the
cohort report that hold its Outcomes section go to docs/outcomes/
(``python docs/make_document_pages.py outcomes`` makes only those).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

OUTPUT = REPOSITORY / "docs" / "documents"
OUTCOMES_OUTPUT = REPOSITORY / "docs" / "outcomes"
FONT = REPOSITORY / "revmentor_desktop" / "resources" / "fonts" / "DejaVuSans-Bold.ttf"
TODAY = date(2026, 11, 25)
SAMPLE_NOW = datetime(2026, 11, 25, 10, 0)  # the moment the sample documents are drawn
RESOLUTION = 80  # dots per inch: an A4 page becomes 662 × 936 pixels
PAGES = 2
NAVY, TEAL, WHITE = (31, 58, 95), (42, 111, 151), (255, 255, 255)
ARABIC = re.compile("[\u0600-\u06ff]")


def sample_logo() -> bytes:
    """A compass-rose emblem with the organisation's short name: a PNG like a real logo."""
    font = ImageFont.truetype(str(FONT), 74)
    name = "NORDWIND"
    height = 160
    width = height + 24 + round(font.getlength(name)) + 8
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, height, height), radius=28, fill=NAVY)
    centre = height // 2
    draw.polygon(
        [(centre, 18), (centre + 22, centre), (centre, height - 18), (centre - 22, centre)],
        fill=WHITE,
    )
    draw.polygon(
        [(18, centre), (centre, centre - 14), (height - 18, centre), (centre, centre + 14)],
        fill=TEAL,
    )
    draw.ellipse((centre - 9, centre - 9, centre + 9, centre + 9), fill=NAVY)
    draw.text((height + 24, 30), name, font=font, fill=NAVY)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def sample_clock() -> datetime:
    return SAMPLE_NOW


@contextmanager
def sample_data_file(purpose: str) -> Iterator[Path]:
    """A new scratch folder with the sample programme's data file in it, open while the block
    runs; the folder stays, for the PDFs drawn from the file."""
    from revmentor_desktop.storage.database import DataFile

    scratch = Path(tempfile.mkdtemp(prefix=f"revmentor-{purpose}-"))
    with DataFile.open(scratch / "Nordwind programme.revmentor", create=True):
        sample_programme()
        yield scratch


def write_page_picture(pdf: Path, page: int, target: Path) -> None:
    """Page ``page`` of ``pdf`` as the PNG ``target``, at the resolution of every picture."""
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = pdf.with_name(f"{target.stem}-page")
    subprocess.run(
        [
            "pdftoppm", "-r", str(RESOLUTION), "-png", "-singlefile",
            "-f", str(page), "-l", str(page), str(pdf), str(prefix),
        ],
        check=True,
    )  # fmt: skip
    prefix.with_suffix(".png").replace(target)
    print(target)


def sample_programme() -> None:
    """Sample data in the open data file, with the sample's organisation."""
    from revmentor_desktop.domain.demo import generate_demo

    generate_demo(people=150, seed=7, today=TODAY)
    apply_sample_organisation()


def apply_sample_organisation() -> None:
    """The sample's organisation, logo, paper and coordinator, set through the same edit as
    the settings dialog (also used by make_screenshots.py)."""
    from revmentor_desktop.domain import edits, programme_settings
    from revmentor_desktop.domain.logo import logo_from_bytes

    old = programme_settings.load()
    edits.change_settings(
        old,
        replace(
            old,
            organisation_name="Nordwind Logistik GmbH",
            page_size="A4",
            coordinator_name="Maria Lopez",
            coordinator_contact="mentoring@nordwind.example · ext. 4711",
            logo=logo_from_bytes(sample_logo(), "nordwind.png"),
        ),
    )


def main(argv: list[str]) -> int:
    from revmentor_desktop.domain import cohorts, pairs
    from revmentor_desktop.domain.pairs import PairQuery
    from revmentor_desktop.reports.registry import KINDS, Request

    with sample_data_file("documents") as scratch:
        write_outcomes_pages(scratch)
        if "outcomes" in argv:
            return 0
        reverse = {row.id for row in cohorts.list_cohorts() if row.kind == "reverse"}
        active = pairs.list_pairs(PairQuery(status="active"), sample_clock)
        cohort_id = next(row.cohort_id for row in active if row.cohort_id in reverse)
        arabic = next(
            row.id for row in active if ARABIC.search(f"{row.mentor_name} {row.mentee_name}")
        )
        request = Request(clock=sample_clock)
        for name, kind, target in (
            ("agreement", "agreement", korean_and_hindi_pair(cohort_id, sample_clock)),
            ("summary", "pair summary", arabic),
            ("cohort", "cohort report", cohort_id),
        ):
            pdf = scratch / f"{name}.pdf"
            KINDS[kind].gather_document(target, request).render(pdf)
            write_pages(pdf, name)
    return 0


def korean_and_hindi_pair(cohort_id: int, clock: Callable[[], datetime]) -> int:
    """A new active pair in the cohort: a Korean analyst mentors a Hindi-named head of
    procurement (a conjunct and a vowel sign written before its letter: shaping shows)."""
    from revmentor_desktop.domain import cohorts, pairs, people

    mentor = people.add_person(
        people.PersonDraft("김서연", job_title="Data Analyst", department="Finance"), clock
    )
    mentee = people.add_person(
        people.PersonDraft("अर्जुन मेहता", job_title="Head of Procurement", department="Procurement"),
        clock,
    )
    cohorts.enrol(cohort_id, mentor, "mentor")
    cohorts.enrol(cohort_id, mentee, "mentee")
    pair_id = pairs.create_pair(
        pairs.PairDraft(
            cohort_id,
            mentor,
            mentee,
            start_date=date(2026, 11, 16),
            focus_areas=["Microsoft Teams", "Data visualisation"],
            goals=[
                pairs.GoalDraft("Run the weekly supplier review as a Teams meeting", 0),
                pairs.GoalDraft("Read the spend dashboard without help", 0),
            ],
        ),
        clock,
    )
    pairs.change_status(pair_id, "activate", clock=clock)
    return pair_id


def write_pages(pdf: Path, name: str) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    prefix = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(RESOLUTION), "-png", "-l", str(PAGES), str(pdf), str(prefix)],
        check=True,
    )
    for number in range(1, PAGES + 1):
        page = next(pdf.parent.glob(f"{prefix.name}-*{number}.png"), None)
        target = OUTPUT / f"{name}-{number}.png"
        if page is None:
            target.unlink(missing_ok=True)  # the document is shorter than it was
        else:
            page.replace(target)
            print(target)


def write_outcomes_pages(scratch: Path) -> None:
    """The Outcomes section of the cohort report of the cohort with most closing answers."""
    from peewee import fn

    from revmentor_desktop.reports.registry import KINDS
    from revmentor_desktop.storage.models import OutcomeForm

    answered = fn.COUNT(OutcomeForm.returned_at)
    cohort_id = (
        OutcomeForm.select(OutcomeForm.cohort)
        .where(OutcomeForm.questionnaire == "closing")
        .group_by(OutcomeForm.cohort)
        .order_by(answered.desc())
        .scalar()
    )
    pdf = scratch / "outcomes.pdf"
    KINDS["cohort report"].gather_document(cohort_id).render(pdf)
    texts = [
        subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for page in range(1, 30)
        if _has_page(pdf, page)
    ]
    first = next(number for number, page in enumerate(texts, 1) if "\nOutcomes\n" in page)
    last = next(number for number, page in enumerate(texts, 1) if "Results: questionnaires" in page)
    OUTCOMES_OUTPUT.mkdir(parents=True, exist_ok=True)
    for old in OUTCOMES_OUTPUT.glob("outcomes-*.png"):
        old.unlink()
    prefix = scratch / "outcomes-page"
    subprocess.run(
        ["pdftoppm", "-r", str(RESOLUTION), "-png", "-f", str(first), "-l", str(last), str(pdf),
         str(prefix)],
        check=True,
    )  # fmt: skip
    for number, page in enumerate(sorted(scratch.glob("outcomes-page-*.png")), start=1):
        target = OUTCOMES_OUTPUT / f"outcomes-{number}.png"
        page.replace(target)
        print(target)


def _has_page(pdf: Path, page: int) -> bool:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )
    return page <= pages


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
