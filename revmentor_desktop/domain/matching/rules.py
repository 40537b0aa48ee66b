"""The matching rules, their weights, and each cohort's choice of weights.

Every rule gives a pair a *fit* between 0 and 1 and may say the pair *breaks* it. A rule's
weight turns the fit into points (high 30, medium 20, low 10, off 0). A mandatory rule also
counts as high, and a pair that breaks it is never proposed. Defaults depend on the cohort's
kind. The coordinator can change them for every cohort of a kind, and again for one cohort;
both are stored in the data file's settings, each only where it differs from the level below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

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
    """What a cohort of ``kind`` uses before it has weights of its own: the kind's weights."""
    return RuleSettings(
        CohortKind(kind), _stored_weights(data_settings.MATCHING_KIND_WEIGHTS, kind)
    )


def rule_settings(cohort_id: int, kind: str) -> RuleSettings:
    """The cohort's weights: its stored overrides over the defaults for its kind."""
    stored = data_settings.get(data_settings.MATCHING_RULES.for_(cohort_id))
    weights = {**default_settings(kind).weights, **cohort_weights(cohort_id)}
    levels = stored.get("reporting_levels", DEFAULT_REPORTING_LEVELS)
    if not isinstance(levels, int) or not 1 <= levels <= MAX_REPORTING_LEVELS:
        levels = DEFAULT_REPORTING_LEVELS
    return RuleSettings(CohortKind(kind), weights, levels)


def save_rule_settings(cohort_id: int, settings: RuleSettings) -> None:
    """Store only the weights that differ from those of the cohort's kind."""
    if not 1 <= settings.reporting_levels <= MAX_REPORTING_LEVELS:
        raise ValidationError(
            {"reporting_levels": f"Look 1 to {MAX_REPORTING_LEVELS} levels up the reporting line."}
        )
    defaults = kind_weights(settings.kind)
    overrides = {
        rule.value: weight.value
        for rule, weight in settings.weights.items()
        if weight is not defaults[rule]
    }
    data_settings.put(
        data_settings.MATCHING_RULES.for_(cohort_id),
        {"weights": overrides, "reporting_levels": settings.reporting_levels},
    )


# Weights as the settings screen edits them: per kind over the built-in defaults, per cohort
# over its kind's.


def _stored_weights(setting: data_settings.DataSetting[Any], member: object) -> dict[Rule, Weight]:
    """The valid rule → weight entries stored in a member of ``setting`` (others are ignored)."""
    stored = data_settings.get(setting.for_(member)).get("weights") or {}
    return {
        Rule(name): Weight(value)
        for name, value in stored.items()
        if name in _RULE_NAMES and value in _WEIGHT_NAMES
    }


def kind_weights(kind: str) -> dict[Rule, Weight]:
    """Every rule's weight for cohorts of ``kind``: the built-in ones with the coordinator's."""
    settings = default_settings(kind)
    return {rule: settings.weight(rule) for rule in Rule}


def save_kind_weights(kind: str, weights: Mapping[Rule, Weight]) -> None:
    """Store the weights of ``kind`` that differ from the built-in ones."""
    cohort_kind = CohortKind(kind)
    if problem := weights_problem(cohort_kind, weights):
        raise ValidationError({f"matching.{kind}": problem})
    changed = {
        rule.value: weight.value
        for rule, weight in weights.items()
        if weight is not DEFAULT_WEIGHTS[cohort_kind][rule]
    }
    setting = data_settings.MATCHING_KIND_WEIGHTS.for_(cohort_kind.value)
    if changed:
        data_settings.put(setting, {"weights": changed})
    else:
        data_settings.reset(setting)


def cohort_weights(cohort_id: int) -> dict[Rule, Weight]:
    """The weights a cohort sets for itself, over its kind's (only the rules it changes)."""
    return _stored_weights(data_settings.MATCHING_RULES, cohort_id)


def save_cohort_weights(cohort_id: int, kind: str, weights: Mapping[Rule, Weight]) -> None:
    """Make ``weights`` the cohort's own; the rest of its matching settings stay as stored."""
    if problem := weights_problem(CohortKind(kind), weights):
        raise ValidationError({f"matching.cohort.{cohort_id}": problem})
    current = rule_settings(cohort_id, kind)
    save_rule_settings(cohort_id, replace(current, weights={**kind_weights(kind), **weights}))


def weights_problem(kind: CohortKind, weights: Mapping[Rule, Weight]) -> str:
    """Why ``weights`` cannot be used for cohorts of ``kind``, or ""."""
    if kind is CohortKind.MUTUAL and weights.get(Rule.SENIORITY, Weight.OFF) is not Weight.OFF:
        return "Mutual mentoring has no seniority direction: its seniority rule stays off."
    if all(weight is Weight.OFF for weight in {**kind_weights(kind), **weights}.values()):
        return "At least one matching rule must count, or every pairing scores the same."
    return ""
