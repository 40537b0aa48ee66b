"""People who share a name: the label that tells each apart, and finding one person from the
name or e-mail address the coordinator types.

A real staff list has namesakes (two "Kofi García", one in Operations, one in Customer
Support). Lists that show bare names then seem to give one mentee two mentors. Everywhere a
person is named in a list, a picker or a report, their *label* is shown instead: the bare name
when nobody else in the file has it, else the name with what tells them apart.

Whether a name is shared is decided among everyone in the file, archived people too: they
still appear in past pairs and sessions, next to current colleagues. A label therefore does not
depend on which list asks for it, and it is computed in SQL from the index on names, once per
page of rows (never one query per row).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from peewee import chunked, fn

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


def labels_of_namesakes(group: list[Identity]) -> dict[int, str]:
    """Labels for people who all have the same name: the name, then department, job title and
    e-mail, each added only while someone else still shares everything shown so far.

    Empty parts are skipped, and a namesake always shows at least one part. Two people alike
    in all three (possible only without e-mail addresses) are told apart by their number.
    """
    if len(group) == 1:
        return {group[0].id: group[0].name}
    departments = Counter(person.department for person in group)
    jobs = Counter((person.department, person.job_title) for person in group)
    labels = {}
    for person in group:
        steps = (
            (person.department, departments[person.department] > 1),
            (person.job_title, jobs[person.department, person.job_title] > 1),
            (person.email, not person.email),  # e-mail addresses are unique when present
        )
        parts: list[str] = []
        for value, still_shared in steps:
            parts += [value] if value else []
            if parts and not still_shared:
                break
        else:
            parts.append(f"no. {person.id}")
        labels[person.id] = f"{person.name} ({', '.join(parts)})"
    # One person's department may read like another's job title ("Finance"): then both show all.
    counts = Counter(labels.values())
    for person in group:
        if counts[labels[person.id]] > 1:
            labels[person.id] = _full_label(person)
    return labels


def _full_label(person: Identity) -> str:
    parts = [part for part in (person.department, person.job_title, person.email) if part]
    return f"{person.name} ({', '.join(parts if person.email else [*parts, f'no. {person.id}'])})"


def _labels_among(where: Any | None) -> dict[int, str]:
    """Labels of everyone sharing a name with someone ``where`` selects (everyone: None)."""
    select = Person.select(
        Person.id,
        Person.name,
        Person.department,
        Person.job_title,
        fn.COALESCE(Person.email, ""),
    )
    if where is not None:
        select = select.where(Person.name.in_(Person.select(Person.name).where(where)))
    groups: dict[str, list[Identity]] = {}
    for row in database_proxy.execute(select).fetchall():
        groups.setdefault(row[1], []).append(Identity(*row))
    labels: dict[int, str] = {}
    for group in groups.values():
        labels.update(labels_of_namesakes(group))
    return labels


def person_labels(person_ids: Iterable[int] | None = None) -> dict[int, str]:
    """The label of each of ``person_ids`` (of everyone when None), by id.

    One query per 500 people, answered from the index on names: a list asks for the page it
    shows. Unknown ids are left out.
    """
    if person_ids is None:
        return _labels_among(None)
    wanted = set(person_ids)
    labels: dict[int, str] = {}
    for chunk in chunked(sorted(wanted), 500):
        found = _labels_among(Person.id.in_(id_list(chunk)))
        labels.update((person_id, found[person_id]) for person_id in chunk if person_id in found)
    return labels


def labels_in_rows(rows: Iterable[Sequence[Any]], *positions: int) -> dict[int, str]:
    """The labels of the people whose ids sit at ``positions`` of each row (a page of pairs:
    mentors and mentees), by id."""
    return person_labels({row[position] for row in rows for position in positions})


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
