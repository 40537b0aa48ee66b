"""What this computer says about itself that the data cannot: its time zone.

Kept apart from the domain, which reasons on the data only and reads no system files.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

TIME_ZONE_FILE = Path("/etc/timezone")
LOCAL_TIME_LINK = Path("/etc/localtime")


def time_zone_names() -> list[str]:
    """The IANA zone names this computer gives for itself, most telling first: ``TZ``, then
    Debian's /etc/timezone, then the zone /etc/localtime links to. Some may be empty."""
    names = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        names.append(TIME_ZONE_FILE.read_text(encoding="utf-8").strip())
    with contextlib.suppress(OSError):
        target = str(LOCAL_TIME_LINK.resolve())
        if "zoneinfo/" in target:
            names.append(target.split("zoneinfo/", 1)[1])
    return names
