"""``revmentor messages`` as a coordinator runs it: drafts in a folder, refusals in plain words."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest

from revmentor_desktop.domain.messages.history import history_of
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.reading import open_for_reading
from tests.domain.messages.helpers import NO_ADDRESS, address_of, programme_with_addresses
from tests.helpers.cli import run
from tests.reports.programme import Programme


@pytest.fixture
def programme(data_path: Path) -> Programme:
    with DataFile.open(data_path, create=True):
        return programme_with_addresses()


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    return tmp_path / "drafts"


def _messages(
    capsys: pytest.CaptureFixture[str], data_path: Path, drafts: Path, *arguments: str
) -> tuple[int, str, str]:
    """``revmentor messages ARGUMENTS… -o DRAFTS`` on the programme in ``data_path``."""
    return run(capsys, "--data", str(data_path), "messages", *arguments, "-o", str(drafts))


def test_drafts_for_a_cohort_go_to_the_pairs_the_template_is_for(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme, drafts: Path
) -> None:
    status, out, err = _messages(
        capsys, data_path, drafts, "--template", "first-session", "--cohort", programme.cohort_name
    )
    assert status == 0
    written = sorted(path.name for path in drafts.iterdir())
    assert "Siobhán-Ó-Súilleabháin-first-session.eml" in written
    assert not any(name.startswith("Agnès") for name in written)  # that pair has met
    assert f"Wrote {len(written)} e-mail drafts (“A nudge before the first session”)" in out
    assert f"{NO_ADDRESS} (Mentee, pair {programme.quiet_pair_id}) has no e-mail address" in err
    draft = email.message_from_bytes(
        (drafts / "Siobhán-Ó-Súilleabháin-first-session.eml").read_bytes(), policy=policy.default
    )
    assert draft["To"].addresses[0].addr_spec == address_of("Siobhán Ó Súilleabháin")
    with open_for_reading(data_path):
        assert [line.template for line in history_of(programme.quiet_pair_id)] == ["first-session"]


def test_an_unknown_template_is_refused_naming_the_known_ones(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme, drafts: Path
) -> None:
    status, out, err = _messages(
        capsys, data_path, drafts, "--template", "hello", "--pair", str(programme.pair_id)
    )
    assert (status, out) == (1, "")
    assert "no message template called “hello”. The templates are introduction," in err
    assert list(drafts.iterdir()) == []


def test_a_cohort_without_pairs_due_the_message_writes_nothing(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme, drafts: Path
) -> None:
    status, _out, err = _messages(
        capsys, data_path, drafts, "--template", "thanks", "--cohort", programme.cohort_name
    )
    assert status == 1
    assert f"No pair in {programme.cohort_name} is due the “thanks” message" in err
    assert list(drafts.iterdir()) == []
