"""The matching assistant on hand-made cohorts: rules, whole-cohort optimum, explanations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from revmentor_desktop.domain import cohorts, edits, pairs, people
from revmentor_desktop.domain.clock import Clock
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import NotFound, ValidationError
from revmentor_desktop.domain.matching import (
    Origin,
    Rule,
    RuleSettings,
    Weight,
    accept,
    accept_edit,
    clear_constraint,
    default_settings,
    forbid_pair,
    list_constraints,
    lock_pair,
    propose,
    rule_settings,
    save_rule_settings,
)
from revmentor_desktop.domain.matching.constraints import ConstraintKind
from revmentor_desktop.domain.matching.result import MatchResult
from revmentor_desktop.domain.matching.rules import title_words
from revmentor_desktop.domain.matching.rules_text import parse_weight_change, with_changes
from revmentor_desktop.domain.matching.saved_rules import (
    kind_weights,
    save_cohort_weights,
    save_kind_weights,
)
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.storage.database import DataFile
from tests.helpers.matching import smooth_patchy_keen

NOW = datetime(2026, 3, 2, 9, 0)
CONSENT = date(2026, 1, 10)


def clock() -> datetime:
    return NOW


CLOCK: Clock = clock


def person(name: str, **fields: object) -> int:
    fields.setdefault("consent_date", CONSENT)
    return people.add_person(people.PersonDraft(name, **fields), CLOCK)  # type: ignore[arg-type]


def cohort(name: str = "Reverse 2026", kind: str = "reverse") -> int:
    return cohorts.add_cohort(cohorts.CohortDraft(name, kind=kind), CLOCK)


def enrol(cohort_id: int, role: str, *person_ids: int, capacity: int = 1) -> None:
    for person_id in person_ids:
        cohorts.enrol(cohort_id, person_id, role, capacity)


def cohort_with(mentors: list[int], mentees: list[int], mentor_capacity: int = 1) -> int:
    """A new cohort with these mentors and mentees enrolled."""
    cohort_id = cohort()
    enrol(cohort_id, "mentor", *mentors, capacity=mentor_capacity)
    enrol(cohort_id, "mentee", *mentees)
    return cohort_id


def skills_only(kind: str = "reverse") -> object:
    """Only the skills rule scores; reporting line and seniority stay mandatory."""
    settings = default_settings(kind)
    for rule in (Rule.DEPARTMENT, Rule.MEETING_FORMAT, Rule.LOCATION, Rule.HISTORY):
        settings = settings.with_weight(rule, Weight.OFF)
    return settings


def keys(result: MatchResult) -> set[tuple[int, int]]:
    return {proposal.key for proposal in result.proposals}


def greedy(result: MatchResult, mentors: list[int], mentees: list[int]) -> tuple[int, int]:
    """Best pair first, capacity 1: (pairs made, total score) for comparison."""
    options = []
    for mentor_id in mentors:
        for mentee_id in mentees:
            explanation = result.explain(mentor_id, mentee_id)
            if explanation.allowed:
                options.append((explanation.score, -mentor_id, -mentee_id))
    used: set[int] = set()
    made, total = 0, 0
    for score, mentor, mentee in sorted(options, reverse=True):
        if -mentor not in used and -mentee not in used:
            used.update((-mentor, -mentee))
            made, total = made + 1, total + score
    return made, total


# Whole cohort beats best-first


def test_greedy_leaves_someone_unmatched_the_assistant_does_not(data_file: DataFile) -> None:
    boss = person("Yusuf Boss", grade=9, learns=["AI", "Excel"])
    ana = person("Ana", grade=2, teaches=["AI", "TikTok"])
    bruno = person("Bruno", grade=3, manager_id=boss)
    xia = person("Xia", grade=8, learns=["AI", "TikTok"])
    cohort_id = cohort_with([ana, bruno], [xia, boss])

    result = propose(cohort_id, CLOCK)

    # Best-first takes Ana–Xia (the highest score) and leaves the boss with only Bruno,
    # who reports to him.
    assert greedy(result, [ana, bruno], [xia, boss])[0] == 1
    assert keys(result) == {(ana, boss), (bruno, xia)}
    assert result.unmatched == []


def test_greedy_scores_lower_the_assistant_finds_the_better_whole(data_file: DataFile) -> None:
    amal = person("Amal", grade=1, teaches=["a", "b", "c", "d", "e"])
    ben = person("Ben", grade=1, teaches=["a", "b"])
    xavier = person("Xavier", grade=5, learns=["a", "b", "c"])
    yara = person("Yara", grade=5, learns=["d", "e", "f"])
    cohort_id = cohort_with([amal, ben], [xavier, yara])

    result = propose(cohort_id, CLOCK, settings=skills_only())  # type: ignore[arg-type]

    made, greedy_total = greedy(result, [amal, ben], [xavier, yara])
    assert made == 2
    assert keys(result) == {(amal, yara), (ben, xavier)}
    assert result.total_score > greedy_total


def test_matching_more_people_comes_before_a_higher_score(data_file: DataFile) -> None:
    star = person("Star", teaches=["a", "b", "c"])
    other = person("Other")
    keen = person("Keen", learns=["a", "b", "c"])
    shy = person("Shy", learns=["z"])
    cohort_id = cohort_with([star, other], [keen, shy])
    forbid_pair(cohort_id, other, shy)
    settings = default_settings("reverse")
    for rule in Rule:
        settings = settings.with_weight(rule, Weight.HIGH if rule is Rule.SKILLS else Weight.OFF)

    result = propose(cohort_id, CLOCK, settings=settings)

    # Star–Keen alone scores 100; the only way to match all four scores 0, and wins.
    assert result.explain(star, keen).score == 100
    assert keys(result) == {(star, shy), (other, keen)}
    assert result.total_score == 0


# Rules


def test_reverse_mentor_is_less_senior_and_traditional_the_opposite(data_file: DataFile) -> None:
    junior = person("Junior", grade=2, teaches=["AI"], learns=["AI"])
    senior = person("Senior", grade=7, teaches=["AI"], learns=["AI"])
    reverse = cohort("Reverse", "reverse")
    traditional = cohort("Traditional", "traditional")
    for cohort_id in (reverse, traditional):
        enrol(cohort_id, "both", junior, senior)

    assert keys(propose(reverse, CLOCK)) == {(junior, senior)}
    assert keys(propose(traditional, CLOCK)) == {(senior, junior)}
    blocked = propose(reverse, CLOCK).explain(senior, junior)
    assert not blocked.allowed
    assert "Seniority direction (mandatory)" in blocked.blockers[0]
    assert "grade 7 vs 2" in blocked.blockers[0]


def test_seniority_falls_back_to_hire_date_when_grades_are_missing(data_file: DataFile) -> None:
    newcomer = person("Newcomer", hire_date=date(2024, 5, 1), teaches=["AI"])
    veteran = person("Veteran", hire_date=date(2001, 5, 1), grade=9, learns=["AI"])
    cohort_id = cohort_with([veteran], [newcomer])

    result = propose(cohort_id, CLOCK)

    assert result.proposals == []
    assert [u.name for u in result.unmatched] == ["Newcomer", "Veteran"]
    assert "more senior than them" in result.unmatched[0].reason
    assert "hired 1 May 2001 vs 1 May 2024" in result.explain(veteran, newcomer).blockers[0]


def test_reporting_line_blocks_up_to_n_levels(data_file: DataFile) -> None:
    top = person("Top", grade=9)
    middle = person("Middle", grade=6, manager_id=top)
    analyst = person("Analyst", grade=1, manager_id=middle, teaches=["AI"])
    cohort_id = cohort_with([analyst], [top])

    result = propose(cohort_id, CLOCK)
    assert result.proposals == []
    assert "Top is 2 levels above Analyst" in result.explain(analyst, top).blockers[0]
    assert result.unmatched[0].reason == (
        "no eligible mentor: of 1 mentor, 1 is in their reporting line"
    )

    save_rule_settings(cohort_id, RuleSettings(CohortKind.REVERSE, reporting_levels=1))
    assert keys(propose(cohort_id, CLOCK)) == {(analyst, top)}


def test_skills_match_ignoring_case_and_accents(data_file: DataFile) -> None:
    mentor = person("Mentor", grade=1, teaches=["Résumé writing", "TIKTOK"])
    mentee = person("Mentee", grade=5, learns=["resume  writing", "TikTok", "Excel"])
    cohort_id = cohort_with([mentor], [mentee])

    (proposal,) = propose(cohort_id, CLOCK).proposals

    assert proposal.shared_tags == ("resume writing", "TikTok")
    skills = next(part for part in proposal.parts if part.rule is Rule.SKILLS)
    assert (skills.points, skills.max_points) == (33, 50)  # 2 of 3 wanted; high: 50 of 100
    assert skills.note == "2 of 3 wanted topics covered"


def test_mutual_cohorts_count_skills_both_ways_and_ignore_seniority(data_file: DataFile) -> None:
    first = person("First", grade=9, teaches=["Excel"], learns=["AI"])
    second = person("Second", grade=1, teaches=["AI"], learns=["Excel"])
    cohort_id = cohort("Mutual", "mutual")
    enrol(cohort_id, "both", first, second)

    result = propose(cohort_id, CLOCK)

    (proposal,) = result.proposals
    assert {proposal.mentor_id, proposal.mentee_id} == {first, second}
    assert set(proposal.shared_tags) == {"AI", "Excel"}
    assert Rule.SENIORITY not in {part.rule for part in proposal.parts}
    assert result.unmatched == []


def test_people_without_consent_or_archived_are_never_proposed(data_file: DataFile) -> None:
    mentor = person("Mentor", grade=1)
    unconsented = person("Unconsented", grade=5, consent_date=None)
    archived = person("Archived", grade=5)
    cohort_id = cohort_with([mentor], [unconsented, archived], mentor_capacity=2)
    people.set_archived([archived], True)

    result = propose(cohort_id, CLOCK)

    assert result.proposals == []
    reasons = {u.name: u.reason for u in result.unmatched}
    assert reasons["Unconsented"] == "has no recorded consent, so is never proposed"
    assert reasons["Archived"] == "is archived, so is never proposed"
    assert "2 are not available" in reasons["Mentor"]


def test_paired_in_an_earlier_cohort_scores_lower(data_file: DataFile) -> None:
    mentor = person("Mentor", grade=1)
    again = person("Again", grade=5)
    fresh = person("Fresh", grade=5)
    earlier = cohort("Reverse 2025")
    enrol(earlier, "mentor", mentor)
    enrol(earlier, "mentee", again)
    pairs.create_pair(pairs.PairDraft(earlier, mentor, again), CLOCK)
    cohort_id = cohort_with([mentor], [again, fresh])

    result = propose(cohort_id, CLOCK)

    assert keys(result) == {(mentor, fresh)}
    history = next(p for p in result.explain(mentor, again).parts if p.rule is Rule.HISTORY)
    assert history.points == 0
    assert history.note == "paired before in Reverse 2025"


def test_rule_weights_are_stored_per_cohort_as_overrides(data_file: DataFile) -> None:
    cohort_id = cohort()
    settings = rule_settings(cohort_id, "reverse")
    assert settings.weight(Rule.SENIORITY) is Weight.MANDATORY
    assert settings.weight(Rule.REPORTING_LINE) is Weight.MANDATORY
    save_rule_settings(cohort_id, settings.with_weight(Rule.DEPARTMENT, Weight.MANDATORY))
    stored = rule_settings(cohort_id, "reverse")
    assert stored.weight(Rule.DEPARTMENT) is Weight.MANDATORY
    assert stored.weight(Rule.SKILLS) is Weight.HIGH
    assert rule_settings(cohort_id + 1, "mutual").weight(Rule.SENIORITY) is Weight.OFF


# Capacity, open pairs, locked and forbidden pairs


def test_capacity_counts_open_pairs_and_they_are_not_rematched(data_file: DataFile) -> None:
    mentor = person("Mentor", grade=1)
    paired = person("Paired", grade=5)
    waiting = [person(f"Waiting {n}", grade=5) for n in range(3)]
    cohort_id = cohort_with([mentor], [paired, *waiting], mentor_capacity=2)
    pairs.create_pair(pairs.PairDraft(cohort_id, mentor, paired), CLOCK)

    result = propose(cohort_id, CLOCK)

    assert keys(result) == {(mentor, waiting[0])}
    assert [u.person_id for u in result.unmatched] == waiting[1:]
    assert result.unmatched[0].reason == (
        "all eligible mentors (Mentor) are at capacity with other mentees"
    )


def test_locked_pairs_are_kept_and_forbidden_pairs_never_proposed(data_file: DataFile) -> None:
    first = person("First", grade=1, teaches=["AI"])
    second = person("Second", grade=1)
    liked = person("Liked", grade=5, learns=["AI"])
    other = person("Other", grade=5, learns=["AI"])
    cohort_id = cohort_with([first, second], [liked, other])
    assert keys(propose(cohort_id, CLOCK)) == {(first, liked), (second, other)}

    lock_pair(cohort_id, second, liked)
    forbid_pair(cohort_id, first, other)
    result = propose(cohort_id, CLOCK)

    assert keys(result) == {(second, liked)}
    assert next(p for p in result.proposals if p.mentee_id == liked).origin is Origin.LOCKED
    assert result.explain(first, other).blockers == ("you forbade this pair",)
    assert result.unmatched[-1].reason == (
        "no eligible mentor: of 2 mentors, 1 has no free place "
        "and 1 was forbidden or rejected by you"
    )
    assert [c.kind for c in list_constraints(cohort_id)] == [
        ConstraintKind.LOCKED,
        ConstraintKind.FORBIDDEN,
    ]
    clear_constraint(cohort_id, first, other)
    assert len(list_constraints(cohort_id)) == 1
    with pytest.raises(NotFound):
        lock_pair(cohort_id + 5, first, other)


def test_a_locked_pair_that_breaks_a_rule_is_kept_with_a_warning(data_file: DataFile) -> None:
    boss = person("Boss", grade=9)
    report = person("Report", grade=2, manager_id=boss)
    cohort_id = cohort_with([report], [boss])
    lock_pair(cohort_id, report, boss)

    (proposal,) = propose(cohort_id, CLOCK).proposals

    assert proposal.key == (report, boss)
    assert proposal.warnings == (
        "kept although it breaks Reporting line (mandatory): Boss is Report's manager",
    )


def test_a_locked_pair_that_cannot_be_kept_is_reported(data_file: DataFile) -> None:
    mentor = person("Mentor", grade=1)
    mentee = person("Mentee", grade=5, consent_date=None)
    cohort_id = cohort_with([mentor], [mentee])
    lock_pair(cohort_id, mentor, mentee)

    result = propose(cohort_id, CLOCK)

    assert result.proposals == []
    assert result.warnings == [
        "The locked pair Mentor & Mentee was not kept: Mentee has no recorded consent."
    ]


# Explanations


def test_parts_add_up_and_alternatives_are_the_next_best(data_file: DataFile) -> None:
    mentors = [person(f"Mentor {n}", grade=1, teaches=["a", "b", "c"][: n + 1]) for n in range(4)]
    mentee = person("Mentee", grade=5, learns=["a", "b", "c"], department="Sales")
    cohort_id = cohort_with(mentors, [mentee])

    result = propose(cohort_id, CLOCK)

    (proposal,) = result.proposals
    assert proposal.mentor_id == mentors[2]
    assert sum(part.points for part in proposal.parts) == proposal.score
    alternatives = result.alternatives(mentee)
    assert [a.partner_id for a in alternatives] == [mentors[3], mentors[1], mentors[0]]
    assert [a.score for a in alternatives] == [
        result.explain(a.partner_id, mentee).score for a in alternatives
    ]
    assert alternatives[0].note == "has a free place"
    for_mentor = result.alternatives(mentors[3])
    assert for_mentor[0].note == "proposed with Mentor 2"


def test_the_same_data_gives_the_same_proposals(data_file: DataFile) -> None:
    mentors = [person(f"Mentor {n}", grade=1) for n in range(5)]
    mentees = [person(f"Mentee {n}", grade=5) for n in range(5)]
    cohort_id = cohort_with(mentors, mentees)
    first = propose(cohort_id, CLOCK)
    assert [p.key for p in first.proposals] == [p.key for p in propose(cohort_id, CLOCK).proposals]
    assert [p.key for p in first.proposals] == list(zip(mentors, mentees, strict=True))


# Accepting


def test_accept_creates_proposed_pairs_and_a_rerun_keeps_them(data_file: DataFile) -> None:
    mentors = [person(f"Mentor {n}", grade=1, teaches=["AI"]) for n in range(2)]
    mentees = [person(f"Mentee {n}", grade=5, learns=["ai"]) for n in range(3)]
    cohort_id = cohort_with(mentors, mentees)
    result = propose(cohort_id, CLOCK)
    assert len(result.proposals) == 2

    pair_ids = accept(cohort_id, result.proposals[:1], CLOCK)

    (pair_id,) = pair_ids
    assert pairs.pair_status(pair_id) == ("proposed", "")
    assert pairs.get_pair(pair_id).focus_areas == ["ai"]
    again = propose(cohort_id, CLOCK)
    assert [p.key for p in again.proposals] == [result.proposals[1].key]
    assert len(again.existing) == 1


def test_accept_edit_is_one_undoable_edit(data_file: DataFile) -> None:
    mentor = person("Mentor", grade=1)
    mentee = person("Mentee", grade=5)
    other = person("Other", grade=5)
    cohort_id = cohort_with([mentor], [mentee, other])
    result = propose(cohort_id, CLOCK)

    edit = accept_edit(
        cohort_id, result.proposals, locked=[result.proposals[0].key], forbidden=[(mentor, other)]
    )

    assert edit.description == "Create 1 pair, lock 1, forbid 1 (matching)"
    assert len(pairs.list_pairs(pairs.PairQuery(cohort_id=cohort_id))) == 1
    assert len(list_constraints(cohort_id)) == 2
    edits.undo(edit)
    assert pairs.list_pairs(pairs.PairQuery(cohort_id=cohort_id)) == []
    assert list_constraints(cohort_id) == []
    edits.redo(edit)
    assert len(pairs.list_pairs(pairs.PairQuery(cohort_id=cohort_id))) == 1
    assert len(list_constraints(cohort_id)) == 2


def test_unknown_cohort_is_not_found(data_file: DataFile) -> None:
    with pytest.raises(NotFound):
        propose(99, CLOCK)


def test_mutual_partners_who_take_either_role_all_find_a_partner(data_file: DataFile) -> None:
    partners = [
        person(f"Partner {n}", teaches=[f"skill {n}"], learns=[f"skill {(n + 1) % 6}"])
        for n in range(6)
    ]
    cohort_id = cohort("Mutual", "mutual")
    enrol(cohort_id, "both", *partners)

    result = propose(cohort_id, CLOCK)

    assert len(result.proposals) == 3
    assert result.unmatched == []
    mentors = {p.mentor_id for p in result.proposals}
    assert not mentors & {p.mentee_id for p in result.proposals}


# What the mentee wants to learn comes first


def test_a_mentor_who_covers_a_wanted_topic_is_preferred_over_a_higher_score(
    data_file: DataFile,
) -> None:
    smooth, patchy, keen = (
        people.add_person(replace(draft, consent_date=CONSENT), CLOCK)
        for draft in smooth_patchy_keen()
    )
    cohort_id = cohort_with([smooth, patchy], [keen])

    result = propose(cohort_id, CLOCK)

    assert result.explain(smooth, keen).score > result.explain(patchy, keen).score
    assert result.explain(smooth, keen).covers_nothing
    (proposal,) = result.proposals
    assert proposal.key == (patchy, keen)
    assert proposal.shared_tags == ("AI",)
    assert not proposal.covers_nothing


def test_mandatory_rules_are_passed_gates_and_the_score_is_out_of_100(data_file: DataFile) -> None:
    mentor = person("Mentor", grade=1, teaches=["AI"], department="IT", location="Leeds")
    mentee = person("Mentee", grade=5, learns=["AI"], department="Sales", location="Leeds")
    cohort_id = cohort_with([mentor], [mentee])

    (proposal,) = propose(cohort_id, CLOCK).proposals

    assert proposal.score == 100
    assert {part.rule: part.max_points for part in proposal.parts} == {
        Rule.SKILLS: 50,
        Rule.DEPARTMENT: 10,
        Rule.MEETING_FORMAT: 20,
        Rule.LOCATION: 10,
        Rule.HISTORY: 10,
    }
    assert [(gate.rule, gate.passed) for gate in proposal.gates] == [
        (Rule.SENIORITY, True),
        (Rule.REPORTING_LINE, True),
    ]
    assert proposal.gates[0].note == "Mentor is less senior (grade 1 vs 5)"


def test_shares_follow_the_weights_and_always_add_up_to_100() -> None:
    settings = RuleSettings(CohortKind.REVERSE).with_weight(Rule.LOCATION, Weight.HIGH)
    assert settings.shares() == {
        Rule.SKILLS: 36,  # 5 of 14 is 35.7: the two largest remainders get the points left
        Rule.DEPARTMENT: 7,
        Rule.MEETING_FORMAT: 14,
        Rule.LOCATION: 36,
        Rule.HISTORY: 7,
    }
    assert sum(settings.shares().values()) == 100
    nothing_scores = settings
    for rule in Rule:
        nothing_scores = nothing_scores.with_weight(rule, Weight.MANDATORY)
    assert nothing_scores.shares() == {}


# Seniority: grades, then years since hire, then job-title words, with a minimum gap


def test_two_newcomers_are_not_paired_in_a_reverse_cohort(data_file: DataFile) -> None:
    analyst = person("Junior Analyst", job_title="Junior Analyst", hire_date=date(2025, 6, 18))
    trainee = person("Trainee", job_title="Graduate Trainee", hire_date=date(2024, 4, 15))
    cohort_id = cohort_with([analyst], [trainee])

    result = propose(cohort_id, CLOCK)

    assert result.proposals == []
    assert result.explain(analyst, trainee).blockers == (
        "Seniority direction (mandatory): the reverse mentor must be less senior; too close in "
        "seniority: hired 1.2 years apart (the minimum is 5 years); both job titles read as "
        "junior",
    )
    assert result.unmatched[0].reason == (
        "no eligible mentee: of 1 mentee, 1 is too close to them in seniority"
    )

    stored = rule_settings(cohort_id, "reverse")
    save_rule_settings(cohort_id, replace(stored, min_years_gap=1.0))
    assert keys(propose(cohort_id, CLOCK)) == {(analyst, trainee)}


def test_equal_grades_fall_back_to_years_since_hire(data_file: DataFile) -> None:
    newer = person("Newer", grade=4, hire_date=date(2020, 1, 1))
    longer = person("Longer", grade=4, hire_date=date(2008, 1, 1))
    cohort_id = cohort()
    enrol(cohort_id, "both", newer, longer)

    result = propose(cohort_id, CLOCK)

    assert keys(result) == {(newer, longer)}
    assert result.proposals[0].gates[0].note == (
        f"Newer is less senior (hired {format_date(date(2020, 1, 1))} vs "
        f"{format_date(date(2008, 1, 1))}, 12 years apart)"
    )


def test_grades_closer_than_the_minimum_gap_do_not_tell(data_file: DataFile) -> None:
    three = person("Three", grade=3, hire_date=date(2024, 1, 1))
    four = person("Four", grade=4, hire_date=date(1999, 1, 1))
    six = person("Six", grade=6, hire_date=date(2024, 1, 1))
    cohort_id = cohort_with([three], [four, six])
    stored = rule_settings(cohort_id, "reverse")
    save_rule_settings(cohort_id, replace(stored, min_grade_gap=2))

    result = propose(cohort_id, CLOCK)

    assert keys(result) == {(three, six)}
    assert "grades 3 and 4 are less than 2 apart" in result.explain(three, four).blockers[0]


def test_job_title_words_decide_when_grades_and_hire_dates_do_not(data_file: DataFile) -> None:
    apprentice = person("Apprentice", job_title="Apprentice, Data")
    director = person("Director", job_title="Sales Director")
    analyst = person("Analyst", job_title="Business Analyst")
    cohort_id = cohort_with([apprentice, analyst], [director])

    result = propose(cohort_id, CLOCK)
    assert result.explain(apprentice, director).gates[0].note == (
        "Apprentice is less senior (job titles “Apprentice, Data” vs “Sales Director”)"
    )
    assert result.explain(analyst, director).gates[0].note == (
        "cannot tell who is more senior (no grades, hire dates or job-title words to compare)"
    )
    assert result.explain(director, apprentice).blockers  # the other way round is refused

    stored = rule_settings(cohort_id, "reverse")
    save_rule_settings(cohort_id, replace(stored, junior_words=(*stored.junior_words, "analyst")))
    marked = propose(cohort_id, CLOCK)
    assert marked.explain(analyst, director).gates[0].note == (
        "Analyst is less senior (job titles “Business Analyst” vs “Sales Director”)"
    )
    assert "“Apprentice, Data”" in marked.explain(apprentice, director).gates[0].note


def test_rule_settings_are_stored_per_cohort_as_overrides(data_file: DataFile) -> None:
    cohort_id = cohort()
    settings = rule_settings(cohort_id, "reverse")
    assert (settings.min_grade_gap, settings.years_gap) == (1, 5.0)
    changed = replace(
        settings.with_weight(Rule.LOCATION, Weight.OFF),
        min_years_gap=2.5,
        junior_words=title_words("Junior, Associate ,  graduate"),
    )
    save_rule_settings(cohort_id, changed)

    stored = rule_settings(cohort_id, "reverse")
    assert stored == changed
    assert stored.junior_words == ("junior", "associate", "graduate")
    assert rule_settings(cohort_id + 1, "traditional").years_gap == 3.0
    with pytest.raises(ValidationError, match="both a junior and a senior"):
        save_rule_settings(cohort_id, replace(stored, senior_words=("associate",)))
    save_rule_settings(cohort_id, stored.defaults())
    assert rule_settings(cohort_id, "reverse").is_default()


def test_a_cohort_keeps_its_gap_and_words_over_the_weights_of_its_kind(
    data_file: DataFile,
) -> None:
    cohort_id = cohort()
    save_kind_weights("reverse", {**kind_weights("reverse"), Rule.LOCATION: Weight.HIGH})
    own = replace(
        rule_settings(cohort_id, "reverse").with_weight(Rule.DEPARTMENT, Weight.OFF),
        min_years_gap=2.0,
        senior_words=("lead",),
    )
    save_rule_settings(cohort_id, own)
    stored = rule_settings(cohort_id, "reverse")
    assert stored.weight(Rule.LOCATION) is Weight.HIGH, "from its kind"
    assert stored.weight(Rule.DEPARTMENT) is Weight.OFF, "its own"
    assert (stored.years_gap, stored.senior_words) == (2.0, ("lead",))
    assert stored.shares()[Rule.LOCATION] == 38, "high: 5 of 13 parts"

    # The kind changes again: the cohort follows it where it set nothing apart.
    save_kind_weights("reverse", {**kind_weights("reverse"), Rule.LOCATION: Weight.MEDIUM})
    assert rule_settings(cohort_id, "reverse").weight(Rule.LOCATION) is Weight.MEDIUM
    # The settings screen changes the cohort's weights; its gap and words stay.
    save_cohort_weights(cohort_id, "reverse", {Rule.HISTORY: Weight.HIGH})
    stored = rule_settings(cohort_id, "reverse")
    assert stored.weight(Rule.DEPARTMENT) is Weight.LOW, "back to its kind's"
    assert (stored.weight(Rule.HISTORY), stored.years_gap) == (Weight.HIGH, 2.0)
    # RULE=default follows the kind, not the built-in weight.
    following = with_changes(stored.with_weight(Rule.LOCATION, Weight.OFF), [(Rule.LOCATION, None)])
    assert following.weight(Rule.LOCATION) is Weight.MEDIUM
    assert stored.defaults().weight(Rule.LOCATION) is Weight.MEDIUM
    assert stored.defaults().years_gap == 5.0

    silent = RuleSettings(CohortKind.REVERSE, dict.fromkeys(Rule, Weight.OFF))
    with pytest.raises(ValidationError, match="At least one matching rule must count"):
        save_rule_settings(cohort_id, silent)


def test_weight_changes_are_read_from_rule_equals_level() -> None:
    assert parse_weight_change("location=off") == (Rule.LOCATION, Weight.OFF)
    assert parse_weight_change("Meeting format = HIGH") == (Rule.MEETING_FORMAT, Weight.HIGH)
    assert parse_weight_change("not-paired-before=default") == (Rule.HISTORY, None)
    with pytest.raises(ValidationError, match="Rules: skills, seniority"):
        parse_weight_change("distance=low")
    with pytest.raises(ValidationError, match="“huge” is not a level for skills"):
        parse_weight_change("skills=huge")
    mutual = RuleSettings(CohortKind.MUTUAL)
    with pytest.raises(ValidationError, match="no seniority direction"):
        with_changes(mutual, [(Rule.SENIORITY, Weight.MANDATORY)])
    reverse = with_changes(RuleSettings(CohortKind.REVERSE), [(Rule.SKILLS, Weight.LOW)])
    assert with_changes(reverse, [(Rule.SKILLS, None)]).is_default()
