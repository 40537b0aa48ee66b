"""revmentor import-answers: a form tool's export recorded from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import OutcomeForm
from tests.helpers.cli import run
from tests.helpers.form_tool_exports import (
    GOOGLE_FORMS_CHECKIN,
    MS_FORMS_STARTING,
    programme_with_emails,
    read_csv,
    sha256,
    with_rows,
    write_csv,
)
from tests.reports.programme import Programme

COHORT = "Reverse mentoring 2026"


@pytest.fixture
def programme(data_path: Path) -> Programme:
    with DataFile.open(data_path, create=True):
        return programme_with_emails()


def _import(capsys: pytest.CaptureFixture[str], data_path: Path, source: Path, *extra: str):  # type: ignore[no-untyped-def]
    return run(
        capsys,
        "--data",
        str(data_path),
        "import-answers",
        str(source),
        "--cohort",
        COHORT,
        *extra,
    )


def _answers(data_path: Path, person_id: int, questionnaire: str) -> dict[str, object]:
    with DataFile.open(data_path):
        form = OutcomeForm.get(
            (OutcomeForm.person == person_id)
            & (OutcomeForm.questionnaire == questionnaire)
            & OutcomeForm.returned_at.is_null(False)
        )
        return forms.answers_of(form.id)


def test_a_dry_run_shows_the_columns_and_rows_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme
) -> None:
    before = sha256(data_path)
    status, out, err = _import(
        capsys, data_path, MS_FORMS_STARTING, "--questionnaire", "starting", "--dry-run"
    )
    assert (status, err) == (0, "")
    assert "  Start time → (form tool's own, left out)" in out
    assert "  Email → email" in out
    assert "  How confident are you with LinkedIn? → starting.focus-area:LinkedIn" in out
    assert "Line 3: Jörg Müller <jorg.muller@nordwind.example>: 7 answers" in out
    assert out.rstrip().endswith("Dry run, nothing was changed.")
    assert sha256(data_path) == before


def test_the_import_records_the_answers(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme
) -> None:
    status, out, err = _import(
        capsys, data_path, GOOGLE_FORMS_CHECKIN, "--questionnaire", "checkin"
    )
    assert (status, err) == (0, "")
    assert "Backup before the import: " in out
    assert out.rstrip().endswith(
        "Recorded the check-in answers of 3 people in “Reverse mentoring 2026”."
    )
    answers = _answers(data_path, programme.names["Person 00"], "checkin")
    assert answers["checkin.wants-help"] == 1


def test_a_row_problem_refuses_the_file_and_leaves_the_data_file_untouched(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme, tmp_path: Path
) -> None:
    stranger = ["2026/06/22", "nobody@x.org", "Yes", "3", "4", "", "No"]
    source = with_rows(GOOGLE_FORMS_CHECKIN, tmp_path / "answers.csv", stranger)
    before = sha256(data_path)
    status, out, err = _import(capsys, data_path, source, "--questionnaire", "checkin")
    assert status == 1
    assert err.splitlines() == [
        "Line 5, Email address: Nobody in the data file has the e-mail address nobody@x.org. "
        "Correct it if it is mistyped, or skip the row.",
        "Nothing was imported: 1 row has problems. Correct the file, or add --skip-invalid to "
        "record the other rows.",
    ]
    assert sha256(data_path) == before
    status, out, err = _import(
        capsys, data_path, source, "--questionnaire", "checkin", "--skip-invalid"
    )
    assert status == 0
    assert "Skipped: 1 row with problems, not recorded." in out


def test_a_column_is_mapped_by_hand_with_map(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme, tmp_path: Path
) -> None:
    rows = read_csv(GOOGLE_FORMS_CHECKIN)
    rows[0][4] = "Comfort"
    source = write_csv(tmp_path / "renamed.csv", rows)
    status, out, _err = _import(
        capsys, data_path, source, "--questionnaire", "checkin", "--map", "comfort=checkin.comfort"
    )
    assert status == 0, out
    assert _answers(data_path, programme.names["Jörg Müller"], "checkin")["checkin.comfort"] == 5


def test_an_unknown_question_key_names_the_keys_there_are(
    capsys: pytest.CaptureFixture[str], data_path: Path, programme: Programme
) -> None:
    before = sha256(data_path)
    status, _out, err = _import(
        capsys,
        data_path,
        GOOGLE_FORMS_CHECKIN,
        "--questionnaire",
        "checkin",
        "--map",
        "Timestamp=checkin.mood",
    )
    assert status == 1
    assert "“checkin.mood” is not a question of this questionnaire" in err
    assert "checkin.comfort, checkin.for-the-coordinator" in err
    assert sha256(data_path) == before
