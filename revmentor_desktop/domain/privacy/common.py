"""What the privacy tools share: the placeholder name of an erased person, finding a person."""

from __future__ import annotations

from revmentor_desktop.domain.queries import get_or_not_found
from revmentor_desktop.storage.models import (
    Person,
)

PLACEHOLDER_PREFIX = "Erased person #"


def person_or_not_found(person_id: int) -> Person:
    return get_or_not_found(Person, person_id, "person")
