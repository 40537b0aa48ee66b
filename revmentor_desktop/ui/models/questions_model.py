"""The questions of one questionnaire, in the coordinator's order, retired ones included."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from revmentor_desktop.domain.outcomes import questionnaires
from revmentor_desktop.domain.outcomes.questions import (
    MENTEE,
    MENTOR,
    AnswerKind,
    Question,
    Questionnaire,
)
from revmentor_desktop.ui.models.headings import FixedHeadings
from revmentor_desktop.ui.models.id_table_model import READ_ONLY_ITEM

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
Index = QModelIndex | QPersistentModelIndex


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


class QuestionsModel(FixedHeadings, QAbstractTableModel):
    headings = HEADERS

    def __init__(self, questionnaire: Questionnaire, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.questionnaire = questionnaire
        self._questions: list[Question] = []

    def refresh(self, questionnaire: Questionnaire | None = None) -> None:
        wanted = questionnaire or self.questionnaire
        fresh = questionnaires.questions(wanted, include_retired=True)
        self.beginResetModel()
        self.questionnaire = wanted
        self._questions = fresh
        self.endResetModel()

    def question_at(self, row: int) -> Question | None:
        return self._questions[row] if 0 <= row < len(self._questions) else None

    def row_of(self, key: str) -> int:
        return next((row for row, each in enumerate(self._questions) if each.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._questions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        question = self.question_at(index.row()) if index.isValid() else None
        if question is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                question.wording,
                KIND_WORDS[question.answer_kind],
                asked_of(question),
                status(question),
            )[index.column()]
        if role == Qt.ItemDataRole.FontRole and question.retired:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return READ_ONLY_ITEM if index.isValid() else Qt.ItemFlag.NoItemFlags
