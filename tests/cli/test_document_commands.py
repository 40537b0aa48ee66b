"""``revmentor agreements`` and ``revmentor summary`` as a coordinator or a script runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from revmentor_desktop.cli import main
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.lock import WriterLock
from tests.reports.helpers import page_count, pdf_text
from tests.reports.programme import NOTE, Programme, build_programme


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_on(
    capsys: pytest.CaptureFixture[str], data_path: Path, *arguments: str
) -> tuple[int, str, str]:
    """``revmentor --data DATA_PATH ARGUMENTS…``."""
    return run(capsys, "--data", str(data_path), *arguments)


@pytest.fixture
def programme(data_path: Path) -> Programme:
    with DataFile.open(data_path, create=True):
        return build_programme()


def test_agreement_for_one_pair(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    output = tmp_path / "agreement.pdf"
    status, out, err = run_on(
        capsys,
        data_path,
        "agreements",
        "--pair",
        str(programme.pair_id),
        "-o",
        str(output),
    )
    assert status == 0, err
    assert f"Wrote 1 agreement to {output}" in out
    text = pdf_text(output.read_bytes())
    assert "Agnès Dubois" in text and "Jörg Müller" in text and "Signatures" in text


def test_agreements_for_a_cohort_by_name_ignoring_case(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    output = tmp_path / "all.pdf"
    status, out, err = run_on(
        capsys,
        data_path,
        "agreements",
        "--cohort",
        "reverse MENTORING 2026",
        "-o",
        str(output),
    )
    assert status == 0, err
    assert "Wrote 5 agreements" in out
    assert page_count(output.read_bytes()) >= 10


def test_summary_of_a_pair_with_and_without_private_notes(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    plain, private = tmp_path / "plain.pdf", tmp_path / "private.pdf"
    status, out, err = run_on(
        capsys,
        data_path,
        "summary",
        "--pair",
        str(programme.pair_id),
        "-o",
        str(plain),
    )
    assert status == 0, err
    assert "Wrote the progress summary" in out
    assert NOTE not in pdf_text(plain.read_bytes())
    status, _, err = run_on(
        capsys,
        data_path,
        "summary",
        "--pair",
        str(programme.pair_id),
        "--include-private-notes",
        "-o",
        str(private),
    )
    assert status == 0, err
    assert NOTE in pdf_text(private.read_bytes())


def test_summary_of_a_cohort_is_the_cohort_report(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    output = tmp_path / "cohort.pdf"
    status, out, err = run_on(
        capsys,
        data_path,
        "summary",
        "--cohort",
        programme.cohort_name,
        "-o",
        str(output),
    )
    assert status == 0, err
    assert "Wrote the cohort report for Reverse mentoring 2026" in out
    assert "Headline figures" in pdf_text(output.read_bytes())


@pytest.mark.parametrize("command", ["agreements", "summary"])
def test_an_unknown_pair_is_a_clear_problem(
    capsys: pytest.CaptureFixture[str],
    data_path: Path,
    tmp_path: Path,
    programme: Programme,
    command: str,
) -> None:
    output = tmp_path / "nothing.pdf"
    status, _, err = run(
        capsys, "--data", str(data_path), command, "--pair", "999", "-o", str(output)
    )
    assert status == 1
    assert "There is no pair with number 999." in err
    assert not output.exists()


def test_an_unknown_cohort_lists_the_known_ones(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    status, _, err = run_on(
        capsys,
        data_path,
        "summary",
        "--cohort",
        "Nope",
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert status == 1
    assert "There is no cohort called “Nope”" in err
    assert "Reverse mentoring 2026" in err


def test_output_problems_and_wrong_usage(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    status, _, err = run(
        capsys, "--data", str(data_path), "agreements", "--pair", "1", "-o", str(tmp_path)
    )
    assert status == 1 and "is a folder" in err
    status, _, err = run_on(
        capsys,
        data_path,
        "agreements",
        "--pair",
        "1",
        "-o",
        str(tmp_path / "missing" / "x.pdf"),
    )
    assert status == 1 and "does not exist" in err
    status, _, err = run_on(
        capsys,
        data_path,
        "summary",
        "--cohort",
        programme.cohort_name,
        "--include-private-notes",
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert status == 1 and "never contains coordinator-only notes" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["--data", str(data_path), "agreements", "-o", str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2
    capsys.readouterr()


def test_a_missing_data_file_is_a_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(
        capsys,
        "--data",
        str(tmp_path / "none.revmentor"),
        "agreements",
        "--pair",
        "1",
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert status == 1
    assert err.startswith("revmentor: ")


def test_reportlab_is_not_imported_at_start() -> None:
    code = (
        "import sys, revmentor_desktop.cli as c; c.build_parser(); "
        "print(any(name.startswith('reportlab') for name in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["agreements", "--pair", "PAIR"], "Wrote 1 agreement to"),
        (["agreements", "--cohort", "COHORT"], "Wrote 5 agreements to"),
        (["summary", "--pair", "PAIR"], "Wrote the progress summary of pair"),
        (["summary", "--cohort", "COHORT"], "Wrote the cohort report for"),
    ],
)
def test_documents_are_made_while_the_window_holds_the_file(
    capsys: pytest.CaptureFixture[str],
    data_path: Path,
    tmp_path: Path,
    programme: Programme,
    arguments: list[str],
    said: str,
) -> None:
    output = tmp_path / "while-open.pdf"
    filled = [
        {"PAIR": str(programme.pair_id), "COHORT": programme.cohort_name}.get(word, word)
        for word in arguments
    ]
    with WriterLock(data_path):  # what the open window holds
        status, out, err = run_on(capsys, data_path, *filled, "-o", str(output))
    assert status == 0, err
    assert said in out
    assert page_count(output.read_bytes()) >= 1
