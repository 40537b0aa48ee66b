"""The questions of one questionnaire, in the coordinator's order, retired ones included."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from revmentor_desktop.domain.outcomes import questionnaires
from revmentor_desktop.domain.outcomes.questions import (
    MENTEE,
    MENTOR,
    AnswerKind,
    Question,
    Questionnaire,
)
from revmentor_desktop.ui.models.library_model import LibraryTableModel

WORDING_COLUMN, KIND_COLUMN, ASKED_OF_COLUMN, STATUS_COLUMN = range(4)
HEADERS = ("Question", "Answer", "Asked of", "Status")
KIND_WORDS = {
    AnswerKind.RATING: "Rating 1–5",
    AnswerKind.RECOMMEND: "0 to 10",
    AnswerKind.YES_NO: "Yes or no",
    AnswerKind.TEXT: "Text",
    AnswerKind.PRIVATE_TEXT: "Private note",
}
ROLE_WORDS = {MENTOR: "Mentors", MENTEE: "Mentees"}


def asked_of(question: Question) -> str:
    """Who is asked, as a person says it: "Everyone", "Mentees in reverse cohorts"."""
    who = " and ".join(ROLE_WORDS[role] for role in sorted(question.roles)) or "Everyone"
    if question.cohort_kinds:
        kinds = " and ".join(sorted(question.cohort_kinds))
        return f"{who} in {kinds} cohorts"
    return who


def status(question: Question) -> str:
    if question.retired:
        return "Retired"
    if not question.builtin:
        return "Added"
    if question.wording != question.builtin_wording:
        return "Reworded"
    return ""


class QuestionsModel(LibraryTableModel[Question]):
    headings = HEADERS

    def __init__(self, questionnaire: Questionnaire, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.questionnaire = questionnaire

    def refresh(self, questionnaire: Questionnaire | None = None) -> None:
        wanted = questionnaire or self.questionnaire
        fresh = questionnaires.questions(wanted, include_retired=True)  # a failure changes nothing
        self.questionnaire = wanted
        self._show(fresh)

    def _cell(self, question: Question, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                question.wording,
                KIND_WORDS[question.answer_kind],
                asked_of(question),
                status(question),
            )[column]
        return None
