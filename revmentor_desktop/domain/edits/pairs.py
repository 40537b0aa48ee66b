"""Undoable edits of pairs: create, save, change status, delete."""

from __future__ import annotations

from datetime import date

from revmentor_desktop.domain import pairs
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded
from revmentor_desktop.domain.edits.core import (
    Edit,
    pair_scopes,
    record_edit,
)


def create_pair(draft: pairs.PairDraft, clock: Clock = system_clock) -> Edit:
    return record_edit(
        "Create pair", [], lambda: pairs.create_pair(draft, clock), pair_scopes, done="Pair created"
    )


def update_pair(
    pair_id: int, draft: pairs.PairDraft, base: Loaded[pairs.PairDraft] | None = None
) -> Edit:
    return record_edit(
        "Edit pair",
        pair_scopes(pair_id),
        lambda: pairs.update_pair(pair_id, draft, base),
        done="Pair saved",
    )


ACTION_NAMES = {
    "activate": "Activate pair",
    "pause": "Pause pair",
    "resume": "Resume pair",
    "complete": "Complete pair",
    "end_early": "End pair early",
}
ACTION_OUTCOMES = {
    "activate": "Pair activated",
    "pause": "Pair paused",
    "resume": "Pair resumed",
    "complete": "Pair completed",
    "end_early": "Pair ended early",
}


def change_pair_status(
    pair_id: int,
    action: str,
    reason: str = "",
    clock: Clock = system_clock,
    start_date: date | None = None,
) -> Edit:
    return record_edit(
        ACTION_NAMES[action],
        pair_scopes(pair_id),
        lambda: pairs.change_status(pair_id, action, reason, clock, start_date),
        done=ACTION_OUTCOMES[action],
    )


def delete_pair(pair_id: int) -> Edit:
    return record_edit(
        "Delete pair", pair_scopes(pair_id), lambda: pairs.delete_pair(pair_id), done="Pair deleted"
    )
