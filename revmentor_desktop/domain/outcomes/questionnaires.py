"""Reading and changing the questionnaires: the built-in questions merged with the coordinator's
changes (one ``question`` row per changed or added question)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import NotFound, ValidationError
from revmentor_desktop.domain.outcomes.questions import (
    BUILTIN_QUESTIONS,
    AnswerKind,
    Question,
    Questionnaire,
    builtin_question,
)
from revmentor_desktop.storage.models import Question as QuestionRow
from revmentor_desktop.storage.models import database_proxy

LONGEST_WORDING = 400


def questions(questionnaire: Questionnaire, include_retired: bool = False) -> list[Question]:
    """The questionnaire's questions in the coordinator's order."""
    rows = {
        row.key: row
        for row in QuestionRow.select().where(QuestionRow.questionnaire == questionnaire.value)
    }
    ordered: list[tuple[int, Question]] = []
    builtins = [
        question for question in BUILTIN_QUESTIONS if question.questionnaire is questionnaire
    ]
    for index, question in enumerate(builtins):
        row = rows.pop(question.key, None)
        ordered.append(_with_changes(question, row, default_position=index * 10))
    for row in rows.values():
        ordered.append(_added(row, questionnaire))
    merged = [question for _, question in sorted(ordered, key=lambda entry: entry[0])]
    return [question for question in merged if include_retired or not question.retired]


def _with_changes(
    question: Question, row: QuestionRow | None, default_position: int
) -> tuple[int, Question]:
    if row is None:
        return default_position, question
    changed = replace(question, wording=row.wording or question.wording, retired=bool(row.retired))
    return (row.position if row.position is not None else default_position), changed


def _added(row: QuestionRow, questionnaire: Questionnaire) -> tuple[int, Question]:
    question = Question(
        key=row.key,
        questionnaire=questionnaire,
        wording=row.wording,
        answer_kind=AnswerKind(row.answer_kind),
        roles=frozenset(row.roles),
        cohort_kinds=frozenset(row.cohort_kinds),
        builtin=False,
        retired=bool(row.retired),
    )
    return (row.position if row.position is not None else 10_000 + row.id), question


def find_question(key: str) -> Question:
    for questionnaire in Questionnaire:
        for question in questions(questionnaire, include_retired=True):
            if question.key == key:
                return question
    raise NotFound(f"There is no question {key!r}.")


def _checked_wording(wording: str) -> str:
    wording = " ".join(wording.split())
    if not wording:
        raise ValidationError({"wording": "Write the question: it cannot be empty."})
    if len(wording) > LONGEST_WORDING:
        raise ValidationError(
            {"wording": f"Keep the question under {LONGEST_WORDING} characters ({len(wording)})."}
        )
    return wording


def _row_for(key: str, clock: Clock) -> QuestionRow:
    """The change row of ``key``, made for a built-in question the first time it changes."""
    row = QuestionRow.get_or_none(QuestionRow.key == key)
    if row is not None:
        return row
    builtin = builtin_question(key)
    if builtin is None:
        raise NotFound(f"There is no question {key!r}.")
    return QuestionRow.create(
        key=key, questionnaire=builtin.questionnaire.value, created_at=clock()
    )


def reword(key: str, wording: str, clock: Clock = system_clock) -> None:
    """Change a question's wording for forms made from now on (answers keep theirs)."""
    wording = _checked_wording(wording)
    with database_proxy.atomic():
        row = _row_for(key, clock)
        builtin = builtin_question(key)
        row.wording = "" if builtin is not None and builtin.wording == wording else wording
        row.save()


def reset_wording(key: str, clock: Clock = system_clock) -> None:
    """Go back to the built-in wording of a built-in question."""
    if builtin_question(key) is None:
        raise ValidationError({"wording": "Only a built-in question has a default to go back to."})
    with database_proxy.atomic():
        row = _row_for(key, clock)
        row.wording = ""
        row.save()


def add_question(
    questionnaire: Questionnaire,
    wording: str,
    answer_kind: AnswerKind,
    roles: Iterable[str] = (),
    cohort_kinds: Iterable[str] = (),
    clock: Clock = system_clock,
) -> str:
    """Add a question at the end of the questionnaire; returns its key."""
    wording = _checked_wording(wording)
    with database_proxy.atomic():
        row = QuestionRow.create(
            key=f"pending-{clock().timestamp()}",
            questionnaire=questionnaire.value,
            wording=wording,
            answer_kind=answer_kind.value,
            roles=sorted(roles),
            cohort_kinds=sorted(cohort_kinds),
            created_at=clock(),
        )
        row.key = f"{questionnaire.value}.added-{row.id}"
        row.save()
    return str(row.key)


def set_retired(key: str, retired: bool, clock: Clock = system_clock) -> None:
    """Retire a question (no longer asked; its past answers stay) or bring it back."""
    with database_proxy.atomic():
        row = _row_for(key, clock)
        row.retired = retired
        row.save()


def move(key: str, new_index: int, clock: Clock = system_clock) -> None:
    """Put a question at ``new_index`` among the questionnaire's questions (retired included)."""
    question = find_question(key)
    ordered = questions(question.questionnaire, include_retired=True)
    keys = [item.key for item in ordered if item.key != key]
    keys.insert(max(0, min(new_index, len(keys))), key)
    with database_proxy.atomic():
        for position, each in enumerate(keys):
            row = _row_for(each, clock)
            row.position = position * 10
            row.save()
