"""The draft proposals of a matching review as a flat table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from revmentor_desktop.domain.matching.explain import uncovered_note
from revmentor_desktop.domain.matching.result import Proposal
from revmentor_desktop.domain.matching.review import Decision, ReviewRow
from revmentor_desktop.domain.vocabulary import CohortKind

DECISION, MENTOR, MENTEE, SCORE, SHARED = range(5)

_DECISION_COLOURS = {
    Decision.ACCEPTED: QColor("#1b6e3a"),
    Decision.LOCKED: QColor("#1d4f91"),
    Decision.REJECTED: QColor("#8a8a8a"),
    Decision.FORBIDDEN: QColor("#a12a2a"),
}
_UNCOVERED = QColor("#8a4b00")  # a warning brown, readable on light rows

Index = QModelIndex | QPersistentModelIndex


class MatchProposalModel(QAbstractTableModel):
    """Rows are the review's drafts; the review session owns them, the model only shows them."""

    def __init__(self, mentor_label: str = "Mentor", mentee_label: str = "Mentee") -> None:
        super().__init__()
        self._rows: list[ReviewRow] = []
        self._kind = CohortKind.REVERSE
        self._headers = [
            self.tr("Decision"),
            mentor_label,
            mentee_label,
            self.tr("Score"),
            self.tr("Shared topics"),
        ]

    def set_rows(self, rows: list[ReviewRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_labels(self, mentor_label: str, mentee_label: str) -> None:
        self._headers[MENTOR] = mentor_label
        self._headers[MENTEE] = mentee_label
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, MENTOR, MENTEE)

    def set_kind(self, kind: CohortKind) -> None:
        """The cohort's kind: in mutual cohorts both partners' wishes count."""
        self._kind = kind

    def refresh_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, SHARED))

    def row_at(self, row: int) -> ReviewRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        proposal = row.proposal
        if column == SHARED and proposal.covers_nothing:
            return self._uncovered(proposal, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                DECISION: row.decision.label,
                MENTOR: proposal.mentor_name,
                MENTEE: proposal.mentee_name,
                SCORE: f"{proposal.score} / 100",
                SHARED: ", ".join(proposal.shared_tags),
            }[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = _DECISION_COLOURS.get(row.decision)
            if column == DECISION and colour is not None:
                return QBrush(colour)
            if row.decision in (Decision.REJECTED, Decision.FORBIDDEN):
                return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.FontRole and column == DECISION and row.decision.keeps:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and proposal.warnings:
            return "\n".join(proposal.warnings)
        return None

    def _uncovered(self, proposal: Proposal, role: int) -> Any:
        """The shared-topics cell of a pair that covers none of the wanted topics: marked."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("none of {count} wanted").format(count=proposal.wanted)
        if role == Qt.ItemDataRole.ToolTipRole:
            note = uncovered_note(proposal.wanted, proposal.mentee_name, self._kind)
            return note[0].upper() + note[1:] + "."
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_UNCOVERED)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole:
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None
