"""The import-people, export, ics and privacy sub-commands, run through ``cli.main``."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from revmentor_desktop.cli import main
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Person
from tests.helpers.server import new_programme_database

DATA = Path(__file__).parent.parent / "data"
STAFF = str(DATA / "staff_hris_export.csv")
FORM = str(DATA / "enrolment_form_responses.csv")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def programme(data_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    DataFile.open(data_path, create=True).close()
    assert run(capsys, "--data", str(data_path), "import-people", STAFF)[0] == 0
    status, _out, err = run(
        capsys, "--data", str(data_path), "import-people", FORM, "--cohort", "Reverse 2026"
    )
    assert status == 0, err
    return data_path


def test_import_twice_reports_and_changes_nothing(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    DataFile.open(data_path, create=True).close()
    status, out, err = run(capsys, "--data", str(data_path), "import-people", STAFF)
    assert status == 0, err
    assert "CSV, UTF-8 with BOM, comma-separated, 48 rows" in out
    assert "Work Email → E-mail" in out
    assert out.splitlines()[-1] == "Imported: 48 added, 0 updated, 0 unchanged, 0 skipped."
    status, out, _ = run(
        capsys,
        "--data",
        str(data_path),
        "import-people",
        FORM,
        "--cohort",
        "R",
        "--kind",
        "mutual",
    )
    assert out.splitlines()[-1] == "Imported: 0 added, 43 updated, 0 unchanged, 0 skipped."
    before = sha256(data_path)
    status, out, _ = run(capsys, "--data", str(data_path), "import-people", STAFF)
    assert out.splitlines()[-1] == "Imported: 0 added, 0 updated, 48 unchanged, 0 skipped."
    status, out, _ = run(capsys, "--data", str(data_path), "import-people", FORM, "--cohort", "R")
    assert out.splitlines()[-1] == "Imported: 0 added, 0 updated, 43 unchanged, 0 skipped."
    assert sha256(data_path) == before


def test_invalid_rows_stop_the_import_and_are_listed(
    programme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Name,Email,Manager Email\nAna,ana@example.org,\n,x@example.org,\n"
        "Ben,BEN@x.org,\nBen2,ben@X.org,\nCy,cy@example.org,nobody@example.org\n",
        encoding="utf-8",
    )
    before = sha256(programme)
    status, out, err = run(capsys, "--data", str(programme), "import-people", str(bad))
    assert status == 1
    assert err.splitlines() == [
        "Line 3, Name: A new person needs a name, and this row has none.",
        "Line 5, Email: ben@X.org is already on line 4 (e-mail addresses are compared "
        "ignoring capitals).",
        "Line 6, Manager Email: The manager nobody@example.org is neither in this file nor in "
        "RevMentor.",
        "Nothing was imported: 3 rows have problems. Correct the file, or add --skip-invalid "
        "to import the other rows.",
    ]
    assert sha256(programme) == before
    status, out, err = run(
        capsys, "--data", str(programme), "import-people", str(bad), "--skip-invalid"
    )
    assert status == 0
    assert "Line 3, Name:" in err
    assert out.splitlines()[-1] == "Imported: 2 added, 0 updated, 0 unchanged, 3 skipped."


def test_repeated_problems_are_listed_ten_at_a_time_then_counted(
    programme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    rows = [f"Person {number},person{number}(at)example.org" for number in range(25)]
    bad.write_text("Name,Email\n" + "\n".join(rows) + "\n,nameless@example.org\n", "utf-8")
    status, _out, err = run(capsys, "--data", str(programme), "import-people", str(bad))
    assert status == 1
    lines = err.splitlines()
    assert [line.split(":")[0] for line in lines[:11]] == [
        *(f"Line {number}, Email" for number in range(2, 12)),
        "Line 27, Name",
    ]
    assert lines[11:] == [
        "… and 15 more rows with the same problem in Email.",
        "Nothing was imported: 26 rows have problems. Correct the file, or add --skip-invalid "
        "to import the other rows.",
    ]


_WORKBOOK_PARTS = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
    'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    'worksheet+xml"/></Types>',
    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>",
    "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>",
}


def write_workbook(path: Path, rows: list[list[str]]) -> Path:
    """A minimal .xlsx written by hand: Excel's writers cut cells at 32,767 characters, a
    crafted file does not."""
    import zipfile
    from xml.sax.saxutils import escape

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _WORKBOOK_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b"<sheetData>"
            )
            for row in rows:
                cells = "".join(f'<c t="inlineStr"><is><t>{escape(v)}</t></is></c>' for v in row)
                sheet.write(f"<row>{cells}</row>".encode())
            sheet.write(b"</sheetData></worksheet>")
    return path


def test_a_workbook_of_megabyte_cells_gets_short_messages(
    programme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A workbook that unzips to 16 MB: fifteen rows whose e-mail cell holds a million characters.

    Ten problems of one kind were listed, each quoting its whole cell: 10 MB on the terminal.
    """
    rows = [["Name", "Email", "Comment " + "c" * 1_000_000]]
    rows += [[f"Person {number}", "a" * 1_000_000, ""] for number in range(15)]
    bomb = write_workbook(tmp_path / "bomb.xlsx", rows)
    assert bomb.stat().st_size < 100_000
    status, out, err = run(capsys, "--data", str(programme), "import-people", str(bomb))
    assert status == 1
    assert len(err) + len(out) < 5_000
    lines = err.splitlines()
    assert lines[0] == (
        f"Line 2, Email: “{'a' * 59}…” is not a valid e-mail address (like name@example.org)."
    )
    assert lines[10:] == [
        "… and 5 more rows with the same problem in Email.",
        "Nothing was imported: 15 rows have problems. Correct the file, or add --skip-invalid "
        "to import the other rows.",
    ]
    assert f"  Comment {'c' * 51}… → (not imported)" in out.splitlines()


POLISH_LIST = (
    "Imię i nazwisko;E-mail;Dział;Stanowisko\r\n"
    "Łukasz Żółkiewski;lukasz@firma.pl;Księgowość;Główny księgowy\r\n"
    "Agnieszka Wójcik;agnieszka@firma.pl;Sprzedaż;Kierowniczka działu\r\n"
    "Małgorzata Śliwińska;malgorzata@firma.pl;Kadry i płace;Starsza specjalistka\r\n"
)


@pytest.fixture
def polish_import(data_path: Path, tmp_path: Path) -> list[str]:
    """The command line that imports a Polish list saved by Excel into a new data file."""
    DataFile.open(data_path, create=True).close()
    source = tmp_path / "pracownicy.csv"
    source.write_bytes(POLISH_LIST.encode("cp1250"))
    return ["--data", str(data_path), "import-people", str(source)]


def test_map_names_the_columns_it_does_not_recognise(
    polish_import: list[str], data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = polish_import
    source = arguments[-1]
    status, out, err = run(capsys, *arguments)
    assert status == 1  # no name column: every new person is refused
    assert (
        f"Read {source}: CSV, Central European (Windows-1250), semicolon-separated, 3 rows." in out
    )
    assert "  Imię i nazwisko → (not imported)" in out
    status, out, err = run(
        capsys,
        *arguments,
        "--map",
        "imię i NAZWISKO=name",  # headings match ignoring capitals and accents, as remembered
        "--map",
        "Dział=department",
        "--map",
        "Stanowisko=Job title",  # the wizard's words for a field work too
    )
    assert status == 0, err
    assert "  Imię i nazwisko → Full name" in out
    assert "  Dział → Department" in out
    assert "  Stanowisko → Job title" in out
    assert out.splitlines()[-1] == "Imported: 3 added, 0 updated, 0 unchanged, 0 skipped."
    with DataFile.open(data_path):
        lukasz = Person.get(Person.email_key == "lukasz@firma.pl")
        assert (lukasz.name, lukasz.department, lukasz.job_title) == (
            "Łukasz Żółkiewski",
            "Księgowość",
            "Główny księgowy",
        )
    # The mapping is remembered for the next file with these headings, as in the wizard.
    status, out, _ = run(capsys, *arguments)
    assert status == 0
    assert out.splitlines()[-1] == "Imported: 0 added, 0 updated, 3 unchanged, 0 skipped."
    status, out, _ = run(capsys, *arguments, "--map", "Stanowisko=")
    assert "  Stanowisko → (not imported)" in out


def test_map_refuses_an_unknown_field_or_heading(
    polish_import: list[str], data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = polish_import
    before = sha256(data_path)
    with pytest.raises(SystemExit) as exited:
        main([*arguments, "--map", "Dział=dept"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "argument --map: “dept” is not a field RevMentor imports. The fields are: " in err
    assert "name (Full name), email (E-mail), department (Department)," in err
    assert "manager_email (Manager's e-mail)" in err
    status, _, err = run(capsys, *arguments, "--map", "Nazwisko=name")
    assert status == 1
    assert err.strip() == (
        "revmentor: pracownicy.csv has no column “Nazwisko”; its columns are “Imię i nazwisko”, "
        "“E-mail”, “Dział”, “Stanowisko”."
    )
    with pytest.raises(SystemExit):
        main([*arguments, "--map", "Dział"])
    assert "“Dział” is not HEADING=FIELD, such as “Dział=department”." in capsys.readouterr().err
    assert sha256(data_path) == before


def test_dry_run_and_date_order(
    programme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "dates.csv"
    source.write_text(
        "Email,Start date\numa.sato@northwind-co.example,03/04/2011\n", encoding="utf-8"
    )
    status, _, err = run(capsys, "--data", str(programme), "import-people", str(source))
    assert status == 1
    assert "add --date-order dmy or --date-order mdy" in err
    before = sha256(programme)
    status, out, _ = run(
        capsys,
        "--data",
        str(programme),
        "import-people",
        str(source),
        "--date-order",
        "dmy",
        "--dry-run",
    )
    assert status == 0
    assert "Line 2: update Uma Sato: Hire date: “2010-04-16” → “2011-04-03”" in out
    assert out.splitlines()[-1] == (
        "Dry run, nothing was changed: would be 0 added, 1 updated, 0 unchanged, 0 skipped."
    )
    assert sha256(programme) == before


def test_unusable_files(
    data_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    DataFile.open(data_path, create=True).close()
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    status, _, err = run(capsys, "--data", str(data_path), "import-people", str(empty))
    assert status == 1
    assert err.strip() == "revmentor: empty.csv is empty: there is nothing to import."
    headers = tmp_path / "headers.csv"
    headers.write_text("Name,Email\n", encoding="utf-8")
    status, _, err = run(capsys, "--data", str(data_path), "import-people", str(headers))
    assert status == 1
    assert "The file has column headings but no rows of people" in err


def test_import_refuses_a_file_the_app_holds(
    programme: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with DataFile.open(programme):
        status, _, err = run(capsys, "--data", str(programme), "import-people", STAFF)
    assert status == 1
    assert "is already open for changes by" in err


def test_exports_work_while_the_app_holds_the_file(
    programme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with DataFile.open(programme):
        for what, name in (
            ("people", "p.csv"),
            ("cohorts", "c.csv"),
            ("pairs", "x.csv"),
            ("sessions", "s.csv"),
            ("all", "all.json"),
        ):
            status, out, err = run(
                capsys, "--data", str(programme), "export", what, "-o", str(tmp_path / name)
            )
            assert status == 0, err
            assert out.startswith(f"Wrote {tmp_path / name} ({what}, without private fields)")
        status, out, err = run(
            capsys,
            "--data",
            str(programme),
            "ics",
            "--cohort",
            "Reverse 2026",
            "-o",
            str(tmp_path / "c.ics"),
        )
        assert status == 0, err
        assert out.strip().endswith("(0 sessions).")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert len(data["people"]) == 48
    assert (tmp_path / "p.csv").read_bytes().startswith(b"\xef\xbb\xbfid,name,email")


def test_ics_for_an_unknown_cohort(programme: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    status, _, err = run(
        capsys, "--data", str(programme), "ics", "--cohort", "Nope", "-o", str(tmp_path / "x.ics")
    )
    assert status == 1
    assert "There is no cohort called “Nope”" in err


def test_person_export_erase_and_retention(
    programme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    email = "uma.sato@northwind-co.example"
    status, out, _ = run(
        capsys, "--data", str(programme), "person-export", email, "-o", str(tmp_path / "uma")
    )
    assert status == 0
    assert json.loads((tmp_path / "uma.json").read_text("utf-8"))["person"]["name"] == "Uma Sato"
    assert (tmp_path / "uma.csv").exists()
    status, _, err = run(capsys, "--data", str(programme), "erase", email)
    assert status == 1 and "Add --yes" in err
    status, out, err = run(
        capsys, "--data", str(programme), "erase", email, "--yes", "--purge-backups"
    )
    assert status == 0, err
    assert f"Erased Uma Sato <{email}> (Finance); their records now show “Erased person #1”." in out
    assert "backups that still held their data" in out
    assert b"Uma Sato" not in programme.read_bytes()
    status, _, err = run(capsys, "--data", str(programme), "person-export", email, "-o", "x")
    assert status == 1 and "Nobody has the e-mail address" in err
    status, out, _ = run(capsys, "--data", str(programme), "retention", "--months", "6")
    assert status == 0
    assert out.strip() == "Nobody's last cohort ended more than 6 months ago."


def test_export_erasure_and_retention_work_on_a_server_without_backups_of_ours(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    email = "uma.sato@northwind-co.example"
    with new_programme_database() as url:
        assert run(capsys, "--data", url, "import-people", STAFF)[0] == 0
        status, _, err = run(capsys, "--data", url, "person-export", email, "-o", f"{tmp_path}/u")
        assert status == 0, err
        assert json.loads((tmp_path / "u.json").read_text("utf-8"))["person"]["name"] == "Uma Sato"
        status, _, err = run(capsys, "--data", url, "erase", email, "--yes", "--purge-backups")
        assert status == 1
        assert "a server's own backups are its administrator's. Nothing was erased" in err
        status, out, err = run(capsys, "--data", url, "erase", email, "--yes")
        assert status == 0, err
        assert "their records now show “Erased person #1”." in out
        assert "The server's own backups (and its log" in out
        status, _, err = run(capsys, "--data", url, "person-export", email, "-o", "x")
        assert status == 1 and "Nobody has the e-mail address" in err
        status, out, _ = run(capsys, "--data", url, "retention", "--months", "6")
        assert (status, out.strip()) == (0, "Nobody's last cohort ended more than 6 months ago.")


def test_person_export_and_erase_take_a_name_and_refuse_a_shared_one(
    programme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(
        capsys, "--data", str(programme), "person-export", "uma sato", "-o", str(tmp_path / "u")
    )
    assert status == 0, err
    assert json.loads((tmp_path / "u.json").read_text("utf-8"))["person"]["name"] == "Uma Sato"

    status, _, err = run(
        capsys, "--data", str(programme), "erase", "Kofi Garcia", "--yes", "--purge-backups"
    )
    assert status == 1
    assert err == (
        "revmentor: “Kofi Garcia” could be any of 2 people:\n"
        "  Kofi García <kofi.garcia@northwind-co.example> (Operations)\n"
        "  Kofi García <kofi.garcia2@northwind-co.example> (Customer Support)\n"
        "Give the e-mail address of the one you mean instead of the name.\n"
    )

    second = "kofi.garcia2@northwind-co.example"
    status, out, err = run(capsys, "--data", str(programme), "erase", second, "--yes")
    assert status == 0, err
    assert out.startswith(f"Erased Kofi García <{second}> (Customer Support);")
    status, _, err = run(
        capsys, "--data", str(programme), "person-export", "kofi garcia", "-o", str(tmp_path / "k")
    )
    assert status == 0, err
    exported = json.loads((tmp_path / "k.json").read_text("utf-8"))["person"]
    assert exported["email"] == "kofi.garcia@northwind-co.example"


def test_a_name_nobody_has_is_said_plainly(
    programme: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "--data", str(programme), "erase", "Zed Nobody", "--yes")
    assert status == 1
    assert err == (
        "revmentor: No one named “Zed Nobody” is listed; check the spelling, or give their "
        "e-mail address.\n"
    )
