"""Small helpers for queries: one row by its number, and lists that must stay fast on large
files."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar, overload

from peewee import SQL, Field, Model, NodeList, Ordering

from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.text import fold
from revmentor_desktop.storage.models import database_proxy

FIRST_PAGE = 500

RowT = TypeVar("RowT", bound=Model)


def get_or_not_found(model: type[RowT], row_id: int, noun: str) -> RowT:
    """The row of ``model`` numbered ``row_id``, or NotFound naming what is missing:
    "There is no pair with number 12." (``noun`` is "pair")."""
    row = model.get_or_none(model._meta.primary_key == row_id)
    if row is None:
        raise NotFound(f"There is no {noun} with number {row_id}.")
    return row


def id_list(ids: Iterable[int]) -> SQL:
    """Ids for ``column.in_(...)``, written into the statement as numbers.

    Peewee builds a list of parameters one value at a time, and again to check that it is not
    empty when it sits in a subquery: 2 to 4 ms for a page of 200 rows. Whole numbers cannot
    carry SQL, so writing them in is safe, and nearly free. No ids match nothing.
    """
    return SQL("(" + (",".join(str(int(value)) for value in ids) or "NULL") + ")")


def contains_folded(field: Field, typed: str) -> NodeList:
    """``field``, which holds text already folded (``text.fold``), contains ``typed``, ignoring
    capitals and accents as folding does: "zoe" finds "Zoë", "MÜLLER" finds "Müller".

    Both sides are folded, so the standard LIKE is enough. Peewee's ``contains`` says ILIKE,
    which a server spends three times as long on (for each of 10,000 people at every
    keystroke); its ``LIKE`` becomes GLOB on SQLite, which knows no ESCAPE.
    """
    escaped = "".join("\\" + char if char in "\\%_" else char for char in fold(typed.strip()))
    return NodeList((field, SQL("LIKE"), f"%{escaped}%", SQL("ESCAPE"), "\\"))


def sort_order(column: Any, descending: bool, *, outer_joined: bool = False) -> Ordering:
    """``column`` ascending or descending, with empty values (NULL) last either way.
    ``outer_joined``: the column comes from an outer join, so it may be NULL whatever it
    declares.

    Only a column that may be NULL says NULLS LAST. On a NOT NULL column it changes nothing,
    yet it keeps a store from reading that order from an index in one direction: SQLite puts
    NULLs first when ascending, PostgreSQL when descending, and each then sorts every row
    instead (a server took ten times as long to sort 30,000 sessions by mentor, descending).
    """
    may_be_null = outer_joined or not isinstance(column, Field) or column.null
    return Ordering(column, "DESC" if descending else "ASC", nulls="LAST" if may_be_null else None)


def fetch_ids(select: Any) -> list[int]:
    """The first column of every row, read straight from the cursor.

    Going through peewee's row objects costs more than the query itself at 100,000 rows.
    """
    cursor = database_proxy.execute(select)
    return [row[0] for row in cursor.fetchall()]


def as_date(value: object) -> date | None:
    """A date column as read straight from the cursor, where SQLite gives text."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_datetime(value: object) -> datetime:
    """A date-and-time column as read straight from the cursor."""
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


class Parsed(dict[Any, Any]):
    """Values read from the cursor, each parsed once (``parsed[value]``): a large file holds
    tens of thousands of dates but only a few hundred distinct days, and as many rows that
    repeat a few dozen texts."""

    def __init__(self, parse: Callable[[Any], Any]) -> None:
        super().__init__()
        self.parse = parse

    def __missing__(self, value: Any) -> Any:
        parsed = self[value] = self.parse(value)
        return parsed


class OrderedIds(Sequence[int]):
    """The ids a list query matches, in its order, read a page at a time.

    ``of_query`` reads the first page and the count at once, and the rest only when something
    past the first page is asked for. SQLite finds the first rows of a sorted 100,000-row list
    several times faster than all of them, and a list shows its first rows first. (Counting in
    the same statement, with ``COUNT(*) OVER ()``, makes both stores read every row before the
    first: several times slower than two statements.)
    """

    def __init__(self, ids: Iterable[int] = ()) -> None:
        self._loaded = list(ids)
        self._count = len(self._loaded)
        self._select: Any = None  # set while rows past the loaded ones remain to be read
        self._positions: dict[int, int] | None = None

    @classmethod
    def of_query(
        cls, select: Any, first_page: int = FIRST_PAGE, *, counted: Any = None
    ) -> OrderedIds:
        """The ids ``select`` gives. ``counted``: the same rows without what only their order
        needs (a join of something to sort by), which is quicker to count."""
        ids = cls(fetch_ids(select.limit(first_page)))
        if len(ids._loaded) == first_page:
            ids._select = select
            ids._count = (select if counted is None else counted).order_by().count()
        return ids

    def __len__(self) -> int:
        return self._count

    @property
    def all_read(self) -> bool:
        return self._select is None

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            start, stop, _step = index.indices(self._count)
            if max(start, stop) > len(self._loaded):
                self._load_all()
            return self._loaded[index]
        if not 0 <= index < len(self._loaded):
            self._load_all()
        return self._loaded[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def position(self, value: int) -> int | None:
        """Where ``value`` is in the list, or None; reads the rest only if it is not loaded."""
        if self._positions is None:
            self._positions = {item: place for place, item in enumerate(self._loaded)}
        if value not in self._positions and self._select is not None:
            self._load_all()
            return self.position(value)
        return self._positions.get(value)

    def _load_all(self) -> None:
        if self._select is None:
            return
        self._loaded = fetch_ids(self._select)
        self._count = len(self._loaded)
        self._select = None
        self._positions = None
