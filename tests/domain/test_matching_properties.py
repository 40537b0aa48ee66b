"""Properties of the matching assistant over random small organisations.

Each example builds its own data file. The mandatory rules are re-implemented here, plainly, so
the solver is checked against an independent reading of them, and the largest possible number
of pairs comes from SciPy's maximum bipartite matching over the allowed pairs. The same plain
reading checks that no mentee is given a partner who covers none of their topics while a mentor
who could had a free place, and that a score's parts add up to it, out of 100.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from revmentor_desktop.domain import cohorts, people
from revmentor_desktop.domain.matching import (
    forbid_pair,
    lock_pair,
    propose,
    rule_settings,
    save_rule_settings,
)
from revmentor_desktop.domain.matching.result import MatchResult, Origin
from revmentor_desktop.storage.database import DataFile
from tests.helpers.random_programmes import NOW, TAGS

HIRE_DATES = [date(2005, 1, 1), date(2015, 6, 1), date(2021, 1, 1), date(2022, 9, 1)]
# With the default words: two junior titles, two senior ones, and two that tell nothing.
TITLES = ["Graduate Trainee", "Junior Analyst", "Head of Sales", "Senior Manager", "Analyst", ""]
JUNIOR_WORDS = {"junior", "graduate", "trainee", "intern", "apprentice"}
SENIOR_WORDS = {"senior", "head", "director", "chief", "manager", "vice president"}


@dataclass
class Member:
    manager: int | None
    grade: int | None
    hire_date: date | None
    job_title: str
    department: str
    location: str
    meeting_format: str
    consent: bool
    archived: bool
    teaches: list[str]
    learns: list[str]
    role: str
    capacity: int


@dataclass
class Organisation:
    kind: str
    members: list[Member]
    forbidden: list[tuple[int, int]]  # (mentor index, mentee index)
    lock_wishes: list[tuple[int, int]]
    grade_gap: int = 1
    years_gap: float | None = None  # None: the default for the kind

    @property
    def minimum_years(self) -> float:
        if self.years_gap is not None:
            return self.years_gap
        return {"reverse": 5.0, "traditional": 3.0}.get(self.kind, 0.0)


@st.composite
def organisations(draw: st.DrawFn, roles: tuple[str, ...] = ("mentor", "mentee")) -> Organisation:
    size = draw(st.integers(2, 9))
    members = []
    for index in range(size):
        members.append(
            Member(
                manager=draw(st.none() | st.integers(0, index - 1)) if index else None,
                grade=draw(st.none() | st.integers(1, 4)),
                hire_date=draw(st.none() | st.sampled_from(HIRE_DATES)),
                job_title=draw(st.sampled_from(TITLES)),
                department=draw(st.sampled_from(["Sales", "IT", ""])),
                location=draw(st.sampled_from(["Leeds", "Lyon", ""])),
                meeting_format=draw(st.sampled_from(["either", "in person", "video call"])),
                consent=draw(st.booleans().map(lambda b: b or draw(st.booleans()))),
                archived=draw(st.integers(0, 9)) == 0,
                teaches=draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True)),
                learns=draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True)),
                role=draw(st.sampled_from(roles)),
                capacity=draw(st.integers(0, 2)),
            )
        )
    index_pairs = st.tuples(st.integers(0, size - 1), st.integers(0, size - 1))
    return Organisation(
        kind=draw(st.sampled_from(["reverse", "traditional", "mutual"])),
        members=members,
        forbidden=draw(st.lists(index_pairs, max_size=4)),
        lock_wishes=draw(st.lists(index_pairs, max_size=3)),
        grade_gap=draw(st.sampled_from([1, 1, 2])),
        years_gap=draw(st.sampled_from([None, None, 0.0, 2.0])),
    )


@st.composite
def willing_organisations(draw: st.DrawFn) -> Organisation:
    """Everyone consents and no reporting line or seniority stands in the way, so topics,
    formats, places and departments decide. Mentees want two or three topics and mentors teach
    at most one, with meeting formats that often clash: a mentor who covers nothing then often
    outscores one who covers a little, which is where covering must come first."""
    size = draw(st.integers(3, 10))
    members = []
    for _ in range(size):
        mentor = draw(st.integers(0, 4)) < 3
        members.append(
            Member(
                manager=None,
                grade=None,
                hire_date=date(2023, 1, 1) if mentor else date(2001, 1, 1),
                job_title="",
                department=draw(st.sampled_from(["Sales", "IT"])),
                location=draw(st.sampled_from(["Leeds", "Lyon"])),
                meeting_format=draw(st.sampled_from(["in person", "video call"])),
                consent=True,
                archived=False,
                teaches=draw(st.lists(st.sampled_from(TAGS), max_size=1)),
                learns=draw(st.lists(st.sampled_from(TAGS), min_size=2, max_size=3, unique=True)),
                role="mentor" if mentor else "mentee",
                capacity=draw(st.integers(1, 2)),
            )
        )
    return Organisation("reverse", members, forbidden=[], lock_wishes=[])


@dataclass
class Built:
    organisation: Organisation
    cohort_id: int
    ids: list[int]
    locked: list[tuple[int, int]]  # person ids

    def member(self, person_id: int) -> Member:
        return self.organisation.members[self.ids.index(person_id)]


def chain(built: Built, person_id: int, levels: int = 2) -> list[int]:
    found = []
    manager = built.member(person_id).manager
    while manager is not None and len(found) < levels:
        found.append(built.ids[manager])
        manager = built.organisation.members[manager].manager
    return found


def title_rank(title: str) -> int:
    words = set(title.casefold().split())
    return int(bool(words & SENIOR_WORDS)) - int(bool(words & JUNIOR_WORDS))


def seniority(mentor: Member, mentee: Member, organisation: Organisation) -> tuple[int, bool]:
    """(+1 mentor more senior / -1 less / 0 untold, whether they are too close to tell apart).

    Grades decide when they differ; otherwise hire dates at least the minimum apart; otherwise
    job-title words. Equal grades, hire dates nearer than the minimum, or titles of one rank
    make the two too close to pair by seniority.
    """
    near = False
    if mentor.grade is not None and mentee.grade is not None:
        if mentor.grade != mentee.grade:
            gap = mentor.grade - mentee.grade
            return (1 if gap > 0 else -1), abs(gap) < organisation.grade_gap
        near = True
    if mentor.hire_date and mentee.hire_date:
        years = (mentee.hire_date - mentor.hire_date).days / 365.25
        if years and abs(years) >= organisation.minimum_years:
            return (1 if years > 0 else -1), False
        near = True
    ranks = title_rank(mentor.job_title), title_rank(mentee.job_title)
    if ranks[0] and ranks[1]:
        if ranks[0] != ranks[1]:
            return (1 if ranks[0] > ranks[1] else -1), False
        near = True
    return 0, near


def rule_allows(built: Built, mentor_id: int, mentee_id: int) -> bool:
    """The default mandatory rules, read plainly: reporting line, seniority, consent, forbidden."""
    mentor, mentee = built.member(mentor_id), built.member(mentee_id)
    if mentor_id == mentee_id:
        return False
    if not (mentor.consent and mentee.consent) or mentor.archived or mentee.archived:
        return False
    if mentor_id in chain(built, mentee_id) or mentee_id in chain(built, mentor_id):
        return False
    direction, too_close = seniority(mentor, mentee, built.organisation)
    kind = built.organisation.kind
    if kind != "mutual" and too_close:
        return False
    if kind == "reverse" and direction == 1:
        return False
    if kind == "traditional" and direction == -1:
        return False
    forbidden = {(built.ids[a], built.ids[b]) for a, b in built.organisation.forbidden}
    return (mentor_id, mentee_id) not in forbidden


def build(organisation: Organisation) -> Built:
    clock = lambda: NOW  # noqa: E731
    ids = []
    for index, member in enumerate(organisation.members):
        draft = people.PersonDraft(
            f"Person {index}",
            manager_id=ids[member.manager] if member.manager is not None else None,
            grade=member.grade,
            hire_date=member.hire_date,
            job_title=member.job_title,
            department=member.department,
            location=member.location,
            meeting_format=member.meeting_format,
            consent_date=NOW.date() - timedelta(days=3) if member.consent else None,
            teaches=member.teaches,
            learns=member.learns,
        )
        ids.append(people.add_person(draft, clock))
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Cohort", kind=organisation.kind), clock)
    stored = rule_settings(cohort_id, organisation.kind)
    save_rule_settings(
        cohort_id,
        replace(stored, min_grade_gap=organisation.grade_gap, min_years_gap=organisation.years_gap),
    )
    for person_id, member in zip(ids, organisation.members, strict=True):
        cohorts.enrol(cohort_id, person_id, member.role, member.capacity)
    people.set_archived(
        [i for i, m in zip(ids, organisation.members, strict=True) if m.archived], True
    )
    built = Built(organisation, cohort_id, ids, [])
    for mentor_index, mentee_index in organisation.forbidden:
        if mentor_index != mentee_index:
            forbid_pair(cohort_id, ids[mentor_index], ids[mentee_index])
    # Lock only pairs the rules allow, consistent with roles and capacities, so that every
    # locked pair can and must survive.
    used_places: dict[int, int] = {}
    as_mentor: set[int] = set()
    as_mentee: set[int] = set()
    for mentor_index, mentee_index in organisation.lock_wishes:
        mentor_id, mentee_id = ids[mentor_index], ids[mentee_index]
        mentor, mentee = organisation.members[mentor_index], organisation.members[mentee_index]
        if (
            not rule_allows(built, mentor_id, mentee_id)
            or mentor.role == "mentee"
            or mentee.role == "mentor"
            or used_places.get(mentor_id, 0) >= mentor.capacity
            or mentor_id in as_mentee
            or mentee_id in as_mentee | as_mentor
        ):
            continue
        lock_pair(cohort_id, mentor_id, mentee_id)
        built.locked.append((mentor_id, mentee_id))
        used_places[mentor_id] = used_places.get(mentor_id, 0) + 1
        as_mentor.add(mentor_id)
        as_mentee.add(mentee_id)
    return built


def maximum_pairs(built: Built) -> int:
    """The most pairs possible: locked pairs plus a maximum matching of everyone else."""
    members = dict(zip(built.ids, built.organisation.members, strict=True))
    locked_mentees = {mentee for _, mentee in built.locked}
    locked_mentors = {mentor for mentor, _ in built.locked}
    taken = {mentor: sum(1 for m, _ in built.locked if m == mentor) for mentor in locked_mentors}
    mentees = [
        pid for pid, m in members.items() if m.role != "mentor" and pid not in locked_mentees
    ]
    slots = [
        pid
        for pid, m in members.items()
        if m.role != "mentee"
        for _ in range(m.capacity - taken.get(pid, 0))
    ]
    if not mentees or not slots:
        return len(built.locked)
    graph = np.zeros((len(mentees), len(slots)), dtype=np.int8)
    for i, mentee in enumerate(mentees):
        for j, mentor in enumerate(slots):
            graph[i, j] = rule_allows(built, mentor, mentee)
    matching = maximum_bipartite_matching(csr_matrix(graph), perm_type="column")
    return len(built.locked) + int((matching >= 0).sum())


def check_common(built: Built, result: MatchResult) -> None:
    proposals = result.proposals
    for proposal in proposals:
        assert rule_allows(built, proposal.mentor_id, proposal.mentee_id), proposal
        assert sum(part.points for part in proposal.parts) == proposal.score
        assert 0 <= proposal.score <= 100
        assert all(gate.passed for gate in proposal.gates), "mandatory rules earn no points"
        assert not {gate.rule for gate in proposal.gates} & {part.rule for part in proposal.parts}
        shares = sum(part.max_points for part in proposal.parts)
        assert shares == (100 if proposal.parts else 0)
        explanation = result.explain(proposal.mentor_id, proposal.mentee_id)
        assert explanation.score == proposal.score
        assert explanation.allowed
    load: dict[int, int] = {}
    for proposal in proposals:
        load[proposal.mentor_id] = load.get(proposal.mentor_id, 0) + 1
    for mentor_id, count in load.items():
        assert count <= built.member(mentor_id).capacity
    mentees = [proposal.mentee_id for proposal in proposals]
    assert len(mentees) == len(set(mentees))
    assert not set(mentees) & set(load), "nobody is mentor and mentee at once"
    assert set(built.locked) <= {proposal.key for proposal in proposals}
    matched = set(mentees) | set(load)
    listed = {u.person_id for u in result.unmatched}
    assert listed == set(built.ids) - matched, "everyone unmatched is listed"
    for unmatched in result.unmatched:
        assert unmatched.reason
    check_no_uncovered_mentee_while_a_covering_mentor_has_room(built, result)


def wanted(mentor: Member, mentee: Member, kind: str) -> bool:
    """Whether the mentee (in mutual cohorts, either partner) wants to learn anything."""
    return bool(mentee.learns) or (kind == "mutual" and bool(mentor.learns))


def covers(mentor: Member, mentee: Member, kind: str) -> bool:
    """Whether the mentor teaches something the mentee wants (in mutual cohorts, either way)."""
    forward = {t.casefold() for t in mentee.learns} & {t.casefold() for t in mentor.teaches}
    back = {t.casefold() for t in mentor.learns} & {t.casefold() for t in mentee.teaches}
    return bool(forward) or (kind == "mutual" and bool(back))


def check_no_uncovered_mentee_while_a_covering_mentor_has_room(
    built: Built, result: MatchResult
) -> None:
    kind = built.organisation.kind
    load: dict[int, int] = {}
    for proposal in result.proposals:
        load[proposal.mentor_id] = load.get(proposal.mentor_id, 0) + 1
    mentees = {proposal.mentee_id for proposal in result.proposals}
    for proposal in result.proposals:
        mentor, mentee = built.member(proposal.mentor_id), built.member(proposal.mentee_id)
        assert proposal.covers_nothing == (
            wanted(mentor, mentee, kind) and not covers(mentor, mentee, kind)
        )
        if not proposal.covers_nothing or proposal.origin is not Origin.SOLVED:
            continue
        for other_id in built.ids:
            other = built.member(other_id)
            has_room = load.get(other_id, 0) < other.capacity and other_id not in mentees
            if (
                has_room
                and other.role != "mentee"
                and result.roles.get(other_id) != "mentee"
                and covers(other, mentee, kind)
                and rule_allows(built, other_id, proposal.mentee_id)
            ):
                raise AssertionError(
                    f"{proposal.mentee_name} got {proposal.mentor_name}, who covers none of "
                    f"their topics, while Person {built.ids.index(other_id)} had room and does"
                )


def fresh_file(tmp_path_factory: pytest.TempPathFactory) -> DataFile:
    folder: Path = tmp_path_factory.mktemp("matching")
    return DataFile.open(folder / "organisation.revmentor", create=True)


def solve_and_check(organisation: Organisation) -> tuple[Built, MatchResult]:
    """Build the organisation, propose pairs, and check them: rules, covering, the most pairs."""
    built = build(organisation)
    result = propose(built.cohort_id, lambda: NOW)
    check_common(built, result)
    assert len(result.proposals) == maximum_pairs(built)
    return built, result


PROPERTY_SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY_SETTINGS
@given(organisation=organisations())
def test_proposals_respect_the_rules_and_match_as_many_as_possible(
    tmp_path_factory: pytest.TempPathFactory, organisation: Organisation
) -> None:
    with fresh_file(tmp_path_factory):
        built, result = solve_and_check(organisation)
        again = propose(built.cohort_id, lambda: NOW)
        assert [p.key for p in again.proposals] == [p.key for p in result.proposals]


@PROPERTY_SETTINGS
@given(organisation=willing_organisations())
def test_nobody_gets_a_partner_who_covers_none_of_their_topics_while_one_who_does_has_room(
    tmp_path_factory: pytest.TempPathFactory, organisation: Organisation
) -> None:
    with fresh_file(tmp_path_factory):
        solve_and_check(organisation)  # check_common includes the check on covering


@PROPERTY_SETTINGS
@given(organisation=organisations(roles=("mentor", "mentee", "both")))
def test_people_who_take_either_role_never_take_both(
    tmp_path_factory: pytest.TempPathFactory, organisation: Organisation
) -> None:
    with fresh_file(tmp_path_factory):
        built = build(organisation)
        result = propose(built.cohort_id, lambda: NOW)
        check_common(built, result)
        for proposal in result.proposals:
            for alternative in result.alternatives(proposal.mentee_id):
                explanation = result.explain(alternative.partner_id, proposal.mentee_id)
                assert alternative.score == explanation.score
