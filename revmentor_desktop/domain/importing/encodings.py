"""Which encoding a staff list that is not UTF-8 was saved in, and encodings in plain words:
"Central European (Windows-1250)" rather than "cp1250".

Excel saves "CSV" in the code page of the computer it runs on: a Polish or Czech list arrives
in Windows-1250, a Russian one in Windows-1251 or KOI8-R, a Japanese one in Shift-JIS. Guessing
between UTF-8, Windows-1252 and Latin-1 read those as "Imiê i nazwisko" and refused every row.
chardet tells them apart from a sample of the file: on staff lists of a handful of rows it read
Polish, Czech, Russian, Greek, Turkish and Japanese correctly, where charset-normalizer took
Turkish for Western European (and, before 3.5, Polish too).

A coordinator recognises the language a file was written for; the code page's name follows in
brackets for whoever needs it (IT, or the export dialog of the HR system).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Python's canonical codec name → what a person calls it, in the wizard and on the command
# line. A codec not listed is given by its own name.
ENCODING_WORDS: dict[str, str] = {
    "ascii": "Plain English letters (ASCII)",
    "utf-8": "Unicode (UTF-8)",
    "utf-8-sig": "Unicode (UTF-8)",
    "utf-16": "Unicode (UTF-16)",
    "utf-16-le": "Unicode (UTF-16)",
    "utf-16-be": "Unicode (UTF-16)",
    "utf-32": "Unicode (UTF-32)",
    "utf-32-le": "Unicode (UTF-32)",
    "utf-32-be": "Unicode (UTF-32)",
    "cp1252": "Western European (Windows-1252)",
    "iso8859-1": "Western European (ISO-8859-1)",
    "iso8859-15": "Western European (ISO-8859-15)",
    "mac-roman": "Western European (Mac)",
    "cp850": "Western European (DOS 850)",
    "cp1250": "Central European (Windows-1250)",
    "iso8859-2": "Central European (ISO-8859-2)",
    "cp852": "Central European (DOS 852)",
    "mac-latin2": "Central European (Mac)",
    "cp1251": "Cyrillic (Windows-1251)",
    "iso8859-5": "Cyrillic (ISO-8859-5)",
    "koi8-r": "Cyrillic (KOI8-R)",
    "koi8-u": "Cyrillic, Ukrainian (KOI8-U)",
    "mac-cyrillic": "Cyrillic (Mac)",
    "cp866": "Cyrillic (DOS 866)",
    "cp1253": "Greek (Windows-1253)",
    "iso8859-7": "Greek (ISO-8859-7)",
    "cp1254": "Turkish (Windows-1254)",
    "iso8859-9": "Turkish (ISO-8859-9)",
    "cp1255": "Hebrew (Windows-1255)",
    "iso8859-8": "Hebrew (ISO-8859-8)",
    "cp1256": "Arabic (Windows-1256)",
    "iso8859-6": "Arabic (ISO-8859-6)",
    "cp1257": "Baltic (Windows-1257)",
    "iso8859-4": "Baltic (ISO-8859-4)",
    "iso8859-13": "Baltic (ISO-8859-13)",
    "cp1258": "Vietnamese (Windows-1258)",
    "cp874": "Thai (Windows-874)",
    "tis-620": "Thai (TIS-620)",
    "shift_jis": "Japanese (Shift JIS)",
    "cp932": "Japanese (Shift JIS, Windows)",
    "euc_jp": "Japanese (EUC-JP)",
    "iso2022_jp": "Japanese (ISO-2022-JP)",
    "gb2312": "Chinese, simplified (GB2312)",
    "gbk": "Chinese, simplified (GBK)",
    "gb18030": "Chinese, simplified (GB18030)",
    "big5": "Chinese, traditional (Big5)",
    "cp950": "Chinese, traditional (Big5, Windows)",
    "euc_kr": "Korean (EUC-KR)",
    "cp949": "Korean (Windows-949)",
}


FALLBACK = "cp1252"  # what Excel writes on most Western computers


def encoding_label(codec: str) -> str:
    """What ``codec`` (any name Python knows it by: "cp1250", "windows-1250") is called in
    plain words; a codec without a plain name is given by its own name."""
    try:
        canonical = codecs.lookup(codec).name
    except LookupError:
        return codec
    return ENCODING_WORDS.get(canonical, codec.upper())


def legacy_encoding(sample: bytes) -> str:
    """The Python codec of a file that is not UTF-8, told from ``sample`` (its first lines).

    Where an old standard has a Windows superset (ISO-8859-1 and Windows-1252, ISO-8859-9 and
    Windows-1254), the superset is taken, as web browsers do: it reads the same letters and
    the extra characters Excel writes (€, curly quotes) as well.
    """
    import chardet  # imported here: only files that are not UTF-8 pay for it
    from chardet.enums import EncodingEra

    # Everything but the mainframes' EBCDIC, which no spreadsheet writes.
    eras = EncodingEra.ALL & ~EncodingEra.MAINFRAME
    found = chardet.detect(
        sample, encoding_era=eras, prefer_superset=True, max_bytes=max(len(sample), 1)
    )
    name = found.get("encoding")
    try:
        codec = codecs.lookup(name).name if name else FALLBACK
    except LookupError:
        return FALLBACK
    if codec == "ascii" or _mixes_scripts(sample.decode(codec, "replace")):
        return FALLBACK
    return codec


def _mixes_scripts(text: str) -> bool:
    """Whether a word of ``text`` joins plain Latin letters to letters of another script.

    On a few accented letters chardet may guess a code page of another script ("René Ça" as
    Arabic Windows-1256, read "René اa"); no name is written so, and such a guess is not taken.
    """
    for word in _WORDS.findall(text):
        if word.isascii() or not any("a" <= char.lower() <= "z" for char in word):
            continue
        if any(not char.isascii() and not _is_latin(char) for char in word):
            return True
    return False


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


_WORDS = re.compile(r"[^\W\d_]+")
