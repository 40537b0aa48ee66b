"""People who share a name: the label that tells each apart, and finding one person from the
name or e-mail address the coordinator types.

A real staff list has namesakes (two "Kofi García", one in Operations, one in Customer
Support). Lists that show bare names then seem to give one mentee two mentors. Everywhere a
person is named in a list, a picker or a report, their *label* is shown instead: the bare name
when nobody else in the file has it, else the name with what tells them apart.

Whether a name is shared is decided among everyone in the file, archived people too: they
still appear in past pairs and sessions, next to current colleagues. A label therefore does not
depend on which list asks for it. Names are compared as written (spaces tidied on saving):
"Zoe Park" and "Zoë Park" look different in a list; the command line, which matches what is
typed loosely, lists both when a typed name fits both.

A list computes its labels within its own query (``label_columns``), from the index on name,
department and job title: never a query per row.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from peewee import Case, chunked, fn

from revmentor_desktop.domain.errors import DomainError, NotFound
from revmentor_desktop.domain.queries import id_list
from revmentor_desktop.domain.text import email_key, fold
from revmentor_desktop.storage.models import Person, database_proxy


@dataclass(frozen=True)
class Identity:
    """What a label can be made of: a person's name and what may tell them apart."""

    id: int
    name: str
    department: str
    job_title: str
    email: str


# How much of what a label shows someone else of the same name shares with a person, as a
# level: each includes the ones before it, so the most any namesake shares is a MAX in SQL.
SHARES_NAME = 1
SHARES_DEPARTMENT = 2  # the name and the department
SHARES_JOB = 3  # the name, the department and the job title


def _label(person: Identity, shared: int) -> str:
    """The name, then department, job title and e-mail, each added only while someone else
    of the same name still shares everything shown so far.

    Without a department, the job title alone might read like a namesake's department
    ("Finance"), so the e-mail follows it. Two people alike in everything but without e-mail
    addresses are told apart by their number.
    """
    if not shared:
        return person.name
    last_resort = person.email or f"no. {person.id}"  # e-mail addresses are unique
    if not person.department:
        parts = [*([person.job_title] if person.job_title else []), last_resort]
    else:
        parts = [person.department]
        if shared >= SHARES_DEPARTMENT:
            parts += [person.job_title] if person.job_title else []
            if shared >= SHARES_JOB:
                parts.append(last_resort)
    return f"{person.name} ({', '.join(parts)})"


def _shared_with(person: Identity, other: Identity) -> int:
    """What ``other`` shares with ``person`` (the rule ``_shared_in_sql`` states in SQL)."""
    if other.id == person.id or other.name != person.name:
        return 0
    if other.department != person.department:
        return SHARES_NAME
    return SHARES_JOB if other.job_title == person.job_title else SHARES_DEPARTMENT


def labels_of_namesakes(group: list[Identity]) -> dict[int, str]:
    """Labels for ``group``, told apart among themselves (two partners of one pair)."""
    return {
        person.id: _label(person, max(_shared_with(person, other) for other in group))
        for person in group
    }


def _shared_in_sql(person: Any) -> Any:
    """SQL: the most that anyone else of the name of ``person`` (Person or an alias) shares
    with them; NULL when nobody else has their name.

    One pass over the namesakes, read from the index on name, department and job title."""
    other = Person.alias("namesake")
    same_department = other.department == person.department
    level = Case(
        None,
        [
            (same_department & (other.job_title == person.job_title), SHARES_JOB),
            (same_department, SHARES_DEPARTMENT),
        ],
        SHARES_NAME,
    )
    return other.select(fn.MAX(level)).where((other.name == person.name) & (other.id != person.id))


LABEL_WIDTH = 6  # how many columns ``label_columns`` gives


def label_columns(person: Any = Person) -> tuple[Any, ...]:
    """The columns a label is made of, for a query that joins ``person`` (Person or an alias):
    a list's own query computes its labels, with no query per row or per page."""
    return (
        person.id,
        person.name,
        person.department,
        person.job_title,
        fn.COALESCE(person.email, ""),
        _shared_in_sql(person),
    )


def label_from(values: Sequence[Any]) -> str:
    """The label from the values of ``label_columns``, in their order."""
    person_id, name, department, job_title, email, shared = values
    if not shared:  # most people: their name is their own
        return str(name)
    return _label(Identity(person_id, name, department, job_title, email), shared)


def person_labels(person_ids: Iterable[int] | None = None) -> dict[int, str]:
    """The label of each of ``person_ids`` (of everyone when None), by id.

    One query per 500 people. Unknown ids are left out.
    """
    select = Person.select(*label_columns())
    if person_ids is None:
        return _labels_of(select)
    labels: dict[int, str] = {}
    for chunk in chunked(sorted(set(person_ids)), 500):
        labels.update(_labels_of(select.where(Person.id.in_(id_list(chunk)))))
    return labels


def _labels_of(select: Any) -> dict[int, str]:
    return {values[0]: label_from(values) for values in database_proxy.execute(select).fetchall()}


def person_label(person_id: int) -> str:
    """One person's label; "person N" when there is no such person."""
    return person_labels([person_id]).get(person_id, f"person {person_id}")


class AmbiguousPerson(DomainError):
    """A name fits several people; ``str(error)`` lists them with their e-mail addresses."""

    def __init__(self, typed: str, candidates: list[str]) -> None:
        self.candidates = candidates
        lines = "\n".join(f"  {candidate}" for candidate in candidates)
        super().__init__(
            f"“{typed}” could be any of {len(candidates)} people:\n{lines}\n"
            "Give the e-mail address of the one you mean instead of the name."
        )


def describe_person(person_id: int) -> str:
    """A person as a command prints them: "Alex Kim <alex.kim@example.org> (Finance)"."""
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        return f"person {person_id}"
    text = person.name + (f" <{person.email}>" if person.email else "")
    where = person.department or person.job_title
    text += f" ({where})" if where else ""
    notes = [
        *([] if person.email else ["no e-mail address recorded"]),
        *(["archived"] if person.archived else []),
    ]
    return f"{text} — {', '.join(notes)}" if notes else text


def resolve_person(text: str, among: Collection[int] | None = None) -> int:
    """The one person ``text`` means: an e-mail address (any capitals) or a name (any
    capitals or accents, as in "kofi garcia"). ``among``: only these people count.

    Raises NotFound when nobody fits and AmbiguousPerson when a name fits several.
    """
    typed = " ".join(text.split())
    if "@" in typed:
        found = _with_email(typed)
        if not found or (among is not None and found[0] not in among):
            raise NotFound(f"Nobody has the e-mail address {typed}.")
    else:
        found = [person_id for person_id in _named(typed) if among is None or person_id in among]
        if not found:
            raise NotFound(
                f"No one named “{typed}” is listed; check the spelling, or give their "
                "e-mail address."
            )
    if len(found) > 1:
        raise AmbiguousPerson(typed, [describe_person(person_id) for person_id in found])
    return found[0]


def _with_email(address: str) -> list[int]:
    select = Person.select(Person.id).where(Person.email_key == email_key(address))
    return [row[0] for row in database_proxy.execute(select).fetchall()]


def _named(name: str) -> list[int]:
    """Everyone whose name is ``name`` ignoring capitals and accents, in the order added."""
    wanted = fold(name)
    select = Person.select(Person.id, Person.name).order_by(Person.id)
    return [
        person_id
        for person_id, stored in database_proxy.execute(select).fetchall()
        if fold(stored) == wanted
    ]
