"""The matching assistant: proposes the best whole-cohort pairing and explains it.

Public entry points (imported lazily, so numpy and SciPy load only when matching runs):

- ``propose(cohort_id, clock)`` -> ``MatchResult`` (reads only) and ``accept(cohort_id,
  proposals)`` / ``accept_edit(...)`` (creates pairs with status proposed);
- ``lock_pair``, ``forbid_pair``, ``clear_constraint``, ``list_constraints``;
- ``rule_settings``, ``save_rule_settings``, ``Rule``, ``Weight``, ``RuleSettings``;
- ``ReviewSession``: the coordinator's decisions on the drafts, committed as one ``Edit``.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "propose": "workflow",
    "accept": "workflow",
    "accept_edit": "workflow",
    "lock_pair": "constraints",
    "forbid_pair": "constraints",
    "clear_constraint": "constraints",
    "list_constraints": "constraints",
    "Constraint": "constraints",
    "ConstraintKind": "constraints",
    "Rule": "rules",
    "Weight": "rules",
    "RuleSettings": "rules",
    "rule_settings": "saved_rules",
    "save_rule_settings": "saved_rules",
    "default_settings": "saved_rules",
    "MatchResult": "result",
    "Proposal": "result",
    "RulePart": "result",
    "Unmatched": "result",
    "Alternative": "result",
    "PairExplanation": "result",
    "Origin": "result",
    "ReviewSession": "review",
    "Decision": "review",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
