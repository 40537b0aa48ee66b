"""The references the speed goals are judged against (``goals.py``), measured in the same run
on the data file open: what SQLite alone takes to read the rows a list or a figure is drawn
from, the least the app's work on them can cost."""

from __future__ import annotations

from bench_outcomes import best_of  # the same best-of-several timing

from revmentor_desktop.storage.models import database_proxy


def _reading(sql: str) -> tuple[float, float]:
    """Seconds on the clock and in processor time, the least of several runs of ``sql``."""
    return best_of(lambda: database_proxy.execute_sql(sql).fetchall())


def reading_every_session() -> tuple[float, float]:
    """Every session read once (their minutes summed)."""
    return _reading("SELECT SUM(duration_minutes) FROM session")


def reading_every_person() -> tuple[float, float]:
    """Every person's listed text read once (name, department, job title)."""
    return _reading("SELECT name, department, job_title FROM person")
