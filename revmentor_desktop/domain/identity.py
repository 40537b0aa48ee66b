"""The identity of a programme's data: in the UID of every calendar event, and printed in every
form so that a form is never collected into another programme. Apart from the calendar, so
that the forms, which Today's warnings load at start-up, do not load icalendar with it."""

from __future__ import annotations

import hashlib

from revmentor_desktop.domain import settings
from revmentor_desktop.storage.models import Cohort, Person


def uid_domain() -> str:
    """A name that identifies this data file in UIDs and never changes once chosen.

    A file that has the setting uses it; otherwise it is derived from the data's oldest
    record, which stays the same as long as that record exists (exports only read, so they
    cannot store a new identity).
    """
    if stored := settings.get(settings.CALENDAR_IDENTITY):
        return stored
    first_cohort = Cohort.select(Cohort.id, Cohort.created_at).order_by(Cohort.id).first()
    first_person = Person.select(Person.id, Person.created_at).order_by(Person.id).first()
    seed = "|".join(
        f"{row.id}:{row.created_at}" for row in (first_cohort, first_person) if row is not None
    )
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]


def ensure_uid_domain() -> str:
    """Store the UID domain in the file so later deletions never change it (call when opening
    for writing). It stores the value already in use, so earlier .ics files stay valid."""
    domain = uid_domain()
    if settings.get(settings.CALENDAR_IDENTITY) != domain:
        settings.put(settings.CALENDAR_IDENTITY, domain)
    return domain
