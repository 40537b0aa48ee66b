"""The sessions list: filtered and sorted in SQL, joining only the tables a query needs, the
rows of a page read by id, and a person's session counts."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from peewee import Case, chunked, fn

from revmentor_desktop.domain.namesakes import LABEL_WIDTH, label_columns, label_from
from revmentor_desktop.domain.queries import (
    OrderedIds,
    as_datetime,
    contains_folded,
    id_list,
    sort_order,
)
from revmentor_desktop.domain.sessions.records import PersonSessions, SessionQuery, SessionRow
from revmentor_desktop.domain.vocabulary import SessionStatus
from revmentor_desktop.storage.counting import count_where
from revmentor_desktop.storage.models import Cohort, Meeting, Pair, Person, database_proxy


def _session_select(query: SessionQuery, mentor: Any, mentee: Any) -> Any:
    select = (
        Meeting.select(
            Meeting.id,
            Meeting.pair,
            Cohort.name,
            Meeting.starts_at,
            Meeting.duration_minutes,
            Meeting.meeting_format,
            Meeting.status,
            Meeting.cancelled_by,
            Meeting.topics,
            *label_columns(mentor),
            *label_columns(mentee),
        )
        .join(Pair, on=(Meeting.pair == Pair.id))
        .join(Cohort, on=(Pair.cohort == Cohort.id))
        .switch(Pair)
        .join(mentor, on=(Pair.mentor == mentor.id))
        .switch(Pair)
        .join(mentee, on=(Pair.mentee == mentee.id))
    )
    return _filter_sessions(select, query, mentor, mentee)


def _sort_keys(mentor: Any, mentee: Any) -> dict[str, Any]:
    return {
        "starts_at": Meeting.starts_at,
        "cohort": Cohort.name,
        "mentor": mentor.name,
        "mentee": mentee.name,
        "duration": Meeting.duration_minutes,
        "format": Meeting.meeting_format,
        "status": Meeting.status,
    }


def _filter_sessions(select: Any, query: SessionQuery, mentor: Any, mentee: Any) -> Any:
    if query.pair_id is not None:
        select = select.where(Meeting.pair == query.pair_id)
    if query.cohort_id is not None:
        select = select.where(Pair.cohort == query.cohort_id)
    if query.person_id is not None:
        select = select.where((Pair.mentor == query.person_id) | (Pair.mentee == query.person_id))
    if query.status:
        select = select.where(Meeting.status == query.status)
    if query.date_from is not None:
        select = select.where(Meeting.starts_at >= datetime.combine(query.date_from, time.min))
    if query.date_to is not None:
        select = select.where(Meeting.starts_at <= datetime.combine(query.date_to, time.max))
    if query.search.strip():
        select = select.where(
            contains_folded(mentor.search_key, query.search)
            | contains_folded(mentee.search_key, query.search)
            | Meeting.topics.contains(query.search.strip())
        )
    return select


def session_ids(query: SessionQuery | None = None) -> OrderedIds:
    """Ids of matching sessions in the query's order; filtered and sorted in SQL.

    Only the tables the filters and the sort need are joined, and the count joins none the
    sort alone needs: on 100,000 sessions the difference is several times the whole budget of
    a keystroke.
    """
    query = query or SessionQuery()
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    filter_needs = _tables_for_filter(query)
    sort_needs = _SORT_NEEDS.get(query.sort_by, frozenset())

    def joined(needed: frozenset[str]) -> Any:
        select = _join_needed(Meeting.select(Meeting.id), needed, mentor, mentee)
        return _filter_sessions(select, query, mentor, mentee)

    ordered = _ordered(joined(filter_needs | sort_needs), query, mentor, mentee)
    return OrderedIds.of_query(ordered, counted=joined(filter_needs))


_SORT_NEEDS = {
    "cohort": frozenset({"pair", "cohort"}),
    "mentor": frozenset({"pair", "mentor"}),
    "mentee": frozenset({"pair", "mentee"}),
}


def _tables_for_filter(query: SessionQuery) -> frozenset[str]:
    if query.search.strip():
        return frozenset({"pair", "mentor", "mentee"})
    if query.cohort_id is not None or query.person_id is not None:
        return frozenset({"pair"})
    return frozenset()


def _join_needed(select: Any, needed: frozenset[str], mentor: Any, mentee: Any) -> Any:
    """``select`` of sessions with the ``needed`` tables joined: "pair", "cohort", "mentor",
    "mentee" (each of the last three needs "pair")."""
    if "pair" in needed:
        select = select.join_from(Meeting, Pair, on=(Meeting.pair == Pair.id))
    if "cohort" in needed:
        select = select.join_from(Pair, Cohort, on=(Pair.cohort == Cohort.id))
    if "mentor" in needed:
        select = select.join_from(Pair, mentor, on=(Pair.mentor == mentor.id))
    if "mentee" in needed:
        select = select.join_from(Pair, mentee, on=(Pair.mentee == mentee.id))
    return select


def _ordered(select: Any, query: SessionQuery, mentor: Any, mentee: Any) -> Any:
    column = _sort_keys(mentor, mentee).get(query.sort_by, Meeting.starts_at)
    return select.order_by(sort_order(column, query.descending), Meeting.id)


_MENTOR_LABEL = 9  # where the mentor's label columns start in ``_session_select``
_MENTEE_LABEL = _MENTOR_LABEL + LABEL_WIDTH


def _row(values: tuple[Any, ...]) -> SessionRow:
    session_id, pair_id, cohort_name, starts_at, minutes, meeting_format, status, by, topics = (
        values[:_MENTOR_LABEL]
    )
    return SessionRow(
        id=session_id,
        pair_id=pair_id,
        cohort_name=cohort_name,
        mentor_name=label_from(values[_MENTOR_LABEL:_MENTEE_LABEL]),
        mentee_name=label_from(values[_MENTEE_LABEL:]),
        starts_at=as_datetime(starts_at),
        duration_minutes=minutes,
        meeting_format=meeting_format,
        status=status,
        cancelled_by=by,
        topics=_topics(topics),
    )


def _topics(value: object) -> list[str]:
    """Rows read straight from the cursor hold the JSON text; peewee's tuples the list."""
    if isinstance(value, list):
        return [str(item) for item in value]
    return Meeting.topics.python_value(value)


def session_rows(ids: list[int]) -> dict[int, SessionRow]:
    mentor, mentee = Person.alias("mentor"), Person.alias("mentee")
    rows: dict[int, SessionRow] = {}
    for chunk in chunked(ids, 500):
        select = _session_select(SessionQuery(), mentor, mentee).where(
            Meeting.id.in_(id_list(chunk))
        )
        for values in database_proxy.execute(select).fetchall():
            rows[values[0]] = _row(values)
    return rows


def list_sessions(query: SessionQuery | None = None) -> list[SessionRow]:
    """Sessions matching ``query``, with the people's labels, filtered and sorted in SQL, in
    one query."""
    query = query or SessionQuery()
    mentor, mentee = Person.alias("mentor"), Person.alias("mentee")
    select = _session_select(query, mentor, mentee)
    cursor = database_proxy.execute(_ordered(select, query, mentor, mentee))
    return [_row(values) for values in cursor.fetchall()]


def person_sessions(person_id: int) -> PersonSessions:
    """A person's session counts, counted in SQL rather than by listing every session."""
    select = (
        Meeting.select(
            count_where(Meeting.status == SessionStatus.HELD.value),
            count_where(Meeting.status == SessionStatus.PLANNED.value),
            fn.MAX(Case(None, [(Meeting.status == SessionStatus.HELD.value, Meeting.starts_at)])),
        )
        .join(Pair, on=(Meeting.pair == Pair.id))
        .where((Pair.mentor == person_id) | (Pair.mentee == person_id))
    )
    held, planned, last_held = database_proxy.execute(select).fetchone()
    return PersonSessions(held or 0, planned or 0, as_datetime(last_held) if last_held else None)
