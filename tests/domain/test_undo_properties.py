"""Undo cannot miss a row: any sequence of edits, undone and then redone, leaves every table
exactly as it was (compared as stored, column by column).

Each example builds its own data file with a small programme, then applies random edits
through ``domain/edits``. An edit the rules refuse changes nothing and is left out.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revmentor_desktop.domain import (
    cohorts,
    edits,
    importing,
    pairs,
    people,
    programme_settings,
    sessions,
)
from revmentor_desktop.domain.cohorts import CohortDraft, Enrolment
from revmentor_desktop.domain.edits import Edit
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.matching import constraints
from revmentor_desktop.domain.matching.rules import Rule, Weight
from revmentor_desktop.domain.matching.workflow import accept_edit
from revmentor_desktop.domain.pairs import GoalDraft, PairDraft
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.domain.sessions import SessionDraft
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import (
    ALL_MODELS,
    Cohort,
    Meeting,
    Pair,
    Person,
    database_proxy,
)
from tests.helpers.random_programmes import NOW, TAGS

ROLES = ["mentor", "mentee", "both"]
PAIR_ACTIONS = ["activate", "pause", "resume", "complete", "end_early"]


def clock() -> datetime:
    return NOW


Dump = dict[str, list[tuple[Any, ...]]]


def dump_tables() -> Dump:
    """Every table's rows as SQLite stores them, but for the row versions: those count every
    change, undo and redo included (so another coordinator's later change is never undone)."""
    dump = {}
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = ", ".join(
            f'"{field.column_name}"'
            for field in model._meta.sorted_fields
            if field.column_name != "version"
        )
        cursor = database_proxy.execute_sql(f'SELECT {columns} FROM "{table}" ORDER BY 1')
        dump[table] = list(cursor.fetchall())
    return dump


def seed_programme() -> None:
    """A manager and five people, all but one in a cohort; a pair with a goal and a session;
    a lock and a ban: something for every kind of edit to reach."""
    boss = people.add_person(PersonDraft("Grace", teaches=["COBOL"]), clock)
    names = ["Ada", "Bob", "Cyd", "Dee", "Eve"]
    team = [
        people.add_person(PersonDraft(name, manager_id=boss, learns=TAGS[index:]), clock)
        for index, name in enumerate(names)
    ]
    cohort = cohorts.add_cohort(CohortDraft("Reverse 2026"), clock)
    for person in team[:-1]:
        cohorts.enrol(cohort, person, "both", 3)
    ada, bob, cyd = team[:3]
    pair = pairs.create_pair(PairDraft(cohort, ada, bob, goals=[GoalDraft("Post weekly")]), clock)
    sessions.add_session(SessionDraft(pair, NOW - timedelta(days=3), status="held"), clock)
    constraints.lock_pair(cohort, cyd, boss)
    constraints.forbid_pair(cohort, ada, cyd)


@dataclass(frozen=True)
class Step:
    """One random edit: which kind, and numbers that pick its rows and values."""

    kind: str
    picks: tuple[int, int, int]


def ids(model: Any) -> list[int]:
    return [row[0] for row in model.select(model.id).order_by(model.id).tuples()]


def pick(model: Any, number: int) -> int:
    found = ids(model)
    return found[number % len(found)] if found else 0


def person_draft(number: int, manager: int | None) -> PersonDraft:
    return PersonDraft(
        f"Person {number}",
        email=f"p{number}@example.org" if number % 3 else "",
        department=["Web", "Research", ""][number % 3],
        manager_id=manager,
        grade=number % 5 or None,
        teaches=TAGS[number % 4 : number % 4 + 1],
        learns=TAGS[(number + 1) % 4 : (number + 1) % 4 + number % 2 + 1],
    )


def pair_draft(cohort: int, mentor: int, mentee: int, number: int) -> PairDraft:
    return PairDraft(cohort, mentor, mentee, **pair_details(number))


def pair_details(number: int) -> dict[str, Any]:
    return {
        "focus_areas": TAGS[: number % 3],
        "goals": [GoalDraft(f"Goal {index}", index * 10) for index in range(number % 3)],
        "coordinator_notes": f"Note {number}",
    }


def participant(cohort: int, number: int) -> int:
    enrolled = [row.person_id for row in cohorts.list_participants(cohort)]
    return enrolled[number % len(enrolled)] if enrolled else 0


def session_draft(pair: int, number: int) -> SessionDraft:
    return SessionDraft(
        pair,
        NOW - timedelta(days=number % 20),
        status="held",
        topics=TAGS[number % 4 :],
        notes=f"Notes {number}",
    )


def enrolments(cohort: int | None, person: int, other: int, number: int) -> list[Enrolment]:
    """The cohort's participants with ``person`` enrolled (or changed) and, when ``number`` is
    odd, ``other`` withdrawn."""
    saved = (cohorts.get_cohort(cohort).participants or []) if cohort else []
    leaving = {person, other} if number % 2 else {person}
    kept = [item for item in saved if item.person_id not in leaving]
    return [*kept, Enrolment(person, ROLES[number % 3], 1 + number % 3)]


def change_settings(a: int, c: int) -> Edit:
    """Organisation, threshold, one clause's wording and some weights, as the dialog would."""
    old = programme_settings.load()
    key = sorted(old.clauses)[c % len(old.clauses)]
    rule = [Rule.SKILLS, Rule.DEPARTMENT, Rule.LOCATION][a % 3]
    weight = [Weight.HIGH, Weight.LOW, Weight.OFF][c % 3]
    new = old.with_clause(replace(old.clauses[key], body=f"Wording {c}"))
    new = new.with_weight(list(CohortKind)[c % 3], rule, weight)
    if old.cohorts:
        cohort = old.cohorts[a % len(old.cohorts)]
        new = new.with_cohort(replace(cohort, own={**cohort.own, rule: weight}))
    new = replace(new, organisation_name=f"Organisation {a}", anonymity_threshold=3 + c % 10)
    return edits.change_settings(old, new)


def import_people(a: int, b: int, c: int) -> Edit | None:
    """A small staff list: people who may be in the file already (by e-mail) and a new one,
    each with a role, enrolled in an existing cohort or a new one; problem rows skipped."""
    rows = [
        f"Person {number},p{number}@example.org,{['Web', 'Sales'][number % 2]},{ROLES[number % 3]}"
        for number in (a, b)
    ]
    rows.append(f"New {c},new{c}@example.org,Research,{ROLES[c % 3]}")
    table = importing.read_table("\n".join(["Name,Email,Department,Role", *rows]).encode())
    cohort = "Reverse 2026" if c % 2 else f"Import {c}"
    options = importing.ImportOptions(cohort_name=cohort, today=NOW.date())
    plan = importing.build_plan(table, importing.initial_mapping(table.headers), options)
    recorded = edits.import_people(plan, None, skip_invalid=True, clock=clock)
    return recorded.change if isinstance(recorded.change, Edit) else None


def make_edit(step: Step) -> Edit | None:
    a, b, c = step.picks
    person, other = pick(Person, a), pick(Person, b)
    cohort, pair, meeting = pick(Cohort, a), pick(Pair, b), pick(Meeting, c)
    makers: dict[str, Callable[[], Edit | None]] = {
        "add person": lambda: edits.add_person(person_draft(c, person or None), clock),
        "update person": lambda: edits.update_person(person, person_draft(c, other), clock),
        "archive": lambda: edits.set_archived([person, other], bool(c % 2)),
        "delete person": lambda: edits.delete_person(person),
        "add cohort": lambda: edits.add_cohort(CohortDraft(f"Cohort {c}"), clock),
        "update cohort": lambda: edits.update_cohort(
            cohort, CohortDraft(f"Cohort {c}", start_date=date(2026, 1, 1 + c % 28))
        ),
        "enrol": lambda: edits.enrol(pick(Cohort, c), [person, other], ROLES[c % 3], 1 + c % 3),
        "withdraw": lambda: edits.withdraw(pick(Cohort, c), person),
        "create pair": lambda: edits.create_pair(
            pair_draft(cohort, participant(cohort, a), participant(cohort, b), c), clock
        ),
        "update pair": lambda: edits.update_pair(
            pair, replace(pairs.get_pair(pair), **pair_details(c))
        ),
        "pair status": lambda: edits.change_pair_status(pair, PAIR_ACTIONS[c % 5], "Moved", clock),
        "delete pair": lambda: edits.delete_pair(pair),
        "add session": lambda: edits.add_session(session_draft(pair, c), clock),
        "update session": lambda: edits.update_session(
            meeting, session_draft(pick(Pair, a), c), clock
        ),
        "delete sessions": lambda: edits.delete_sessions([meeting, pick(Meeting, a)]),
        "lock and forbid": lambda: accept_edit(
            cohort, [], locked=[(person, other)], forbidden=[(other, pick(Person, c))]
        ),
        "add cohort with participants": lambda: edits.add_cohort(
            CohortDraft(f"Cohort {c}", participants=enrolments(None, person, other, c)), clock
        ),
        "save participants": lambda: edits.update_cohort(
            cohort,
            replace(cohorts.get_cohort(cohort), participants=enrolments(cohort, person, other, c)),
        ),
        "archive cohort": lambda: edits.set_cohort_archived(cohort, bool(c % 2)),
        "delete cohort": lambda: edits.delete_cohort(cohort),
        "activate from a date": lambda: edits.change_pair_status(
            pair, "activate", clock=clock, start_date=date(2026, 1, 1 + c % 28)
        ),
        "log a session before the start": lambda: edits.add_session(
            replace(session_draft(pair, c), starts_at=datetime(2025, 12, 1 + c % 28, 9)),
            clock,
            move_pair_start=True,
        ),
        "change settings": lambda: change_settings(a, c),
        "import people": lambda: import_people(a, b, c),
    }
    return makers[step.kind]()


KINDS = [
    "add person",
    "update person",
    "archive",
    "delete person",
    "add cohort",
    "update cohort",
    "enrol",
    "withdraw",
    "create pair",
    "update pair",
    "pair status",
    "delete pair",
    "add session",
    "update session",
    "delete sessions",
    "lock and forbid",
    "add cohort with participants",
    "save participants",
    "archive cohort",
    "delete cohort",
    "activate from a date",
    "log a session before the start",
    "change settings",
    "import people",
]
numbers = st.integers(0, 40)
steps = st.builds(Step, st.sampled_from(KINDS), st.tuples(numbers, numbers, numbers))


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed data file holding the seed programme; each example edits a copy of it."""
    path = tmp_path_factory.mktemp("seed") / "programme.revmentor"
    with DataFile.open(path, create=True):
        seed_programme()
    return path


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=st.lists(steps, min_size=1, max_size=12))
def test_undoing_then_redoing_any_edits_restores_every_table(
    tmp_path_factory: pytest.TempPathFactory, seeded_file: Path, sequence: list[Step]
) -> None:
    copy = tmp_path_factory.mktemp("undo") / seeded_file.name
    shutil.copyfile(seeded_file, copy)
    with DataFile.open(copy):
        initial = dump_tables()
        made = []
        for step in sequence:
            try:
                edit = make_edit(step)
            except DomainError:
                continue  # refused by the rules: nothing changed, nothing to undo
            if edit is not None:  # None: an import that changed nothing
                made.append(edit)
        edited = dump_tables()
        for edit in reversed(made):
            edits.undo(edit)
        assert dump_tables() == initial
        for edit in made:
            edits.redo(edit)
        assert dump_tables() == edited
