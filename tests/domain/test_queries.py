"""Long lists read a page at a time: the first rows at once, the rest only when asked for; one
row by its number, or an error that says which is missing."""

from __future__ import annotations

import pytest

from revmentor_desktop.domain import people
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.domain.queries import OrderedIds, get_or_not_found
from revmentor_desktop.storage.models import Person

pytestmark = pytest.mark.usefixtures("data_file")


def _add(count: int) -> list[int]:
    return [people.add_person(PersonDraft(f"Person {n:02}")) for n in range(count)]


def test_the_first_page_and_the_count_come_first_the_rest_when_asked() -> None:
    added = _add(10)
    ordered = OrderedIds.of_query(Person.select(Person.id).order_by(Person.name), first_page=4)

    assert len(ordered) == 10
    assert ordered[0] == added[0] and ordered[:4] == added[:4]
    assert not ordered.all_read
    assert ordered[7] == added[7]
    assert ordered.all_read
    assert list(ordered) == added and ordered == added


def test_positions_are_found_on_the_first_page_or_after_reading_on() -> None:
    added = _add(10)
    ordered = OrderedIds.of_query(Person.select(Person.id).order_by(Person.name), first_page=4)

    assert ordered.position(added[2]) == 2
    assert not ordered.all_read
    assert ordered.position(added[9]) == 9
    assert ordered.position(-1) is None
    assert ordered[-1] == added[-1]
    assert ordered[8:] == added[8:]


def test_a_list_shorter_than_a_page_is_read_whole_at_once() -> None:
    added = _add(3)
    ordered = OrderedIds.of_query(Person.select(Person.id).order_by(Person.name), first_page=4)
    assert ordered.all_read and len(ordered) == 3 and ordered == added
    assert not OrderedIds.of_query(Person.select(Person.id).where(Person.id < 0))


def test_a_row_is_found_by_its_number_or_the_error_names_what_is_missing() -> None:
    (ada,) = _add(1)

    assert get_or_not_found(Person, ada, "person").name == "Person 00"
    with pytest.raises(NotFound, match=f"^There is no person with number {ada + 1}\\.$"):
        get_or_not_found(Person, ada + 1, "person")
