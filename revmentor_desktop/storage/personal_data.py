"""Which columns hold personal data: a privacy class declared beside every column in models.py.

The access export, erasure and the CSV/JSON exports read these classes instead of keeping their
own lists, so a new column is handled the day it is declared, and
``tests/storage/test_personal_data.py`` fails on a column that has no class.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from peewee import Field, ForeignKeyField, Model


class Privacy(Enum):
    """The privacy class of a column.

    OPERATIONAL
        How the programme runs, not what a person is or said: row numbers, links between rows,
        statuses, dates, counts, cohort settings and the short labels counted in statistics.
        Kept when a person is erased (so statistics stay right) and shown in every export.
    PERSONAL
        Identifies or describes a person and may be shared: name, e-mail, job, manager,
        preferences, skills, goals, the summary a pair shares. In ordinary exports and in the
        access export; blanked (or its row deleted) on erasure.
    CONFIDENTIAL
        Personal details the coordinator keeps to themselves: hire date, grade, location, the
        consent record. Exported only when private fields are asked for; in the access export;
        blanked on erasure.
    PRIVATE_NOTE
        Free text written about someone, never meant to be shared: coordinator notes, session
        notes, mentors' and mentees' own reflections. Treated like CONFIDENTIAL; documents print
        them only on request.
    DERIVED
        A copy of personal columns kept for searching and matching (folded name, lower-cased
        e-mail). Blanked with its source on erasure; never exported, because its source is.
    """

    OPERATIONAL = "operational"
    PERSONAL = "personal"
    CONFIDENTIAL = "confidential"
    PRIVATE_NOTE = "private note"
    DERIVED = "derived"

    @property
    def is_personal(self) -> bool:
        """About a person: shown in their access export (unless derived) and blanked on erasure."""
        return self is not Privacy.OPERATIONAL

    @property
    def is_private(self) -> bool:
        """Left out of exports unless private fields are asked for."""
        return self in (Privacy.CONFIDENTIAL, Privacy.PRIVATE_NOTE)


FieldT = TypeVar("FieldT", bound=Field)


@dataclass(frozen=True)
class _Declare:
    """Attaches a privacy class to a field and returns it: ``name = personal(TextField())``."""

    privacy: Privacy

    def __call__(self, field: FieldT) -> FieldT:
        field.privacy = self.privacy  # type: ignore[attr-defined]
        return field


operational = _Declare(Privacy.OPERATIONAL)
personal = _Declare(Privacy.PERSONAL)
confidential = _Declare(Privacy.CONFIDENTIAL)
private_note = _Declare(Privacy.PRIVATE_NOTE)
derived = _Declare(Privacy.DERIVED)


def privacy_of(field: Field) -> Privacy | None:
    """The class declared for ``field``; None when it has none (a test forbids that)."""
    declared = getattr(field, "privacy", None)
    return declared if isinstance(declared, Privacy) else None


def column_label(field: Field) -> str:
    """``table.column`` as SQLite names it, for messages."""
    return f"{field.model._meta.table_name}.{field.column_name}"


def unclassified_columns(models: Iterable[type[Model]]) -> list[str]:
    """Every ``table.column`` of ``models`` declared without a privacy class."""
    return [
        column_label(field)
        for model in models
        for field in model._meta.sorted_fields
        if privacy_of(field) is None
    ]


def columns_of(model: type[Model], *classes: Privacy) -> tuple[Field, ...]:
    """The columns of ``model`` declared with one of ``classes``, in declaration order."""
    return tuple(field for field in model._meta.sorted_fields if privacy_of(field) in classes)


def personal_columns(model: type[Model]) -> tuple[Field, ...]:
    """The columns erasure blanks: everything about a person, derived copies included."""
    return columns_of(model, *(privacy for privacy in Privacy if privacy.is_personal))


def shown_to_the_person(model: type[Model]) -> tuple[Field, ...]:
    """The personal columns an access export shows (derived copies add nothing to read)."""
    return columns_of(model, Privacy.PERSONAL, Privacy.CONFIDENTIAL, Privacy.PRIVATE_NOTE)


def private_column_names(model: type[Model]) -> tuple[str, ...]:
    """Names of the columns exports leave out unless private fields are asked for."""
    private = [privacy for privacy in Privacy if privacy.is_private]
    return tuple(field.name for field in columns_of(model, *private))


def personal_links_to(target: type[Model], models: Iterable[type[Model]]) -> list[Field]:
    """Personal foreign keys pointing at ``target`` (a manager): cut when that row is erased."""
    return [
        field
        for model in models
        for field in personal_columns(model)
        if isinstance(field, ForeignKeyField) and field.rel_model is target
    ]


def erasure_value(field: Field) -> Any:
    """What a personal column holds once erased: NULL where allowed, else its default."""
    if field.null:
        return None
    if field.default is None:
        raise ValueError(
            f"{column_label(field)} is personal but has neither NULL nor a default to erase to; "
            "give its erased value explicitly or delete the row."
        )
    return field.default() if callable(field.default) else field.default


def erasure_values(model: type[Model], **explicit: Any) -> dict[Field, Any]:
    """Every personal column of ``model`` with its erased value, ready for ``model.update``.

    ``explicit`` gives the value of a column that cannot simply be blanked (a person's name
    becomes a placeholder); naming a column that is not personal is a mistake and raises.
    """
    columns = personal_columns(model)
    unknown = set(explicit) - {field.name for field in columns}
    if unknown:
        raise ValueError(f"Not personal columns of {model.__name__}: {', '.join(sorted(unknown))}")
    return {
        field: explicit[field.name] if field.name in explicit else erasure_value(field)
        for field in columns
    }
