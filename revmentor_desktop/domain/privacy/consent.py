"""Consent: who gave it, with which wording, and who is left out of matching without it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.privacy.common import PLACEHOLDER_PREFIX, person_or_not_found
from revmentor_desktop.domain.text import email_key
from revmentor_desktop.storage.models import (
    Person,
    database_proxy,
)


@dataclass(frozen=True)
class PersonBrief:
    id: int
    name: str
    email: str


def consent_wording_version() -> str:
    """The wording version recorded with consent given in the app (a setting)."""
    return settings.get(settings.CONSENT_WORDING_VERSION)


def record_consent(person_id: int, given_on: date | None, wording: str = "") -> None:
    """Record (or, with ``given_on=None``, withdraw) a person's consent."""
    with database_proxy.atomic():
        person_or_not_found(person_id)
        Person.update(
            consent_date=given_on,
            consent_wording=(wording or consent_wording_version()) if given_on else "",
        ).where(Person.id == person_id).execute()


def person_ids_without_consent() -> set[int]:
    """People who must be left out of matching."""
    query = Person.select(Person.id).where(Person.consent_date.is_null())
    return {row[0] for row in query.tuples()}


def people_without_consent(include_archived: bool = False) -> list[PersonBrief]:
    query = Person.select(Person.id, Person.name, Person.email).where(
        Person.consent_date.is_null() & ~Person.name.startswith(PLACEHOLDER_PREFIX)
    )
    if not include_archived:
        query = query.where(Person.archived == False)  # noqa: E712
    return [
        PersonBrief(pid, name, email or "")
        for pid, name, email in query.order_by(Person.name).tuples()
    ]


def find_person_id(email: str) -> int:
    person = Person.get_or_none(Person.email_key == email_key(email))
    if person is None:
        raise NotFound(f"Nobody has the e-mail address {email.strip()}.")
    return int(person.id)
