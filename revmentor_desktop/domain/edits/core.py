"""The undo mechanism: an ``Edit`` holds the rows one user action touched, before and after;
``undo`` and ``redo`` put them back in one transaction, refusing over another coordinator's
later change. The ``*_scopes`` functions name the root rows of each kind of edit."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.namesakes import person_label
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
)
from revmentor_desktop.storage.models import Plan as PlanRow
from revmentor_desktop.storage.models import Question as QuestionRow
from revmentor_desktop.storage.snapshots import Scope, Snapshot
from revmentor_desktop.storage.versions import checked_transaction


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
    with checked_transaction():
        _refuse_over_later_changes(edit.after, f"undo “{edit.description}”")
        snapshots.restore(edit.before)


def redo(edit: Edit) -> None:
    with checked_transaction():
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


def snapshots_around(
    scopes: list[Scope],
    action: Callable[[], Outcome],
    scopes_of_created: Callable[[Outcome], list[Scope]],
) -> tuple[Snapshot, Snapshot, Outcome]:
    """Run ``action`` in one transaction between two captures of ``scopes``; the second also
    reads the rows ``action`` created, found from what it returned."""
    with checked_transaction():
        before = snapshots.capture(scopes)
        outcome = action()
        after = snapshots.capture_after(before, scopes + scopes_of_created(outcome))
    before, after = snapshots.complete(before, after)
    return before, after, outcome


def record_edit(
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

    before, after, created_id = snapshots_around(scopes, action, created)
    return Edit(description, before, after, created_id, done)


def saved_name(text: str) -> str:
    """A name as it is saved (spaces tidied), for messages about it."""
    return " ".join(text.split())


def scopes_of_each(scopes_of: Callable[[int], list[Scope]], ids: list[int]) -> list[Scope]:
    return [scope for item_id in ids for scope in scopes_of(item_id)]
