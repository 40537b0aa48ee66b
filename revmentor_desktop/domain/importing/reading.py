"""Reading staff lists as they really arrive: CSV in several encodings and delimiters, or XLSX.

The reader works on bytes (a path is only opened by ``read_table_file``) and reports what it
detected, so the wizard and the command line can show "UTF-8 with BOM, semicolon-separated".
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path

from revmentor_desktop.domain.importing.errors import ImportFileError

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
MAX_FIELD_SIZE = 1_000_000
_XLSX_MAGIC = b"PK\x03\x04"
_OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Bytes that Windows-1252 leaves undefined; a file holding them is read as Latin-1 instead.
_UNDEFINED_IN_CP1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


@dataclass(frozen=True, slots=True)
class Row:
    """One record of the file; ``line`` is where it starts (1 = the header line)."""

    line: int
    cells: tuple[str, ...]

    def cell(self, column: int) -> str:
        return self.cells[column] if column < len(self.cells) else ""


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    file_format: str  # "CSV" or "XLSX"
    encoding: str = ""  # human-readable, e.g. "UTF-8 with BOM"
    delimiter: str = ""  # the character itself
    sheet: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    codec: str = ""  # the Python codec the CSV was read with, e.g. "cp1250"

    @property
    def detected(self) -> str:
        """What was detected, for a person: "CSV, UTF-8 with BOM, comma-separated"."""
        if self.file_format == "XLSX":
            return f"Excel workbook (sheet “{self.sheet}”)"
        return f"CSV, {self.encoding}, {DELIMITERS.get(self.delimiter, 'comma')}-separated"


def read_table_file(path: Path) -> Table:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"{path.name} cannot be read: {error.strerror or error}.") from error
    return read_table(data, path.name)


def read_table(data: bytes, name: str = "the file") -> Table:
    """Read ``data`` (CSV or XLSX) into a table; raises ``ImportFileError`` for unusable files."""
    if not data.strip():
        raise ImportFileError(f"{name} is empty: there is nothing to import.")
    if data.startswith(_XLSX_MAGIC):
        return _read_xlsx(data, name)
    if data.startswith(_OLD_EXCEL_MAGIC):
        raise ImportFileError(
            f"{name} is an old-style Excel file (.xls). In Excel, use Save As and choose "
            "“Excel Workbook (.xlsx)” or “CSV UTF-8”, then import that file."
        )
    codec, encoding = detect_encoding(data)
    stream = io.TextIOWrapper(io.BytesIO(data), codec, errors="replace", newline="")
    if _looks_binary(stream.read(8192)):
        raise ImportFileError(
            f"{name} does not look like a CSV file or an Excel workbook (it holds binary data). "
            "Export the staff list from your HR system as CSV or XLSX."
        )
    stream.seek(0)
    return replace(_read_csv(stream, encoding, name), codec=codec)


def decode(data: bytes, name: str = "the file") -> tuple[str, str]:
    """The text of ``data`` and a readable name of the encoding that was detected."""
    codec, encoding = detect_encoding(data)
    text = data.decode(codec, "replace")
    if _looks_binary(text):
        raise ImportFileError(
            f"{name} does not look like a CSV file or an Excel workbook (it holds binary data). "
            "Export the staff list from your HR system as CSV or XLSX."
        )
    return text, encoding


def detect_encoding(data: bytes) -> tuple[str, str]:
    """The Python codec that reads ``data`` and a readable name for it ("UTF-8 with BOM").

    The check for UTF-8 decodes in chunks and keeps nothing, so a large file is never held
    as text as well as bytes.
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "UTF-8 with BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "UTF-16"
    if _looks_like_utf16_without_bom(data):
        little = data[1::2].count(0) > data[0::2].count(0)
        codec = "utf-16-le" if little else "utf-16-be"
        return codec, codec.upper()
    if _is_utf8(data):
        return "utf-8", "UTF-8"
    if _UNDEFINED_IN_CP1252 & set(data):
        return "latin-1", "Latin-1 (ISO-8859-1)"
    return "cp1252", "Windows-1252"


def _is_utf8(data: bytes, chunk: int = 1 << 20) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), chunk):
            decoder.decode(data[start : start + chunk], final=start + chunk >= len(data))
    except UnicodeDecodeError:
        return False
    return True


def _looks_like_utf16_without_bom(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return max(evens, odds) > 0.4 * half and min(evens, odds) < 0.05 * half


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    if "\x00" in sample:
        return True
    controls = sum(1 for char in sample if char < " " and char not in _ALLOWED_CONTROLS)
    replaced = sample.count("\ufffd")
    return (controls + replaced) > max(2, len(sample) // 100)


def detect_delimiter(text: str) -> str:
    """The delimiter among comma, semicolon and tab that splits the first lines most evenly."""
    sample_lines = text[:65536].splitlines()[:50]
    sample = "\n".join(sample_lines)
    best, best_score = ",", (-1, 0.0, 0)
    for candidate in DELIMITERS:
        try:
            rows = [row for row in csv.reader(io.StringIO(sample), delimiter=candidate) if row]
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        if width < 2:
            continue
        same_width = sum(1 for row in rows if len(row) == width) / len(rows)
        score = (1, same_width, width)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _read_csv(stream: io.TextIOBase, encoding: str, name: str) -> Table:
    """Rows of the CSV ``stream``, read line by line: the file is never held whole as text."""
    delimiter = detect_delimiter(stream.read(65536))
    stream.seek(0)
    csv.field_size_limit(MAX_FIELD_SIZE)
    reader = csv.reader(stream, delimiter=delimiter)
    records: list[Row] = []
    previous_line = 0
    try:
        for cells in reader:
            start = previous_line + 1
            previous_line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            records.append(Row(start, tuple(_clean_cell(cell) for cell in cells)))
    except csv.Error as error:
        raise ImportFileError(
            f"{name} cannot be read as CSV near line {reader.line_num + 1}: {error}."
        ) from error
    if not records:
        raise ImportFileError(f"{name} is empty: there is nothing to import.")
    header, *rows = records
    return Table(
        headers=header.cells,
        rows=tuple(rows),
        file_format="CSV",
        encoding=encoding,
        delimiter=delimiter,
    )


def _clean_cell(cell: str) -> str:
    cell = cell.strip().replace("\r\n", "\n").replace("\r", "\n")
    # Undo the quote that exports add against formula injection ("'=SUM" → "=SUM").
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r":
        return cell[1:]
    return cell


def _xlsx_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean_cell(str(value))


def _read_xlsx(data: bytes, name: str) -> Table:
    from openpyxl import load_workbook  # imported here: only XLSX imports pay for it

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise ImportFileError(
            f"{name} looks like an Excel workbook but cannot be opened ({error}). "
            "Open it in Excel and save it again, or save it as CSV."
        ) from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise ImportFileError(f"{name} has no worksheet to import.")
        records = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = tuple(_xlsx_cell(value) for value in values)
            if any(cells):
                records.append(Row(number, cells))
        title = sheet.title
    finally:
        workbook.close()
    if not records:
        raise ImportFileError(f"{name} is empty: there is nothing to import.")
    header, *rows = records
    width = max(len(header.cells), 1)
    while width > 1 and not header.cells[width - 1]:
        width -= 1
    return Table(
        headers=header.cells[:width],
        rows=tuple(Row(row.line, row.cells[:width]) for row in rows),
        file_format="XLSX",
        sheet=title,
    )
