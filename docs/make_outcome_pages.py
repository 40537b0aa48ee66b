"""Pictures of the questionnaire forms for the README: a blank starting-point form as it is
sent, and a check-in form as it comes back, filled in a PDF reader.

Run ``python docs/make_outcome_pages.py`` (needs ``pdftoppm`` from poppler-utils). It makes
a sample data file in a temporary folder with the organisation of docs/make_document_pages.py,
makes the forms as ``revmentor forms`` does, fills one in with pypdf as a reader would, and
writes the first page of each as a PNG to docs/outcomes/.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))
sys.path.insert(0, str(REPOSITORY / "docs"))

from make_document_pages import sample_programme  # noqa: E402

OUTPUT = REPOSITORY / "docs" / "outcomes"
RESOLUTION = 80
CHECK_IN_ANSWERS: dict[str, int | str] = {
    "checkin.meeting-as-planned": 1,
    "checkin.usefulness": 4,
    "checkin.comfort": 5,
    "checkin.for-the-coordinator": (
        "All good so far. We moved to fortnightly meetings because of the year-end close."
    ),
    "checkin.wants-help": 0,
}


def clock() -> datetime:
    return datetime(2026, 11, 25, 10, 0)


def main() -> int:
    from revmentor_desktop.domain import cohorts, report_data
    from revmentor_desktop.domain.outcomes.forms import issue_forms
    from revmentor_desktop.domain.outcomes.questions import Questionnaire
    from revmentor_desktop.reports import outcome_form
    from revmentor_desktop.storage.database import DataFile
    from tests.helpers.pdf_forms import fill_form

    scratch = Path(tempfile.mkdtemp(prefix="revmentor-forms-"))
    with DataFile.open(scratch / "Nordwind programme.revmentor", create=True):
        sample_programme()
        cohort_id = next(row.id for row in cohorts.list_cohorts() if row.kind == "reverse")
        letterhead = report_data.letterhead(clock)
        starting = issue_forms(cohort_id, Questionnaire.STARTING, clock=clock)[0]
        check_in = issue_forms(cohort_id, Questionnaire.CHECKIN, clock=clock)[0]
    blank = scratch / "blank.pdf"
    outcome_form.render_form(starting, letterhead, blank)
    write_page(blank, "blank-form")
    sent = scratch / "sent.pdf"
    outcome_form.render_form(check_in, letterhead, sent)
    filled = fill_form(check_in, sent, scratch / "filled.pdf", CHECK_IN_ANSWERS)
    write_page(filled, "filled-form")
    return 0


def write_page(pdf: Path, name: str) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    prefix = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(RESOLUTION), "-png", "-singlefile", str(pdf), str(prefix)],
        check=True,
    )
    target = OUTPUT / f"{name}.png"
    prefix.with_suffix(".png").replace(target)
    print(target)


if __name__ == "__main__":
    sys.exit(main())
