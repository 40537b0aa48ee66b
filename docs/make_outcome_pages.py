"""Pictures of the questionnaire forms for the README: a blank starting-point form as it is
sent, and a check-in form as it comes back, filled in a PDF reader.

Run ``python docs/make_outcome_pages.py`` (needs ``pdftoppm`` from poppler-utils). It makes
a sample data file in a temporary folder with the organisation of docs/make_document_pages.py,
makes the forms as ``revmentor forms`` does, fills one in with pypdf as a reader would, and
writes the first page of each as a PNG to docs/outcomes/.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))
sys.path.insert(0, str(REPOSITORY / "docs"))

from make_document_pages import (  # noqa: E402
    sample_clock,
    sample_data_file,
    write_page_picture,
)

OUTPUT = REPOSITORY / "docs" / "outcomes"
CHECK_IN_ANSWERS: dict[str, int | str] = {
    "checkin.meeting-as-planned": 1,
    "checkin.usefulness": 4,
    "checkin.comfort": 5,
    "checkin.for-the-coordinator": (
        "All good so far. We moved to fortnightly meetings because of the year-end close."
    ),
    "checkin.wants-help": 0,
}


def main() -> int:
    from revmentor_desktop.domain import cohorts, report_data
    from revmentor_desktop.domain.outcomes.forms import issue_forms
    from revmentor_desktop.domain.outcomes.questions import Questionnaire
    from revmentor_desktop.reports import outcome_form
    from tests.helpers.pdf_forms import fill_form

    with sample_data_file("forms") as scratch:
        cohort_id = next(row.id for row in cohorts.list_cohorts() if row.kind == "reverse")
        letterhead = report_data.letterhead(sample_clock)
        starting = issue_forms(cohort_id, Questionnaire.STARTING, clock=sample_clock)[0]
        check_in = issue_forms(cohort_id, Questionnaire.CHECKIN, clock=sample_clock)[0]
    blank = scratch / "blank.pdf"
    outcome_form.render_form(starting, letterhead, blank)
    write_page_picture(blank, 1, OUTPUT / "blank-form.png")
    sent = scratch / "sent.pdf"
    outcome_form.render_form(check_in, letterhead, sent)
    filled = fill_form(check_in, sent, scratch / "filled.pdf", CHECK_IN_ANSWERS)
    write_page_picture(filled, 1, OUTPUT / "filled-form.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
