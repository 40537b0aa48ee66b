"""Recording an answer import: the file checked again in one transaction, each row stored
through ``forms.record_answers``, the one way answers are written."""

from __future__ import annotations

from dataclasses import dataclass

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import RuleViolation
from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.answer_import.checking import build_answer_plan
from revmentor_desktop.domain.outcomes.answer_import.plan import AnswerImportPlan, AnswerRow
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.storage.models import database_proxy


@dataclass(frozen=True)
class AnswerImportResult:
    cohort_name: str
    questionnaire: Questionnaire
    recorded: tuple[AnswerRow, ...]
    form_ids: tuple[int, ...]
    skipped: int

    def lines(self) -> list[str]:
        people = plural(len(self.recorded), "person", "people")
        lines = [
            f"Recorded the {self.questionnaire.title.lower()} answers of {people} "
            f"in “{self.cohort_name}”."
        ]
        if self.skipped:
            lines.append(f"Skipped: {plural(self.skipped, 'row')} with problems, not recorded.")
        return lines


_CHANGED_SINCE_PREVIEW = (
    "The data or the file changed since the preview was made; nothing was imported. "
    "Look at the preview again."
)


def record_answer_import(
    plan: AnswerImportPlan, *, skip_invalid: bool = False, clock: Clock = system_clock
) -> AnswerImportResult:
    """Record ``plan`` in one transaction: the file is checked again first, and an import
    whose check differs from the preview writes nothing. Each row's form is the person's
    unanswered one, or a new one (``forms.issue_forms``, not marked as sent out)."""
    refuse_unless_applicable(plan, skip_invalid)
    with database_proxy.atomic():
        fresh = build_answer_plan(plan.table, plan.cohort_id, plan.questionnaire, plan.columns)
        if fresh.fingerprint != plan.fingerprint:
            raise RuleViolation(_CHANGED_SINCE_PREVIEW)
        form_ids = []
        for row in fresh.rows:
            (form,) = forms.issue_forms(
                plan.cohort_id, plan.questionnaire, [row.person_id], clock, mark_issued=False
            )
            forms.record_answers(form.form_id, row.values, forms.Channel.FORM_TOOL, clock)
            form_ids.append(form.form_id)
    return AnswerImportResult(
        fresh.cohort_name,
        plan.questionnaire,
        tuple(fresh.rows),
        tuple(form_ids),
        fresh.skipped,
    )


def refuse_unless_applicable(plan: AnswerImportPlan, skip_invalid: bool) -> None:
    """Raise ``RuleViolation`` saying why, when ``plan`` cannot be recorded as asked."""
    if plan.can_apply(skip_invalid):
        return
    if plan.file_problems:
        reasons = plan.file_problems
    elif not plan.rows and not plan.problems:
        reasons = ["the file holds no answers."]
    elif not plan.rows:
        reasons = ["every row has a problem, so no answer can be recorded."]
    else:
        reasons = [str(problem) for problem in plan.problems.first[:3]]
    raise RuleViolation("Nothing was imported: " + " ".join(reasons))
