"""The matching rules, their weights, and a cohort's choice of them (``RuleSettings``).

A *mandatory* rule is a gate: a pair that breaks it is never a candidate, and one that passes
earns nothing for it, since every candidate passes. The other rules give a pair a *fit* between
0 and 1, and their weights (high, medium, low) share out a score of 100 between them: a rule's
share is its weight's factor over the sum of the factors in use. What the mentee wants to learn
weighs most by default; department, format, location and history refine it.

Seniority is read from grades, from years since hire when grades are missing or equal, and from
job-title words when neither tells. A cohort asks for a minimum gap, so two newcomers hired a
year apart are not "more senior" and "less senior" for a reverse pairing.

Defaults depend on the cohort's kind. These are plain values: ``saved_rules`` keeps a kind's
and a cohort's choices in the data file, and ``rules_text`` words them for the command line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from revmentor_desktop.domain.text import fold
from revmentor_desktop.domain.vocabulary import CohortKind

SCORE_OUT_OF = 100


class Weight(StrEnum):
    MANDATORY = "mandatory"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    OFF = "off"

    @property
    def factor(self) -> int:
        """How much of the score a rule of this weight takes, relative to the others."""
        return _FACTORS[self]

    @property
    def scores(self) -> bool:
        return self.factor > 0

    @property
    def label(self) -> str:
        return self.value.capitalize()


_FACTORS = {
    Weight.MANDATORY: 0,  # a gate, not points
    Weight.HIGH: 5,
    Weight.MEDIUM: 2,
    Weight.LOW: 1,
    Weight.OFF: 0,
}


class Rule(StrEnum):
    SKILLS = "skills"
    SENIORITY = "seniority"
    REPORTING_LINE = "reporting_line"
    DEPARTMENT = "department"
    MEETING_FORMAT = "meeting_format"
    LOCATION = "location"
    HISTORY = "history"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_LABELS = {
    Rule.SKILLS: "Skills fit",
    Rule.SENIORITY: "Seniority direction",
    Rule.REPORTING_LINE: "Reporting line",
    Rule.DEPARTMENT: "Different department",
    Rule.MEETING_FORMAT: "Meeting format",
    Rule.LOCATION: "Location",
    Rule.HISTORY: "Not paired before",
}

_DESCRIPTIONS = {
    Rule.SKILLS: "How many of the topics the mentee wants to learn the mentor can teach "
    "(in mutual cohorts, both ways). A mentee is never given a partner who covers none of "
    "their topics while a mentor who covers some has a free place.",
    Rule.SENIORITY: "Reverse: the mentor is less senior than the mentee; traditional: more "
    "senior; by at least the cohort's minimum gap. Read from grades, else years since hire, "
    "else job-title words. Not used in mutual cohorts.",
    Rule.REPORTING_LINE: "Neither is in the other's management chain (up to N levels).",
    Rule.DEPARTMENT: "The two work in different departments.",
    Rule.MEETING_FORMAT: "Their preferred meeting formats overlap (“either” fits all).",
    Rule.LOCATION: "Same location, or they can meet by video or phone.",
    Rule.HISTORY: "They have not been paired together in another cohort.",
}

_COMMON_DEFAULTS = {
    Rule.SKILLS: Weight.HIGH,
    Rule.SENIORITY: Weight.MANDATORY,
    Rule.REPORTING_LINE: Weight.MANDATORY,
    Rule.DEPARTMENT: Weight.LOW,
    Rule.MEETING_FORMAT: Weight.MEDIUM,
    Rule.LOCATION: Weight.LOW,
    Rule.HISTORY: Weight.LOW,
}

DEFAULT_WEIGHTS: dict[CohortKind, dict[Rule, Weight]] = {
    CohortKind.REVERSE: dict(_COMMON_DEFAULTS),
    CohortKind.TRADITIONAL: dict(_COMMON_DEFAULTS),
    CohortKind.MUTUAL: {**_COMMON_DEFAULTS, Rule.SENIORITY: Weight.OFF},
}

# Years of service one partner needs over the other when grades do not tell them apart. In
# reverse mentoring the mentee is the long-serving colleague: five years keeps two newcomers
# from being paired as "senior" and "junior".
DEFAULT_YEARS_GAP: dict[CohortKind, float] = {
    CohortKind.REVERSE: 5.0,
    CohortKind.TRADITIONAL: 3.0,
    CohortKind.MUTUAL: 0.0,
}
DEFAULT_GRADE_GAP = 1
MAX_GRADE_GAP = 20
MAX_YEARS_GAP = 40.0
DEFAULT_JUNIOR_WORDS = ("junior", "graduate", "trainee", "intern", "apprentice")
DEFAULT_SENIOR_WORDS = ("senior", "head", "director", "chief", "manager", "vice president")

DEFAULT_REPORTING_LEVELS = 2
MAX_REPORTING_LEVELS = 10

RULE_NAMES = frozenset(rule.value for rule in Rule)
WEIGHT_NAMES = frozenset(weight.value for weight in Weight)


def title_words(text: str) -> tuple[str, ...]:
    """Words or phrases typed as a comma-separated list, folded and without repeats."""
    found: dict[str, None] = {}
    for piece in text.split(","):
        word = normal_title(piece)
        if word:
            found.setdefault(word)
    return tuple(found)


def normal_title(text: str) -> str:
    """A job title folded to lower-case words separated by single spaces."""
    return " ".join(re.split(r"[^\w]+", fold(text))).strip()


@dataclass(frozen=True)
class RuleSettings:
    """How a cohort matches: a weight per rule and the details of the seniority rule.

    ``weights`` holds the rules the cohort sets apart; the others follow ``kind_weights``, the
    weights the coordinator chose for every cohort of the kind, and then the built-in ones.
    ``reporting_levels`` is N for the reporting-line rule. ``min_grade_gap`` and
    ``min_years_gap`` are the least difference in grade, or in years since hire, that makes
    one partner more senior than the other; ``None`` takes the default for the kind.
    """

    kind: CohortKind
    weights: dict[Rule, Weight] = field(default_factory=dict)
    reporting_levels: int = DEFAULT_REPORTING_LEVELS
    min_grade_gap: int = DEFAULT_GRADE_GAP
    min_years_gap: float | None = None
    junior_words: tuple[str, ...] = DEFAULT_JUNIOR_WORDS
    senior_words: tuple[str, ...] = DEFAULT_SENIOR_WORDS
    kind_weights: Mapping[Rule, Weight] = field(default_factory=dict)

    @property
    def years_gap(self) -> float:
        if self.min_years_gap is None:
            return DEFAULT_YEARS_GAP[self.kind]
        return self.min_years_gap

    def weight(self, rule: Rule) -> Weight:
        if rule is Rule.SENIORITY and self.kind is CohortKind.MUTUAL:
            return Weight.OFF  # partners learn from each other: there is no direction
        if rule in self.weights:
            return self.weights[rule]
        return self.kind_weights.get(rule, DEFAULT_WEIGHTS[self.kind][rule])

    def follows_kind(self, rule: Rule) -> bool:
        """Whether the rule takes its kind's weight, rather than one the cohort chose."""
        return rule not in self.weights

    def is_mandatory(self, rule: Rule) -> bool:
        return self.weight(rule) is Weight.MANDATORY

    def in_use(self, rule: Rule) -> bool:
        return self.weight(rule) is not Weight.OFF

    def shares(self) -> dict[Rule, int]:
        """Each scoring rule's share of the 100 points, whole numbers that add up to 100.

        Shares follow the weights' factors; the points left by rounding go to the rules with
        the largest remainders, earlier rules first on a tie.
        """
        factors = {rule: self.weight(rule).factor for rule in Rule if self.weight(rule).scores}
        total = sum(factors.values())
        if not total:
            return {}
        exact = {rule: SCORE_OUT_OF * factor / total for rule, factor in factors.items()}
        shares = {rule: int(value) for rule, value in exact.items()}
        left = SCORE_OUT_OF - sum(shares.values())
        order = list(Rule)
        by_remainder = sorted(exact, key=lambda r: (-(exact[r] - shares[r]), order.index(r)))
        for rule in by_remainder[:left]:
            shares[rule] += 1
        return shares

    def with_weight(self, rule: Rule, weight: Weight) -> RuleSettings:
        return replace(self, weights={**self.weights, rule: weight})

    def defaults(self) -> RuleSettings:
        """The settings a new cohort of this kind starts with: its kind's weights and the
        built-in seniority gap and job-title words."""
        return RuleSettings(self.kind, kind_weights=self.kind_weights)

    def is_default(self) -> bool:
        return overrides_of(self) == {}


NO_SENIORITY_IN_MUTUAL = (
    "Mutual mentoring has no seniority direction: its seniority rule stays off."
)
NOTHING_COUNTS = "At least one matching rule must count, or every pairing scores the same."


def settings_problems(settings: RuleSettings) -> dict[str, str]:
    """What is out of range in ``settings``, by field, in words for the coordinator."""
    problems = {}
    if not any(settings.in_use(rule) for rule in Rule):
        problems["weights"] = NOTHING_COUNTS
    if not 1 <= settings.reporting_levels <= MAX_REPORTING_LEVELS:
        problems["reporting_levels"] = (
            f"Look 1 to {MAX_REPORTING_LEVELS} levels up the reporting line."
        )
    if not 1 <= settings.min_grade_gap <= MAX_GRADE_GAP:
        problems["min_grade_gap"] = f"The minimum grade gap is 1 to {MAX_GRADE_GAP} grades."
    if not 0 <= settings.years_gap <= MAX_YEARS_GAP:
        problems["min_years_gap"] = f"The minimum gap in service is 0 to {MAX_YEARS_GAP:g} years."
    shared = set(settings.junior_words) & set(settings.senior_words)
    if shared:
        problems["senior_words"] = (
            f"“{sorted(shared)[0]}” cannot be both a junior and a senior job-title word."
        )
    return problems


def overrides_of(settings: RuleSettings) -> dict[str, Any]:
    """The parts of ``settings`` that differ from what a new cohort of its kind starts with."""
    defaults = settings.defaults()
    overrides: dict[str, Any] = {}
    weights = {
        rule.value: settings.weight(rule).value
        for rule in Rule
        if settings.weight(rule) is not defaults.weight(rule)
    }
    if weights:
        overrides["weights"] = weights
    if settings.reporting_levels != defaults.reporting_levels:
        overrides["reporting_levels"] = settings.reporting_levels
    if settings.min_grade_gap != defaults.min_grade_gap:
        overrides["min_grade_gap"] = settings.min_grade_gap
    if settings.years_gap != defaults.years_gap:
        overrides["min_years_gap"] = settings.years_gap
    if settings.junior_words != defaults.junior_words:
        overrides["junior_words"] = list(settings.junior_words)
    if settings.senior_words != defaults.senior_words:
        overrides["senior_words"] = list(settings.senior_words)
    return overrides
