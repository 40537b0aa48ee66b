"""The organisation's own documents: its name, its logo, its coordinator, on every page."""

from __future__ import annotations

import base64
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from revmentor_desktop.domain import report_data, settings
from revmentor_desktop.domain.logo import Logo
from revmentor_desktop.reports.agreement import render_agreements
from revmentor_desktop.reports.cohort_report import render_cohort_report
from revmentor_desktop.reports.house_style import LOGO_BOX
from revmentor_desktop.reports.logo import prepare
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Setting
from tests.domain.logos import SVG_LOGO, jpeg_logo, png_logo
from tests.reports.helpers import pdf_text
from tests.reports.programme import build_programme, clock


def agreement_pdf(pair_id: int) -> bytes:
    buffer = io.BytesIO()
    render_agreements(report_data.agreement_for_pair(pair_id, clock), buffer)
    return buffer.getvalue()


def page_images(data: bytes, page: int = 0) -> list[Any]:
    """The image XObjects drawn on a page, directly or inside the forms it draws."""
    return _images(PdfReader(io.BytesIO(data)).pages[page]["/Resources"])


def _images(resources: Any) -> list[Any]:
    found = []
    for name in resources.get("/XObject", {}):
        thing = resources["/XObject"][name].get_object()
        if thing["/Subtype"] == "/Image":
            found.append(thing)
        elif thing["/Subtype"] == "/Form" and "/Resources" in thing:
            found.extend(_images(thing["/Resources"]))
    return found


def test_the_agreement_shows_the_organisations_name_logo_and_coordinator(
    data_file: DataFile, tmp_path: Path
) -> None:
    programme = build_programme()
    settings.put(settings.LOGO, Logo("image/png", png_logo(400, 120)).as_setting())
    settings.put(settings.COORDINATOR_NAME, "Maria López")
    settings.put(settings.COORDINATOR_CONTACT, "mentoring@nordwind.example · ext. 4711")
    data = agreement_pdf(programme.pair_id)
    [image] = page_images(data)
    assert (image["/Width"], image["/Height"]) == (400, 120)
    [on_page_two] = page_images(data, page=1)
    assert on_page_two.indirect_reference.idnum == image.indirect_reference.idnum, "stored once"
    pdf = tmp_path / "agreement.pdf"
    pdf.write_bytes(data)
    if shutil.which("pdftotext"):
        words = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    else:
        words = pdf_text(data)
    assert "Nordwind Logistik GmbH" in words
    assert "Programme coordinator: Maria López · mentoring@nordwind.example · ext. 4711" in words
    assert "Mentoring programme" not in words


def test_the_logo_keeps_its_shape_within_the_header_box() -> None:
    box_width, box_height = LOGO_BOX
    for data, (width, height) in (
        (png_logo(600, 100), (box_width, box_width / 6)),  # long: as wide as the box
        (png_logo(250, 100), (box_height * 2.5, box_height)),  # banner: as tall
        (png_logo(100, 200), (box_height / 2, box_height)),  # upright: as tall
    ):
        logo = prepare(Logo("image/png", data))
        assert logo is not None
        assert logo.fit(*LOGO_BOX) == pytest.approx((width, height))


@pytest.mark.parametrize(
    ("media_type", "data"),
    [("image/jpeg", jpeg_logo()), ("image/svg+xml", SVG_LOGO)],
    ids=["jpeg", "svg"],
)
def test_jpeg_and_svg_logos_are_drawn(data_file: DataFile, media_type: str, data: bytes) -> None:
    programme = build_programme()
    plain = agreement_pdf(programme.pair_id)
    settings.put(settings.LOGO, Logo(media_type, data).as_setting())
    with_logo = agreement_pdf(programme.pair_id)
    first_page = PdfReader(io.BytesIO(with_logo)).pages[0]
    [logo_form] = [
        thing.get_object()
        for thing in first_page["/Resources"]["/XObject"].values()
        if thing.get_object()["/Subtype"] == "/Form"
    ]
    if media_type == "image/jpeg":
        [image] = page_images(with_logo)
        assert "/DCTDecode" in image["/Filter"], "a JPEG is embedded as it is"
    else:
        assert b".8 .2 .066667 rg" in logo_form.get_data(), "the SVG's red is drawn as a vector"
        assert page_images(with_logo) == []
    assert len(with_logo) > len(plain)
    assert b"Helvetica" not in with_logo, "no font but the embedded ones is named"


def test_a_damaged_stored_logo_leaves_the_header_without_one(data_file: DataFile) -> None:
    programme = build_programme()
    damaged = {"media_type": "image/png", "data": base64.b64encode(png_logo()[:300]).decode()}
    Setting.insert(key=settings.LOGO.key, value=json.dumps(damaged)).execute()  # another program
    assert report_data.letterhead(clock).logo is None
    assert page_images(agreement_pdf(programme.pair_id)) == []


def test_reports_hide_groups_below_the_chosen_threshold(data_file: DataFile) -> None:
    programme = build_programme()

    def departments(threshold: int) -> dict[str, int | None]:
        settings.put(settings.SMALLEST_GROUP, threshold)
        report = report_data.cohort_report(programme.cohort_id, clock)
        assert report.min_group_size == threshold
        return {line.label: line.people for line in report.departments}

    assert departments(5) == {
        "Finance": 7,
        "Logistics": 5,
        "Other departments (each fewer than 5 people)": None,
    }
    assert departments(3) == {
        "Finance": 7,
        "Logistics": 5,
        "Other departments (each fewer than 3 people)": 3,
    }
    assert departments(8) == {"Other departments (each fewer than 8 people)": 15}
    buffer = io.BytesIO()
    render_cohort_report(report_data.cohort_report(programme.cohort_id, clock), buffer)
    assert "Departments with fewer than 8 people are combined" in pdf_text(buffer.getvalue())
