"""Fonts the computer already has, as fallbacks for characters the bundled font lacks.

DejaVu Sans (bundled) covers Latin, Greek, Cyrillic, Hebrew and Arabic, but not Chinese,
Japanese, Korean or the Indic scripts: a Korean font alone is 5–20 MB, too much to ship for
the few names that need one. Those characters are set in a font the computer has, embedded
in the PDF like DejaVu, so the file prints the same anywhere.

On Linux fontconfig lists every font with the characters it covers (one ``fc-list`` run,
about 0.1 s, and only once a document holds such a character). Without fontconfig (Windows,
macOS) the usual font folders are read, one file at a time, only as far as needed.

ReportLab embeds TrueType outlines only: fonts with CFF outlines (most ``.otf`` files and the
Noto CJK ``.ttc`` files) are skipped.
"""

from __future__ import annotations

import bisect
import functools
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

FONT_FOLDERS = (
    "C:/Windows/Fonts",
    "~/AppData/Local/Microsoft/Windows/Fonts",
    "/System/Library/Fonts",
    "/System/Library/Fonts/Supplemental",
    "/Library/Fonts",
    "~/Library/Fonts",
)
FONT_SUFFIXES = (".ttf", ".ttc")

# Words in a font's family or style that make it a worse fallback for a name in running text.
_LESS_SUITED = re.compile(
    r"bold|italic|oblique|light|thin|black|heavy|medium|condensed|mono|coding|serif|myeongjo"
    r"|ming|song|kufi|nastaliq|looped|display|\bui\b|emoji|symbols|math",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FontFile:
    """One font face on this computer and, if fontconfig said so, the characters it covers."""

    path: str
    index: int  # the face inside a .ttc collection
    name: str  # family and style, for messages and for ordering
    ranges: tuple[tuple[int, int], ...] | None = None  # None: known only once it is read
    family: str = ""  # as fontconfig names it; "" for a file found in a folder
    style: str = ""

    def may_cover(self, code: int) -> bool:
        if self.ranges is None:
            return True
        position = bisect.bisect_right(self.ranges, (code, 0x10FFFF)) - 1
        return position >= 0 and self.ranges[position][0] <= code <= self.ranges[position][1]


def _rank(name: str, path: str) -> tuple[int, int, str]:
    """Regular sans-serif faces first, single .ttf files before collections; then by path,
    so the same computer always picks the same font and the PDF's bytes repeat."""
    return (len(_LESS_SUITED.findall(name)), path.lower().endswith(".ttc"), path)


def _parse_charset(charset: str) -> tuple[tuple[int, int], ...]:
    ranges = []
    for item in charset.split():
        first, _, last = item.partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return tuple(sorted(ranges))


def _fontconfig_fonts() -> list[FontFile] | None:
    """Every TrueType-outline font fontconfig knows, with its coverage; None without fc-list."""
    program = shutil.which("fc-list")
    if program is None:
        return None
    fields = "%{file}\t%{index}\t%{family[0]}\t%{style[0]}\t%{fontformat}\t%{charset}\n"
    try:
        listing = subprocess.run(
            [program, "--format", fields], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    fonts = []
    for line in listing.splitlines():
        parts = line.split("\t")
        if len(parts) != 6 or parts[4] != "TrueType":  # CFF outlines cannot be embedded
            continue
        path, index, family, style, _, charset = parts
        if path.lower().endswith(FONT_SUFFIXES):
            ranges = _parse_charset(charset)
            name = f"{family} {style}"
            fonts.append(FontFile(path, int(index or 0), name, ranges, family, style))
    return fonts


def _folder_fonts() -> list[FontFile]:
    """Font files in the usual Windows and macOS folders; what they cover is read later."""
    found = []
    for folder in FONT_FOLDERS:
        place = Path(folder).expanduser()
        if not place.is_dir():
            continue
        for path in place.iterdir():
            if path.suffix.lower() in FONT_SUFFIXES:
                found.append(FontFile(str(path), 0, path.stem))
    return found


@functools.cache
def installed_fonts() -> tuple[FontFile, ...]:
    """The fonts to try for a missing character, best suited first."""
    fonts = _fontconfig_fonts()
    if fonts is None:
        fonts = _folder_fonts()
    return tuple(sorted(fonts, key=lambda font: _rank(font.name, font.path)))


def _bold_stems(stem: str) -> set[str]:
    """How a font file's bold sibling is usually named: malgun → malgunbd, Nirmala → NirmalaB,
    NotoSansDevanagari-Regular → NotoSansDevanagari-Bold."""
    stem = stem.lower()
    names = {stem + "bd", stem + "b", stem + "-bold", stem + "bold"}
    if "regular" in stem:
        names.add(stem.replace("regular", "bold"))
    return names


def bold_face(font: FontFile) -> FontFile | None:
    """The bold face of ``font``'s family on this computer, if it has one: a name in a bold
    title or heading is then bold like the rest of it."""
    for candidate in installed_fonts():
        if font.family:
            if candidate.family == font.family and candidate.style.lower() == "bold":
                return candidate
        elif Path(candidate.path).stem.lower() in _bold_stems(Path(font.path).stem):
            return candidate
    return None
