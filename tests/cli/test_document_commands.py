"""``revmentor agreements`` and ``revmentor summary`` as a coordinator or a script runs them."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from revmentor_desktop.cli import main
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.lock import WriterLock
from tests.helpers.cli import run
from tests.reports.helpers import page_count, pdf_text
from tests.reports.programme import NOTE, Programme, build_programme


def run_on(
    capsys: pytest.CaptureFixture[str], data_path: Path, *arguments: str
) -> tuple[int, str, str]:
    """``revmentor --data DATA_PATH ARGUMENTS…``."""
    return run(capsys, "--data", str(data_path), *arguments)


@pytest.fixture
def programme(data_path: Path) -> Programme:
    with DataFile.open(data_path, create=True):
        return build_programme()


def _filled(arguments: list[str], programme: Programme) -> list[str]:
    """The arguments with PAIR and COHORT replaced by the programme's pair and cohort."""
    known = {"PAIR": str(programme.pair_id), "COHORT": programme.cohort_name}
    return [known.get(word, word) for word in arguments]


def _names_both_and_has_signatures(pdf: bytes) -> bool:
    text = pdf_text(pdf)
    return "Agnès Dubois" in text and "Jörg Müller" in text and "Signatures" in text


@pytest.mark.parametrize("window_holds_the_file", [False, True], ids=["alone", "window open"])
@pytest.mark.parametrize(
    ("arguments", "said", "pdf_is_right"),
    [
        (
            ["agreements", "--pair", "PAIR"],
            "Wrote 1 agreement to {output}",
            _names_both_and_has_signatures,
        ),
        (
            ["agreements", "--cohort", "reverse MENTORING 2026"],
            "Wrote 5 agreements to {output}",
            lambda pdf: page_count(pdf) >= 10,
        ),
        (
            ["summary", "--pair", "PAIR"],
            "Wrote the progress summary of pair",
            lambda pdf: page_count(pdf) >= 1,
        ),
        (
            ["summary", "--cohort", "COHORT"],
            "Wrote the cohort report for Reverse mentoring 2026",
            lambda pdf: "Headline figures" in pdf_text(pdf),
        ),
    ],
    ids=[
        "agreement for one pair",
        "agreements for a cohort by name ignoring case",
        "summary of a pair",
        "summary of a cohort is the cohort report",
    ],
)
def test_a_document_is_written_and_said(
    capsys: pytest.CaptureFixture[str],
    data_path: Path,
    tmp_path: Path,
    programme: Programme,
    arguments: list[str],
    said: str,
    pdf_is_right: Callable[[bytes], bool],
    window_holds_the_file: bool,
) -> None:
    output = tmp_path / "document.pdf"
    filled = _filled(arguments, programme)
    # WriterLock is what the open window holds: documents only read, so they are made anyway.
    with WriterLock(data_path) if window_holds_the_file else contextlib.nullcontext():
        status, out, err = run_on(capsys, data_path, *filled, "-o", str(output))
    assert status == 0, err
    assert said.format(output=output) in out
    assert page_count(output.read_bytes()) >= 1
    assert pdf_is_right(output.read_bytes())


def test_summary_of_a_pair_with_and_without_private_notes(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    plain, private = tmp_path / "plain.pdf", tmp_path / "private.pdf"
    summary = ["summary", "--pair", str(programme.pair_id)]
    status, out, err = run_on(capsys, data_path, *summary, "-o", str(plain))
    assert status == 0, err
    assert "Wrote the progress summary" in out
    assert NOTE not in pdf_text(plain.read_bytes())
    status, _, err = run_on(
        capsys, data_path, *summary, "--include-private-notes", "-o", str(private)
    )
    assert status == 0, err
    assert NOTE in pdf_text(private.read_bytes())


@pytest.mark.usefixtures("programme")
@pytest.mark.parametrize("command", ["agreements", "summary"])
def test_an_unknown_pair_is_a_clear_problem(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, command: str
) -> None:
    output = tmp_path / "nothing.pdf"
    status, _, err = run_on(capsys, data_path, command, "--pair", "999", "-o", str(output))
    assert status == 1
    assert "There is no pair with number 999." in err
    assert not output.exists()


def test_an_unknown_cohort_lists_the_known_ones(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    output = str(tmp_path / "x.pdf")
    status, _, err = run_on(capsys, data_path, "summary", "--cohort", "Nope", "-o", output)
    assert status == 1
    assert "There is no cohort called “Nope”" in err
    assert "Reverse mentoring 2026" in err


def test_output_problems_and_wrong_usage(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path, programme: Programme
) -> None:
    first_agreement = ["agreements", "--pair", "1"]
    status, _, err = run_on(capsys, data_path, *first_agreement, "-o", str(tmp_path))
    assert status == 1 and "is a folder" in err
    missing_folder = str(tmp_path / "missing" / "x.pdf")
    status, _, err = run_on(capsys, data_path, *first_agreement, "-o", missing_folder)
    assert status == 1 and "does not exist" in err
    private_report = ["summary", "--cohort", programme.cohort_name, "--include-private-notes"]
    status, _, err = run_on(capsys, data_path, *private_report, "-o", str(tmp_path / "x.pdf"))
    assert status == 1 and "never contains coordinator-only notes" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["--data", str(data_path), "agreements", "-o", str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2
    capsys.readouterr()


def test_a_missing_data_file_is_a_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "none.revmentor"
    status, _, err = run_on(
        capsys, missing, "agreements", "--pair", "1", "-o", str(tmp_path / "x.pdf")
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
