"""The mark of a change that undo cannot reverse: an import of people, an erasure.

Undo snapshots taken before such a change describe rows the change rewrote (or hold personal
data that must be gone), so undoing them afterwards would mix two states of the file or bring
erased data back. Operations of that kind hand this mark back with their result; whoever keeps
the history of edits drops it on seeing the mark.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IrreversibleChange:
    description: str  # what happened, e.g. "Import people"
