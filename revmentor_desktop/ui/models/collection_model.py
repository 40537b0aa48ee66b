"""The plan of a collection of returned forms as a table: one row per file, what it records
or why it is refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from revmentor_desktop.domain.outcomes.collect import CollectionPlan, Outcome, ReturnedFile
from revmentor_desktop.ui.models.headings import FixedHeadings
from revmentor_desktop.ui.models.id_table_model import READ_ONLY_ITEM

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("File", "Person", "Questionnaire", "What happens")
FILE, PERSON, QUESTIONNAIRE, WHAT = range(len(HEADERS))
OUTCOME_WORDS = {
    Outcome.RECORD: "Records",
    Outcome.CHOOSE: "Answered twice",
    Outcome.REFUSED: "Refused",
}


def what_happens(file: ReturnedFile, plan: CollectionPlan) -> str:
    """The row's last column: the answers it records, or why it does not."""
    if file.outcome is Outcome.RECORD:
        return f"Records {file.answered} of {file.item_count} answers."
    if file.outcome is Outcome.CHOOSE and file.form_id in plan.kept:
        kept = plan.kept[file.form_id]
        if kept == file.path:
            return f"Records {file.answered} of {file.item_count} answers (chosen)."
        return "Left out: the other answers were chosen."
    return file.reason


class CollectionModel(FixedHeadings, QAbstractTableModel):
    headings = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = CollectionPlan(())

    def set_plan(self, plan: CollectionPlan) -> None:
        self.beginResetModel()
        self.plan = plan
        self.endResetModel()

    def file_at(self, row: int) -> ReturnedFile:
        return self.plan.files[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.plan.files)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return READ_ONLY_ITEM if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.plan.files):
            return None
        file = self.plan.files[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(file, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{file.path}\n{OUTCOME_WORDS[file.outcome]}: {what_happens(file, self.plan)}"
        return None

    def _text(self, file: ReturnedFile, column: int) -> str:
        if column == FILE:
            return file.path.name
        if column == PERSON:
            return file.person_name
        if column == QUESTIONNAIRE:
            return file.questionnaire.title if file.questionnaire else ""
        happens = what_happens(file, self.plan)
        return (
            happens
            if happens.startswith("Records")
            else f"{OUTCOME_WORDS[file.outcome]}: {happens}"
        )
