"""Writing what the domain exports: the data as CSV or JSON, and sessions as a calendar.

The domain builds the bytes from the open database; the file is written here, atomically, so a
full disk or a crash never leaves half a file under the chosen name.
"""

from __future__ import annotations

from pathlib import Path

from revmentor_desktop.domain import exporting
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.storage.files import write_atomically


def export(kind: str, destination: Path, include_private: bool = False) -> Path:
    """Write ``kind`` (people, cohorts, pairs, sessions or all) to ``destination``."""
    return write_atomically(Path(destination), exporting.export_bytes(kind, include_private))


def write_calendar(
    destination: Path,
    pair_id: int | None = None,
    cohort_id: int | None = None,
    zone_name: str | None = None,
    clock: Clock = system_clock,
) -> int:
    """Write the .ics; returns how many sessions it holds."""
    from revmentor_desktop.domain import calendar  # icalendar is heavy: load it when used

    built = calendar.build_calendar(pair_id, cohort_id, zone_name, clock)
    write_atomically(Path(destination), built.to_ical())
    return len(built.walk("VEVENT"))
