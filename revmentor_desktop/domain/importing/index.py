"""What checking a file as a whole needs to remember about its rows, in a few bytes a row.

Duplicates, managers and reporting loops are questions about the whole file: a row's manager
can be anywhere in it. A 464,000-row list held as parsed rows took gigabytes; the index keeps,
for each row, its line, its state, the person it matches in the data file and a reference to its
manager, in compact arrays, and each e-mail address of the file once.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from enum import IntEnum

NO_MANAGER = -1  # a manager reference: none given
# A manager reference is either the position of the manager's row in the file (0 or more) or,
# for a manager who is only in the data file, ``_IN_DATA - person id`` (-2 or less).
_IN_DATA = -2


class RowState(IntEnum):
    """Why a row is not imported (``VALID``: it is)."""

    VALID = 0
    PROBLEM = 1  # its own cells have problems
    MANAGER_ROW_INVALID = 2  # its manager's row is not imported
    MANAGER_UNKNOWN = 3  # its manager is neither in the file nor in the data file
    MANAGER_LOOP = 4  # the reporting lines would form a loop
    CHANGE_REFUSED = 5  # the change it asks for breaks a rule (capacity, archived person)


FindPeople = Callable[[Iterable[str]], dict[str, int]]  # e-mail keys → person ids in the data


class RowIndex:
    """The rows of one file, by position (the rows without blank ones, from 0)."""

    def __init__(self) -> None:
        self.lines = array("q")
        self.states = bytearray()
        self.person_ids = array("q")  # the person with this row's address in the data file, or 0
        self.managers = array("q")  # a manager reference (see ``_IN_DATA``) or NO_MANAGER
        self._position_of: dict[str, int] = {}  # e-mail key → first row with it
        self._waiting: dict[int, str] = {}  # position → a manager key not yet met in the file

    def __len__(self) -> int:
        return len(self.lines)

    @property
    def skipped(self) -> int:
        return len(self.states) - self.states.count(RowState.VALID)

    def first_line(self, key: str) -> int | None:
        """The line of the first row with this e-mail key, if any."""
        position = self._position_of.get(key)
        return None if position is None else self.lines[position]

    def add(
        self, line: int, key: str | None, person_id: int, manager_key: str | None, valid: bool
    ) -> int:
        """Remember a row; ``key`` is given for a valid address seen for the first time."""
        position = len(self.lines)
        self.lines.append(line)
        self.states.append(RowState.VALID if valid else RowState.PROBLEM)
        self.person_ids.append(person_id)
        if key is not None:
            self._position_of.setdefault(key, position)
        reference = NO_MANAGER
        if valid and manager_key is not None:
            reference = self._position_of.get(manager_key, NO_MANAGER)
            if reference == NO_MANAGER:
                self._waiting[position] = manager_key
        self.managers.append(reference)
        return position

    def manager_line(self, position: int) -> int:
        """The line of the manager's row, for a row whose manager's row is not imported."""
        return self.lines[self.managers[position]]

    def manager_person(self, position: int) -> int:
        """The manager's person id in the data file (0 while their row is not written)."""
        reference = self.managers[position]
        if reference >= 0:
            return self.person_ids[reference]
        return _IN_DATA - reference

    def check_managers(self, people_with_keys: FindPeople, data_managers: array[int]) -> None:
        """Settle each row's manager: in the file, in the data, missing, or in a loop.

        ``people_with_keys`` finds the person ids of e-mail keys in the data file;
        ``data_managers[person id]`` is each person's manager there (0 for none).
        """
        self._place_waiting_managers(people_with_keys)
        self._skip_reports_of_skipped_rows()
        self._find_loops(data_managers)

    def forget_addresses(self) -> None:
        """Drop the e-mail addresses once the whole file is checked: they took most of the
        index (90 MB for 464,000 rows), and the preview's index lives on while the import
        builds its own."""
        self._position_of = {}
        self._waiting = {}

    def _place_waiting_managers(self, people_with_keys: FindPeople) -> None:
        waiting, self._waiting = self._waiting, {}
        outside = {key for key in waiting.values() if key not in self._position_of}
        in_data = people_with_keys(outside)
        for position, key in waiting.items():
            if key in self._position_of:
                self.managers[position] = self._position_of[key]
            elif key in in_data:
                self.managers[position] = _IN_DATA - in_data[key]
            else:
                self.states[position] = RowState.MANAGER_UNKNOWN

    def _skip_reports_of_skipped_rows(self) -> None:
        """A row whose manager's row is not imported (and who is not in the data file
        either) is not imported: nobody could be its manager. Chains are followed to the end."""
        settled = bytearray(len(self))  # 0 not yet, 1 settled, 2 on the chain being followed
        for start in range(len(self)):
            chain = []
            position = start
            while not settled[position] and self._depends_on_manager_row(position):
                settled[position] = 2
                chain.append(position)
                position = self.managers[position]
            for report in reversed(chain):
                if self.states[self.managers[report]] != RowState.VALID:
                    self.states[report] = RowState.MANAGER_ROW_INVALID
                settled[report] = 1
            settled[position] = 1

    def _depends_on_manager_row(self, position: int) -> bool:
        manager = self.managers[position]
        return (
            self.states[position] == RowState.VALID
            and manager >= 0
            and not self.person_ids[manager]
        )

    def _find_loops(self, data_managers: array[int]) -> None:
        """Mark the rows whose new manager would close a loop of reporting lines.

        The lines after the import are the data file's, except for the rows that set a
        manager. Each person is one node: their id in the data file, or a number after the
        largest id for a new person.
        """
        new_base = len(data_managers)
        row_of_person = array("q", [-1]) * new_base
        setting = array("q", (p for p in range(len(self)) if self._sets_manager(p)))
        for position in setting:
            if self.person_ids[position]:
                row_of_person[self.person_ids[position]] = position

        def node(position: int) -> int:
            return self.person_ids[position] or new_base + position

        def row_at(at: int) -> int:
            return at - new_base if at >= new_base else row_of_person[at]

        def manager_of(at: int) -> int:
            position = row_at(at)
            if position >= 0 and self._sets_manager(position):
                reference = self.managers[position]
                return node(reference) if reference >= 0 else _IN_DATA - reference
            return data_managers[at] if at < new_base else 0

        colour = bytearray(new_base + len(self))  # 0 unseen, 1 on the current walk, 2 done
        for position in setting:
            walk: list[int] = []
            at = node(position)
            while at and not colour[at]:
                colour[at] = 1
                walk.append(at)
                at = manager_of(at)
            if at and colour[at] == 1:
                for member in walk[walk.index(at) :]:
                    looping = row_at(member)
                    if looping >= 0 and self._sets_manager(looping):
                        self.states[looping] = RowState.MANAGER_LOOP
            for member in walk:
                colour[member] = 2

    def _sets_manager(self, position: int) -> bool:
        return self.states[position] == RowState.VALID and self.managers[position] != NO_MANAGER

    def refuse(self, position: int) -> None:
        """The row's change breaks a rule found only when it is compared with the data."""
        if self.states[position] == RowState.VALID:
            self.states[position] = RowState.CHANGE_REFUSED
