"""Sentences that explain a score, a blocked pair, or why someone stays unmatched."""

from __future__ import annotations

from collections import Counter

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.matching.facts import Profile
from revmentor_desktop.domain.matching.rules import Rule, RuleSettings
from revmentor_desktop.domain.matching.scoring import (
    format_mask,
    management_chain,
    seniority_sign,
)
from revmentor_desktop.domain.text import fold
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
        offered_keys = {fold(" ".join(tag.split())) for tag in offered}
        for tag in wanted:
            key = fold(" ".join(tag.split()))
            if key in offered_keys:
                found.setdefault(key, " ".join(tag.split()))
    return tuple(found.values())


def _keys(tags: tuple[str, ...]) -> set[str]:
    return {fold(" ".join(tag.split())) for tag in tags if tag.strip()}


def _coverage(wanted: tuple[str, ...], offered: tuple[str, ...]) -> tuple[int, int]:
    """How many tags are wanted, and how many of them are offered."""
    wanted_keys = _keys(wanted)
    return len(wanted_keys), len(wanted_keys & _keys(offered))


def _seniority_evidence(mentor: Profile, mentee: Profile) -> str:
    if mentor.grade is not None and mentee.grade is not None and mentor.grade != mentee.grade:
        return f"grade {mentor.grade} vs {mentee.grade}"
    if mentor.hire_date and mentee.hire_date and mentor.hire_date != mentee.hire_date:
        return f"hired {format_date(mentor.hire_date)} vs {format_date(mentee.hire_date)}"
    return ""


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
) -> str:
    """A short phrase on how the pair fares under ``rule``."""
    if rule is Rule.SKILLS:
        wanted, covered = _coverage(mentee.learns, mentor.teaches)
        if settings.kind is CohortKind.MUTUAL:
            wanted_back, covered_back = _coverage(mentor.learns, mentee.teaches)
            return (
                f"{covered + covered_back} of {wanted + wanted_back} wanted tags covered "
                "(both ways)"
            )
        if not wanted:
            return f"{mentee.name} listed nothing to learn"
        return f"{covered} of {wanted} wanted tags covered"
    if rule is Rule.SENIORITY:
        sign = seniority_sign(mentor, mentee)
        evidence = _seniority_evidence(mentor, mentee)
        if sign == 0:
            return "cannot tell who is more senior (no differing grades or hire dates)"
        word = "more" if sign > 0 else "less"
        return f"{mentor.name} is {word} senior ({evidence})"
    if rule is Rule.REPORTING_LINE:
        relation = reporting_relation(mentor, mentee, managers, settings.reporting_levels)
        return relation or "not in each other's reporting line"
    if rule is Rule.DEPARTMENT:
        if not mentor.department.strip() or not mentee.department.strip():
            return "department not recorded"
        if fold(mentor.department.strip()) == fold(mentee.department.strip()):
            return f"both in {mentor.department}"
        return f"{mentor.department} and {mentee.department}"
    if rule is Rule.MEETING_FORMAT:
        common = format_mask(mentor.meeting_format) & format_mask(mentee.meeting_format)
        verdict = "compatible" if common else "no format in common"
        return f"{mentor.meeting_format} and {mentee.meeting_format}: {verdict}"
    if rule is Rule.LOCATION:
        if not mentor.location.strip() or not mentee.location.strip():
            return "location not recorded"
        if fold(mentor.location.strip()) == fold(mentee.location.strip()):
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
_AS_MENTOR = {
    "forbidden": "were forbidden or rejected by you",
    Rule.REPORTING_LINE: "are in their reporting line",
    Rule.SKILLS: "teach nothing they want to learn",
    Rule.DEPARTMENT: "work in the same department",
    Rule.MEETING_FORMAT: "share no meeting format with them",
    Rule.LOCATION: "work elsewhere and can only meet in person",
    Rule.HISTORY: "were paired with them before",
}
_AS_MENTEE = {
    "forbidden": "were forbidden or rejected by you",
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
    """The phrase for a candidate blocked by ``rule`` ('forbidden' for the coordinator's ban)."""
    if rule == Rule.SENIORITY:
        return seniority_phrase(kind, as_mentor)
    table = _AS_MENTOR if as_mentor else _AS_MENTEE
    return table[rule]


def names_list(names: list[str], limit: int = 3) -> str:
    if len(names) <= limit:
        return ", ".join(names)
    return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
