"""The demo generator: realistic, deterministic and within every rule of the domain."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time
from pathlib import Path

import pytest

from revmentor_desktop.domain import cohorts, pairs, people, sessions, topics
from revmentor_desktop.domain.demo import DemoSummary, generate_demo
from revmentor_desktop.domain.errors import RuleViolation, ValidationError
from revmentor_desktop.domain.health import HealthLevel
from revmentor_desktop.domain.text import fold
from revmentor_desktop.domain.vocabulary import (
    END_EARLY_REASONS,
    CancelledBy,
    CohortKind,
    PairStatus,
    Role,
    SessionStatus,
)
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Cohort, Meeting, Pair, Person, Skill
from tests.helpers.links import dangling_links

TODAY = date(2026, 3, 15)


def clock() -> datetime:
    return datetime.combine(TODAY, time(12, 0))


@pytest.fixture
def demo(data_file: DataFile) -> DemoSummary:
    return generate_demo(people=80, sessions=120, seed=4, today=TODAY)


def test_a_small_demo_holds_every_cohort_kind_and_every_pair_status(demo: DemoSummary) -> None:
    rows = cohorts.list_cohorts()
    assert {row.kind for row in rows} == {kind.value for kind in CohortKind}
    assert {row.name for row in rows} >= {"Reverse mentoring 2025", "Reverse mentoring 2026"}
    assert any(row.start_date and row.start_date > TODAY for row in rows), "one upcoming"
    assert any(row.end_date and row.end_date < TODAY for row in rows), "one finished"
    for row in rows:
        assert (row.mentor_label, row.mentee_label) == CohortKind(row.kind).default_role_labels
    listed = pairs.list_pairs(clock=clock)
    assert {row.status for row in listed} == {status.value for status in PairStatus}
    ended = [pairs.pair_status(row.id) for row in listed if row.status == PairStatus.ENDED_EARLY]
    assert all(reason in END_EARLY_REASONS for _, reason in ended)
    assert demo == DemoSummary(people=80, cohorts=len(rows), pairs=len(listed), sessions=120)


@pytest.mark.parametrize(("size", "count"), [(20, 0), (45, 80), (150, 200)])
def test_the_numbers_asked_for_are_produced(data_file: DataFile, size: int, count: int) -> None:
    summary = generate_demo(people=size, sessions=count, seed=2, today=TODAY)
    assert summary.people == size
    assert summary.sessions == count
    assert len(people.people_ids(people.PeopleQuery(include_archived=True))) == size
    assert len(sessions.session_ids()) == count
    assert Meeting.select().count() == count


def test_more_sessions_than_the_cadence_allows_are_capped(tmp_path: Path) -> None:
    with DataFile.open(tmp_path / "all.revmentor", create=True):
        allowed = generate_demo(people=150, seed=2, today=TODAY).sessions
    with DataFile.open(tmp_path / "capped.revmentor", create=True):
        capped = generate_demo(people=150, sessions=50_000, seed=2, today=TODAY)
        assert capped.sessions == allowed == Meeting.select().count()
    assert 150 < allowed < 1_000, "about one session a cadence for each of some 60 pairs"


@pytest.mark.parametrize("size", [2, 3, 7])
def test_a_tiny_demo_still_follows_the_rules(data_file: DataFile, size: int) -> None:
    summary = generate_demo(people=size, sessions=40, seed=3, today=TODAY)
    assert summary.people == Person.select().count() == size
    assert summary.sessions == Meeting.select().count()
    for pair in pairs.list_pairs(clock=clock):
        assert pair.mentor_id != pair.mentee_id
    assert dangling_links() == []


def _generated(path: Path, seed: int) -> tuple[object, ...]:
    with DataFile.open(path, create=True):
        generate_demo(people=60, sessions=400, seed=seed, today=TODAY)
        everyone = people.list_people(people.PeopleQuery(include_archived=True))
        return (
            [(row.name, row.email, row.grade, row.manager_name) for row in everyone],
            sessions.list_sessions(),
            pairs.list_pairs(clock=clock),
            [skill.name for skill in Skill.select().order_by(Skill.id)],
        )


def test_the_same_seed_gives_identical_data_and_another_seed_differs(tmp_path: Path) -> None:
    first = _generated(tmp_path / "first.revmentor", seed=7)
    again = _generated(tmp_path / "again.revmentor", seed=7)
    other = _generated(tmp_path / "other.revmentor", seed=8)
    assert first == again
    names, meetings, *_ = first
    other_names, other_meetings, *_ = other
    assert names != other_names
    assert meetings != other_meetings


def test_no_open_pair_exceeds_capacity_and_nobody_mentors_themselves(demo: DemoSummary) -> None:
    for cohort in cohorts.list_cohorts():
        places = {row.person_id: row for row in cohorts.list_participants(cohort.id)}
        for row in places.values():
            if Role(row.role).can_mentor:
                assert row.open_pairs <= row.capacity, (cohort.name, row.name)
        for pair in pairs.list_pairs(pairs.PairQuery(cohort_id=cohort.id), clock=clock):
            assert pair.mentor_id != pair.mentee_id
            assert Role(places[pair.mentor_id].role).can_mentor
            assert Role(places[pair.mentee_id].role).can_be_mentored
            assert pair.direction == cohort.kind
    open_pairs = Counter(
        (pair.cohort_id, pair.mentor_id, pair.mentee_id)
        for pair in Pair.select().where(Pair.status.in_(cohorts.OPEN_STATUSES))
    )
    assert max(open_pairs.values()) == 1


def test_in_reverse_cohorts_the_mentor_is_the_more_junior(demo: DemoSummary) -> None:
    grades = dict(Person.select(Person.id, Person.grade).tuples())
    reverse = Pair.select().join(Cohort).where(Cohort.kind == CohortKind.REVERSE.value)
    assert reverse.count() > 0
    for pair in reverse:
        assert grades[pair.mentor_id] < grades[pair.mentee_id]
    for mentor_id, mentee_id in (
        Pair.select(Pair.mentor, Pair.mentee)
        .join(Cohort)
        .where(Cohort.kind == CohortKind.TRADITIONAL.value)
        .tuples()
    ):
        assert grades[mentor_id] > grades[mentee_id]


def test_pair_health_shows_amber_and_red_active_pairs(demo: DemoSummary) -> None:
    active = pairs.list_pairs(pairs.PairQuery(status=PairStatus.ACTIVE.value), clock=clock)
    levels = Counter(row.health.level for row in active)
    assert levels[HealthLevel.GREEN] >= 1
    assert levels[HealthLevel.AMBER] >= 1
    assert levels[HealthLevel.RED] >= 1
    stale = [row for row in active if row.last_held and row.health.level == HealthLevel.RED]
    assert stale, "a red pair whose last session is long ago, not only one that never met"
    never_met = [row for row in active if row.sessions_held == 0]
    assert 1 <= len(never_met) <= 3


def test_sessions_follow_the_session_rules(demo: DemoSummary) -> None:
    starts = {pair.id: (pair.start_date, pair.end_date, pair.status) for pair in Pair.select()}
    statuses: Counter[str] = Counter()
    for meeting in Meeting.select():
        start, end, pair_status = starts[meeting.pair_id]
        day = meeting.starts_at.date()
        if meeting.status == SessionStatus.HELD:
            assert day <= TODAY
            assert start is not None and day >= start
        if meeting.status == SessionStatus.CANCELLED:
            assert meeting.cancelled_by in {item.value for item in CancelledBy}
            statuses["cancelled"] += 1
        else:
            assert meeting.cancelled_by == ""
        if meeting.status == SessionStatus.PLANNED:
            assert PairStatus(pair_status).is_open
            statuses["planned ahead" if day > TODAY else "planned overdue"] += 1
        if end is not None:
            assert day <= end
        assert meeting.topics
        assert sessions.validate_session(sessions.get_session(meeting.id), TODAY) == {}
    assert set(statuses) == {"cancelled", "planned ahead", "planned overdue"}
    held = sessions.list_sessions(sessions.SessionQuery(status=SessionStatus.HELD.value))
    assert held
    assert any(Meeting.get_by_id(row.id).mentee_takeaways for row in held)


def test_people_are_varied_and_searchable_like_entered_people(demo: DemoSummary) -> None:
    everyone = list(Person.select())
    names = " ".join(person.name for person in everyone)
    for example in ("Zoë", "Jörg", "Agnès", "Ó Súilleabháin", "Yılmaz", "李娜", "محمد"):
        assert example in names
    for person in everyone:
        folded = fold(" ".join((person.name, person.email, person.department, person.job_title)))
        assert person.search_key == folded
        assert person.email_key == person.email.lower()
        assert person.email.isascii()
        assert people.validate_person(people.get_person(person.id).draft, person.id, TODAY) == {}
    assert len({person.email_key for person in everyone}) == len(everyone)
    found = people.list_people(people.PeopleQuery(search="zoe"))
    assert any("Zoë" in row.name for row in found)
    consented = [person for person in everyone if person.consent_date]
    assert 0 < len(consented) < len(everyone)
    assert any(person.archived for person in everyone)
    assert len(people.departments()) >= 5


def test_seniority_shapes_titles_tenure_skills_and_hierarchy(demo: DemoSummary) -> None:
    everyone = {person.id: person for person in Person.select()}
    juniors = [p for p in everyone.values() if p.grade <= 3]
    seniors = [p for p in everyone.values() if p.grade >= 7]
    assert juniors and seniors
    assert min(p.hire_date for p in seniors) < min(p.hire_date for p in juniors)
    assert all(p.hire_date >= date(2023, 1, 1) for p in juniors)
    assert sum(p.manager_id is None for p in everyone.values()) == 1
    for person in everyone.values():
        seen = {person.id}
        manager_id = person.manager_id
        while manager_id is not None:
            assert manager_id not in seen, "management cycle"
            assert everyone[manager_id].grade > person.grade
            seen.add(manager_id)
            manager_id = everyone[manager_id].manager_id
    for person in juniors:
        teaches, _ = people.skills_of(person.id)
        assert teaches and set(teaches) <= set(topics.REVERSE_MENTORING_TOPICS)
    for person in seniors:
        teaches, _ = people.skills_of(person.id)
        assert teaches and set(teaches) <= set(topics.CLASSIC_TOPICS)


def test_the_demo_leaves_no_link_pointing_nowhere(demo: DemoSummary) -> None:
    assert dangling_links() == []


@pytest.mark.file_only("SQLite's own checks of the file it wrote")
def test_the_demo_file_passes_sqlites_checks(data_file: DataFile, demo: DemoSummary) -> None:
    assert data_file.database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert data_file.database.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_the_demo_needs_an_empty_data_file_and_enough_people(data_file: DataFile) -> None:
    with pytest.raises(ValidationError) as too_few:
        generate_demo(people=1, today=TODAY)
    assert "people" in too_few.value.problems
    with pytest.raises(ValidationError):
        generate_demo(sessions=-1, today=TODAY)
    generate_demo(people=20, sessions=10, today=TODAY)
    with pytest.raises(RuleViolation):
        generate_demo(people=20, sessions=10, today=TODAY)
    assert Person.select().count() == 20


def test_topic_suggestions_ignore_case_and_accents() -> None:
    assert topics.suggest("linked") == ["LinkedIn"]
    assert topics.suggest("GÉNÉRATIVE") == ["Generative AI tools"]
    found = topics.suggest("online")
    starts = [topic for topic in found if fold(topic).startswith("online")]
    assert starts and found[: len(starts)] == starts
    assert "Personal online security" in found[len(starts) :]
    assert len(topics.suggest("", limit=4)) == 4
    assert topics.suggest("e", limit=0) == []
    assert set(topics.REVERSE_MENTORING_TOPICS) | set(topics.CLASSIC_TOPICS) == set(
        topics.ALL_TOPICS
    )
