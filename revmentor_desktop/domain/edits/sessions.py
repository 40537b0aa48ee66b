"""Undoable edits of logged sessions, which may also move the pair's start date."""

from __future__ import annotations

from dataclasses import dataclass, field

from revmentor_desktop.domain import sessions
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded
from revmentor_desktop.domain.edits.core import (
    Edit,
    pair_plan_scopes,
    pair_scopes,
    record_edit,
    scopes_of_each,
    session_scopes,
)
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.storage.snapshots import Scope


@dataclass(frozen=True)
class _StartMove:
    """What a session edit adds when it also moves the pair's start: words and the pair's row."""

    action: str = ""  # added to the action's name: "Log session and move the pair's start date"
    done: str = ""  # added to what was done: "Session logged; the pair's start date moved"
    scopes: list[Scope] = field(default_factory=list)


def _moving_start(draft: sessions.SessionDraft, move_pair_start: bool) -> _StartMove:
    if move_pair_start and sessions.start_date_conflict(draft) is not None:
        return _StartMove(
            " and move the pair's start date",
            "; the pair's start date moved",
            pair_scopes(draft.pair_id),
        )
    return _StartMove()


def add_session(
    draft: sessions.SessionDraft, clock: Clock = system_clock, *, move_pair_start: bool = False
) -> Edit:
    """Log a session; ``move_pair_start`` also starts the pair on its day, in the same edit."""
    also = _moving_start(draft, move_pair_start)
    return record_edit(
        f"Log session{also.action}",
        also.scopes + pair_plan_scopes(draft.pair_id),
        lambda: sessions.add_session(draft, clock, move_pair_start=move_pair_start),
        session_scopes,
        done=f"Session logged{also.done}",
    )


def update_session(
    session_id: int,
    draft: sessions.SessionDraft,
    clock: Clock = system_clock,
    *,
    move_pair_start: bool = False,
    base: Loaded[sessions.SessionDraft] | None = None,
) -> Edit:
    also = _moving_start(draft, move_pair_start)

    def save() -> None:
        sessions.update_session(
            session_id, draft, clock, move_pair_start=move_pair_start, base=base
        )

    return record_edit(
        f"Edit session{also.action}",
        session_scopes(session_id) + also.scopes + pair_plan_scopes(draft.pair_id),
        save,
        done=f"Session saved{also.done}",
    )


def delete_sessions(session_ids: list[int]) -> Edit:
    noun = plural(len(session_ids), "session")
    return record_edit(
        f"Delete {noun}",
        scopes_of_each(session_scopes, session_ids),
        lambda: sessions.delete_sessions(session_ids),
        done=f"{noun} deleted",
    )
