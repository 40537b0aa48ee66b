"""What every document must get right: fonts, escaping, paper, repeatable bytes, safe writes."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from revmentor_desktop.domain import report_data, settings
from revmentor_desktop.domain.report_data import paper_for_locale
from revmentor_desktop.reports.agreement import render_agreements
from revmentor_desktop.reports.base import write_pdf
from revmentor_desktop.reports.cohort_report import render_cohort_report
from revmentor_desktop.reports.fonts import text as markup
from revmentor_desktop.reports.progress import render_progress_summary
from revmentor_desktop.storage.database import DataFile
from tests.reports.helpers import page_texts, pdf_text, pdffonts
from tests.reports.programme import build_programme, clock


def _all_documents(programme_pair: int, cohort_id: int) -> dict[str, bytes]:
    documents = {}
    for name, render in (
        (
            "agreement",
            lambda out: render_agreements(
                report_data.agreement_for_pair(programme_pair, clock), out
            ),
        ),
        (
            "agreements",
            lambda out: render_agreements(report_data.agreements_for_cohort(cohort_id, clock), out),
        ),
        (
            "summary",
            lambda out: render_progress_summary(
                report_data.pair_summary(programme_pair, True, clock), out
            ),
        ),
        (
            "cohort",
            lambda out: render_cohort_report(report_data.cohort_report(cohort_id, clock), out),
        ),
    ):
        buffer = io.BytesIO()
        render(buffer)
        documents[name] = buffer.getvalue()
    return documents


def test_same_input_gives_identical_bytes(data_file: DataFile) -> None:
    programme = build_programme()
    first = _all_documents(programme.pair_id, programme.cohort_id)
    second = _all_documents(programme.pair_id, programme.cohort_id)
    for name, data in first.items():
        assert data.startswith(b"%PDF")
        assert data == second[name], name


def test_accented_and_non_latin_names_print_as_typed(data_file: DataFile) -> None:
    programme = build_programme()
    from revmentor_desktop.domain import cohorts, pairs, people

    arabic = people.add_person(people.PersonDraft("ليلى حداد", department="IT"), clock)
    chinese = people.add_person(people.PersonDraft("王小明", department="Sales"), clock)
    cohorts.enrol(programme.cohort_id, arabic, "mentor")
    cohorts.enrol(programme.cohort_id, chinese, "mentee")
    pair_id = pairs.create_pair(pairs.PairDraft(programme.cohort_id, arabic, chinese), clock)
    data = _all_documents(programme.pair_id, programme.cohort_id)
    text = pdf_text(data["cohort"])
    for name in ("Agnès Dubois", "Jörg Müller", "Siobhán Ó Súilleabháin", "Mehmet Yılmaz"):
        assert name in text
        assert name in pdf_text(data["agreements"])
    # Chinese comes from a CJK font; Arabic from DejaVu, in joined presentation forms and
    # visual (right-to-left) order, which Unicode normalisation maps back to the letters.
    single = io.BytesIO()
    render_agreements(report_data.agreement_for_pair(pair_id, clock), single)
    agreement = pdf_text(single.getvalue())
    assert "王小明" in agreement
    joined = "\ufedf\ufef4\ufee0\ufef0"  # ليلى in its joined forms
    # (pypdf may give right-to-left runs back in either order.)
    assert joined in agreement or joined[::-1] in agreement
    assert "\x00" not in agreement


def test_the_bundled_font_is_embedded(data_file: DataFile, tmp_path: Path) -> None:
    programme = build_programme()
    path = tmp_path / "summary.pdf"
    render_progress_summary(report_data.pair_summary(programme.pair_id, False, clock), path)
    rows = pdffonts(path)
    if rows is None:  # no poppler: read the font dictionaries instead
        reader = PdfReader(path)
        fonts = reader.pages[0]["/Resources"]["/Font"]
        names = {font.get_object()["/BaseFont"] for font in fonts.values()}
        assert any("DejaVuSans" in name for name in names)
        assert all("Helvetica" not in name for name in names)
        return
    names = {row[0].split("+")[-1]: row for row in rows}
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= set(names)
    for row in rows:
        emb = row[-5]
        assert emb == "yes", row  # every font embedded; Helvetica never sneaks in


def test_user_text_is_escaped_not_interpreted() -> None:
    assert markup("Call <Anna> re: goals & <b>") == "Call &lt;Anna&gt; re: goals &amp; &lt;b&gt;"
    assert markup("Two\nlines") == "Two<br/>lines"
    assert markup("Zoë") == "Zoë"


def test_long_tables_split_with_their_header_repeated(data_file: DataFile) -> None:
    programme = build_programme(extra_pairs=45)
    buffer = io.BytesIO()
    render_cohort_report(report_data.cohort_report(programme.cohort_id, clock), buffer)
    pages = page_texts(buffer.getvalue())
    headed = [
        page for page in pages if "Reverse mentor Mentee Status Health Held Last session" in page
    ]
    assert len(headed) >= 2
    assert "Page 1 of" in pages[0] and f"Page {len(pages)} of {len(pages)}" in pages[-1]


@pytest.mark.parametrize(
    ("locale_name", "paper"),
    [
        ("en_US.UTF-8", "Letter"),
        ("en-US", "Letter"),
        ("fr_CA.UTF-8", "Letter"),
        ("es_MX", "Letter"),
        ("English_United States.1252", "Letter"),
        ("en_GB.UTF-8", "A4"),
        ("de_DE@euro", "A4"),
        ("fr", "A4"),
        ("C", "A4"),
        ("", "A4"),
        (None, "A4"),
    ],
)
def test_paper_follows_the_locale(locale_name: str | None, paper: str) -> None:
    assert paper_for_locale(locale_name) == paper


def test_the_setting_overrides_the_locale(data_file: DataFile) -> None:
    programme = build_programme()
    settings.reset(settings.PAGE_SIZE)
    assert report_data.page_size_setting("en_US") == "Letter"
    assert report_data.page_size_setting("de_DE") == "A4"
    settings.put(settings.PAGE_SIZE, "letter")
    assert report_data.page_size_setting("de_DE") == "Letter"
    buffer = io.BytesIO()
    render_agreements(report_data.agreement_for_pair(programme.pair_id, clock, "de_DE"), buffer)
    box = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    settings.put(settings.PAGE_SIZE, "A4")
    buffer = io.BytesIO()
    render_agreements(report_data.agreement_for_pair(programme.pair_id, clock, "en_US"), buffer)
    box = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_writing_a_path_replaces_it_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_pdf(b"%PDF-new", target)
    assert target.read_bytes() == b"%PDF-new"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [item.name for item in tmp_path.iterdir()] == ["report.pdf"]


def test_right_to_left_names_are_joined_and_reversed() -> None:
    from revmentor_desktop.reports.rtl import visual

    assert visual("Agnès Dubois") == "Agnès Dubois"
    assert visual("עמית כהן") == "ןהכ תימע"
    # In a left-to-right sentence only the right-to-left run turns round.
    assert visual("how עמית כהן and Jo") == "how ןהכ תימע and Jo"
    shaped = visual("محمد الأحمد")
    units = ["م", "ح", "م", "د", " ", "ا", "لأ", "ح", "م", "د"]  # lam-alef is one glyph
    assert unicodedata.normalize("NFKC", shaped) == "".join(reversed(units))
    assert "\ufef7" in shaped  # lam with alef-hamza as one ligature
