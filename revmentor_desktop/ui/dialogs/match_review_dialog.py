"""Review the matching assistant's draft proposals for a cohort and turn the chosen ones into pairs.

The dialog only shows and collects decisions; ``domain.matching.review.ReviewSession`` keeps
them and runs the assistant. Nothing changes in the data until "Create pairs", which pushes one
undoable edit.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.matching.facts import Profile
from revmentor_desktop.domain.matching.result import MatchResult, Proposal
from revmentor_desktop.domain.matching.review import Decision, ReviewSession
from revmentor_desktop.domain.matching.rules import RuleSettings
from revmentor_desktop.domain.text import fold
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.models.match_model import SHARED, MatchProposalModel
from revmentor_desktop.ui.widgets.feedback import ProblemLabel
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize, scrolling
from revmentor_desktop.ui.widgets.weights_editor import WeightsEditor

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


class MatchReviewDialog(RemembersSize, QDialog):
    def __init__(self, context: AppContext, cohort_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = ReviewSession(cohort_id, context.clock)
        self.setWindowTitle(self.tr("Matching assistant"))
        self.setSizeGripEnabled(True)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.summary.setFont(font)
        hint = QLabel(
            self.tr(
                "Nothing changes until you press Create pairs. Accepted and locked proposals "
                "stay when you re-run; rejected ones are not proposed again."
            )
        )
        hint.setWordWrap(True)
        self.weights = WeightsEditor(
            note=self.tr(
                "Changes are kept for this cohort and the proposals are worked out again at once."
            )
        )
        self.weights.settings_changed.connect(self.change_rules)

        self.model = MatchProposalModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SHARED, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.accept_button = QPushButton(self.tr("&Accept"))
        self.accept_all_button = QPushButton(self.tr("Acc&ept all"))
        self.reject_button = QPushButton(self.tr("&Reject"))
        self.swap_button = QPushButton(self.tr("S&wap mentees"))
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.forbid_button = QPushButton(self.tr("&Forbid"))
        self.accept_button.setToolTip(self.tr("Make this pair when you press Create pairs"))
        self.accept_all_button.setToolTip(
            self.tr("Accept every proposal you have not decided on yet")
        )
        self.reject_button.setToolTip(self.tr("Leave this pair out; re-run proposes another"))
        self.swap_button.setToolTip(self.tr("Select two proposals to exchange their mentees"))
        self.lock_button.setToolTip(
            self.tr("Always keep this pair when matching again (it is made on Create pairs)")
        )
        self.forbid_button.setToolTip(self.tr("Never propose these two in this cohort"))
        self.accept_button.clicked.connect(lambda: self._decide(Decision.ACCEPTED))
        self.accept_all_button.clicked.connect(self.accept_all)
        self.reject_button.clicked.connect(lambda: self._decide(Decision.REJECTED))
        self.lock_button.clicked.connect(lambda: self._decide(Decision.LOCKED))
        self.forbid_button.clicked.connect(lambda: self._decide(Decision.FORBIDDEN))
        self.swap_button.clicked.connect(self.swap_selected)
        actions = QHBoxLayout()
        for button in (
            self.accept_button,
            self.accept_all_button,
            self.reject_button,
            self.swap_button,
            self.lock_button,
            self.forbid_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        proposals_box = QGroupBox(self.tr("Proposals"))
        proposals_layout = QVBoxLayout(proposals_box)
        proposals_layout.addWidget(self.table)
        proposals_layout.addLayout(actions)
        explained = (
            self.tr("Accept: make this pair"),
            self.tr("Lock: always keep this pair when matching again"),
            self.tr("Forbid: never propose these two"),
        )
        # A narrow pane wraps between the explanations, never inside one.
        decisions_hint = QLabel(" · ".join(text.replace(" ", "\u00a0") for text in explained))
        decisions_hint.setWordWrap(True)
        decisions_hint.setAccessibleName(" · ".join(explained))
        proposals_layout.addWidget(decisions_hint)

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

        detail_box = QGroupBox(self.tr("Side by side"))
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.addLayout(profiles, 5)
        detail_layout.addWidget(self.breakdown, 4)
        detail_layout.addWidget(self.alternatives)

        self.unmatched = _read_only_table(
            [self.tr("Person"), self.tr("Role"), self.tr("Why unmatched")]
        )
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(False)
        unmatched_box = QWidget()
        unmatched_layout = QVBoxLayout(unmatched_box)
        unmatched_layout.addWidget(self.unmatched)
        unmatched_layout.addWidget(self.warnings)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(proposals_box)
        top.addWidget(detail_box)
        top.setStretchFactor(0, 5)
        top.setStretchFactor(1, 6)
        top.setChildrenCollapsible(False)
        main = QSplitter(Qt.Orientation.Vertical)
        main.addWidget(top)
        # The people left over, and the rules that decide who is proposed with whom.
        self.lower_tabs = QTabWidget()
        self.lower_tabs.addTab(unmatched_box, self.tr("Unmatched"))
        self.lower_tabs.addTab(self.weights, self.tr("Rules and weights"))
        main.addWidget(self.lower_tabs)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 1)
        main.setChildrenCollapsible(False)

        self.message = ProblemLabel()
        self.created = QLabel()  # what Create pairs did
        self.created.setAccessibleName(self.tr("Pairs created"))
        self.show_pairs_button = QPushButton(self.tr("&Show the new pairs"))
        self.show_pairs_button.setAutoDefault(False)
        self.show_pairs_button.clicked.connect(self.show_new_pairs)
        created_row = QHBoxLayout()
        created_row.addWidget(self.created, 1)
        created_row.addWidget(self.show_pairs_button)
        self._show_created("", [])
        self.rerun_button = QPushButton(self.tr("Re-&run"))
        self.rerun_button.setToolTip(self.tr("Keep accepted and locked proposals; solve the rest"))
        self.create_button = QPushButton(self.tr("&Create pairs"))
        self.create_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.rerun_button.clicked.connect(self.rerun)
        self.create_button.clicked.connect(self.create_pairs)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rerun_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(scrolling(main), 1)  # on a small screen, scroll rather than crush
        layout.addWidget(self.message)
        layout.addLayout(created_row)
        layout.addLayout(buttons)
        self.resize(1180, 780)
        self.rerun()

    # Running

    @property
    def result(self) -> MatchResult | None:
        return self.session.result

    def rerun(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.session.run()
        except DomainError as problem:
            self.message.set_problem(str(problem))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.message.set_problem("")
        self.weights.set_settings(result.settings)
        self.model.set_kind(result.kind)
        self.model.set_labels(result.mentor_label, result.mentee_label)
        self.model.set_rows(self.session.rows)
        self._show_unmatched(result)
        self._update_summary()
        if self.session.rows:
            self.table.selectRow(0)
        else:
            self._show_detail(None)

    def change_rules(self, settings: RuleSettings) -> None:
        """Store the cohort's edited rules and show the proposals they give at once."""
        try:
            self.session.change_rules(settings)
        except DomainError as problem:
            self.message.set_problem(str(problem))
            return
        self.rerun()

    def _update_summary(self) -> None:
        result = self.result
        if result is None:
            return
        rows = self.session.rows
        chosen = sum(1 for row in rows if row.decision.keeps)
        self.summary.setText(
            self.tr(
                "{cohort} ({kind} mentoring): {proposals}, {chosen} chosen, "
                "{unmatched} unmatched, average score {score} out of 100"
            ).format(
                cohort=result.cohort_name,
                kind=result.kind.value,
                proposals=plural(len(rows), "proposal"),
                chosen=chosen,
                unmatched=len(result.unmatched),
                score=round(sum(row.proposal.score for row in rows) / max(len(rows), 1)),
            )
        )
        self.create_button.setEnabled(self.session.has_decisions)
        self.create_button.setToolTip(
            self.tr("Make the accepted and locked proposals into pairs")
            if self.session.has_decisions
            else self.tr("Accept, lock or forbid a proposal first")
        )
        self.accept_all_button.setEnabled(any(row.decision is Decision.DRAFT for row in rows))
        self._selection_changed()

    def _show_unmatched(self, result: MatchResult) -> None:
        self.unmatched.setRowCount(len(result.unmatched))
        for row, person in enumerate(result.unmatched):
            for column, text in enumerate((person.name, person.role, person.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.unmatched.setItem(row, column, item)
        self.unmatched.resizeRowsToContents()
        self.lower_tabs.setTabText(
            0, self.tr("Unmatched ({count})").format(count=len(result.unmatched))
        )
        lines = list(result.warnings)
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))

    # Selection and detail

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def select_rows(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(self.model.index(row, 0), flags)

    def _selection_changed(self, *_: object) -> None:
        rows = self.selected_rows()
        one = len(rows) == 1
        for button in (
            self.accept_button,
            self.reject_button,
            self.lock_button,
            self.forbid_button,
        ):
            button.setEnabled(bool(rows))
        self.swap_button.setEnabled(len(rows) == 2)
        self._show_detail(self.model.row_at(rows[0]).proposal if one else None)

    def _show_detail(self, proposal: Proposal | None) -> None:
        result = self.result
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

    # Decisions

    def _decide(self, decision: Decision) -> None:
        rows = self.selected_rows()
        try:
            for row in rows:
                self.session.decide(row, decision)
        except DomainError as problem:
            self.message.set_problem(str(problem))
        else:
            self.message.set_problem("")
        for row in rows:
            self.model.refresh_row(row)
        self._update_summary()

    def accept_all(self) -> None:
        self.session.accept_all()
        self.message.set_problem("")
        for row in range(self.model.rowCount()):
            self.model.refresh_row(row)
        self._update_summary()

    def swap_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 2:
            self.message.set_problem(self.tr("Select exactly two proposals to swap."))
            return
        try:
            self.session.swap(rows[0], rows[1])
        except DomainError as problem:
            self.message.set_problem(str(problem))
            return
        self.message.set_problem("")
        self.model.set_rows(self.session.rows)
        self.select_rows(rows)
        self._update_summary()

    def create_pairs(self) -> None:
        if not self.session.has_decisions:
            return
        cohort = self.result.cohort_name if self.result else ""
        forbidden = len(self.session.new_bans)
        try:
            edit = self.session.commit_edit()
        except DomainError as problem:
            self.message.set_problem(str(problem))
            return
        self.context.edits.push(edit)
        self.rerun()
        created = self.session.created_pair_ids
        self._show_created(_created_text(len(created), forbidden, cohort), created)

    def _show_created(self, text: str, pair_ids: list[int]) -> None:
        self._created_ids = list(pair_ids)
        self.created.setText(text)
        self.created.setVisible(bool(text))
        self.show_pairs_button.setVisible(bool(pair_ids))

    def show_new_pairs(self) -> None:
        """Close, and have the window show the pairs just created, selected on the Pairs list."""
        self.context.requests.show_pairs.emit(self.session.cohort_id, self._created_ids)
        self.accept()


def _created_text(created: int, forbidden: int, cohort: str) -> str:
    """What Create pairs did, in a sentence: "Created 7 pairs in Reverse 2026." """
    sentences = []
    if created:
        sentences.append(f"Created {plural(created, 'pair')} in {cohort}.")
    if forbidden:
        sentences.append(f"{plural(forbidden, 'forbidden pair')} will not be proposed again.")
    return " ".join(sentences)


__all__ = ["MatchReviewDialog", "profile_html"]
