"""The last few results of a costly computation on the data, kept while the data is unchanged.

Each result is kept with the data source's version as it was before the result was worked out
(``storage.changes.data_version``), and all are dropped as soon as that version moves: a change
anyone makes, in this window, in a command beside it or by another coordinator on a server,
shows in the next result. Nothing is kept on disk, and inside a transaction (changes not yet
committed) every result is worked out afresh.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from revmentor_desktop.storage.changes import data_version

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Remembered(Generic[K, V]):
    """Up to ``size`` results by key, the least recently used dropped first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._version: Hashable | None = None
        self._results: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, work_out: Callable[[], V]) -> V:
        """The result for ``key``: the one kept, if the data has not changed since, else
        ``work_out()`` (kept for next time)."""
        version = data_version()  # before working out: a change made meanwhile shows next time
        if version is None:
            return work_out()
        if version != self._version:
            self._results.clear()
            self._version = version
        elif key in self._results:
            self._results.move_to_end(key)
            return self._results[key]
        result = work_out()
        self._results[key] = result
        if len(self._results) > self.size:
            self._results.popitem(last=False)
        return result

    def replace(self, old: V, new: V) -> None:
        """Keep ``new`` instead of ``old`` (the same result, completed since), if the data has
        not changed since ``old`` was worked out."""
        if data_version() != self._version:
            return
        for key, value in self._results.items():
            if value is old:
                self._results[key] = new

    def forget(self) -> None:
        """Drop every kept result (the next ones are worked out afresh)."""
        self._results.clear()
        self._version = None
