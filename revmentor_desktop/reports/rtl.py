"""Arabic and Hebrew names in visual order, Arabic letters in their joined forms.

ReportLab lays text out left to right and, without the optional uharfbuzz and bidi packages,
does not join Arabic letters. Names and short notes written wholly in a right-to-left script
are therefore prepared here: each Arabic letter takes its isolated, initial, medial or final
presentation form (DejaVu Sans has them all), lam-alef becomes its ligature, and each run of
right-to-left words is reversed in place. In a left-to-right paragraph ("This agreement sets
out how محمد الأحمد and ...") that is what the bidirectional algorithm gives; runs holding
digits or brackets would need the full algorithm (python-bidi) and are rare in names.
"""

from __future__ import annotations

import functools
import unicodedata

_LAM = 0x0644
_TATWEEL = 0x0640


@functools.cache
def _forms() -> dict[tuple[int, ...], dict[str, str]]:
    """Presentation forms by base letters, read from Unicode's own decompositions."""
    table: dict[tuple[int, ...], dict[str, str]] = {}
    for code in range(0xFE70, 0xFF00):
        decomposition = unicodedata.decomposition(chr(code))
        if not decomposition.startswith("<"):
            continue
        tag, *parts = decomposition.split()
        if tag in ("<isolated>", "<final>", "<initial>", "<medial>"):
            base = tuple(int(part, 16) for part in parts)
            table.setdefault(base, {})[tag.strip("<>")] = chr(code)
    return table


def is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def _transparent(char: str) -> bool:
    return unicodedata.category(char) == "Mn"  # harakat do not break joining


def _joins_forward(char: str) -> bool:
    """Whether ``char`` connects to the letter after it (dual-joining letters and tatweel)."""
    if ord(char) == _TATWEEL:
        return True
    forms = _forms().get((ord(char),), {})
    return "initial" in forms or "medial" in forms


def _joins_back(char: str) -> bool:
    if ord(char) == _TATWEEL:
        return True
    return "final" in _forms().get((ord(char),), {})


def shape_arabic(text: str) -> str:
    """Arabic letters replaced by their contextual presentation forms (logical order kept)."""
    letters = list(text)
    result: list[str] = []
    index = 0
    count = len(letters)

    def neighbour(start: int, step: int) -> str | None:
        position = start + step
        while 0 <= position < count and _transparent(letters[position]):
            position += step
        return letters[position] if 0 <= position < count else None

    while index < count:
        char = letters[index]
        previous = neighbour(index, -1)
        joined_before = previous is not None and _joins_forward(previous) and _joins_back(char)
        following = neighbour(index, 1)
        if ord(char) == _LAM and following is not None:
            ligature = _forms().get((_LAM, ord(following)))
            if ligature:
                result.append(ligature["final" if joined_before else "isolated"])
                index = letters.index(following, index + 1) + 1
                continue
        forms = _forms().get((ord(char),))
        if not forms:
            result.append(char)
            index += 1
            continue
        joined_after = following is not None and _joins_forward(char) and _joins_back(following)
        if joined_before and joined_after:
            form = "medial"
        elif joined_before:
            form = "final"
        elif joined_after:
            form = "initial"
        else:
            form = "isolated"
        result.append(forms.get(form) or forms.get("isolated") or char)
        index += 1
    return "".join(result)


def _rtl_runs(text: str) -> list[tuple[int, int]]:
    """Spans of right-to-left words, with the spaces and marks between them."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    for index, char in enumerate(text):
        if is_rtl(char):
            if start is None:
                start = index
            end = index + 1
        elif start is not None and not (char == " " or _transparent(char)):
            spans.append((start, end))
            start = None
        elif start is not None and _transparent(char):
            end = index + 1
    if start is not None:
        spans.append((start, end))
    return spans


def visual(text: str) -> str:
    """``text`` ready for left-to-right layout: right-to-left runs joined and reversed."""
    if text.isascii() or not any(is_rtl(char) for char in text):
        return text
    lines = []
    for line in text.split("\n"):
        pieces: list[str] = []
        position = 0
        for start, end in _rtl_runs(line):
            pieces.append(line[position:start])
            pieces.append(shape_arabic(line[start:end])[::-1])
            position = end
        pieces.append(line[position:])
        lines.append("".join(pieces))
    return "\n".join(lines)
