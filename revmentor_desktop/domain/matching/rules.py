"""The matching rules, their weights, and each cohort's choice of weights.

Every rule gives a pair a *fit* between 0 and 1 and may say the pair *breaks* it. A rule's
weight turns the fit into points (high 30, medium 20, low 10, off 0). A mandatory rule also
counts as high, and a pair that breaks it is never proposed. Defaults depend on the cohort's
kind; the coordinator's overrides are stored per cohort in the data file's settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from revmentor_desktop.domain import settings as data_settings
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.vocabulary import CohortKind


class Weight(StrEnum):
    MANDATORY = "mandatory"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    OFF = "off"

    @property
    def points(self) -> int:
        """Points a perfect fit earns (mandatory rules count as high)."""
        return {"mandatory": 30, "high": 30, "medium": 20, "low": 10, "off": 0}[self.value]


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
    Rule.SKILLS: "How many of the mentee's wants-to-learn tags the mentor can teach "
    "(in mutual cohorts, both ways).",
    Rule.SENIORITY: "Reverse: the mentor is less senior than the mentee; traditional: more "
    "senior. Decided by grade, else by hire date. Not used in mutual cohorts.",
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
    Rule.DEPARTMENT: Weight.MEDIUM,
    Rule.MEETING_FORMAT: Weight.MEDIUM,
    Rule.LOCATION: Weight.LOW,
    Rule.HISTORY: Weight.HIGH,
}

DEFAULT_WEIGHTS: dict[CohortKind, dict[Rule, Weight]] = {
    CohortKind.REVERSE: dict(_COMMON_DEFAULTS),
    CohortKind.TRADITIONAL: dict(_COMMON_DEFAULTS),
    CohortKind.MUTUAL: {**_COMMON_DEFAULTS, Rule.SENIORITY: Weight.OFF},
}

_RULE_NAMES = frozenset(rule.value for rule in Rule)
_WEIGHT_NAMES = frozenset(weight.value for weight in Weight)

DEFAULT_REPORTING_LEVELS = 2
MAX_REPORTING_LEVELS = 10


@dataclass(frozen=True)
class RuleSettings:
    """The weights a cohort uses; ``reporting_levels`` is N for the reporting-line rule."""

    kind: CohortKind
    weights: dict[Rule, Weight] = field(default_factory=dict)
    reporting_levels: int = DEFAULT_REPORTING_LEVELS

    def weight(self, rule: Rule) -> Weight:
        if rule is Rule.SENIORITY and self.kind is CohortKind.MUTUAL:
            return Weight.OFF  # partners learn from each other: there is no direction
        return self.weights.get(rule, DEFAULT_WEIGHTS[self.kind][rule])

    def is_mandatory(self, rule: Rule) -> bool:
        return self.weight(rule) is Weight.MANDATORY

    @property
    def max_points(self) -> int:
        return sum(self.weight(rule).points for rule in Rule)

    def with_weight(self, rule: Rule, weight: Weight) -> RuleSettings:
        return RuleSettings(self.kind, {**self.weights, rule: weight}, self.reporting_levels)


def default_settings(kind: str) -> RuleSettings:
    return RuleSettings(CohortKind(kind))


def rule_settings(cohort_id: int, kind: str) -> RuleSettings:
    """The cohort's weights: its stored overrides over the defaults for its kind."""
    stored = data_settings.get(data_settings.MATCHING_RULES.for_(cohort_id))
    weights: dict[Rule, Weight] = {}
    for name, value in (stored.get("weights") or {}).items():
        if name in _RULE_NAMES and value in _WEIGHT_NAMES:
            weights[Rule(name)] = Weight(value)
    levels = stored.get("reporting_levels", DEFAULT_REPORTING_LEVELS)
    if not isinstance(levels, int) or not 1 <= levels <= MAX_REPORTING_LEVELS:
        levels = DEFAULT_REPORTING_LEVELS
    return RuleSettings(CohortKind(kind), weights, levels)


def save_rule_settings(cohort_id: int, settings: RuleSettings) -> None:
    """Store only the weights that differ from the defaults for the cohort's kind."""
    if not 1 <= settings.reporting_levels <= MAX_REPORTING_LEVELS:
        raise ValidationError(
            {"reporting_levels": f"Look 1 to {MAX_REPORTING_LEVELS} levels up the reporting line."}
        )
    defaults = DEFAULT_WEIGHTS[settings.kind]
    overrides = {
        rule.value: weight.value
        for rule, weight in settings.weights.items()
        if weight is not defaults[rule]
    }
    data_settings.put(
        data_settings.MATCHING_RULES.for_(cohort_id),
        {"weights": overrides, "reporting_levels": settings.reporting_levels},
    )
