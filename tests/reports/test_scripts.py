"""Names in any script print, in fonts embedded in the PDF, and can be found in its text.

The bundled DejaVu has no Korean, Chinese or Devanagari: those come from fonts the computer
has. CI installs them (.ci/run); a developer without them is told which package to install.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from revmentor_desktop.domain import cohorts, pairs, people, report_data, settings
from revmentor_desktop.reports import fonts, system_fonts
from revmentor_desktop.reports.agreement import render_agreements
from revmentor_desktop.reports.house_style import styles
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.storage.database import DataFile
from tests.reports.helpers import pdffonts
from tests.reports.programme import clock

KOREAN = "김민준"
HINDI = "प्रिया शर्मा"  # a conjunct (प्र) and a vowel sign written before its letter (ि)
ARABIC = "ليلى حداد"
CHINESE = "王小明"
# Debian packages with TrueType fonts for what DejaVu lacks (.ci/run installs them).
NEEDED_FONTS = {
    KOREAN[0]: "fonts-nanum",
    HINDI[0]: "fonts-noto-core",
    CHINESE[0]: "fonts-droid-fallback",
}


@pytest.fixture(scope="module", autouse=True)
def fonts_for_every_script() -> None:
    """Fail, saying what to install, when this computer has no font for a script."""
    for char, package in NEEDED_FONTS.items():
        if not any(font.may_cover(ord(char)) for font in system_fonts.installed_fonts()):
            pytest.fail(
                f"No font on this computer has “{char}” ({unicodedata.name(char)}): install "
                f"{package} (sudo apt-get install {package}), as .ci/run does."
            )


def _pdftotext(path: Path) -> str:
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed, as .ci/run installs"
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return unicodedata.normalize("NFKC", result.stdout)  # Arabic comes in joined forms


def _agreement(tmp_path: Path, goal: str = "Use Teams") -> Path:
    settings.put(settings.COORDINATOR_NAME, ARABIC)
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft("Reverse 2026", "reverse", date(2026, 3, 2), date(2026, 12, 18)),
        clock,
    )
    mentor = people.add_person(people.PersonDraft(KOREAN, department="营销部"), clock)
    mentee = people.add_person(people.PersonDraft(HINDI, department="מכירות"), clock)
    cohorts.enrol(cohort_id, mentor, "mentor")
    cohorts.enrol(cohort_id, mentee, "mentee")
    pair_id = pairs.create_pair(
        pairs.PairDraft(cohort_id, mentor, mentee, goals=[pairs.GoalDraft(goal, 10)]), clock
    )
    path = tmp_path / "agreement.pdf"
    render_agreements(report_data.agreement_for_pair(pair_id, clock), path)
    return path


def test_korean_hindi_and_arabic_names_are_found_in_the_agreement(
    data_file: DataFile, tmp_path: Path
) -> None:
    path = _agreement(tmp_path, goal=f"Learn the names {CHINESE} and こんにちは")
    found = _pdftotext(path)
    for name in (KOREAN, HINDI, ARABIC, CHINESE, "こんにちは", "营销部", "מכירות"):
        assert name in found, name
    assert fonts.PLACEHOLDER not in found
    assert "could not be printed" not in found


def test_every_font_of_the_agreement_is_embedded(data_file: DataFile, tmp_path: Path) -> None:
    rows = pdffonts(_agreement(tmp_path))
    assert rows is not None, "pdffonts (poppler-utils) is needed, as .ci/run installs"
    for row in rows:
        assert row[-5] == "yes", row  # embedded: prints the same on a computer without them
    names = " ".join(row[0] for row in rows)
    assert "DejaVuSans" in names
    assert "Devanagari" in names  # the Hindi name's font, found on this computer


def test_names_in_bold_print_in_the_bold_face_of_their_font(
    data_file: DataFile, tmp_path: Path
) -> None:
    """The party cards and signature lines set names in bold: a Korean or Hindi name there
    printed in the regular face beside bold Latin ones."""
    rows = pdffonts(_agreement(tmp_path))
    assert rows is not None
    names = [row[0] for row in rows]
    for script in ("Nanum", "Devanagari"):
        faces = [name for name in names if script in name]
        assert any("Bold" in face for face in faces), faces
        assert any("Bold" not in face for face in faces), faces  # running text stays regular


def test_a_bold_name_is_measured_as_it_prints() -> None:
    """Titles and headers shrink or cut a name by its measured width."""
    title = styles()["title"]
    for name in (KOREAN, HINDI, f"Ana & {KOREAN}"):
        paragraph = Paragraph(fonts.text(name), title)
        paragraph.wrap(1000, 100)
        [printed] = paragraph.getActualLineWidths0()
        assert fonts.width(name, fonts.BOLD, title.fontSize) == pytest.approx(printed)
    assert fonts.width(HINDI, fonts.BOLD, 20) > fonts.width(HINDI, fonts.REGULAR, 20)


def test_devanagari_is_shaped_and_keeps_its_letters_for_search() -> None:
    runs = re.findall(r'<font face="([^"]+)">([^<]+)</font>', fonts.text(HINDI))
    assert len(runs) == 2  # one run per word, the space in DejaVu
    (font, first), (_, second) = runs
    assert first != "प्रिया", "the conjunct and the vowel sign are drawn as HarfBuzz shapes them"
    assert fonts.actual_text(font, f"{first} {second}") == HINDI


def test_a_character_no_font_has_prints_as_a_placeholder_with_a_note(
    data_file: DataFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(system_fonts, "installed_fonts", lambda: ())
    fonts._fallback_runs.cache_clear()
    try:
        with fonts.missing_characters() as missing:
            markup = fonts.text("Ana 🦄 한")
        assert markup == f"Ana {fonts.PLACEHOLDER} {fonts.PLACEHOLDER}"
        assert missing == {"🦄", "한"}
        found = _pdftotext(_agreement(tmp_path, goal="Stickers 🦄"))
    finally:
        fonts._fallback_runs.cache_clear()
    assert "Some characters could not be printed" in found
    assert "U+1F984 Unicorn Face" in found
    assert "U+AE40" in found  # 김, the first letter of the Korean name
    assert fonts.PLACEHOLDER in found


def test_fontconfig_charsets_are_read_as_ranges() -> None:
    font = system_fonts.FontFile("x.ttf", 0, "X", system_fonts._parse_charset("20-7e a0 ac00-d7a3"))
    assert font.may_cover(ord("A")) and font.may_cover(0xA0) and font.may_cover(ord("김"))
    assert not font.may_cover(0xA1) and not font.may_cover(0x1F)


def test_latin_text_never_looks_for_a_system_font(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> tuple[system_fonts.FontFile, ...]:
        raise AssertionError("looked for a system font")

    monkeypatch.setattr(system_fonts, "installed_fonts", refuse)
    assert "<font" not in fonts.text("Agnès Øster-Łukasiewicz, Ελένη, Пётр, עמית")


def test_without_fontconfig_the_font_folders_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows and macOS have no fc-list: fonts come from their folders, read as needed."""
    devanagari = next(
        font.path for font in system_fonts.installed_fonts() if font.may_cover(ord(HINDI[0]))
    )
    (tmp_path / "Fonts").mkdir()
    shutil.copy(devanagari, tmp_path / "Fonts" / "Hindi.ttf")
    bold = system_fonts.bold_face(
        next(f for f in system_fonts.installed_fonts() if f.path == devanagari)
    )
    assert bold is not None
    shutil.copy(bold.path, tmp_path / "Fonts" / "HindiBold.ttf")  # as Windows names "…bd", "…b"
    (tmp_path / "Fonts" / "readme.txt").write_text("not a font")
    monkeypatch.setattr(system_fonts.shutil, "which", lambda program: None)
    monkeypatch.setattr(system_fonts, "FONT_FOLDERS", (str(tmp_path / "Fonts"), "/nowhere"))
    system_fonts.installed_fonts.cache_clear()
    fonts._fallback_runs.cache_clear()
    try:
        found = system_fonts.installed_fonts()
        markup = fonts.text(HINDI)
        title = Paragraph(fonts.text(HINDI), styles()["title"])
        bold_title = {frag.fontName for frag in title.frags}
    finally:
        system_fonts.installed_fonts.cache_clear()
        fonts._fallback_runs.cache_clear()
    assert [font.name for font in found] == ["Hindi", "HindiBold"]
    assert found[0].ranges is None  # what it covers is read from the file itself
    assert "RevMentorFallback-Hindi-0" in markup
    assert "RevMentorFallback-HindiBold-0" in bold_title
