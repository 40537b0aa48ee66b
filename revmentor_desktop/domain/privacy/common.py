"""What the privacy tools share: the placeholder name of an erased person, finding a person."""

from __future__ import annotations

from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.storage.models import (
    Person,
)

PLACEHOLDER_PREFIX = "Erased person #"


def person_or_not_found(person_id: int) -> Person:
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise NotFound(f"There is no person with number {person_id}.")
    return person
