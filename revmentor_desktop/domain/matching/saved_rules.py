"""The rule settings the data file keeps: each kind's weights, and each cohort's own.

The coordinator can change the weights for every cohort of a kind, and again for one cohort,
along with its seniority gap and job-title words; both are stored in the data file's settings,
each only where it differs from the level below (a cohort's from its kind's, a kind's from the
built-in ones). What was stored by hand and makes no sense reads as the default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from revmentor_desktop.domain import settings as data_settings
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.matching.rules import (
    DEFAULT_GRADE_GAP,
    DEFAULT_JUNIOR_WORDS,
    DEFAULT_REPORTING_LEVELS,
    DEFAULT_SENIOR_WORDS,
    DEFAULT_WEIGHTS,
    MAX_GRADE_GAP,
    MAX_REPORTING_LEVELS,
    MAX_YEARS_GAP,
    NO_SENIORITY_IN_MUTUAL,
    RULE_NAMES,
    WEIGHT_NAMES,
    Rule,
    RuleSettings,
    Weight,
    overrides_of,
    settings_problems,
    title_words,
)
from revmentor_desktop.domain.vocabulary import CohortKind


def default_settings(kind: str) -> RuleSettings:
    """What a cohort of ``kind`` uses before it has settings of its own: the kind's weights."""
    return RuleSettings(CohortKind(kind), kind_weights=_stored_weights(_kind_setting(kind)))


def _kind_setting(kind: str) -> data_settings.DataSetting[dict[str, Any]]:
    return data_settings.MATCHING_KIND_WEIGHTS.for_(CohortKind(kind).value)


def _stored_weights(setting: data_settings.DataSetting[dict[str, Any]]) -> dict[Rule, Weight]:
    """The valid rule → weight entries stored in ``setting`` (others are ignored)."""
    stored = data_settings.get(setting).get("weights") or {}
    return {
        Rule(name): Weight(value)
        for name, value in stored.items()
        if name in RULE_NAMES and value in WEIGHT_NAMES
    }


def _number(value: Any, low: float, high: float) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high


def _words(value: Any) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        return None
    return title_words(",".join(value))


def rule_settings(cohort_id: int, kind: str) -> RuleSettings:
    """The cohort's settings: what it stored over its kind's weights and the defaults.

    A value that is missing or does not make sense (a hand-edited file) reads as the default.
    """
    setting = data_settings.MATCHING_RULES.for_(cohort_id)
    stored = data_settings.get(setting)
    levels = stored.get("reporting_levels")
    grade_gap = stored.get("min_grade_gap")
    years_gap = stored.get("min_years_gap")
    junior, senior = _words(stored.get("junior_words")), _words(stored.get("senior_words"))
    return replace(
        default_settings(kind),
        weights=_stored_weights(setting),
        reporting_levels=(
            int(levels) if _number(levels, 1, MAX_REPORTING_LEVELS) else DEFAULT_REPORTING_LEVELS
        ),
        min_grade_gap=int(grade_gap) if _number(grade_gap, 1, MAX_GRADE_GAP) else DEFAULT_GRADE_GAP,
        min_years_gap=float(years_gap) if _number(years_gap, 0, MAX_YEARS_GAP) else None,
        junior_words=DEFAULT_JUNIOR_WORDS if junior is None else junior,
        senior_words=DEFAULT_SENIOR_WORDS if senior is None else senior,
    )


def save_rule_settings(cohort_id: int, settings: RuleSettings) -> None:
    """Store what differs from the cohort's kind and the defaults; refuse what cannot work.

    ``settings.kind_weights`` should be the kind's weights as stored (``rule_settings`` and
    ``default_settings`` give them): a weight equal to its kind's is not stored, so the cohort
    follows its kind's later changes in that rule.
    """
    problems = settings_problems(settings)
    if problems:
        raise ValidationError(problems)
    data_settings.put(data_settings.MATCHING_RULES.for_(cohort_id), overrides_of(settings))


# Weights as the programme settings edit them: per kind over the built-in ones, per cohort over
# its kind's.


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
    if changed:
        data_settings.put(_kind_setting(kind), {"weights": changed})
    else:
        data_settings.reset(_kind_setting(kind))


def cohort_weights(cohort_id: int) -> dict[Rule, Weight]:
    """The weights a cohort sets for itself, over its kind's (only the rules it changes)."""
    return _stored_weights(data_settings.MATCHING_RULES.for_(cohort_id))


def save_cohort_weights(cohort_id: int, kind: str, weights: Mapping[Rule, Weight]) -> None:
    """Make ``weights`` the cohort's own; its seniority gap and title words stay as stored."""
    if problem := weights_problem(CohortKind(kind), weights):
        raise ValidationError({f"matching.cohort.{cohort_id}": problem})
    save_rule_settings(cohort_id, replace(rule_settings(cohort_id, kind), weights=dict(weights)))


def weights_problem(kind: CohortKind, weights: Mapping[Rule, Weight]) -> str:
    """Why ``weights`` (over the kind's) cannot be used for cohorts of ``kind``, or ""."""
    if kind is CohortKind.MUTUAL and weights.get(Rule.SENIORITY, Weight.OFF) is not Weight.OFF:
        return NO_SENIORITY_IN_MUTUAL
    settings = RuleSettings(kind, dict(weights), kind_weights=kind_weights(kind))
    return settings_problems(settings).get("weights", "")
