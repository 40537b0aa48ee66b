"""The matching rules in words, for the command line: a cohort's settings in a few lines,
and the ``RULE=LEVEL`` changes that ``revmentor match --weight`` reads and applies."""

from __future__ import annotations

from dataclasses import replace

from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.matching.rules import (
    NO_SENIORITY_IN_MUTUAL,
    RULE_NAMES,
    SCORE_OUT_OF,
    WEIGHT_NAMES,
    Rule,
    RuleSettings,
    Weight,
    normal_title,
)
from revmentor_desktop.domain.vocabulary import CohortKind


def _quoted(words: tuple[str, ...]) -> str:
    return ", ".join(f"“{word}”" for word in words) or "none"


def describe_settings(settings: RuleSettings) -> list[str]:
    """The cohort's rules in a few lines: the points each scoring rule gives, the gates."""
    shares = settings.shares()
    scoring = ", ".join(
        f"{rule.label} {shares[rule]} ({settings.weight(rule).value})" for rule in shares
    )
    gates = [rule.label for rule in Rule if settings.is_mandatory(rule)]
    lines = [f"Score out of {SCORE_OUT_OF}: {scoring or 'no rule scores'}"]
    lines.append(f"Mandatory: {', '.join(gates) if gates else 'none'}")
    if settings.in_use(Rule.SENIORITY):
        grades = "grade" if settings.min_grade_gap == 1 else "grades"
        lines.append(
            f"Seniority gap at least {settings.min_grade_gap} {grades}, or "
            f"{settings.years_gap:g} years since hire when grades are missing or equal; "
            f"when neither tells, job-title words: junior {_quoted(settings.junior_words)}; "
            f"senior {_quoted(settings.senior_words)}"
        )
    return lines


DEFAULT_LEVEL = "default"


def parse_weight_change(text: str) -> tuple[Rule, Weight | None]:
    """``location=off`` as (rule, weight); the level ``default`` gives ``None``.

    Rule names may use spaces or hyphens for underscores and any case; so may the labels
    ("meeting format", "not paired before").
    """
    name, equals, level = text.partition("=")
    key = "_".join(normal_title(name).split())
    by_label = {"_".join(normal_title(rule.label).split()): rule for rule in Rule}
    rule = Rule(key) if key in RULE_NAMES else by_label.get(key)
    level_key = normal_title(level)
    if not equals or rule is None:
        names = ", ".join(rule.value for rule in Rule)
        raise ValidationError(
            {"weight": f"“{text}” is not RULE=LEVEL with a known rule. Rules: {names}."}
        )
    if level_key == DEFAULT_LEVEL:
        return rule, None
    if level_key not in WEIGHT_NAMES:
        levels = ", ".join([*(weight.value for weight in Weight), DEFAULT_LEVEL])
        raise ValidationError(
            {"weight": f"“{level.strip()}” is not a level for {rule.value}. Levels: {levels}."}
        )
    return rule, Weight(level_key)


def with_changes(settings: RuleSettings, changes: list[tuple[Rule, Weight | None]]) -> RuleSettings:
    """``settings`` with each (rule, weight) applied in turn; ``None`` follows the kind again."""
    for rule, weight in changes:
        if settings.kind is CohortKind.MUTUAL and rule is Rule.SENIORITY and weight:
            raise ValidationError({"weight": NO_SENIORITY_IN_MUTUAL})
        if weight is None:
            settings = replace(
                settings, weights={k: w for k, w in settings.weights.items() if k is not rule}
            )
        else:
            settings = settings.with_weight(rule, weight)
    return settings
