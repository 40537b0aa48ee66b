"""Encodings in plain words: "Central European (Windows-1250)" rather than "cp1250".

A coordinator recognises the language a file was written for; the code page's name follows in
brackets for whoever needs it (IT, or the export dialog of the HR system).
"""

from __future__ import annotations

import codecs

from revmentor_desktop.domain.importing.reading import DELIMITERS, Table

# Python's canonical codec name → what a person calls it.
_LABELS: dict[str, str] = {
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
    "cp1251": "Cyrillic (Windows-1251)",
    "iso8859-5": "Cyrillic (ISO-8859-5)",
    "koi8-r": "Cyrillic (KOI8-R)",
    "koi8-u": "Cyrillic, Ukrainian (KOI8-U)",
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


def encoding_label(codec: str) -> str:
    """What ``codec`` (any name Python knows it by: "cp1250", "windows-1250") is called in
    plain words; a codec without a plain name is given by its own name."""
    try:
        canonical = codecs.lookup(codec).name
    except LookupError:
        return codec
    return _LABELS.get(canonical, codec.upper())


def source_description(table: Table) -> str:
    """What was detected in the file, for a person: "CSV, Central European (Windows-1250),
    columns separated by semicolons"."""
    if table.file_format == "XLSX":
        return f"Excel workbook, sheet “{table.sheet}”"
    encoding = encoding_label(table.codec) if table.codec else table.encoding
    separator = DELIMITERS.get(table.delimiter, "comma")
    return f"CSV, {encoding}, columns separated by {separator}s"
