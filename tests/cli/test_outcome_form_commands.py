"""``revmentor forms`` and ``revmentor collect-forms`` as a coordinator or a script runs them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from revmentor_desktop.domain.outcomes import form_fields, forms
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.reading import open_for_reading
from tests.helpers.cli import run
from tests.helpers.pdf_forms import fill
from tests.reports.programme import Programme, build_programme


@pytest.fixture
def programme(data_path: Path) -> Programme:
    with DataFile.open(data_path, create=True):
        return build_programme()


def _forms(
    capsys: pytest.CaptureFixture[str], data_path: Path, folder: Path, *extra: str
) -> tuple[int, str, str]:
    return run(
        capsys,
        *("--data", str(data_path), "forms", "--cohort", "Reverse mentoring 2026"),
        *("--questionnaire", "checkin", "-o", str(folder), *extra),
    )


def _usefulness_field(path: Path) -> str:
    """The field of the check-in's "how useful" question in a form PDF."""
    fields = PdfReader(path).get_fields()
    return next(
        name
        for name, field in fields.items()
        if field.get("/_States_") == ["/1", "/2", "/3", "/4", "/5"]
    )


def test_forms_writes_one_fillable_pdf_per_person_due(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme, tmp_path: Path
) -> None:
    folder = tmp_path / "forms"
    status, out, err = _forms(capsys, data_path, folder, "--print-copy", str(tmp_path / "p.pdf"))
    assert (status, err) == (0, "")
    written = sorted(folder.glob("*.pdf"))
    assert f"Wrote {len(written)} forms (Check-in) to {folder}" in out
    assert any(path.name.startswith("Check-in-Agnès-Dubois") for path in written)
    assert all(form_fields.TOKEN_FIELD in PdfReader(path).get_fields() for path in written)
    assert not PdfReader(tmp_path / "p.pdf").get_fields()


def test_forms_for_one_person_and_for_nobody_due(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme, tmp_path: Path
) -> None:
    status, _, _ = _forms(capsys, data_path, tmp_path / "one", "--person", "Jörg Müller")
    assert status == 0
    assert [path.name[:20] for path in (tmp_path / "one").glob("*.pdf")] == ["Check-in-Jörg-Müller"]
    status, _, err = _forms(capsys, data_path, tmp_path / "none", "--person", "Lonely Person")
    assert status == 1
    assert "Lonely Person" in err and "is due the Check-in questionnaire" in err


def test_collect_forms_records_returned_forms_and_dry_run_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme, tmp_path: Path
) -> None:
    _forms(capsys, data_path, tmp_path / "sent", "--person", "Agnès Dubois")
    sent = next((tmp_path / "sent").glob("*.pdf"))
    returned = fill(sent, tmp_path / "returned.pdf", {_usefulness_field(sent): "/4"})

    status, out, _ = run(
        capsys, "--data", str(data_path), "collect-forms", str(returned), "--dry-run"
    )
    assert status == 0
    assert "returned.pdf: records 1 of 5 answers: Agnès Dubois, Check-in" in out
    assert "Dry run, nothing was changed: would record 1 form." in out

    status, out, _ = run(capsys, "--data", str(data_path), "collect-forms", str(returned))
    assert status == 0 and "Recorded the answers of 1 form." in out
    with open_for_reading(data_path):
        token = PdfReader(returned).get_fields()[form_fields.TOKEN_FIELD]["/V"]
        row = forms.form_by_token(token)
        assert forms.answers_of(row.id)["checkin.usefulness"] == 4


def test_collect_forms_refuses_with_a_reason_per_file_and_leaves_the_file_as_it_was(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme, tmp_path: Path
) -> None:
    _forms(capsys, data_path, tmp_path / "sent", "--person", "Agnès Dubois")
    sent = next((tmp_path / "sent").glob("*.pdf"))
    back = tmp_path / "back"
    back.mkdir()
    fill(sent, back / "agnes.pdf", {_usefulness_field(sent): "/4"})
    (back / "scan.pdf").write_bytes(b"%PDF-1.4 scanned and cut short")
    before = hashlib.sha256(data_path.read_bytes()).hexdigest()

    status, out, err = run(capsys, "--data", str(data_path), "collect-forms", str(back))

    assert status == 1
    assert "agnes.pdf: records 1 of 5 answers" in out
    assert "scan.pdf: refused. It is damaged" in out
    assert "Nothing was recorded: 1 file refused" in err
    assert hashlib.sha256(data_path.read_bytes()).hexdigest() == before


def test_collect_forms_names_a_missing_path(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme, tmp_path: Path
) -> None:
    status, _, err = run(
        capsys, "--data", str(data_path), "collect-forms", str(tmp_path / "nowhere")
    )
    assert status == 1
    assert f"{tmp_path / 'nowhere'} does not exist; nothing was recorded." in err
