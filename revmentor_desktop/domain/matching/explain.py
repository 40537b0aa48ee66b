"""Sentences that explain a score, a blocked pair, or why someone stays unmatched."""

from __future__ import annotations

from collections import Counter

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.matching.facts import Profile
from revmentor_desktop.domain.matching.rules import Rule, RuleSettings
from revmentor_desktop.domain.matching.scoring import (
    DAYS_PER_YEAR,
    GRADE,
    HIRE,
    TITLE,
    folded,
    folded_tags,
    format_mask,
    management_chain,
    seniority,
    tag_key,
    title_rank,
)
from revmentor_desktop.domain.vocabulary import CohortKind, agree, plural

MENTOR = "mentor"
MENTEE = "mentee"

# The order in which reasons are given when a pair breaks several mandatory rules.
BLOCKING_ORDER = (
    Rule.REPORTING_LINE,
    Rule.SENIORITY,
    Rule.HISTORY,
    Rule.SKILLS,
    Rule.DEPARTMENT,
    Rule.MEETING_FORMAT,
    Rule.LOCATION,
)


def unavailability(profile: Profile) -> str:
    """Why a person is never proposed ("" when they may be), worded to follow their name."""
    if profile.archived:
        return "is archived, so is never proposed"
    if not profile.has_consent:
        return "has no recorded consent, so is never proposed"
    return ""


def shared_tags(mentor: Profile, mentee: Profile, kind: CohortKind) -> tuple[str, ...]:
    """Tags one wants to learn and the other can teach, as the learner wrote them."""
    directions = [(mentee.learns, mentor.teaches)]
    if kind is CohortKind.MUTUAL:
        directions.append((mentor.learns, mentee.teaches))
    found: dict[str, str] = {}
    for wanted, offered in directions:
        offered_keys = folded_tags(offered)
        for tag in wanted:
            key = tag_key(tag)
            if key in offered_keys:
                found.setdefault(key, " ".join(tag.split()))
    return tuple(found.values())


def _keys(tags: tuple[str, ...]) -> set[str]:
    return folded_tags(tags)


def _coverage(wanted: tuple[str, ...], offered: tuple[str, ...]) -> tuple[int, int]:
    """How many topics are wanted, and how many of them are offered."""
    wanted_keys = _keys(wanted)
    return len(wanted_keys), len(wanted_keys & _keys(offered))


def wanted_count(mentor: Profile, mentee: Profile, kind: CohortKind) -> int:
    """How many topics the mentee wants to learn (in mutual cohorts, both partners)."""
    count = len(_keys(mentee.learns))
    return count + len(_keys(mentor.learns)) if kind is CohortKind.MUTUAL else count


def uncovered_note(wanted: int, mentee_name: str, kind: CohortKind) -> str:
    """The mark on a pair whose partner covers none of the wanted topics ("" if not needed)."""
    if kind is CohortKind.MUTUAL:
        return f"covers none of the {wanted} topics the two want to learn"
    topics = "the topic" if wanted == 1 else f"the {wanted} topics"
    return f"covers none of {topics} {mentee_name} wants to learn"


def _years(value: float) -> str:
    rounded = round(value, 1)
    return f"{rounded:g} year" if rounded == 1 else f"{rounded:g} years"


def _years_apart(mentor: Profile, mentee: Profile) -> float | None:
    if mentor.hire_date is None or mentee.hire_date is None:
        return None
    return abs((mentee.hire_date - mentor.hire_date).days) / DAYS_PER_YEAR


_RANK_WORDS = {1: "senior", -1: "junior"}


def _why_too_close(mentor: Profile, mentee: Profile, settings: RuleSettings) -> list[str]:
    """The facts that put the two nearer than the cohort's minimum gap."""
    facts = []
    if mentor.grade is not None and mentee.grade is not None:
        if mentor.grade == mentee.grade:
            facts.append(f"both grade {mentor.grade}")
        else:
            facts.append(
                f"grades {mentor.grade} and {mentee.grade} are less than "
                f"{settings.min_grade_gap} apart"
            )
            return facts  # grades decide on their own when they differ
    apart = _years_apart(mentor, mentee)
    if apart is not None:
        facts.append(f"hired {_years(apart)} apart (the minimum is {_years(settings.years_gap)})")
    ranks = title_rank(mentor.job_title, settings), title_rank(mentee.job_title, settings)
    if ranks[0] and ranks[0] == ranks[1]:
        facts.append(f"both job titles read as {_RANK_WORDS[ranks[0]]}")
    return facts


def _seniority_evidence(mentor: Profile, mentee: Profile, basis: int) -> str:
    if basis == GRADE:
        return f"grade {mentor.grade} vs {mentee.grade}"
    if basis == HIRE:
        assert mentor.hire_date and mentee.hire_date
        apart = _years_apart(mentor, mentee) or 0.0
        return (
            f"hired {format_date(mentor.hire_date)} vs {format_date(mentee.hire_date)}, "
            f"{_years(apart)} apart"
        )
    assert basis == TITLE
    return f"job titles “{mentor.job_title}” vs “{mentee.job_title}”"


def seniority_note(
    mentor: Profile,
    mentee: Profile,
    settings: RuleSettings,
    verdict: tuple[int, int, bool] | None = None,
) -> str:
    """Who is more senior and on what evidence, or why it cannot be told.

    ``verdict`` is the pair's (direction, basis, close) from a score table, when one is at hand.
    """
    if verdict is None:
        verdict = seniority([mentee], [mentor], settings).at(0, 0)
    direction, basis, close = verdict
    if close:
        return "too close in seniority: " + "; ".join(_why_too_close(mentor, mentee, settings))
    if direction == 0:
        return (
            "cannot tell who is more senior (no grades, hire dates or job-title words to compare)"
        )
    word = "more" if direction > 0 else "less"
    return f"{mentor.name} is {word} senior ({_seniority_evidence(mentor, mentee, basis)})"


def reporting_relation(
    mentor: Profile, mentee: Profile, managers: dict[int, int | None], levels: int
) -> str:
    """'' or a sentence saying how one is in the other's management chain."""
    for junior, senior in ((mentee, mentor), (mentor, mentee)):
        chain = management_chain(junior.person_id, managers, levels)
        if senior.person_id in chain:
            level = chain.index(senior.person_id) + 1
            if level == 1:
                return f"{senior.name} is {junior.name}'s manager"
            return f"{senior.name} is {level} levels above {junior.name} in the reporting line"
    return ""


def rule_note(
    rule: Rule,
    mentor: Profile,
    mentee: Profile,
    settings: RuleSettings,
    managers: dict[int, int | None],
    history: dict[tuple[int, int], str],
    seniority_verdict: tuple[int, int, bool] | None = None,
) -> str:
    """A short phrase on how the pair fares under ``rule``."""
    if rule is Rule.SKILLS:
        wanted, covered = _coverage(mentee.learns, mentor.teaches)
        if settings.kind is CohortKind.MUTUAL:
            wanted_back, covered_back = _coverage(mentor.learns, mentee.teaches)
            return (
                f"{covered + covered_back} of {wanted + wanted_back} wanted topics covered "
                "(both ways)"
            )
        if not wanted:
            return f"{mentee.name} listed nothing to learn"
        return f"{covered} of {wanted} wanted topics covered"
    if rule is Rule.SENIORITY:
        return seniority_note(mentor, mentee, settings, seniority_verdict)
    if rule is Rule.REPORTING_LINE:
        relation = reporting_relation(mentor, mentee, managers, settings.reporting_levels)
        return relation or "not in each other's reporting line"
    if rule is Rule.DEPARTMENT:
        if not mentor.department.strip() or not mentee.department.strip():
            return "department not recorded"
        if folded(mentor.department) == folded(mentee.department):
            return f"both in {mentor.department}"
        return f"{mentor.department} and {mentee.department}"
    if rule is Rule.MEETING_FORMAT:
        common = format_mask(mentor.meeting_format) & format_mask(mentee.meeting_format)
        verdict = "compatible" if common else "no format in common"
        return f"{mentor.meeting_format} and {mentee.meeting_format}: {verdict}"
    if rule is Rule.LOCATION:
        if not mentor.location.strip() or not mentee.location.strip():
            return "location not recorded"
        if folded(mentor.location) == folded(mentee.location):
            return f"both in {mentor.location}"
        remote = format_mask(mentor.meeting_format) & format_mask(mentee.meeting_format) & 6
        how = "can meet remotely" if remote else "can only meet in person"
        return f"{mentor.location} and {mentee.location}; {how}"
    if rule is Rule.HISTORY:
        key = (min(mentor.person_id, mentee.person_id), max(mentor.person_id, mentee.person_id))
        earlier = history.get(key, "")
        return f"paired before in {earlier}" if earlier else "never paired before"
    raise ValueError(rule)


def rule_blocker(rule: Rule, mentor: Profile, mentee: Profile, note: str, kind: CohortKind) -> str:
    """Why a broken mandatory rule stops the pair."""
    if rule is Rule.SENIORITY:
        need = "less" if kind is CohortKind.REVERSE else "more"
        return f"{rule.label} (mandatory): the {kind.value} mentor must be {need} senior; {note}"
    return f"{rule.label} (mandatory): {note}"


# How a broken rule reads in a list of reasons about one mentee's candidate mentors
# ("3 are in their reporting line"), and about one mentor's candidate mentees.
TOO_CLOSE = "too close in seniority"
_AS_MENTOR = {
    "forbidden": "were forbidden or rejected by you",
    TOO_CLOSE: "are too close to them in seniority",
    Rule.REPORTING_LINE: "are in their reporting line",
    Rule.SKILLS: "teach nothing they want to learn",
    Rule.DEPARTMENT: "work in the same department",
    Rule.MEETING_FORMAT: "share no meeting format with them",
    Rule.LOCATION: "work elsewhere and can only meet in person",
    Rule.HISTORY: "were paired with them before",
}
_AS_MENTEE = {
    "forbidden": "were forbidden or rejected by you",
    TOO_CLOSE: "are too close to them in seniority",
    Rule.REPORTING_LINE: "are in their reporting line",
    Rule.SKILLS: "want to learn nothing they teach",
    Rule.DEPARTMENT: "work in the same department",
    Rule.MEETING_FORMAT: "share no meeting format with them",
    Rule.LOCATION: "work elsewhere and can only meet in person",
    Rule.HISTORY: "were paired with them before",
}


def seniority_phrase(kind: CohortKind, as_mentor: bool) -> str:
    reverse = kind is CohortKind.REVERSE
    # Candidate mentors blocked in a reverse cohort are more senior than the mentee.
    if as_mentor:
        return "are more senior than them" if reverse else "are less senior than them"
    return "are less senior than them" if reverse else "are more senior than them"


def tally_phrase(counts: Counter[str], total: int, noun: str) -> str:
    """'of 5 mentors, 3 are in their reporting line and 2 are more senior than them'."""
    parts = [f"{count} {agree(phrase, count)}" for phrase, count in counts.most_common()]
    if len(parts) > 1:
        joined = ", ".join(parts[:-1]) + " and " + parts[-1]
    else:
        joined = parts[0] if parts else ""
    return f"of {plural(total, noun)}, {joined}"


def blocking_phrase(rule: Rule | str, kind: CohortKind, as_mentor: bool) -> str:
    """The phrase for a candidate blocked by ``rule`` ('forbidden' for the coordinator's ban,
    ``TOO_CLOSE`` for the seniority rule broken by too small a gap)."""
    if rule == Rule.SENIORITY:
        return seniority_phrase(kind, as_mentor)
    table = _AS_MENTOR if as_mentor else _AS_MENTEE
    return table[rule]


def names_list(names: list[str], limit: int = 3, total: int | None = None) -> str:
    """'A, B, C and 4 more': the first ``limit`` names of ``total`` (all of ``names`` if None)."""
    total = len(names) if total is None else total
    if total <= limit:
        return ", ".join(names[:limit])
    return ", ".join(names[:limit]) + f" and {total - limit} more"
