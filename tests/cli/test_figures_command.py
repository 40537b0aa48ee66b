"""``revmentor figures``: the Programme view's figures printed, or written as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from revmentor_desktop.domain import sessions
from revmentor_desktop.storage.database import DataFile
from tests.domain.programme_figures.small_programme import (
    SmallProgramme,
    build_small_programme,
    clock,
)
from tests.helpers.cli import run

FORMULA = "=HYPERLINK(1)"


@pytest.fixture
def programme(data_path: Path) -> SmallProgramme:
    """The hand-worked programme, plus a session on a topic a spreadsheet would run."""
    with DataFile.open(data_path, create=True):
        made = build_small_programme()
        build_small_programme("Traditional 2026")
        sessions.add_session(
            sessions.SessionDraft(
                made.pairs["P2"], datetime(2026, 2, 20, 9), 30, status="held", topics=[FORMULA]
            ),
            clock,
        )
        return made


def _figures(capsys: pytest.CaptureFixture[str], data_path: Path, *extra: str) -> str:
    status, out, err = run(capsys, "--data", str(data_path), "figures", *extra)
    assert (status, err) == (0, "")
    return out


def test_figures_are_printed_section_by_section(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: SmallProgramme
) -> None:
    out = _figures(capsys, data_path, "--cohort", "reverse 2026")
    assert "Cohorts: Reverse 2026\n" in out
    assert "  Enrolled: people 18, share of enrolled 100.0 %\n" in out
    assert "  Paired: people 16, share of enrolled 88.9 %, left at this step 2\n" in out
    assert "  Completed: people 2, share of enrolled 11.1 %, left at this step 2\n" in out
    assert "  2026-01: held 5, hours held 4.5, planned 7\n" in out
    assert "  Teams: held sessions 7\n" in out
    assert "  Moved team: pairs 3\n" in out
    assert "not broken down by reason: fewer than 5 people" in out
    everything = _figures(capsys, data_path)
    assert "Cohorts: all 2\n" in everything
    assert "  Enrolled: people 36," in everything


def test_a_period_cuts_the_figures(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: SmallProgramme
) -> None:
    out = _figures(
        capsys, data_path, "--cohort", "Reverse 2026", "--from", "2026-02-01", "--to", "2026-02-28"
    )
    assert "  2026-02: held 4, hours held 3.0, planned 10\n" in out
    assert "2026-01" not in out
    # The funnel as it stood on 28 February: the completed pair finished on 1 March.
    assert "  Completed: people 0," in out


def test_json_holds_the_figures_as_structured_data(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: SmallProgramme, tmp_path: Path
) -> None:
    target = tmp_path / "figures.json"
    out = _figures(capsys, data_path, "--cohort", "Reverse 2026", "-o", str(target))
    assert out == f"Wrote {target}.\n"
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [cohort["name"] for cohort in data["cohorts"]] == ["Reverse 2026"]
    assert [step["count"] for step in data["funnel"]["steps"]] == [18, 16, 6, 6, 4, 2]
    assert data["funnel"]["steps"][4]["pair_ids"] == [programme.pairs["P1"], programme.pairs["P2"]]
    assert data["sessions"]["held"] == 9
    assert data["sessions"]["months"][0] == {
        "year": 2026,
        "month": 1,
        "held": 5,
        "minutes_held": 270,
        "planned": 7,
    }
    assert data["health_weeks"][0]["week_ending"] == "2026-01-11"


def test_csv_has_one_row_per_figure_and_no_formulas(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: SmallProgramme, tmp_path: Path
) -> None:
    target = tmp_path / "figures.CSV"
    _figures(capsys, data_path, "--cohort", "Reverse 2026", "-o", str(target))
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == ["section", "label", "measure", "value", "note"]
    assert ["Participation funnel", "Paired", "people", "16", ""] in rows
    assert ["Sessions per month", "2026-02", "planned", "10", ""] in rows
    assert ["Session topics", "'" + FORMULA, "held sessions", "1", ""] in rows
    assert not any(cell.startswith("=") for row in rows for cell in row)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--cohort", "Nope"), "There is no cohort called “Nope”. Known cohorts: Reverse 2026, "),
        (("--from", "2026-02-30"), "--from 2026-02-30: not a date; write it as year-month-day"),
        (("--from", "2026-03-01", "--to", "2026-02-01"), "--from 2026-03-01 comes after --to"),
        (("--to", "2026-02-01"), "--to needs --from too"),
        (("-o", "figures.xlsx"), "figures.xlsx: figures are written as JSON or CSV"),
    ],
)
def test_mistakes_are_explained(
    capsys: pytest.CaptureFixture[str],
    data_path: Path,
    programme: SmallProgramme,
    arguments: tuple[str, ...],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    before = data_path.stat().st_mtime_ns
    status, out, err = run(capsys, "--data", str(data_path), "figures", *arguments)
    assert status == 1 and out == ""
    assert err.startswith("revmentor: ") and message in err
    assert data_path.stat().st_mtime_ns == before
    assert not (tmp_path / "figures.xlsx").exists()
