"""The people list: filtered and sorted in SQL (a sort by pairs or cohorts joins them in
from one grouped pass), and the rows of a page read by id."""

from __future__ import annotations

from typing import Any

from peewee import JOIN, SQL, Select, chunked, fn

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.namesakes import LABEL_WIDTH, label_columns, label_from
from revmentor_desktop.domain.people.records import PeopleQuery, PersonRow
from revmentor_desktop.domain.queries import (
    OrderedIds,
    as_date,
    contains_folded,
    fetch_ids,
    id_list,
    sort_order,
)
from revmentor_desktop.storage.models import Cohort, Pair, Participation, Person, database_proxy


def _open_pair_count() -> Any:
    """How many open pairs a person is in, as an expression of a query for a page of rows.

    Two counts, each answered from its own index; to sort a whole list by it,
    ``_join_open_pair_counts``."""
    is_open = Pair.status.in_(cohorts.OPEN_STATUSES)
    as_mentor = Pair.select(fn.COUNT(Pair.id)).where((Pair.mentor == Person.id) & is_open)
    as_mentee = Pair.select(fn.COUNT(Pair.id)).where((Pair.mentee == Person.id) & is_open)
    return fn.COALESCE(as_mentor, 0) + fn.COALESCE(as_mentee, 0)


def _open_pair_partners() -> Any:
    """The partners of every open pair (a person once per open pair), as ``person_id``."""
    is_open = Pair.status.in_(cohorts.OPEN_STATUSES)
    as_mentor = Pair.select(Pair.mentor.alias("person_id")).where(is_open)
    return as_mentor + Pair.select(Pair.mentee.alias("person_id")).where(is_open)  # UNION ALL


NEWEST_COHORT_FIRST = (Cohort.start_date.desc(nulls="LAST"), Cohort.id.desc())


def _cohorts_newest_first(name: str) -> Any:
    """The cohorts that are not archived, each with its ``place`` among them (1: the newest),
    as a table named ``name``."""
    place = fn.ROW_NUMBER().over(order_by=list(NEWEST_COHORT_FIRST))
    return (
        Cohort.select(Cohort.id, Cohort.name, place.alias("place"))
        .where(Cohort.archived == False)  # noqa: E712
        .alias(name)
    )


# Sorting the whole list by something of each person's pairs or cohorts joins it in from one
# grouped pass over all pairs or enrolments. A subquery per person is as fast on a data file,
# but a server runs it once per person, ten to thirty times slower on 10,000 people.


def _join_open_pair_counts(select: Any) -> tuple[Any, Any]:
    """``select`` with each person's number of open pairs, and that number to sort by."""
    partners = _open_pair_partners().alias("partner")
    counts = (
        Select([partners], [partners.c.person_id, fn.COUNT(SQL("*")).alias("open_pairs")])
        .group_by(partners.c.person_id)
        .alias("open_pair_count")
    )
    joined = select.join_from(Person, counts, JOIN.LEFT_OUTER, on=(counts.c.person_id == Person.id))
    return joined, fn.COALESCE(counts.c.open_pairs, 0)


def _join_newest_enrolment(select: Any, sort_by: str) -> tuple[Any, Any]:
    """``select`` with each person's newest enrolment in a cohort that is not archived, and
    what ``sort_by`` sorts by: the cohort's name ("cohort") or the role in it ("role")."""
    ranked = _cohorts_newest_first("ranked")
    newest = (
        Participation.select(
            Participation.person.alias("person_id"), fn.MIN(ranked.c.place).alias("place")
        )
        .join(ranked, on=(ranked.c.id == Participation.cohort))
        .group_by(Participation.person)
        .alias("newest")
    )
    cohort = _cohorts_newest_first("newest_cohort")
    joined = select.join_from(
        Person, newest, JOIN.LEFT_OUTER, on=(newest.c.person_id == Person.id)
    ).join_from(newest, cohort, JOIN.LEFT_OUTER, on=(cohort.c.place == newest.c.place))
    if sort_by == "cohort":
        return joined, cohort.c.name
    enrolment = Participation.alias("enrolment")
    in_newest = (enrolment.person == Person.id) & (enrolment.cohort == cohort.c.id)
    return joined.join_from(cohort, enrolment, JOIN.LEFT_OUTER, on=in_newest), enrolment.role


PEOPLE_SORT_COLUMNS = {
    "name": Person.name,
    "email": Person.email_key,
    "department": Person.department,
    "job_title": Person.job_title,
    "grade": Person.grade,
    "hire_date": Person.hire_date,
    "location": Person.location,
    "consent": Person.consent_date,
}
# Sort keys that join in what they sort by.
PEOPLE_JOINED_SORT_KEYS = {
    "cohort": lambda select: _join_newest_enrolment(select, "cohort"),
    "role": lambda select: _join_newest_enrolment(select, "role"),
    "paired": _join_open_pair_counts,
}


def _filtered_people(query: PeopleQuery) -> Any:
    select = Person.select(Person.id)
    if not query.include_archived:
        select = select.where(Person.archived == False)  # noqa: E712
    if query.search.strip():
        select = select.where(contains_folded(Person.search_key, query.search))
    if query.department:
        select = select.where(Person.department == query.department)
    if query.cohort_id is not None:
        enrolled = Participation.select(Participation.person).where(
            Participation.cohort == query.cohort_id
        )
        select = select.where(Person.id.in_(enrolled))
    if query.paired is not None:
        partners = _open_pair_partners()
        in_pair = Person.id.in_(partners) if query.paired else Person.id.not_in(partners)
        select = select.where(in_pair)
    return select


def _ordered_people(query: PeopleQuery, filtered: Any) -> Any:
    """``filtered`` in the order ``query`` asks for; people who tie in the order added."""
    if query.sort_by in PEOPLE_JOINED_SORT_KEYS:
        select, sort_key = PEOPLE_JOINED_SORT_KEYS[query.sort_by](filtered)
        order = sort_order(sort_key, query.descending, outer_joined=True)
    else:
        select, sort_key = filtered, PEOPLE_SORT_COLUMNS.get(query.sort_by, Person.name)
        order = sort_order(sort_key, query.descending)
    return select.order_by(order, Person.id)


def people_ids(query: PeopleQuery | None = None) -> OrderedIds:
    """Ids of the people matching ``query``, in its sort order (filtered and sorted in SQL)."""
    query = query or PeopleQuery()
    filtered = _filtered_people(query)
    return OrderedIds.of_query(_ordered_people(query, filtered), counted=filtered)


def people_rows(ids: list[int]) -> dict[int, PersonRow]:
    """List rows for the given people, by id (a view asks for the rows it shows)."""
    manager = Person.alias("manager")
    rows: dict[int, PersonRow] = {}
    for chunk in chunked(ids, 500):
        select = (
            Person.select(
                *label_columns(),
                fn.COALESCE(manager.name, "").alias("manager_name"),
                Person.grade,
                Person.hire_date,
                Person.location,
                Person.consent_date,
                Person.archived,
                _open_pair_count(),
            )
            .join(manager, JOIN.LEFT_OUTER, on=(Person.manager == manager.id))
            .where(Person.id.in_(id_list(chunk)))
        )
        taking_part = _enrolments(chunk)
        for row in database_proxy.execute(select).fetchall():
            person_id, name, department, job_title, email, _shared = row[:LABEL_WIDTH]
            (manager_name, grade, hire_date, location, consent_date, archived, open_pairs) = row[
                LABEL_WIDTH:
            ]
            names, roles = taking_part.get(person_id, ((), ()))
            rows[person_id] = PersonRow(
                id=person_id,
                name=name,
                label=label_from(row[:LABEL_WIDTH]),
                email=email or "",
                department=department,
                job_title=job_title,
                manager_name=manager_name,
                grade=grade,
                hire_date=as_date(hire_date),
                location=location,
                has_consent=consent_date is not None,
                archived=bool(archived),
                cohorts=", ".join(names),
                roles=", ".join(dict.fromkeys(roles)),  # "Mentee", not "Mentee, Mentee"
                open_pairs=open_pairs,
            )
    return rows


def _enrolments(person_ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    """Cohort names and role labels of each person's enrolments (not archived), newest first:
    one query for a batch of people."""
    select = (
        Participation.select(
            Participation.person,
            Participation.role,
            Cohort.name,
            Cohort.mentor_label,
            Cohort.mentee_label,
        )
        .join(Cohort)
        .where(Participation.person.in_(id_list(person_ids)))
        .where(Cohort.archived == False)  # noqa: E712
        .order_by(*NEWEST_COHORT_FIRST)
    )
    found: dict[int, tuple[list[str], list[str]]] = {}
    for person_id, role, name, mentor_label, mentee_label in database_proxy.execute(select):
        names, roles = found.setdefault(person_id, ([], []))
        names.append(name)
        roles.append(cohorts.role_label(role, mentor_label, mentee_label))
    return found


def list_people(query: PeopleQuery | None = None) -> list[PersonRow]:
    query = query or PeopleQuery()
    ids = fetch_ids(_ordered_people(query, _filtered_people(query)))
    rows = people_rows(ids)
    return [rows[person_id] for person_id in ids]


def departments() -> list[str]:
    query = (
        Person.select(Person.department)
        .where(Person.department != "")
        .distinct()
        .order_by(Person.department)
    )
    return [row[0] for row in query.tuples()]
