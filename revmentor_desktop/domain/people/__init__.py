"""People of the programme: who can teach what, who wants to learn what, and their consent.

``records`` holds what the functions take and give; ``saving`` checks, adds, loads, saves,
archives and deletes a person with their skills; ``listing`` is the people list, filtered and
sorted in SQL. The names below are what callers use (``people.add_person(...)``).
"""

from revmentor_desktop.domain.people.listing import (
    NEWEST_COHORT_FIRST,
    PEOPLE_JOINED_SORT_KEYS,
    PEOPLE_SORT_COLUMNS,
    departments,
    list_people,
    people_ids,
    people_rows,
)
from revmentor_desktop.domain.people.records import (
    LEARN,
    TEACH,
    PeopleQuery,
    PersonDraft,
    PersonRecord,
    PersonRow,
)
from revmentor_desktop.domain.people.saving import (
    add_person,
    delete_person,
    get_person,
    has_history,
    load_person,
    set_archived,
    skills_of,
    update_person,
    validate_person,
)

__all__ = [
    "LEARN",
    "NEWEST_COHORT_FIRST",
    "PEOPLE_JOINED_SORT_KEYS",
    "PEOPLE_SORT_COLUMNS",
    "TEACH",
    "PeopleQuery",
    "PersonDraft",
    "PersonRecord",
    "PersonRow",
    "add_person",
    "delete_person",
    "departments",
    "get_person",
    "has_history",
    "list_people",
    "load_person",
    "people_ids",
    "people_rows",
    "set_archived",
    "skills_of",
    "update_person",
    "validate_person",
]
