"""Undoable edits of people: add, save, archive, delete."""

from __future__ import annotations

from revmentor_desktop.domain import people
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded
from revmentor_desktop.domain.edits.core import (
    Edit,
    person_scopes,
    record_edit,
    saved_name,
    scopes_of_each,
)
from revmentor_desktop.domain.namesakes import person_label
from revmentor_desktop.domain.vocabulary import plural


def add_person(draft: people.PersonDraft, clock: Clock = system_clock) -> Edit:
    return record_edit(
        f"Add {draft.name}",
        [],
        lambda: people.add_person(draft, clock),
        person_scopes,
        done=f"{saved_name(draft.name)} added",
    )


def update_person(
    person_id: int,
    draft: people.PersonDraft,
    clock: Clock = system_clock,
    base: Loaded[people.PersonDraft] | None = None,
) -> Edit:
    """Save a person; ``base`` is the copy the dialog loaded (see ``conflicts``)."""
    return record_edit(
        f"Edit {draft.name}",
        person_scopes(person_id),
        lambda: people.update_person(person_id, draft, clock, base),
        done=f"{saved_name(draft.name)} saved",
    )


def set_archived(person_ids: list[int], archived: bool) -> Edit:
    verb = "Archive" if archived else "Restore"
    noun = plural(len(person_ids), "person")
    return record_edit(
        f"{verb} {noun}",
        scopes_of_each(person_scopes, person_ids),
        lambda: people.set_archived(person_ids, archived),
        done=f"{noun} {'archived' if archived else 'restored from the archive'}",
    )


def delete_person(person_id: int) -> Edit:
    label = person_label(person_id)
    return record_edit(
        f"Delete {label}",
        person_scopes(person_id),
        lambda: people.delete_person(person_id),
        done=f"{label} deleted",
    )
