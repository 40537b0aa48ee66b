"""Pictures of certificates of participation for the README: both partners of a completed
reverse-mentoring pair, the reverse mentor first.

Run ``python docs/make_certificate_pages.py`` (needs ``pdftoppm`` from poppler-utils). It makes
the sample data file of ``make_document_pages.py`` (its organisation, logo and coordinator),
names a sponsor, and writes the two certificates of the completed pair that met most as
docs/certificates/reverse-mentor.png and docs/certificates/mentee.png.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))
sys.path.insert(0, str(REPOSITORY / "docs"))

from make_document_pages import TODAY, sample_data_file, write_page_picture  # noqa: E402

OUTPUT = REPOSITORY / "docs" / "certificates"
NAMES = ("reverse-mentor", "mentee")


def clock() -> datetime:
    return datetime.combine(TODAY, datetime.min.time())


def name_the_sponsor() -> None:
    from revmentor_desktop.domain import edits, programme_settings

    old = programme_settings.load()
    new = replace(old, sponsor_name="Dr. Katrin Weber", sponsor_title="Chief Executive Officer")
    edits.change_settings(old, new)


def busiest_completed_reverse_pair() -> int:
    from peewee import fn

    from revmentor_desktop.storage.models import Cohort, Meeting, Pair

    return int(
        Pair.select(Pair.id)
        .join(Cohort)
        .switch(Pair)
        .join(Meeting)
        .where(
            (Pair.status == "completed") & (Cohort.kind == "reverse") & (Meeting.status == "held")
        )
        .group_by(Pair.id)
        .order_by(fn.COUNT(Meeting.id).desc(), Pair.id)
        .scalar()
    )


def main() -> int:
    from revmentor_desktop.reports.registry import CERTIFICATES, Request

    with sample_data_file("certificates") as scratch:
        name_the_sponsor()
        document = CERTIFICATES.gather_document(
            busiest_completed_reverse_pair(), Request(clock=clock)
        )
    pdf = scratch / "certificates.pdf"
    document.render(pdf)
    for number, name in enumerate(NAMES, start=1):
        write_page_picture(pdf, number, OUTPUT / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
