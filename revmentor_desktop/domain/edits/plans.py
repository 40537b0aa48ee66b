"""Undoable edits of the session plan library and of a pair's plan."""

from __future__ import annotations

from collections.abc import Callable

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.edits.core import (
    Edit,
    pair_plan_scopes,
    plan_scopes,
    record_edit,
    saved_name,
)
from revmentor_desktop.domain.plans import catalogue, pair_plans


def save_plan(key: str, draft: catalogue.PlanDraft, clock: Clock = system_clock) -> Edit:
    return record_edit(
        f"Edit plan “{saved_name(draft.title)}”",
        plan_scopes(key),
        lambda: catalogue.save_plan(key, draft, clock),
        done=f"Plan “{saved_name(draft.title)}” saved",
    )


def _record_new_plan(description: str, done: str, make: Callable[[], str]) -> Edit:
    """An edit that adds a plan: the rows of the key it was given are its after-state."""
    made: list[str] = []

    def apply() -> int:
        made.append(make())
        return 0

    return record_edit(description, [], apply, lambda _: plan_scopes(made[0]), done=done)


def add_plan(draft: catalogue.PlanDraft, clock: Clock = system_clock) -> Edit:
    return _record_new_plan(
        f"Add plan “{saved_name(draft.title)}”",
        f"Plan “{saved_name(draft.title)}” added",
        lambda: catalogue.add_plan(draft, clock),
    )


def duplicate_plan(key: str, clock: Clock = system_clock) -> Edit:
    title = catalogue.find_plan(key).title
    return _record_new_plan(
        f"Duplicate plan “{title}”",
        f"Plan “{title}” duplicated",
        lambda: catalogue.duplicate_plan(key, clock),
    )


def set_plan_retired(key: str, retired: bool, clock: Clock = system_clock) -> Edit:
    title = catalogue.find_plan(key).title
    verb, done = ("Retire", "retired") if retired else ("Bring back", "brought back")
    return record_edit(
        f"{verb} plan “{title}”",
        plan_scopes(key),
        lambda: catalogue.set_retired(key, retired, clock),
        done=f"Plan “{title}” {done}",
    )


def reset_plan(key: str) -> Edit:
    title = catalogue.find_plan(key).title
    return record_edit(
        f"Reset plan “{title}”",
        plan_scopes(key),
        lambda: catalogue.reset_to_builtin(key),
        done=f"Plan “{title}” back to the built-in words",
    )


def arrange_pair_plan(pair_id: int, keys: list[str]) -> Edit:
    return record_edit(
        "Change the pair's plan",
        pair_plan_scopes(pair_id),
        lambda: pair_plans.arrange(pair_id, keys),
        done="The pair's plan saved",
    )
