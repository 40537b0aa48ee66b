"""``revmentor settings``: list, show, change and reset the settings kept in the data file."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from revmentor_desktop.cli import main
from revmentor_desktop.domain import programme_settings
from revmentor_desktop.domain.cohorts import CohortDraft, add_cohort
from revmentor_desktop.domain.matching.rules import Rule, Weight
from revmentor_desktop.domain.matching.saved_rules import rule_settings
from revmentor_desktop.storage.database import DataFile
from tests.domain.logos import png_logo

REPOSITORY = Path(__file__).parents[2]


@pytest.fixture
def cohort_id(data_path: Path) -> int:
    with DataFile.open(data_path, create=True):
        return add_cohort(CohortDraft("Reverse mentoring 2027", "reverse"))


def run(
    capsys: pytest.CaptureFixture[str], data_path: Path, *arguments: str
) -> tuple[int, str, str]:
    status = main(["--data", str(data_path), "settings", *arguments])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def stored(data_path: Path) -> programme_settings.ProgrammeSettings:
    with DataFile.open(data_path):
        return programme_settings.load()


def test_the_list_names_every_setting_with_its_value_and_default(
    capsys: pytest.CaptureFixture[str], data_path: Path, cohort_id: int
) -> None:
    status, out, err = run(capsys, data_path, "organisation_name", "Nordwind Logistik GmbH")
    assert (status, err) == (0, "")
    assert out == "organisation_name is now Nordwind Logistik GmbH.\n"
    status, out, _err = run(capsys, data_path)
    assert status == 0
    lines = {
        line.split()[0]: re.split(r"\s{2,}", line.strip())
        for line in out.splitlines()
        if line.startswith("  ")
    }
    with DataFile.open(data_path):
        names = [entry.name for entry in programme_settings.entries(programme_settings.load())]
    assert list(lines) == names
    assert lines["organisation_name"][1:] == ["Nordwind Logistik GmbH", "(default: not set)"]
    assert lines["anonymity_threshold"][1:] == ["5", "(default)"]
    assert lines["logo"][1:] == ["(not set)", "(default)"]
    assert lines[f"matching.cohort.{cohort_id}.skills"][1:] == ["high", "(as its kind)"]
    assert "Agreement wording (version 1.0)" in out
    assert "Matching weights of the cohort “Reverse mentoring 2027” (reverse)" in out


def test_one_setting_is_shown_whole_and_changed_and_reset(
    capsys: pytest.CaptureFixture[str], data_path: Path, cohort_id: int
) -> None:
    assert run(capsys, data_path, "anonymity_threshold") == (0, "5\n", "")
    assert run(capsys, data_path, "anonymity_threshold", "8")[0] == 0
    assert stored(data_path).anonymity_threshold == 8
    assert run(capsys, data_path, "coordinator_contact", "mentoring@nordwind.example")[0] == 0
    assert run(capsys, data_path, "coordinator-contact") == (
        0,
        "mentoring@nordwind.example\n",
        "",
    )
    status, out, _err = run(capsys, data_path, "anonymity_threshold", "--reset")
    assert (status, out) == (0, "anonymity_threshold is now 5 (its default).\n")
    assert stored(data_path).anonymity_threshold == 5
    assert run(capsys, data_path, "matching.reverse.location", "HIGH")[0] == 0
    assert run(capsys, data_path, f"matching.cohort.{cohort_id}.location", "off")[0] == 0
    assert run(capsys, data_path, f"matching.cohort.{cohort_id}.department", "kind")[0] == 0
    with DataFile.open(data_path):
        rules = rule_settings(cohort_id, "reverse")
        assert rules.weight(Rule.LOCATION) is Weight.OFF
        assert rules.weight(Rule.DEPARTMENT) is Weight.LOW  # its kind's, built in
    _status, out, _err = run(capsys, data_path)
    assert re.search(r"matching\.reverse\.location +high +\(default: low\)", out)
    assert re.search(rf"matching\.cohort\.{cohort_id}\.location +off +\(its kind's: high\)", out)


def test_new_wording_from_standard_input_raises_the_agreement_version(
    capsys: pytest.CaptureFixture[str],
    data_path: Path,
    cohort_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wording = "Either of us may end the partnership.\n\nWe say so kindly.\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(wording))
    status, out, _err = run(capsys, data_path, "agreement.ending.body", "-")
    assert status == 0
    assert out.splitlines() == [
        "agreement.ending.body is now Either of us may end the partnership. We say so kindly.",
        "The agreement is now version 1.1.",
    ]
    assert run(capsys, data_path, "agreement.ending.body")[1] == wording.strip() + "\n"
    assert run(capsys, data_path, "agreement.ending.body", "--reset")[1].endswith(
        "The agreement is now version 1.2.\n"
    )


def test_a_logo_is_read_from_an_image_file(
    capsys: pytest.CaptureFixture[str], data_path: Path, cohort_id: int, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_logo(400, 120))
    status, out, err = run(capsys, data_path, "logo", str(logo))
    assert (status, err) == (0, "")
    assert re.fullmatch(r"logo is now PNG image, \d+ KB, 400 × 120 pixels\.\n", out)
    logo.unlink()  # the data file keeps the picture itself
    assert stored(data_path).logo is not None
    assert run(capsys, data_path, "logo", "--reset")[0] == 0
    assert stored(data_path).logo is None


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["organisation_name", "  "], "The organisation name cannot be empty."),
        (
            ["anonymity_threshold", "1"],
            "Reports can hide groups of fewer than 3 to 50 people; 1 is outside that range.",
        ),
        (["page_size", "A5"], "Paper size “A5” is not known: choose A4 or Letter."),
        (["matching.mutual.skills", "loud"], "“loud” is not a weight: choose one of mandatory"),
        (["colour", "blue"], "There is no setting called “colour”."),
        (["logo", "NOTES"], "“notes.txt” is not a PNG, JPEG or SVG image"),
        (["logo", "POSTER"], "“poster.png” is 5.0 MB; a logo can be at most 1 MB."),
    ],
    ids=["empty name", "threshold", "paper", "weight", "unknown", "not an image", "5 MB logo"],
)
def test_a_bad_value_is_refused_with_a_message_and_nothing_changes(
    capsys: pytest.CaptureFixture[str],
    data_path: Path,
    cohort_id: int,
    tmp_path: Path,
    arguments: list[str],
    message: str,
) -> None:
    notes, poster = tmp_path / "notes.txt", tmp_path / "poster.png"
    notes.write_text("Our logo is blue.")
    poster.write_bytes(png_logo() + b"\0" * 5_000_000)
    files = {"NOTES": str(notes), "POSTER": str(poster)}
    before = stored(data_path)
    status, out, err = run(capsys, data_path, *[files.get(word, word) for word in arguments])
    assert (status, out) == (1, "")
    assert err.startswith(f"revmentor: {message}")
    assert stored(data_path) == before


def test_reset_with_a_value_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], data_path: Path, cohort_id: int
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--data", str(data_path), "settings", "page_size", "A4", "--reset"])
    assert stopped.value.code == 2
    assert "--reset takes a NAME and no VALUE" in capsys.readouterr().err


def revmentor(data_path: Path, *arguments: str, **locale: str) -> str:
    """The real command in a process of its own, with the given locale variables only."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_PAPER")}
    env.update(locale, PYTHONPATH=str(REPOSITORY))
    done = subprocess.run(
        [sys.executable, "-m", "revmentor_desktop", "--data", str(data_path), *arguments],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout


def test_paper_follows_the_locale_until_chosen(data_path: Path, cohort_id: int) -> None:
    assert revmentor(data_path, "settings", "page_size", LANG="en_US.UTF-8") == "Letter\n"
    german_paper = {"LANG": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}
    assert revmentor(data_path, "settings", "page_size", **german_paper) == "A4\n"
    revmentor(data_path, "settings", "page_size", "letter", LANG="de_DE.UTF-8")
    assert revmentor(data_path, "settings", "page_size", LANG="de_DE.UTF-8") == "Letter\n"


def test_the_help_names_every_setting_clause_and_rule(capsys: pytest.CaptureFixture[str]) -> None:
    from revmentor_desktop.domain.agreement_text import DEFAULT_CLAUSES

    with pytest.raises(SystemExit):
        main(["settings", "--help"])
    words = set(re.findall(r"[a-z_]+", capsys.readouterr().out))
    simple = {setting.name for setting in programme_settings.SIMPLE}
    assert simple | {"logo"} | set(DEFAULT_CLAUSES) | {rule.value for rule in Rule} <= words
