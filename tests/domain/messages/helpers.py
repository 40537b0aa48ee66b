"""The test programme with e-mail addresses for everyone but one person."""

from __future__ import annotations

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.text import fold
from revmentor_desktop.storage.models import Person
from tests.reports.programme import Programme, build_programme

NO_ADDRESS = "Mehmet Yılmaz"


def address_of(name: str) -> str:
    return "-".join(fold(name).split()) + "@example.org"


def programme_with_addresses() -> Programme:
    programme = build_programme()
    settings.put(settings.COORDINATOR_NAME, "Maria López")
    settings.put(settings.COORDINATOR_CONTACT, "mentoring@nordwind.example · ext. 4711")
    for name, person_id in programme.names.items():
        if name != NO_ADDRESS:
            email = address_of(name)
            Person.update(email=email, email_key=email).where(Person.id == person_id).execute()
    return programme
