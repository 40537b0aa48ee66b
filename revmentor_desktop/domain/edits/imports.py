"""An import of people as one undoable edit, unless it is too large to keep."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import chunked

from revmentor_desktop.domain import importing
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.edits.core import (
    Edit,
    cohort_scopes,
    settings_scopes,
    snapshots_around,
)
from revmentor_desktop.domain.importing import ChangeKind, ImportPlan, ImportResult
from revmentor_desktop.domain.irreversible import IrreversibleChange
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.storage.models import (
    Person,
)
from revmentor_desktop.storage.snapshots import Scope

# Past this many people added or updated, an import is not kept for undo: its snapshots would
# hold the whole staff list (with everything hanging off each person) in memory. Its backup,
# taken just before, undoes it instead.
LARGEST_UNDOABLE_IMPORT = 5_000


@dataclass(frozen=True)
class RecordedImport:
    """What an import did, and what the history of edits keeps of it: one edit that undo takes
    back whole, the irreversible mark of an import too large to keep, or None when the import
    wrote nothing."""

    result: ImportResult
    change: Edit | IrreversibleChange | None

    @property
    def undoable(self) -> bool:
        return isinstance(self.change, Edit)


def import_people(
    plan: ImportPlan,
    backup: importing.BackupMaker | None,
    *,
    skip_invalid: bool = False,
    clock: Clock = system_clock,
) -> RecordedImport:
    """Write ``plan`` as ``importing.apply_plan`` does (a backup first, then one transaction),
    recording it as one edit: the people it added or changed with their skills and enrolments,
    a cohort it created, and the column mapping it remembered."""
    if plan.added + plan.updated > LARGEST_UNDOABLE_IMPORT:
        result = importing.apply_plan(plan, backup, skip_invalid=skip_invalid, clock=clock)
        return RecordedImport(result, IrreversibleChange(_import_description(result)))
    backup_path = importing.back_up_for(plan, backup, skip_invalid=skip_invalid)
    before, after, result = snapshots_around(
        _import_scopes(plan),
        lambda: importing.write_plan(plan, backup_path, clock),
        _scopes_created_by_import,
    )
    if not before and not after:
        return RecordedImport(result, None)
    edit = Edit(_import_description(result), before, after, done=_import_outcome(result))
    return RecordedImport(result, edit)


def _import_description(result: ImportResult) -> str:
    return f"Import {plural(result.added + result.updated, 'person', 'people')}"


def _import_outcome(result: ImportResult) -> str:
    return f"{plural(result.added + result.updated, 'person', 'people')} imported"


def _people_scopes(person_ids: list[int]) -> list[Scope]:
    """One scope a chunk of people, so no query passes more keys than a database accepts."""
    return [Scope(Person, Person.id.in_(chunk)) for chunk in chunked(person_ids, 500)]


def _import_scopes(plan: ImportPlan) -> list[Scope]:
    """The rows an import may change that exist before it: the people it updates (with their
    skills, enrolments and reports' links) and the remembered mappings among the settings."""
    changes = plan.added + plan.updated
    # The plan keeps its first changes; a longer list is read from the file again.
    records = (
        plan.first_changes
        if len(plan.first_changes) == changes
        else importing.planned_records(plan)
    )
    updated = [
        record.person_id
        for record in records
        if record.kind == ChangeKind.UPDATE and record.person_id is not None
    ]
    return _people_scopes(updated) + settings_scopes()


def _scopes_created_by_import(result: ImportResult) -> list[Scope]:
    created = _people_scopes(list(result.added_ids))
    if result.cohort_created and result.cohort_id is not None:
        created += cohort_scopes(result.cohort_id)
    return created
