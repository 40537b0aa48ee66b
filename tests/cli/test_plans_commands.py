"""``revmentor plans list|show|print`` and ``revmentor plan --pair``: the library and a pair's
booklet from the command line, read-only."""

from __future__ import annotations

from pathlib import Path

import pytest

from revmentor_desktop.domain.plans import pair_plans
from revmentor_desktop.domain.plans.library import builtin_plans
from revmentor_desktop.storage.database import DataFile
from tests.helpers.cli import run
from tests.reports.helpers import page_count, pdf_text
from tests.reports.programme import Programme, build_programme


@pytest.fixture
def programme(data_path: Path) -> Programme:
    with DataFile.open(data_path, create=True):
        built = build_programme()
        pair_plans.arrange(built.pair_id, ["first-meeting", "generative-ai", "closing-meeting"])
    return built


def test_plans_list_names_every_built_in_plan(
    programme: Programme, data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--data", str(data_path), "plans", "list")
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()] == [p.key for p in builtin_plans()]


def test_plans_show_times_the_agenda_for_the_session_length(
    programme: Programme, data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(
        capsys, "--data", str(data_path), "plans", "show", "Online security and privacy",
        "--minutes", "90",
    )  # fmt: skip
    assert status == 0
    minutes = [int(line.split()[0]) for line in out.splitlines() if line[5:9] == " min"]
    assert sum(minutes) == 90
    assert "Keep it safe:" in out and "password" in out


def test_an_unknown_plan_is_refused_naming_the_known_ones(
    programme: Programme, data_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = tmp_path / "x.pdf"
    status, _, err = run(
        capsys, "--data", str(data_path), "plans", "print", "Knitting", "-o", str(output)
    )
    assert status == 1
    assert "no session plan called “Knitting”" in err
    assert "first-meeting" in err and "negotiation" in err
    assert not output.exists()


def test_plans_print_writes_a_one_page_handout(
    programme: Programme, data_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = tmp_path / "handout.pdf"
    status, out, _ = run(
        capsys, "--data", str(data_path), "plans", "print", "negotiation", "-o", str(output)
    )
    assert status == 0 and "Negotiation" in out
    pdf = output.read_bytes()
    assert page_count(pdf) == 1
    words = pdf_text(pdf)
    assert "KEEP IT SAFE" in words and "Until next time" in words


def _booklet(
    capsys: pytest.CaptureFixture[str], data_path: Path, pair_id: int, folder: Path
) -> tuple[int, str, bytes]:
    """``revmentor plan --pair PAIR_ID -o FILE``: its status, what it printed, the PDF it wrote."""
    output = folder / "booklet.pdf"
    status, out, _ = run(
        capsys, "--data", str(data_path), "plan", "--pair", str(pair_id), "-o", str(output)
    )
    return status, out, output.read_bytes()


def test_plan_writes_the_pairs_booklet_with_a_cover_and_a_page_per_meeting(
    programme: Programme, data_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, pdf = _booklet(capsys, data_path, programme.pair_id, tmp_path)
    assert status == 0 and "3 meetings" in out
    assert page_count(pdf) == 4
    words = pdf_text(pdf)
    assert "Agnès Dubois" in words and "Jörg Müller" in words
    assert "Reverse mentoring 2026" in words
    assert "Meeting 2 of 3" in words


def test_plan_of_a_pair_without_one_prints_the_suggestion(
    programme: Programme, data_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, pdf = _booklet(capsys, data_path, programme.quiet_pair_id, tmp_path)
    assert status == 0 and "suggests" in out
    assert page_count(pdf) == 14  # a cover and 13 meetings
