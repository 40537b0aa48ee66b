"""Undoable edits of outcome forms, answers, questionnaires and check-in dates."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.edits.core import (
    Edit,
    check_in_scopes,
    form_scopes,
    questionnaire_scopes,
    record_edit,
    scopes_of_each,
    snapshots_around,
)
from revmentor_desktop.domain.outcomes import answer_import, checkins, forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.storage.models import (
    OutcomeForm,
)
from revmentor_desktop.storage.snapshots import Scope

if TYPE_CHECKING:
    from revmentor_desktop.domain.outcomes.collect import CollectionPlan


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

    return record_edit("Record answers", form_scopes(form_id), record, done="Answers recorded")


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
    before, after, result = snapshots_around(
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
    return record_edit(
        f"Collect {count}", scopes_of_each(form_scopes, form_ids), record, done=f"Recorded {count}"
    )


def mark_handled(form_id: int, clock: Clock = system_clock) -> Edit:
    return record_edit(
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

    return record_edit(description, questionnaire_scopes(questionnaire.value), apply)


def set_check_in_date(cohort_id: int, questionnaire: Questionnaire, due: date | None) -> Edit:
    return record_edit(
        f"Set the {questionnaire.title.lower()} date",
        check_in_scopes(cohort_id),
        lambda: checkins.set_due_date(cohort_id, questionnaire, due),
    )
