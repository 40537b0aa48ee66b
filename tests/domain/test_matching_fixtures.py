"""The matching assistant on the staff list HR sent and the enrolment form's answers.

Both files are imported as a new coordinator would, into a reverse cohort, and matched. The
staff list has no grades, so seniority comes from hire dates and job titles.
"""

from __future__ import annotations

import pytest

from revmentor_desktop.domain.matching import (
    Rule,
    Weight,
    propose,
    rule_settings,
    save_rule_settings,
)
from revmentor_desktop.domain.matching.result import MatchResult
from revmentor_desktop.domain.matching.rules_text import with_changes
from revmentor_desktop.storage.database import DataFile
from tests.helpers.fixture_files import import_both_files, person_id


def import_fixtures() -> int:
    """Both files imported, the form's people enrolled in a reverse cohort; its id."""
    return import_both_files(None)


def places_left(result: MatchResult) -> dict[int, int]:
    """Each mentor's free places once the proposals are made."""
    from revmentor_desktop.domain.matching.facts import load_facts

    facts = load_facts(result.cohort_id)
    left = {p.person_id: p.capacity for p in facts.participants if p.role.can_mentor}
    for proposal in result.proposals:
        left[proposal.mentor_id] -= 1
    mentees = {proposal.mentee_id for proposal in result.proposals}
    return {pid: count for pid, count in left.items() if count > 0 and pid not in mentees}


@pytest.mark.parametrize(
    "weights",
    [
        {},  # the defaults for a reverse cohort: what the mentee wants weighs most
        # A coordinator who cares more for place, format and department than for topics.
        {Rule.SKILLS: Weight.LOW, Rule.LOCATION: Weight.HIGH, Rule.MEETING_FORMAT: Weight.HIGH},
        {Rule.SKILLS: Weight.LOW, Rule.DEPARTMENT: Weight.HIGH, Rule.HISTORY: Weight.HIGH},
    ],
)
def test_no_mentee_is_given_a_partner_covering_none_of_their_topics(
    data_file: DataFile, weights: dict[Rule, Weight]
) -> None:
    cohort_id = import_fixtures()
    settings = rule_settings(cohort_id, "reverse")
    save_rule_settings(cohort_id, with_changes(settings, list(weights.items())))

    result = propose(cohort_id)

    assert len(result.proposals) >= 15
    free = places_left(result)
    assert free, "some willing mentors are left with room, as in the issue"
    for proposal in result.proposals:
        could_cover = [
            mentor_id
            for mentor_id in free
            if not result.explain(mentor_id, proposal.mentee_id).blockers
            and not result.explain(mentor_id, proposal.mentee_id).covers_nothing
        ]
        assert not (proposal.covers_nothing and could_cover), proposal
    assert result.covering_nothing == []  # here every mentee can be given a covering partner
    assert all(0 < proposal.score <= 100 for proposal in result.proposals)


def test_two_newcomers_are_never_paired_as_reverse_mentor_and_mentee(
    data_file: DataFile,
) -> None:
    cohort_id = import_fixtures()

    result = propose(cohort_id)

    analyst = person_id("bjorn.sato@northwind-co.example")  # Junior Customer Support Analyst
    trainee = person_id("quentin.garcia2@northwind-co.example")  # Graduate Trainee (IT)
    assert (analyst, trainee) not in {proposal.key for proposal in result.proposals}
    assert result.explain(analyst, trainee).blockers == (
        "Seniority direction (mandatory): the reverse mentor must be less senior; too close in "
        "seniority: hired 1.2 years apart (the minimum is 5 years); both job titles read as "
        "junior",
    )
    for proposal in result.proposals:
        mentor, mentee = result.profiles[proposal.mentor_id], result.profiles[proposal.mentee_id]
        assert mentor.hire_date and mentee.hire_date
        assert (mentor.hire_date - mentee.hire_date).days >= 5 * 365, proposal
