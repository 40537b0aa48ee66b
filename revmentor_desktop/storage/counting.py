"""Counts the report data needs that SQL expresses differently on each store: a session's
month, and the topics held inside each session's JSON list. Only this module knows how each
store says them: SQLite with ``substr`` on the stored text and ``json_each``, PostgreSQL with
``to_char`` on its timestamp and ``json_array_elements_text``."""

from __future__ import annotations

from peewee import Field, Function, PostgresqlDatabase, fn

from revmentor_desktop.storage.models import Meeting, database_proxy


def _on_server() -> bool:
    return isinstance(database_proxy.obj, PostgresqlDatabase)


def year_month(field: Field) -> Function:
    """``field`` (a stored date-time) as its "YYYY-MM" month, to group by."""
    if _on_server():
        return fn.to_char(field, "YYYY-MM")
    return fn.substr(field, 1, 7)


def topic_counts(cohort_id: int, status: str) -> dict[str, int]:
    """How often each topic comes up among the cohort's sessions with ``status``."""
    mark = database_proxy.param
    each_topic = (
        "json_array_elements_text(session.topics::json) AS topic(value)"
        if _on_server()
        else "json_each(session.topics) AS topic"
    )
    cursor = Meeting._meta.database.execute_sql(
        "SELECT topic.value, COUNT(*) FROM session "
        f"JOIN pair ON session.pair_id = pair.id, {each_topic} "
        f"WHERE pair.cohort_id = {mark} AND session.status = {mark} "
        "GROUP BY topic.value",
        (cohort_id, status),
    )
    return {str(name): int(count) for name, count in cursor}
