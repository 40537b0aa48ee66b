"""Reading files as they arrive: encodings, delimiters, quoting, XLSX and unusable files."""

from __future__ import annotations

import codecs
import contextlib
import io
import tracemalloc
from collections import deque
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revmentor_desktop.domain.importing import (
    ImportFileError,
    build_plan,
    guess_mapping,
    read_table,
    read_table_file,
)
from revmentor_desktop.storage.database import DataFile

DATA = Path(__file__).parent.parent / "data"


def test_staff_list_fixture_is_utf8_with_bom_and_comma_separated() -> None:
    table = read_table_file(DATA / "staff_hris_export.csv")
    assert table.encoding == "UTF-8 with BOM"
    assert table.delimiter == ","
    assert table.detected == "CSV, UTF-8 with BOM, comma-separated"
    assert table.headers[0] == "Employee ID"  # the BOM is not part of the first header
    assert len(table.rows) == 48
    assert table.rows.first(1)[0].line == 2


def test_semicolon_file_in_windows_1252() -> None:
    text = "Vorname;Nachname;E-Mail;Abteilung\r\nJörg;Müller;jorg@example.org;Café ‘Süd’\r\n"
    table = read_table(text.encode("cp1252"), "staff.csv")
    assert table.encoding == "Western European (Windows-1252)"
    assert table.delimiter == ";"
    assert table.detected == "CSV, Western European (Windows-1252), semicolon-separated"
    assert table.rows.first(1)[0].cells == ("Jörg", "Müller", "jorg@example.org", "Café ‘Süd’")


def test_latin1_file_reads_as_its_windows_superset() -> None:
    text = "Nom,Courriel,Service\nChloé Lefèvre,chloe@example.fr,Comptabilité\n"
    table = read_table(text.encode("latin-1"))
    assert table.encoding == "Western European (Windows-1252)"
    assert table.rows.first(1)[0].cells == ("Chloé Lefèvre", "chloe@example.fr", "Comptabilité")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_files_with_and_without_bom(codec: str) -> None:
    text = "Name\tEmail\r\nZoë Ångström\tzoe@example.org\r\n"
    data = text.encode(codec)
    table = read_table(data)
    assert table.delimiter == "\t"
    assert table.rows.first(1)[0].cells == ("Zoë Ångström", "zoe@example.org")
    assert table.encoding == ("UTF-16" if codec == "utf-16" else codec.upper())


def test_quoted_fields_with_embedded_newlines_keep_line_numbers() -> None:
    text = 'Name,Email,Notes\nAna,ana@example.org,"two\nlines"\nBen,ben@example.org,x\n'
    table = read_table(text.encode())
    assert table.rows.first(1)[0].cells[2] == "two\nlines"
    assert [row.line for row in table.rows] == [2, 4]


def test_blank_rows_are_skipped() -> None:
    table = read_table(b"Name,Email\n\n,\nAna,ana@example.org\n")
    assert [row.line for row in table.rows] == [4]


def test_empty_file() -> None:
    with pytest.raises(ImportFileError) as caught:
        read_table(b"", "staff.csv")
    assert str(caught.value) == "staff.csv is empty: there is nothing to import."
    with pytest.raises(ImportFileError):
        read_table(b"\xef\xbb\xbf\r\n\r\n", "staff.csv")


def test_binary_file() -> None:
    data = bytes(range(256)) * 20
    with pytest.raises(ImportFileError) as caught:
        read_table(data, "photo.png")
    assert str(caught.value) == (
        "photo.png does not look like a CSV file or an Excel workbook (it holds binary data). "
        "Export the staff list from your HR system as CSV or XLSX."
    )


def test_old_excel_file_is_explained() -> None:
    with pytest.raises(ImportFileError, match=r"old-style Excel file \(\.xls\)"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "staff.xls")


def test_damaged_xlsx_is_explained() -> None:
    with pytest.raises(ImportFileError, match="looks like an Excel workbook but cannot be opened"):
        read_table(b"PK\x03\x04 not really a zip", "staff.xlsx")


def test_xlsx_file(tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Staff"
    sheet.append(["Full name", "E-mail", "Start date", "Grade"])
    sheet.append(["Ana Lima", "ana@example.org", datetime(2020, 3, 1), 7])
    sheet.append([None, None, None, None])
    sheet.append(["Ben Ode", "ben@example.org", "2021-04-05", 3.0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(buffer.getvalue(), "staff.xlsx")
    assert table.file_format == "XLSX"
    assert table.detected == "Excel workbook (sheet “Staff”)"
    assert table.rows.first(1)[0].cells == ("Ana Lima", "ana@example.org", "2020-03-01", "7")
    assert [row.line for row in table.rows] == [2, 4]
    assert table.rows.first(2)[1].cells[3] == "3"


def test_quote_added_against_formula_injection_is_removed() -> None:
    table = read_table(b"Name,Email\n'=Ana,ana@example.org\n")
    assert table.rows.first(1)[0].cells[0] == "=Ana"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes_the_reader(text: str) -> None:
    for encoding in ("utf-8", "utf-16"):
        with contextlib.suppress(ImportFileError):
            read_table(text.encode(encoding, "surrogatepass"), "fuzz.csv")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
                st.sampled_from(
                    ["a@b.org", "A@B.ORG", "31/02/2024", "03/04/2024", "Both", "Yes", "x@"]
                ),
            ),
            max_size=6,
        ),
        max_size=8,
    ),
    st.sampled_from([",", ";", "\t"]),
)
def test_arbitrary_rows_never_crash_the_planner(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], delimiter: str
) -> None:
    headers = ["Name", "Email", "Manager Email", "Hire Date", "Role", "Consent"]
    lines = [delimiter.join(headers)] + [delimiter.join(row) for row in rows]
    data = "\n".join(lines).encode("utf-8")
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.revmentor"
    with DataFile.open(path, create=True):
        try:
            table = read_table(data, "fuzz.csv")
        except ImportFileError:
            return
        plan = build_plan(table, guess_mapping(table.headers))
        assert plan.summary()


def test_bom_only_file_is_empty() -> None:
    with pytest.raises(ImportFileError):
        read_table(codecs.BOM_UTF8)


def test_a_large_csv_is_read_in_bounded_memory(tmp_path: Path) -> None:
    header = "Name,Email,Department,Job Title,Location\r\n"
    line = "Given {0} Family,person{0}@example.org,Finance,Analyst,Dublin\r\n"
    source = tmp_path / "staff.csv"
    source.write_text(header + "".join(line.format(number) for number in range(90_000)), "utf-8")
    assert source.stat().st_size > 5_000_000
    tracemalloc.start()
    try:
        table = read_table_file(source)
        last = deque(table.rows, maxlen=1)[0]
        _kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(table.rows) == 90_000
    assert (last.line, last.cells[1]) == (90_001, "person89999@example.org")
    # Reading and walking the rows holds a few of them at a time: the reader that kept every
    # row needed 60 MB here, one that decoded the whole file twice that.
    assert peak < 5_000_000
