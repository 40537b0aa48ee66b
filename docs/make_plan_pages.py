"""Pictures of the printed session plans for the README: a handout of one plan, and the cover
and a meeting page of a pair's plan booklet.

Run ``python docs/make_plan_pages.py`` (needs ``pdftoppm`` from poppler-utils). It makes a
sample data file in a temporary folder with the organisation of docs/make_document_pages.py,
gives a reverse pair its suggested plan, ticks off the meetings its held sessions took up, and
writes the pages as PNGs to docs/plans/.
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

OUTPUT = REPOSITORY / "docs" / "plans"
HANDOUT_PLAN = "generative-ai"
HANDOUT_MINUTES = 90


def main() -> int:
    from revmentor_desktop.domain.plans import documents
    from revmentor_desktop.reports.plans import render_booklet, render_handout

    with sample_data_file("plans") as scratch:
        pair_id = planned_pair()
        booklet = documents.pair_booklet(pair_id, sample_clock)
        handout = documents.handout(HANDOUT_PLAN, HANDOUT_MINUTES, sample_clock)
    handout_pdf = scratch / "handout.pdf"
    render_handout(handout, handout_pdf)
    write_page_picture(handout_pdf, 1, OUTPUT / "handout.png")
    booklet_pdf = scratch / "booklet.pdf"
    render_booklet(booklet, booklet_pdf)
    write_page_picture(booklet_pdf, 1, OUTPUT / "booklet-cover.png")
    write_page_picture(booklet_pdf, 3, OUTPUT / "booklet-page.png")
    return 0


def planned_pair() -> int:
    """An active reverse pair with held sessions: its plan suggested, the first meetings
    taken up by its first held sessions."""
    from revmentor_desktop.domain import pairs, sessions
    from revmentor_desktop.domain.pairs import PairQuery
    from revmentor_desktop.domain.plans import pair_plans

    rows = pairs.list_pairs(PairQuery(status="active"), sample_clock)
    row = next(row for row in rows if row.sessions_held >= 2 and "everse" in row.cohort_name)
    pair_plans.give_suggested_plan(row.id)
    held = sessions.list_sessions(sessions.SessionQuery(pair_id=row.id, status="held"))
    for session, entry in zip(
        sorted(held, key=lambda each: each.starts_at)[:2],
        pair_plans.pair_plan(row.id),
        strict=False,
    ):
        pair_plans.take_up(session.id, row.id, entry.item_id)
    return row.id


if __name__ == "__main__":
    sys.exit(main())
