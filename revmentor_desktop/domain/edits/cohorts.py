"""Undoable edits of cohorts and of who is enrolled in them."""

from __future__ import annotations

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded
from revmentor_desktop.domain.edits.core import (
    Edit,
    cohort_scopes,
    enrolment_scopes,
    record_edit,
    saved_name,
)
from revmentor_desktop.domain.vocabulary import plural


def add_cohort(draft: cohorts.CohortDraft, clock: Clock = system_clock) -> Edit:
    return record_edit(
        f"Add cohort {draft.name}",
        [],
        lambda: cohorts.add_cohort(draft, clock),
        cohort_scopes,
        done=f"Cohort “{saved_name(draft.name)}” added",
    )


def update_cohort(
    cohort_id: int, draft: cohorts.CohortDraft, base: Loaded[cohorts.CohortDraft] | None = None
) -> Edit:
    return record_edit(
        f"Edit cohort {draft.name}",
        cohort_scopes(cohort_id),
        lambda: cohorts.update_cohort(cohort_id, draft, base),
        done=f"Cohort “{saved_name(draft.name)}” saved",
    )


def set_cohort_archived(cohort_id: int, archived: bool) -> Edit:
    name = cohorts.get_cohort_model(cohort_id).name
    verb = "Archive" if archived else "Restore"
    return record_edit(
        f"{verb} cohort {name}",
        cohort_scopes(cohort_id),
        lambda: cohorts.set_archived([cohort_id], archived),
        done=f"Cohort “{name}” {'archived' if archived else 'restored'}",
    )


def delete_cohort(cohort_id: int) -> Edit:
    """Delete a cohort; undo brings back everything that went with it (see ``snapshots``)."""
    name = cohorts.get_cohort_model(cohort_id).name
    return record_edit(
        f"Delete cohort {name}",
        cohort_scopes(cohort_id),
        lambda: cohorts.delete_cohort(cohort_id),
        done=f"Cohort “{name}” deleted",
    )


def enrol(cohort_id: int, person_ids: list[int], role: str, capacity: int = 1) -> Edit:
    def action() -> None:
        for person_id in person_ids:
            cohorts.enrol(cohort_id, person_id, role, capacity)

    noun = plural(len(person_ids), "person")
    return record_edit(
        f"Enrol {noun}", enrolment_scopes(cohort_id, person_ids), action, done=f"{noun} enrolled"
    )


def withdraw(cohort_id: int, person_id: int) -> Edit:
    return record_edit(
        "Withdraw from cohort",
        enrolment_scopes(cohort_id, [person_id]),
        lambda: cohorts.withdraw(cohort_id, person_id),
        done="Withdrawn from the cohort",
    )
