"""Properties of the matching assistant over random small organisations.

Each example builds its own data file. The mandatory rules are re-implemented here, plainly, so
the solver is checked against an independent reading of them, and the largest possible number
of pairs comes from SciPy's maximum bipartite matching over the allowed pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from revmentor_desktop.domain import cohorts, people
from revmentor_desktop.domain.matching import forbid_pair, lock_pair, propose
from revmentor_desktop.domain.matching.result import MatchResult
from revmentor_desktop.storage.database import DataFile

NOW = datetime(2026, 3, 2, 9, 0)
TAGS = ["AI", "Excel", "TikTok", "Python"]
HIRE_DATES = [date(2005, 1, 1), date(2015, 6, 1), date(2022, 9, 1)]


@dataclass
class Member:
    manager: int | None
    grade: int | None
    hire_date: date | None
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
    )


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


def seniority(mentor: Member, mentee: Member) -> int:
    if mentor.grade is not None and mentee.grade is not None and mentor.grade != mentee.grade:
        return 1 if mentor.grade > mentee.grade else -1
    if mentor.hire_date and mentee.hire_date and mentor.hire_date != mentee.hire_date:
        return 1 if mentor.hire_date < mentee.hire_date else -1
    return 0


def rule_allows(built: Built, mentor_id: int, mentee_id: int) -> bool:
    """The default mandatory rules, read plainly: reporting line, seniority, consent, forbidden."""
    mentor, mentee = built.member(mentor_id), built.member(mentee_id)
    if mentor_id == mentee_id:
        return False
    if not (mentor.consent and mentee.consent) or mentor.archived or mentee.archived:
        return False
    if mentor_id in chain(built, mentee_id) or mentee_id in chain(built, mentor_id):
        return False
    direction = seniority(mentor, mentee)
    if built.organisation.kind == "reverse" and direction == 1:
        return False
    if built.organisation.kind == "traditional" and direction == -1:
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
            consent_date=NOW.date() - timedelta(days=3) if member.consent else None,
            teaches=member.teaches,
            learns=member.learns,
        )
        ids.append(people.add_person(draft, clock))
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Cohort", kind=organisation.kind), clock)
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


def fresh_file(tmp_path_factory: pytest.TempPathFactory) -> DataFile:
    folder: Path = tmp_path_factory.mktemp("matching")
    return DataFile.open(folder / "organisation.revmentor", create=True)


PROPERTY_SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY_SETTINGS
@given(organisation=organisations())
def test_proposals_respect_the_rules_and_match_as_many_as_possible(
    tmp_path_factory: pytest.TempPathFactory, organisation: Organisation
) -> None:
    with fresh_file(tmp_path_factory):
        built = build(organisation)
        result = propose(built.cohort_id, lambda: NOW)
        check_common(built, result)
        assert len(result.proposals) == maximum_pairs(built)
        again = propose(built.cohort_id, lambda: NOW)
        assert [p.key for p in again.proposals] == [p.key for p in result.proposals]


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
