"""``revmentor outcomes``: the before/after table printed, or written as CSV Excel opens
safely."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.storage.database import DataFile
from tests.helpers.answering import fill, issued
from tests.helpers.cli import run
from tests.reports.programme import Programme, build_programme

FORMULA_LABEL = "=HYPERLINK(1)"


def _answered_programme(data_path: Path, mentee_label: str = "") -> Programme:
    """Five active pairs: every mentor and mentee rates 2 at the start; the mentees 4 at the
    close, and only four mentors 3 (too few to show theirs)."""
    with DataFile.open(data_path, create=True):
        programme = build_programme(extra_pairs=3)
        if mentee_label:
            draft = cohorts.get_cohort(programme.cohort_id)
            cohorts.update_cohort(
                programme.cohort_id,
                cohorts.CohortDraft(
                    draft.name, draft.kind, draft.start_date, draft.end_date,
                    mentee_label=mentee_label,
                ),
            )  # fmt: skip
        starting = issued(programme.cohort_id, Questionnaire.STARTING)
        closing = issued(programme.cohort_id, Questionnaire.CLOSING)
        for form in starting.values():
            fill(form, 2)
        mentors = [form for form in closing.values() if form.role == "mentor"]
        for form in closing.values():
            if form.role == "mentee" or form in mentors[:4]:
                fill(form, 4 if form.role == "mentee" else 3)
        return programme


def test_outcomes_prints_the_before_and_after_table_with_the_reason_for_hidden_figures(
    capsys: pytest.CaptureFixture[str], data_path: Path
) -> None:
    programme = _answered_programme(data_path)
    status, out, err = run(
        capsys, "--data", str(data_path), "outcomes", "--cohort", programme.cohort_name
    )
    assert (status, err) == (0, "")
    lines = out.splitlines()
    head = next(line for line in lines if line.startswith("Dimension"))
    assert head.split("  ")[0] == "Dimension"
    for word in ("Role", "Respondents", "Mean before", "Mean after", "Mean change"):
        assert word in head
    assert "Share improved" in head
    trust_mentee = next(
        line for line in lines if line.startswith("Trust across levels") and "Mentee" in line
    )
    assert trust_mentee.split()[-6:] == ["5", "2.0", "4.0", "+2.0", "100", "%"]
    trust_mentor = next(
        line
        for line in lines
        if line.startswith("Trust across levels") and "Reverse mentor" in line
    )
    assert trust_mentor.endswith("4  not shown: fewer than 5 answered both times")


def test_outcomes_writes_csv_with_numbers_and_formulas_neutralised(
    capsys: pytest.CaptureFixture[str], data_path: Path, tmp_path: Path
) -> None:
    programme = _answered_programme(data_path, mentee_label=FORMULA_LABEL)
    target = tmp_path / "outcomes.csv"
    status, out, _ = run(
        capsys,
        "--data", str(data_path), "outcomes", "--cohort", programme.cohort_name, "-o", str(target),
    )  # fmt: skip
    assert status == 0 and str(target) in out
    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    mentee = next(
        row for row in rows if row["dimension"] == "Trust across levels of the organisation"
        and row["role"] != "Reverse mentor"
    )  # fmt: skip
    assert mentee["role"] == "'" + FORMULA_LABEL
    assert (mentee["respondents"], mentee["mean before"], mentee["mean after"]) == (
        "5",
        "2.0",
        "4.0",
    )
    assert (mentee["mean change"], mentee["share improved (%)"]) == ("2.0", "100.0")
    assert mentee["not shown because"] == ""
    mentor = next(
        row for row in rows if row["dimension"] == "Trust across levels of the organisation"
        and row["role"] == "Reverse mentor"
    )  # fmt: skip
    assert (mentor["respondents"], mentor["mean before"], mentor["mean change"]) == ("4", "", "")
    assert mentor["not shown because"] == "fewer than 5 answered both times"


def test_outcomes_of_a_cohort_without_answers_says_so(
    capsys: pytest.CaptureFixture[str], data_path: Path
) -> None:
    with DataFile.open(data_path, create=True):
        programme = build_programme()
    status, out, _ = run(
        capsys, "--data", str(data_path), "outcomes", "--cohort", programme.cohort_name
    )
    assert status == 0
    assert "has answered both the starting-point and the closing questionnaire yet" in out


def test_outcomes_of_an_unknown_cohort_names_the_known_ones(
    capsys: pytest.CaptureFixture[str], data_path: Path
) -> None:
    with DataFile.open(data_path, create=True):
        build_programme()
    status, out, err = run(capsys, "--data", str(data_path), "outcomes", "--cohort", "Nope")
    assert (status, out) == (1, "")
    assert "There is no cohort called “Nope”. Known cohorts: Reverse mentoring 2026." in err
