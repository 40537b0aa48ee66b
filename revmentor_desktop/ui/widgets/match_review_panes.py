"""The panes of the matching assistant beside its proposals: one proposal's two people side by
side with the parts of its score, and the people the assistant left unmatched.

They only show what ``domain.matching`` worked out; the dialog decides what to show when.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.matching.facts import Profile
from revmentor_desktop.domain.matching.result import MatchResult, Proposal
from revmentor_desktop.domain.text import fold

_HIGHLIGHT = "background-color:#fff1a8; color:#3d3200; font-weight:600;"
_TAG = "background-color:palette(alternate-base);"


def _tag_html(tags: tuple[str, ...], shared: set[str]) -> str:
    if not tags:
        return "<i>none listed</i>"
    chips = []
    for tag in tags:
        style = _HIGHLIGHT if fold(" ".join(tag.split())) in shared else _TAG
        chips.append(f'<span style="{style}">&nbsp;{escape(tag)}&nbsp;</span>')
    return " ".join(chips)


def profile_html(profile: Profile, role_label: str, shared_tags: tuple[str, ...]) -> str:
    """One side of the side-by-side view, with the tags the two share highlighted."""
    shared = {fold(" ".join(tag.split())) for tag in shared_tags}
    facts = [
        ("Job", " · ".join(part for part in (profile.job_title, profile.department) if part)),
        ("Grade", "" if profile.grade is None else str(profile.grade)),
        ("Hired", format_date(profile.hire_date)),
        ("Location", profile.location),
        ("Meets", profile.meeting_format),
    ]
    rows = "".join(
        f"<tr><td style='color:palette(placeholder-text); padding-right:8px'>{label}</td>"
        f"<td>{escape(value) if value else '—'}</td></tr>"
        for label, value in facts
    )
    return (
        f"<p style='margin:0; color:palette(placeholder-text)'>{escape(role_label)}</p>"
        f"<h3 style='margin-top:0'>{escape(profile.name)}</h3>"
        f"<table cellspacing='0' cellpadding='1'>{rows}</table>"
        f"<p><b>Can teach</b><br>{_tag_html(profile.teaches, shared)}</p>"
        f"<p><b>Wants to learn</b><br>{_tag_html(profile.learns, shared)}</p>"
    )


def _read_only_table(headers: list[str]) -> QTableWidget:
    """A wrapping, read-only table whose last column takes the room the others leave."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    for column in range(len(headers) - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


class ProposalDetail(QGroupBox):
    """The selected proposal: the two profiles, how its score is made up, and the mentee's
    other allowed partners."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Side by side"), parent)
        self.mentor_view = QTextBrowser()
        self.mentee_view = QTextBrowser()
        for view in (self.mentor_view, self.mentee_view):
            view.setOpenLinks(False)
            view.setMinimumWidth(220)
        profiles = QHBoxLayout()
        profiles.addWidget(self.mentor_view)
        profiles.addWidget(self.mentee_view)

        self.breakdown = _read_only_table([self.tr("Rule"), self.tr("Points"), self.tr("Why")])
        self.breakdown.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.alternatives = QLabel()
        self.alternatives.setWordWrap(True)
        self.alternatives.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(profiles, 5)
        layout.addWidget(self.breakdown, 4)
        layout.addWidget(self.alternatives)

    def show_proposal(self, result: MatchResult | None, proposal: Proposal | None) -> None:
        """Show ``proposal`` of ``result``, or a hint to select one when there is none."""
        if proposal is None or result is None:
            self.mentor_view.setHtml(
                "<p style='color:palette(placeholder-text)'>Select a proposal to compare the "
                "two people side by side.</p>"
            )
            self.mentee_view.clear()
            self.breakdown.setRowCount(0)
            self.alternatives.clear()
            return
        mentor = result.profiles[proposal.mentor_id]
        mentee = result.profiles[proposal.mentee_id]
        self.mentor_view.setHtml(profile_html(mentor, result.mentor_label, proposal.shared_tags))
        self.mentee_view.setHtml(profile_html(mentee, result.mentee_label, proposal.shared_tags))
        self._show_breakdown(proposal)
        options = result.alternatives(proposal.mentee_id)
        if options:
            text = "; ".join(f"{a.partner_name} ({a.score}/100, {a.note})" for a in options)
            self.alternatives.setText(
                self.tr("Other options for {name}: {options}").format(
                    name=proposal.mentee_name, options=text
                )
            )
        else:
            self.alternatives.setText(
                self.tr("No other allowed option for {name}.").format(name=proposal.mentee_name)
            )

    def _show_breakdown(self, proposal: Proposal) -> None:
        """The score's parts and total out of 100, then the mandatory rules it passes."""
        rows = [
            (part.rule.label, f"{part.points} / {part.max_points}", part.note)
            for part in proposal.parts
        ]
        rows.append((self.tr("Total"), f"{proposal.score} / 100", "; ".join(proposal.warnings)))
        rows += [
            (
                self.tr("{rule} (mandatory)").format(rule=gate.rule.label),
                self.tr("passed") if gate.passed else self.tr("broken"),
                gate.note,
            )
            for gate in proposal.gates
        ]
        total_row = len(proposal.parts)
        self.breakdown.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if row == total_row and column < 2:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.breakdown.setItem(row, column, item)
        self.breakdown.resizeRowsToContents()


class UnmatchedPeople(QWidget):
    """The people no proposal includes, each with the reason, and the assistant's warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _read_only_table(
            [self.tr("Person"), self.tr("Role"), self.tr("Why unmatched")]
        )
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.warnings)

    def show_result(self, result: MatchResult) -> None:
        self.table.setRowCount(len(result.unmatched))
        for row, person in enumerate(result.unmatched):
            for column, text in enumerate((person.name, person.role, person.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        lines = list(result.warnings)
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
