"""Reading staff lists as they really arrive: CSV in several encodings and delimiters, or XLSX.

The reader reports what it detected, so the wizard and the command line can show "UTF-8 with
BOM, semicolon-separated". A ``Table`` keeps only the headings and what was detected: its rows
are read from the file again each time they are walked, so a 50 MB list is never held in memory
(the plan walks them twice, the import once more).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from revmentor_desktop.domain.importing.encodings import encoding_label, legacy_encoding
from revmentor_desktop.domain.importing.errors import ImportFileError
from revmentor_desktop.domain.text import clip

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
MAX_FIELD_SIZE = 1_000_000
HEAD_BYTES = 64 << 10  # the kind of file and the delimiter are told from its first 64 KB
SAMPLE_BYTES = 4 << 20  # an encoding other than UTF-8 is told from the file's first 4 MB,
DETECTION_BYTES = 256 << 10  # from at most 256 KB of its lines with letters outside ASCII
_XLSX_MAGIC = b"PK\x03\x04"
_OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}

Opener = Callable[[], BinaryIO]


@dataclass(frozen=True, slots=True)
class Row:
    """One record of the file; ``line`` is where it starts (1 = the header line)."""

    line: int
    cells: tuple[str, ...]

    def cell(self, column: int) -> str:
        return self.cells[column] if column < len(self.cells) else ""


class Rows:
    """The data rows of a file (the heading row left out), read again on every walk."""

    def __init__(self, walk: Callable[[], Iterator[Row]], count: int) -> None:
        self._walk = walk
        self._count = count

    def __iter__(self) -> Iterator[Row]:
        return self._walk()

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def first(self, count: int) -> list[Row]:
        """The first ``count`` rows (a preview reads no further)."""
        return list(islice(self._walk(), count))


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: Rows
    file_format: str  # "CSV" or "XLSX"
    name: str = "the file"  # the file's name, for messages
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


def source_description(table: Table) -> str:
    """What was detected in the file, for the wizard: "CSV, Central European (Windows-1250),
    columns separated by semicolons"."""
    if table.file_format == "XLSX":
        return f"Excel workbook, sheet “{table.sheet}”"
    encoding = encoding_label(table.codec) if table.codec else table.encoding
    separator = DELIMITERS.get(table.delimiter, "comma")
    return f"CSV, {encoding}, columns separated by {separator}s"


def read_table_file(path: Path) -> Table:
    """The table in the file at ``path``; its rows are read from the file when walked.

    A file saved again after it was first read is refused on the next walk: the preview
    showed what the file held then, and the import must write exactly that.
    """
    path = Path(path)
    first_seen: list[tuple[int, int]] = []

    def opener() -> BinaryIO:
        try:
            handle = path.open("rb")
            status = os.fstat(handle.fileno())
        except OSError as error:
            raise _cannot_read(path.name, error) from error
        seen = (status.st_size, status.st_mtime_ns)
        if not first_seen:
            first_seen.append(seen)
        elif seen != first_seen[0]:
            handle.close()
            raise ImportFileError(
                f"{path.name} changed after it was read (it was saved again). Choose it again "
                "to see what the import would do now; nothing was imported."
            )
        return handle

    return _read(opener, path.name)


def _cannot_read(name: str, error: OSError) -> ImportFileError:
    return ImportFileError(f"{name} cannot be read: {error.strerror or error}.")


def read_table(data: bytes, name: str = "the file") -> Table:
    """Read ``data`` (CSV or XLSX) into a table; raises ``ImportFileError`` for unusable files."""
    return _read(lambda: io.BytesIO(data), name)


def _read(opener: Opener, name: str) -> Table:
    head = _read_start(opener, name, HEAD_BYTES)
    if not head.strip() and len(head) < HEAD_BYTES:
        raise ImportFileError(f"{name} is empty: there is nothing to import.")
    if head.startswith(_XLSX_MAGIC):
        return _read_xlsx(opener, name)
    if head.startswith(_OLD_EXCEL_MAGIC):
        raise ImportFileError(
            f"{name} is an old-style Excel file (.xls). In Excel, use Save As and choose "
            "“Excel Workbook (.xlsx)” or “CSV UTF-8”, then import that file."
        )
    codec, encoding = detect_encoding(opener, head, name)
    text = codecs.getincrementaldecoder(codec)("replace").decode(head)
    if _looks_binary(text):
        raise ImportFileError(
            f"{name} does not look like a CSV file or an Excel workbook (it holds binary data). "
            "Export the staff list from your HR system as CSV or XLSX."
        )
    return _read_csv(opener, codec, encoding, detect_delimiter(text), name)


def _read_start(opener: Opener, name: str, size: int) -> bytes:
    with opener() as handle:
        try:
            return handle.read(size)
        except OSError as error:
            raise _cannot_read(name, error) from error


def detect_encoding(opener: Opener, head: bytes, name: str) -> tuple[str, str]:
    """The Python codec that reads the file beginning with ``head`` and a readable name for it
    ("UTF-8 with BOM", "Central European (Windows-1250)"). UTF-8 is checked over the whole
    file, a piece at a time; other encodings are told apart on a sample of its lines
    (``encodings.legacy_encoding``)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "UTF-8 with BOM"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "UTF-16"
    if _looks_like_utf16_without_bom(head):
        little = head[1::2].count(0) > head[0::2].count(0)
        codec = "utf-16-le" if little else "utf-16-be"
        return codec, codec.upper()
    if _is_utf8(opener, name):
        return "utf-8", "UTF-8"
    codec = legacy_encoding(_detection_sample(opener, name))
    return codec, encoding_label(codec)


def _detection_sample(opener: Opener, name: str) -> bytes:
    """Up to ``DETECTION_BYTES`` of whole lines from the first ``SAMPLE_BYTES`` of the file:
    its first lines, then only those holding bytes outside ASCII (the ones that tell encodings
    apart, where a long list starts with thousands of plain ones)."""
    lines: list[bytes] = []
    read = size = 0
    with opener() as handle:
        try:
            while read < SAMPLE_BYTES and size < DETECTION_BYTES:
                line = handle.readline(SAMPLE_BYTES - read)
                if not line:
                    break
                if read < HEAD_BYTES or max(line) > 0x7F:
                    lines.append(line)
                    size += len(line)
                read += len(line)
        except OSError as error:
            raise _cannot_read(name, error) from error
    return b"".join(lines)


def _is_utf8(opener: Opener, name: str, piece: int = 1 << 18) -> bool:
    """Whether the whole file is UTF-8, decoded a piece at a time and kept nowhere."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with opener() as handle:
        try:
            while data := handle.read(piece):
                decoder.decode(data)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
        except OSError as error:
            raise _cannot_read(name, error) from error
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


def _read_csv(opener: Opener, codec: str, encoding: str, delimiter: str, name: str) -> Table:
    def records() -> Iterator[Row]:
        return _csv_records(opener, codec, delimiter, name)

    header, count = _header_and_count(records(), name)
    return Table(
        headers=header.cells,
        rows=Rows(lambda: islice(records(), 1, None), count),
        file_format="CSV",
        name=name,
        encoding=encoding,
        delimiter=delimiter,
        codec=codec,
    )


def _csv_records(opener: Opener, codec: str, delimiter: str, name: str) -> Iterator[Row]:
    """The non-blank records of the CSV file, decoded and parsed line by line."""
    csv.field_size_limit(MAX_FIELD_SIZE)
    with opener() as handle:
        stream = io.TextIOWrapper(handle, codec, errors="replace", newline="")
        reader = csv.reader(stream, delimiter=delimiter)
        previous_line = 0
        try:
            for cells in reader:
                start = previous_line + 1
                previous_line = reader.line_num
                cleaned = tuple(map(_clean_cell, cells))
                if any(cleaned):
                    yield Row(start, cleaned)
        except csv.Error as error:
            raise ImportFileError(
                f"{name} cannot be read as CSV near line {reader.line_num + 1}: {error}."
            ) from error
        except OSError as error:
            raise _cannot_read(name, error) from error


def _header_and_count(records: Iterator[Row], name: str) -> tuple[Row, int]:
    """The heading row and the number of rows after it; reading them all checks the file."""
    header = next(records, None)
    if header is None:
        raise ImportFileError(f"{name} is empty: there is nothing to import.")
    return header, sum(1 for _ in records)


def _clean_cell(cell: str) -> str:
    cell = cell.strip()
    if "\r" in cell:
        cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    # Undo the quote that exports add against formula injection ("'=SUM" → "=SUM").
    if cell[:1] == "'" and len(cell) > 1 and cell[1] in "=+-@\t\r":
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


def _read_xlsx(opener: Opener, name: str) -> Table:
    header, count = _header_and_count(_xlsx_records(opener, name), name)
    width = max(len(header.cells), 1)
    while width > 1 and not header.cells[width - 1]:
        width -= 1

    def rows() -> Iterator[Row]:
        for row in islice(_xlsx_records(opener, name), 1, None):
            yield Row(row.line, row.cells[:width])

    with _first_sheet(opener, name) as sheet:
        title = sheet.title
    return Table(
        headers=header.cells[:width],
        rows=Rows(rows, count),
        file_format="XLSX",
        name=name,
        sheet=title,
    )


_BROKEN_WORKBOOK = (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError)


@contextmanager
def _first_sheet(opener: Opener, name: str) -> Iterator[Any]:
    """The workbook's first sheet, streamed (openpyxl's read-only mode)."""
    from openpyxl import load_workbook  # imported here: only XLSX imports pay for it

    with opener() as handle:
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except _BROKEN_WORKBOOK as error:
            raise ImportFileError(
                f"{name} looks like an Excel workbook but cannot be opened ({clip(str(error))}). "
                "Open it in Excel and save it again, or save it as CSV."
            ) from error
        try:
            if not workbook.worksheets:
                raise ImportFileError(f"{name} has no worksheet to import.")
            yield workbook.worksheets[0]
        finally:
            workbook.close()


def _xlsx_records(opener: Opener, name: str) -> Iterator[Row]:
    """The non-empty rows of the first sheet, as they are read."""
    with _first_sheet(opener, name) as sheet:
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = tuple(_xlsx_cell(value) for value in values)
                if any(cells):
                    yield Row(number, cells)
        except _BROKEN_WORKBOOK as error:
            raise ImportFileError(
                f"{name} is a damaged Excel workbook ({clip(str(error))}). "
                "Open it in Excel and save it again, or save it as CSV."
            ) from error
