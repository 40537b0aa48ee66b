"""Counts the report data needs that SQL expresses differently on each store: a session's
month, and the topics held inside each session's JSON list. Only this module knows the SQLite
way (``substr`` on the stored text, ``json_each``); a server store gives its own."""

from __future__ import annotations

from peewee import Field, Function, fn

from revmentor_desktop.storage.models import Meeting


def year_month(field: Field) -> Function:
    """``field`` (a stored date-time) as its "YYYY-MM" month, to group by."""
    return fn.substr(field, 1, 7)


def topic_counts(cohort_id: int, status: str) -> dict[str, int]:
    """How often each topic comes up among the cohort's sessions with ``status``."""
    cursor = Meeting._meta.database.execute_sql(
        "SELECT topic.value, COUNT(*) FROM session "
        "JOIN pair ON session.pair_id = pair.id, json_each(session.topics) AS topic "
        "WHERE pair.cohort_id = ? AND session.status = ? "
        "GROUP BY topic.value",
        (cohort_id, status),
    )
    return {str(name): int(count) for name, count in cursor}
