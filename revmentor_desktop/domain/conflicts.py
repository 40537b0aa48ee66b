"""Two coordinators editing the same record: the later save of a stale copy is refused.

A dialog loads a record with its version (``load``); its save passes that ``Loaded`` back, and
the update checks the row's version before writing (``refuse_if_moved``). When another
coordinator saved in between, the update raises ``EditConflict`` holding the three copies the
coordinator chooses from: what they loaded, what the other coordinator saved, and their own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import DomainError, NotFound
from revmentor_desktop.domain.namesakes import person_label
from revmentor_desktop.storage.models import VersionedModel
from revmentor_desktop.storage.versions import locked_version, version_of

Draft = TypeVar("Draft")
# Tells apart the items of a list field (a cohort's participants: by person).
ItemKey = Callable[[Any], Hashable]


@dataclass(frozen=True)
class Loaded(Generic[Draft]):
    """A record as a dialog loaded it, and the row version it was read at."""

    draft: Draft
    version: int


def load(model: type[VersionedModel], row_id: int, read: Callable[[], Draft]) -> Loaded[Draft]:
    """The record with its version. The version is read first: a save in between then makes the
    draft newer than the version, so saving it is refused (safe) rather than let through."""
    version = version_of(model, row_id)
    draft = read()
    return Loaded(draft, int(version or 0))


class Side(Enum):
    MINE = "mine"
    THEIRS = "theirs"


class EditConflict(DomainError):
    """Another coordinator saved the record after this copy of it was loaded."""

    def __init__(
        self,
        noun: str,
        original: Any,
        theirs: Any,
        mine: Any,
        loaded: int,
        current: int,
        item_keys: Mapping[str, ItemKey] | None = None,
    ) -> None:
        self.noun = noun  # "pair", "person", "session", "cohort"
        self.original = original
        self.theirs = theirs
        self.mine = mine
        self.loaded_version = loaded
        self.current_version = current
        # List fields whose items are merged one by one (see ``merged``).
        self.item_keys = dict(item_keys or {})
        super().__init__(
            f"Another coordinator saved this {noun} while you were editing it. "
            "Choose, field by field, whose values to keep, then save again."
        )

    @property
    def rebased(self) -> Loaded[Any]:
        """What to save against now: the other coordinator's copy, at its version."""
        return Loaded(self.theirs, self.current_version)

    def differing_fields(self) -> list[str]:
        """The fields where the other coordinator's copy and this one differ."""
        return [
            name
            for name in _field_names(self.mine)
            if getattr(self.mine, name) != getattr(self.theirs, name)
        ]

    def changed_by_both(self) -> list[str]:
        """Differing fields both coordinators changed from the original: a real choice."""
        return [
            name
            for name in self.differing_fields()
            if getattr(self.mine, name) != getattr(self.original, name)
            and getattr(self.theirs, name) != getattr(self.original, name)
        ]

    def suggested_side(self, name: str) -> Side:
        """Keep whichever side changed the field; mine when both did."""
        changed_by_me = getattr(self.mine, name) != getattr(self.original, name)
        return Side.MINE if changed_by_me else Side.THEIRS

    def merged(self, choices: Mapping[str, Side]) -> Any:
        """My copy with the other coordinator's value in each field chosen as theirs.

        In a list whose items are told apart (``item_keys``), keeping mine keeps my changes
        to it on top of theirs: an item they added and I did not touch stays (keeping my whole
        list would take away a participant they enrolled without either of us choosing so).
        """
        taken = {
            name: self._kept(name, side)
            for name, side in choices.items()
            if side is Side.THEIRS or name in self.item_keys
        }
        return dataclasses.replace(self.mine, **taken)

    def side_text(self, name: str, side: Side) -> str:
        """A field's value on one side, in words for the chooser. A list told apart by a key
        shows what that side changed in it since it was loaded ("Added: Carla Mendes (mentor,
        1)"): the whole list, cut to fit, would hide the difference that matters."""
        value = getattr(self.theirs if side is Side.THEIRS else self.mine, name)
        original = getattr(self.original, name)
        if name not in self.item_keys or value is None or original is None:
            return value_text(name, value)
        return _changes_text(original, value, self.item_keys[name])

    def original_text(self, name: str) -> str:
        """A field as it was when loaded, in words. A list told apart by a key is given by its
        length ("18 in the list"): each side shows what it changed in it (``side_text``)."""
        original = getattr(self.original, name)
        if name in self.item_keys and isinstance(original, list):
            return f"{len(original):,} in the list"
        return value_text(name, original)

    def _kept(self, name: str, side: Side) -> Any:
        theirs = getattr(self.theirs, name)
        if side is Side.THEIRS:
            return theirs
        original, mine = getattr(self.original, name), getattr(self.mine, name)
        if original is None or theirs is None or mine is None:
            return mine
        return my_changes_on_theirs(original, theirs, mine, self.item_keys[name])


def my_changes_on_theirs(
    original: list[Any], theirs: list[Any], mine: list[Any], key: ItemKey
) -> list[Any]:
    """``theirs`` with the items I added, changed or removed since ``original`` done to it."""
    added, changed, removed = _item_changes(original, mine, key)
    result = {key(item): item for item in theirs}
    result |= {key(item): item for item in (*added, *changed)}
    for item in removed:
        result.pop(key(item), None)
    return list(result.values())


def _item_changes(
    original: list[Any], changed: list[Any], key: ItemKey
) -> tuple[list[Any], list[Any], list[Any]]:
    """The items ``changed`` added to ``original``, changed in it and removed from it."""
    before = {key(item): item for item in original}
    after = {key(item): item for item in changed}
    return (
        [item for item_key, item in after.items() if item_key not in before],
        [item for item_key, item in after.items() if before.get(item_key, item) != item],
        [item for item_key, item in before.items() if item_key not in after],
    )


def _changes_text(original: list[Any], changed: list[Any], key: ItemKey) -> str:
    changes = _item_changes(original, changed, key)
    groups = zip(("Added", "Changed", "Removed"), changes, strict=True)
    parts = [f"{word}: " + "; ".join(map(_item_text, items)) for word, items in groups if items]
    return ". ".join(parts) if parts else "As when you opened it"


def _field_names(draft: Any) -> list[str]:
    return [field.name for field in dataclasses.fields(draft)]


def refuse_if_moved(
    model: type[VersionedModel],
    row_id: int,
    base: Loaded[Draft] | None,
    mine: Draft,
    read_current: Callable[[], Draft],
    noun: str,
    item_keys: Mapping[str, ItemKey] | None = None,
) -> None:
    """Raise ``EditConflict`` when the row moved past ``base``'s version (None: not checked, as
    for the command line). Call it inside the update's transaction, before writing.
    ``item_keys`` names the list fields merged item by item (see ``EditConflict.merged``)."""
    if base is None:
        return
    current = locked_version(model, row_id)
    if current is None:
        raise NotFound(f"There is no {noun} with number {row_id}.")
    if current != base.version:
        raise EditConflict(noun, base.draft, read_current(), mine, base.version, current, item_keys)


def field_label(name: str) -> str:
    """A draft's field as a person reads it: "coordinator_notes" → "Coordinator notes"."""
    words = name.removesuffix("_id").replace("_", " ")
    return words[:1].upper() + words[1:]


_PERSON_FIELDS = {"manager_id", "mentor_id", "mentee_id", "person_id"}


def value_text(name: str, value: Any) -> str:
    """A field's value in words, for showing two copies side by side."""
    if value is None or value == "" or value == []:
        return "—"
    if name in _PERSON_FIELDS:
        return person_label(int(value))
    if name == "capacity":
        return f"{value} at once"
    if isinstance(value, datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, list):
        return "; ".join(_item_text(item) for item in value)
    return str(value)


def _item_text(item: Any) -> str:
    """An item of a list: a participant reads "Ada Lovelace (mentor)", or "Ada Lovelace
    (mentor, 2 at once)"; a field left at its default is not worth a word."""
    if not dataclasses.is_dataclass(item):
        return str(item)
    shown = [
        field.name
        for index, field in enumerate(dataclasses.fields(item))
        if index == 0 or getattr(item, field.name) != field.default
    ]
    texts = [value_text(name, getattr(item, name)) for name in shown]
    if shown[0] in _PERSON_FIELDS:
        return f"{texts[0]} ({', '.join(texts[1:])})" if texts[1:] else texts[0]
    return ", ".join(texts)
