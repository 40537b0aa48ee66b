"""The pairs list: filtered, sorted and paged in SQL for the pairs table, each row with
its sessions held and its health."""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import JOIN, SQL, chunked, fn

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.health import pair_health
from revmentor_desktop.domain.namesakes import LABEL_WIDTH, label_columns, label_from
from revmentor_desktop.domain.pairs.records import PairQuery, PairRow
from revmentor_desktop.domain.queries import (
    OrderedIds,
    as_date,
    contains_folded,
    id_list,
    sort_order,
)
from revmentor_desktop.domain.vocabulary import SessionStatus
from revmentor_desktop.storage.models import Cohort, Meeting, Pair, Person, database_proxy


def _held_sessions(aggregate: Any) -> Any:
    """A per-pair subquery over its held sessions, read from the (pair, status, starts_at)
    index: cheap for a page of pairs, and it needs no list of ids in the SQL."""
    return Meeting.select(aggregate).where(
        (Meeting.pair == Pair.id) & (Meeting.status == SessionStatus.HELD.value)
    )


def _sessions_held() -> Any:
    return _held_sessions(fn.COUNT(Meeting.id))


def last_held_at() -> Any:
    """When each pair last held a session, as a per-pair subquery (the list and Today)."""
    return _held_sessions(fn.MAX(Meeting.starts_at))


def _held_per_pair() -> Any:
    """Each pair's held sessions, counted, and the last one's time, from one grouped pass over
    the (status, pair, starts_at) index: to sort a whole list by them. A subquery per pair is
    as quick on a data file, but a server runs it once per pair, several times slower."""
    return (
        Meeting.select(
            Meeting.pair.alias("pair_id"),
            fn.COUNT(SQL("*")).alias("held"),  # not COUNT(id): the index holds no id
            fn.MAX(Meeting.starts_at).alias("last_held"),
        )
        .where(Meeting.status == SessionStatus.HELD.value)
        .group_by(Meeting.pair)
        .alias("held_sessions")
    )


def _filter_pairs(select: Any, query: PairQuery, mentor: Any, mentee: Any) -> Any:
    if query.cohort_id is not None:
        select = select.where(Pair.cohort == query.cohort_id)
    if query.status:
        select = select.where(Pair.status == query.status)
    if query.person_id is not None:
        select = select.where((Pair.mentor == query.person_id) | (Pair.mentee == query.person_id))
    if query.search.strip():
        select = select.where(
            contains_folded(mentor.search_key, query.search)
            | contains_folded(mentee.search_key, query.search)
        )
    return select


PAIR_SORT_KEYS = ("cohort", "mentor", "mentee", "status", "start_date", "sessions", "last_held")


def _sort_by(query: PairQuery) -> str:
    return query.sort_by if query.sort_by in PAIR_SORT_KEYS else "mentee"


def _ordered(select: Any, query: PairQuery, sort_key: Any) -> Any:
    return select.order_by(sort_order(sort_key, query.descending), Pair.id)


def _sort_column(sort_by: str, mentor: Any, mentee: Any, held: Any, last_held: Any) -> Any:
    """What ``sort_by`` sorts by, the sessions held and the last one's time given as the caller
    has them (joined, or a subquery per pair)."""
    return {
        "cohort": Cohort.name,
        "mentor": mentor.name,
        "mentee": mentee.name,
        "status": Pair.status,
        "start_date": Pair.start_date,
        "sessions": held,
        "last_held": last_held,
    }[sort_by]


def pair_ids(query: PairQuery | None = None) -> OrderedIds:
    """Ids of the matching pairs in the query's order. The search joins the people; the sort
    joins only what it sorts by, and the count none of that."""
    query = query or PairQuery()
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    searching = bool(query.search.strip())
    filtered = Pair.select(Pair.id)
    if searching:
        filtered = _join_partner(_join_partner(filtered, mentor, Pair.mentor), mentee, Pair.mentee)
    filtered = _filter_pairs(filtered, query, mentor, mentee)
    select, sort_key = _join_sort_key(filtered, _sort_by(query), mentor, mentee, searching)
    return OrderedIds.of_query(_ordered(select, query, sort_key), counted=filtered)


def _join_sort_key(
    select: Any, sort_by: str, mentor: Any, mentee: Any, people_joined: bool
) -> tuple[Any, Any]:
    """``select`` of pairs with what ``sort_by`` sorts by joined in, and that column."""
    held = _held_per_pair()
    if sort_by in ("sessions", "last_held"):
        select = select.join_from(Pair, held, JOIN.LEFT_OUTER, on=(held.c.pair_id == Pair.id))
    elif sort_by == "cohort":
        select = select.join_from(Pair, Cohort, on=(Pair.cohort == Cohort.id))
    elif sort_by in ("mentor", "mentee") and not people_joined:
        partner = mentor if sort_by == "mentor" else mentee
        select = _join_partner(select, partner, getattr(Pair, sort_by))
    held_count = fn.COALESCE(held.c.held, 0)
    return select, _sort_column(sort_by, mentor, mentee, held_count, held.c.last_held)


def _join_partner(select: Any, person: Any, link: Any) -> Any:
    """``select`` of pairs with ``person`` (the mentor's or mentee's alias) joined by ``link``."""
    return select.join_from(Pair, person, on=(link == person.id))


def _pair_rows_select(mentor: Any, mentee: Any) -> Any:
    """Everything a pair's row shows, the people's labels last (``_row`` reads them there)."""
    return (
        Pair.select(
            Pair.id,
            Pair.cohort,
            Cohort.name,
            Pair.direction,
            Pair.status,
            Pair.start_date,
            Pair.end_date,
            _sessions_held(),
            last_held_at(),
            Pair.agreement_signed,
            Cohort.cadence_days,
            *label_columns(mentor),
            *label_columns(mentee),
        )
        .join(Cohort, on=(Pair.cohort == Cohort.id))
        .switch(Pair)
        .join(mentor, on=(Pair.mentor == mentor.id))
        .switch(Pair)
        .join(mentee, on=(Pair.mentee == mentee.id))
        .switch(Pair)
    )


_MENTOR_LABEL = 11  # where the mentor's label columns start in ``_pair_rows_select``
_MENTEE_LABEL = _MENTOR_LABEL + LABEL_WIDTH


def _row(values: tuple[Any, ...], today: date) -> PairRow:
    pair_id, cohort_id, cohort_name, direction, status, start, end, held, last, signed, cadence = (
        values[:_MENTOR_LABEL]
    )
    mentor, mentee = values[_MENTOR_LABEL:_MENTEE_LABEL], values[_MENTEE_LABEL:]
    start_date, last_held = as_date(start), as_date(last)
    return PairRow(
        id=pair_id,
        cohort_id=cohort_id,
        cohort_name=cohort_name,
        mentor_id=mentor[0],
        mentor_name=label_from(mentor),
        mentee_id=mentee[0],
        mentee_name=label_from(mentee),
        direction=direction,
        status=status,
        start_date=start_date,
        end_date=as_date(end),
        sessions_held=held,
        last_held=last_held,
        agreement_signed=as_date(signed),
        cadence_days=cadence,
        health=pair_health(status, start_date, last_held, cadence, today),
    )


def list_pairs(query: PairQuery | None = None, clock: Clock = system_clock) -> list[PairRow]:
    """Pairs matching ``query`` with their health and labels, filtered and sorted in SQL, in
    one query."""
    query = query or PairQuery()
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    select = _filter_pairs(_pair_rows_select(mentor, mentee), query, mentor, mentee)
    today = clock().date()
    sort_key = _sort_column(_sort_by(query), mentor, mentee, _sessions_held(), last_held_at())
    cursor = database_proxy.execute(_ordered(select, query, sort_key))
    return [_row(values, today) for values in cursor.fetchall()]


def pair_rows(ids: list[int], clock: Clock = system_clock) -> dict[int, PairRow]:
    """List rows of the given pairs, by id, with their health on the clock's date."""
    today = clock().date()
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    rows: dict[int, PairRow] = {}
    for chunk in chunked(ids, 500):
        select = _pair_rows_select(mentor, mentee).where(Pair.id.in_(id_list(chunk)))
        for values in database_proxy.execute(select).fetchall():
            rows[values[0]] = _row(values, today)
    return rows
