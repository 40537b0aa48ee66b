"""Python's cycle collector held off while figures are summed from tens of thousands of rows.

Each row read and each count kept is a new object, and every few hundred new objects the
collector walks what is alive to look for cycles: in the window, with Qt and the charts'
objects alive, those walks took a third of the programme figures' time. The figures make no
cycles worth collecting mid-way, so the collector waits until they are done, then runs as
usual: nothing is leaked, and it is off only for as long as the figures are being counted.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection inside the block; back on after it if it was on before (so nested
    or overlapping blocks leave it as they found it)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
