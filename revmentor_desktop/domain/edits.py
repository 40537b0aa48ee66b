"""Undoable edits: each user action, with the rows it touched before and after.

The window keeps a stack of ``Edit`` objects; ``undo`` and ``redo`` put the rows back exactly,
in one transaction. Every change the coordinator makes in the app goes through this module.
An edit names only its root rows (this person, this pair); ``storage.snapshots`` adds what
hangs off them through the foreign keys. An import is one edit too (one undo takes all of it
back), unless it is very large. Changes undo cannot reverse (an erasure, a very large import)
are not edits: they hand back an ``IrreversibleChange`` (``domain/irreversible.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from peewee import chunked

from revmentor_desktop.domain import cohorts, importing, pairs, people, programme_settings, sessions
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.conflicts import Loaded
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import DomainError, ValidationError
from revmentor_desktop.domain.importing import ChangeKind, ImportPlan, ImportResult
from revmentor_desktop.domain.irreversible import IrreversibleChange
from revmentor_desktop.domain.messages import templates
from revmentor_desktop.domain.namesakes import person_label
from revmentor_desktop.domain.outcomes import answer_import, checkins, forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.plans import catalogue, pair_plans
from revmentor_desktop.domain.queries import as_datetime
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.storage import snapshots
from revmentor_desktop.storage.models import (
    CheckInDate,
    Cohort,
    Meeting,
    OutcomeForm,
    Pair,
    PairPlanItem,
    Participation,
    Person,
    Setting,
    database_proxy,
)
from revmentor_desktop.storage.models import Plan as PlanRow
from revmentor_desktop.storage.models import Question as QuestionRow
from revmentor_desktop.storage.snapshots import Scope, Snapshot

if TYPE_CHECKING:
    from revmentor_desktop.domain.outcomes.collect import CollectionPlan


@dataclass(frozen=True)
class Edit:
    description: str  # the action, as Undo and Redo name it: "Activate pair"
    before: Snapshot
    after: Snapshot
    created_id: int | None = field(default=None)
    done: str = ""  # what was done, as the status bar says it: "Pair activated"

    @property
    def outcome(self) -> str:
        return self.done or self.description


def created_pair_ids(edit: Edit) -> list[int]:
    """The pairs the edit created: absent before it, present after it."""
    table = Pair._meta.table_name
    return sorted(
        key
        for (name, key), row in edit.after.items()
        if name == table and row is not None and edit.before.get((name, key)) is None
    )


class LaterChangeKept(DomainError):
    """Undo or redo refused: another coordinator changed a row of the edit since."""


def undo(edit: Edit) -> None:
    """Put back the rows as they were before ``edit``; refused, writing nothing, when another
    coordinator changed one of them after it (undo would silently overwrite their change)."""
    with database_proxy.atomic():
        _refuse_over_later_changes(edit.after, f"undo “{edit.description}”")
        snapshots.restore(edit.before)


def redo(edit: Edit) -> None:
    with database_proxy.atomic():
        _refuse_over_later_changes(edit.before, f"redo “{edit.description}”")
        snapshots.restore(edit.after)


def _refuse_over_later_changes(expected: Snapshot, action: str) -> None:
    changed = snapshots.changed_since(expected)
    if not changed:
        return
    table, key = changed[0]
    record = _record_name(table, expected[(table, key)] or {"id": key})
    others = f" (and {plural(len(changed) - 1, 'other record')})" if len(changed) > 1 else ""
    raise LaterChangeKept(
        f"Cannot {action}: another coordinator has changed {record}{others} since. "
        "Their change is kept; make yours again by hand if it is still needed."
    )


def _record_name(table: str, row: Mapping[str, object]) -> str:
    """A record of an edit, as a message names it: "Ada Lovelace", "the pair of Ada and Bob"."""
    if table == Person._meta.table_name:
        return str(row.get("name") or f"person {row['id']}")
    if table == Cohort._meta.table_name:
        return f"the cohort “{row.get('name', row['id'])}”"
    if table == Pair._meta.table_name and "mentor_id" in row:
        mentor, mentee = (person_label(int(str(row[side]))) for side in ("mentor_id", "mentee_id"))
        return f"the pair of {mentor} and {mentee}"
    if table == Meeting._meta.table_name and "starts_at" in row:
        return f"the session of {format_date(as_datetime(row['starts_at']).date())}"
    return f"a {table.replace('_', ' ')} record"


# The root rows of each kind of edit; ``snapshots.capture`` adds the rows that hang off them
# (skills, enrolments, goals, sessions, matching locks, reports' manager links).


def person_scopes(person_id: int) -> list[Scope]:
    return [Scope(Person, Person.id == person_id)]


def cohort_scopes(cohort_id: int) -> list[Scope]:
    return [Scope(Cohort, Cohort.id == cohort_id)]


def enrolment_scopes(cohort_id: int, person_ids: list[int]) -> list[Scope]:
    return [
        Scope(
            Participation,
            (Participation.cohort == cohort_id) & Participation.person.in_(person_ids),
        )
    ]


def pair_scopes(pair_id: int) -> list[Scope]:
    return [Scope(Pair, Pair.id == pair_id)]


def session_scopes(session_id: int) -> list[Scope]:
    return [Scope(Meeting, Meeting.id == session_id)]


def pair_plan_scopes(pair_id: int) -> list[Scope]:
    """The pair's plan items: a session that takes one up changes it."""
    return [Scope(PairPlanItem, PairPlanItem.pair == pair_id)]


def plan_scopes(key: str) -> list[Scope]:
    return [Scope(PlanRow, PlanRow.key == key)]


def settings_scopes() -> list[Scope]:
    """Every setting: a change of the programme's settings may touch any of them (the table
    is small, and only the rows that changed are kept in the edit)."""
    return [Scope(Setting, Setting.key.is_null(False))]


def form_scopes(form_id: int) -> list[Scope]:
    return [Scope(OutcomeForm, OutcomeForm.id == form_id)]


def questionnaire_scopes(questionnaire: str) -> list[Scope]:
    return [Scope(QuestionRow, QuestionRow.questionnaire == questionnaire)]


def check_in_scopes(cohort_id: int) -> list[Scope]:
    return [Scope(CheckInDate, CheckInDate.cohort == cohort_id)]


Outcome = TypeVar("Outcome")


def _snapshots_around(
    scopes: list[Scope],
    action: Callable[[], Outcome],
    scopes_of_created: Callable[[Outcome], list[Scope]],
) -> tuple[Snapshot, Snapshot, Outcome]:
    """Run ``action`` in one transaction between two captures of ``scopes``; the second also
    reads the rows ``action`` created, found from what it returned."""
    with database_proxy.atomic():
        before = snapshots.capture(scopes)
        outcome = action()
        after = snapshots.capture_after(before, scopes + scopes_of_created(outcome))
    before, after = snapshots.complete(before, after)
    return before, after, outcome


def _record(
    description: str,
    scopes: list[Scope],
    action: Callable[[], int | None],
    scopes_of_created: Callable[[int], list[Scope]] | None = None,
    *,
    done: str = "",
) -> Edit:
    def created(created_id: int | None) -> list[Scope]:
        if created_id is None or scopes_of_created is None:
            return []
        return scopes_of_created(created_id)

    before, after, created_id = _snapshots_around(scopes, action, created)
    return Edit(description, before, after, created_id, done)


def _name(text: str) -> str:
    """A name as it is saved (spaces tidied), for messages about it."""
    return " ".join(text.split())


def _many(scopes_of: Callable[[int], list[Scope]], ids: list[int]) -> list[Scope]:
    return [scope for item_id in ids for scope in scopes_of(item_id)]


# People


def add_person(draft: people.PersonDraft, clock: Clock = system_clock) -> Edit:
    return _record(
        f"Add {draft.name}",
        [],
        lambda: people.add_person(draft, clock),
        person_scopes,
        done=f"{_name(draft.name)} added",
    )


def update_person(
    person_id: int,
    draft: people.PersonDraft,
    clock: Clock = system_clock,
    base: Loaded[people.PersonDraft] | None = None,
) -> Edit:
    """Save a person; ``base`` is the copy the dialog loaded (see ``conflicts``)."""
    return _record(
        f"Edit {draft.name}",
        person_scopes(person_id),
        lambda: people.update_person(person_id, draft, clock, base),
        done=f"{_name(draft.name)} saved",
    )


def set_archived(person_ids: list[int], archived: bool) -> Edit:
    verb = "Archive" if archived else "Restore"
    noun = plural(len(person_ids), "person")
    return _record(
        f"{verb} {noun}",
        _many(person_scopes, person_ids),
        lambda: people.set_archived(person_ids, archived),
        done=f"{noun} {'archived' if archived else 'restored from the archive'}",
    )


def delete_person(person_id: int) -> Edit:
    label = person_label(person_id)
    return _record(
        f"Delete {label}",
        person_scopes(person_id),
        lambda: people.delete_person(person_id),
        done=f"{label} deleted",
    )


# Cohorts


def add_cohort(draft: cohorts.CohortDraft, clock: Clock = system_clock) -> Edit:
    return _record(
        f"Add cohort {draft.name}",
        [],
        lambda: cohorts.add_cohort(draft, clock),
        cohort_scopes,
        done=f"Cohort “{_name(draft.name)}” added",
    )


def update_cohort(
    cohort_id: int, draft: cohorts.CohortDraft, base: Loaded[cohorts.CohortDraft] | None = None
) -> Edit:
    return _record(
        f"Edit cohort {draft.name}",
        cohort_scopes(cohort_id),
        lambda: cohorts.update_cohort(cohort_id, draft, base),
        done=f"Cohort “{_name(draft.name)}” saved",
    )


def set_cohort_archived(cohort_id: int, archived: bool) -> Edit:
    name = cohorts.get_cohort_model(cohort_id).name
    verb = "Archive" if archived else "Restore"
    return _record(
        f"{verb} cohort {name}",
        cohort_scopes(cohort_id),
        lambda: cohorts.set_archived([cohort_id], archived),
        done=f"Cohort “{name}” {'archived' if archived else 'restored'}",
    )


def delete_cohort(cohort_id: int) -> Edit:
    """Delete a cohort; undo brings back everything that went with it (see ``snapshots``)."""
    name = cohorts.get_cohort_model(cohort_id).name
    return _record(
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
    return _record(
        f"Enrol {noun}", enrolment_scopes(cohort_id, person_ids), action, done=f"{noun} enrolled"
    )


def withdraw(cohort_id: int, person_id: int) -> Edit:
    return _record(
        "Withdraw from cohort",
        enrolment_scopes(cohort_id, [person_id]),
        lambda: cohorts.withdraw(cohort_id, person_id),
        done="Withdrawn from the cohort",
    )


# Pairs


def create_pair(draft: pairs.PairDraft, clock: Clock = system_clock) -> Edit:
    return _record(
        "Create pair", [], lambda: pairs.create_pair(draft, clock), pair_scopes, done="Pair created"
    )


def update_pair(
    pair_id: int, draft: pairs.PairDraft, base: Loaded[pairs.PairDraft] | None = None
) -> Edit:
    return _record(
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
    return _record(
        ACTION_NAMES[action],
        pair_scopes(pair_id),
        lambda: pairs.change_status(pair_id, action, reason, clock, start_date),
        done=ACTION_OUTCOMES[action],
    )


def delete_pair(pair_id: int) -> Edit:
    return _record(
        "Delete pair", pair_scopes(pair_id), lambda: pairs.delete_pair(pair_id), done="Pair deleted"
    )


# Sessions


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
    return _record(
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

    return _record(
        f"Edit session{also.action}",
        session_scopes(session_id) + also.scopes + pair_plan_scopes(draft.pair_id),
        save,
        done=f"Session saved{also.done}",
    )


def delete_sessions(session_ids: list[int]) -> Edit:
    noun = plural(len(session_ids), "session")
    return _record(
        f"Delete {noun}",
        _many(session_scopes, session_ids),
        lambda: sessions.delete_sessions(session_ids),
        done=f"{noun} deleted",
    )


# Settings


def change_settings(
    old: programme_settings.ProgrammeSettings, new: programme_settings.ProgrammeSettings
) -> Edit:
    """Store the settings ``new`` changes from ``old``; undo puts every setting row back."""
    if problems := programme_settings.problems(old, new):
        raise ValidationError(problems)
    return _record(
        programme_settings.describe_change(old, new),
        settings_scopes(),
        lambda: programme_settings.apply(old, new),
        done="Programme settings saved",
    )


# Importing people

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
    before, after, result = _snapshots_around(
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


# Outcomes


def record_answers(
    form_id: int,
    values: Mapping[str, forms.AnswerValue],
    channel: forms.Channel,
    clock: Clock = system_clock,
    replace_answered: bool = False,
) -> Edit:
    """Answers typed in (from paper) or collected, as one undoable step."""

    def record() -> None:
        forms.record_answers(form_id, values, channel, clock, replace_answered)

    return _record("Record answers", form_scopes(form_id), record, done="Answers recorded")


def import_answers(
    plan: answer_import.AnswerImportPlan,
    *,
    skip_invalid: bool = False,
    clock: Clock = system_clock,
) -> tuple[answer_import.AnswerImportResult, Edit]:
    """Answers from a form tool's export, recorded as ``answer_import.record_answer_import``
    does, as one undoable step: undo takes back every form it filled or made."""
    answer_import.refuse_unless_applicable(plan, skip_invalid)
    scopes = [
        Scope(
            OutcomeForm,
            (OutcomeForm.cohort == plan.cohort_id)
            & (OutcomeForm.questionnaire == plan.questionnaire.value),
        )
    ]
    before, after, result = _snapshots_around(
        scopes,
        lambda: answer_import.record_answer_import(plan, skip_invalid=skip_invalid, clock=clock),
        lambda _result: scopes,
    )
    people = plural(len(result.recorded), "person's answers", "people's answers")
    edit = Edit(f"Import {people}", before, after, done=f"Imported {people}")
    return result, edit


def collect_forms(
    plan: CollectionPlan, clock: Clock = system_clock, *, leave_out_refused: bool = False
) -> Edit:
    """The answers of a collection of returned PDF forms, as one undoable step."""
    from revmentor_desktop.domain.outcomes import collect  # pypdf loads only when collecting

    files = plan.to_record()
    form_ids = [file.form_id for file in files if file.form_id is not None]

    def record() -> None:
        collect.record(plan, clock, leave_out_refused=leave_out_refused)

    count = plural(len(form_ids), "returned form")
    return _record(
        f"Collect {count}", _many(form_scopes, form_ids), record, done=f"Recorded {count}"
    )


def mark_handled(form_id: int, clock: Clock = system_clock) -> Edit:
    return _record(
        "Mark as handled",
        form_scopes(form_id),
        lambda: forms.mark_handled(form_id, clock),
        done="Marked as handled",
    )


def change_questionnaire(
    questionnaire: Questionnaire, description: str, change: Callable[[], object]
) -> Edit:
    """A change to a questionnaire's questions (reword, add, move, retire) as one undoable
    step; ``description`` names it for Undo: "Reword question"."""

    def apply() -> None:
        change()

    return _record(description, questionnaire_scopes(questionnaire.value), apply)


def set_check_in_date(cohort_id: int, questionnaire: Questionnaire, due: date | None) -> Edit:
    return _record(
        f"Set the {questionnaire.title.lower()} date",
        check_in_scopes(cohort_id),
        lambda: checkins.set_due_date(cohort_id, questionnaire, due),
    )


# Session plans


def save_plan(key: str, draft: catalogue.PlanDraft, clock: Clock = system_clock) -> Edit:
    return _record(
        f"Edit plan “{_name(draft.title)}”",
        plan_scopes(key),
        lambda: catalogue.save_plan(key, draft, clock),
        done=f"Plan “{_name(draft.title)}” saved",
    )


def _record_new_plan(description: str, done: str, make: Callable[[], str]) -> Edit:
    """An edit that adds a plan: the rows of the key it was given are its after-state."""
    made: list[str] = []

    def apply() -> int:
        made.append(make())
        return 0

    return _record(description, [], apply, lambda _: plan_scopes(made[0]), done=done)


def add_plan(draft: catalogue.PlanDraft, clock: Clock = system_clock) -> Edit:
    return _record_new_plan(
        f"Add plan “{_name(draft.title)}”",
        f"Plan “{_name(draft.title)}” added",
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
    return _record(
        f"{verb} plan “{title}”",
        plan_scopes(key),
        lambda: catalogue.set_retired(key, retired, clock),
        done=f"Plan “{title}” {done}",
    )


def reset_plan(key: str) -> Edit:
    title = catalogue.find_plan(key).title
    return _record(
        f"Reset plan “{title}”",
        plan_scopes(key),
        lambda: catalogue.reset_to_builtin(key),
        done=f"Plan “{title}” back to the built-in words",
    )


def arrange_pair_plan(pair_id: int, keys: list[str]) -> Edit:
    return _record(
        "Change the pair's plan",
        pair_plan_scopes(pair_id),
        lambda: pair_plans.arrange(pair_id, keys),
        done="The pair's plan saved",
    )


# Message templates


def change_message_template(name: str, subject: str, body: str) -> Edit:
    """Store the coordinator's wording of a message template; refused before anything is
    stored when it names an unknown placeholder."""
    if problems := templates.wording_problems(subject, body):
        raise ValidationError(problems)
    title = templates.default_template(name).title
    return _record(
        f"Change the message “{title}”",
        settings_scopes(),
        lambda: templates.save_template(name, subject, body),
        done="Message template saved",
    )


def reset_message_template(name: str) -> Edit:
    title = templates.default_template(name).title
    return _record(
        f"Reset the message “{title}”",
        settings_scopes(),
        lambda: templates.reset_template(name),
        done="Message template back to its default wording",
    )
