"""Certificates print a landscape page per person, whole, inside the border, in any script."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from revmentor_desktop.domain import pairs, report_data, settings
from revmentor_desktop.domain.report_data import CertificateBatch
from revmentor_desktop.reports.certificate import CONTENT_MARGIN, render_certificate
from revmentor_desktop.storage.database import DataFile
from tests.reports.helpers import overlapping_lines, page_texts, pdffonts, text_lines
from tests.reports.programme import Programme, build_programme, clock

LONG_NAME = ("Maximiliane Alexandra Wilhelmina von Hohenstein-Sigmaringen " * 6)[:300]
KOREAN = "김민준 박서연"
ARABIC = "سارة بنت عبد الله الحسيني"


@pytest.fixture
def programme(data_file: DataFile) -> Programme:
    built = build_programme()
    settings.put(settings.SPONSOR_NAME, "Dr. Katrin Weber")
    settings.put(settings.SPONSOR_TITLE, "Chief Executive Officer")
    settings.put(settings.COORDINATOR_NAME, "Maria Lopez")
    pairs.change_status(built.pair_id, "complete", clock=clock)
    return built


def _pdf(batch: CertificateBatch) -> bytes:
    buffer = io.BytesIO()
    render_certificate(batch, buffer)
    return buffer.getvalue()


def _pdftotext(path: Path) -> str:
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed, as .ci/run installs"
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return " ".join(unicodedata.normalize("NFKC", result.stdout).split())


def _with_names(batch: CertificateBatch, *names: str) -> CertificateBatch:
    template = batch.certificates[0]
    return replace(batch, certificates=tuple(replace(template, name=name) for name in names))


def test_a_pair_gives_a_landscape_page_for_each_partner_saying_what_they_did(
    programme: Programme,
) -> None:
    pdf = _pdf(report_data.certificates_for_pair(programme.pair_id, clock))

    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert page.mediabox.width > page.mediabox.height, "landscape"
    mentor, mentee = page_texts(pdf)
    assert "Agnès Dubois" in mentor and "REVERSE MENTOR" in mentor
    assert (
        "for taking part in Reverse mentoring 2026 at Nordwind Logistik GmbH, together with "
        "Jörg Müller (Mentee), from 9 Mar 2026 to 15 Jun 2026." in mentor
    )
    assert "Jörg Müller" in mentee and "MENTEE" in mentee
    assert "together with Agnès Dubois (Reverse mentor)" in mentee
    for page in (mentor, mentee):
        assert "Nordwind Logistik GmbH" in page
        assert "Reverse mentoring 2026" in page
        for figure in ("4", "SESSIONS HELD", "3½", "HOURS TOGETHER"):
            assert figure in page
        assert "Focus areas: Microsoft Teams · LinkedIn" in page
        assert "Dr. Katrin Weber Chief Executive Officer" in page
        assert "Maria Lopez Programme coordinator" in page
        assert "from 9 Mar 2026 to 15 Jun 2026" in page


def test_a_cohort_batch_is_one_pdf_with_a_page_per_person(programme: Programme) -> None:
    other = pairs.list_pairs(pairs.PairQuery(search="Person 02"), clock)[0].id
    pairs.change_status(other, "complete", clock=clock)
    steps: list[tuple[int, int]] = []
    buffer = io.BytesIO()

    render_certificate(
        report_data.certificates_for_cohort(programme.cohort_id, clock),
        buffer,
        lambda done, total: steps.append((done, total)),
    )

    pages = page_texts(buffer.getvalue())
    names = ["Agnès Dubois", "Jörg Müller", "Person 02", "Person 03"]
    presented = [next(n for n in names if f"presented to {n}" in page) for page in pages]
    assert presented == names
    assert steps == [(0, 4), (1, 4), (2, 4), (3, 4)]


def test_a_300_character_korean_and_arabic_name_fit_inside_the_margins_whole(
    programme: Programme, tmp_path: Path
) -> None:
    assert len(LONG_NAME) == 300
    batch = _with_names(
        report_data.certificates_for_pair(programme.pair_id, clock), LONG_NAME, KOREAN, ARABIC
    )
    path = tmp_path / "certificates.pdf"
    path.write_bytes(_pdf(batch))
    pdf = path.read_bytes()

    width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    for page in text_lines(pdf):
        assert not overlapping_lines(page)
        for line in page:
            assert line.left >= CONTENT_MARGIN - 1, line.text
            assert line.right <= width - CONTENT_MARGIN + 1, line.text
    found = _pdftotext(path)
    for name in (" ".join(LONG_NAME.split()), KOREAN, ARABIC):
        assert name in found, name
    rows = pdffonts(path)
    assert rows, "pdffonts (poppler-utils) is needed, as .ci/run installs"
    assert {row[0].split("+")[-1] for row in rows} >= {"DejaVuSans-Bold", "NanumBarunGothicBold"}
    assert all(row[-5] == "yes" for row in rows), rows  # the "emb" column


def test_names_that_fit_print_large_and_longer_ones_smaller(programme: Programme) -> None:
    batch = report_data.certificates_for_pair(programme.pair_id, clock)
    pdf = _pdf(_with_names(batch, "Agnès Dubois", LONG_NAME[:60], LONG_NAME))

    def name_size(page: list, start: str) -> float:
        return max(line.size for line in page if line.text.startswith(start))

    short, medium, long = text_lines(pdf)
    assert name_size(short, "Agnès") == 34
    assert 16 <= name_size(medium, "Maximiliane") < 34
    assert 9 <= name_size(long, "Maximiliane") < 16


def test_a_cohort_whose_name_does_not_say_the_kind_of_mentoring_is_told_it(
    programme: Programme,
) -> None:
    batch = report_data.certificates_for_pair(programme.pair_id, clock)
    spring = replace(batch.certificates[0], programme="Spring cohort")
    [page] = page_texts(_pdf(replace(batch, certificates=(spring,))))
    assert "in Spring cohort, a reverse mentoring programme at Nordwind Logistik GmbH" in page
