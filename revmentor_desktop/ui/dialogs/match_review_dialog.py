"""Review the matching assistant's draft proposals for a cohort and turn the chosen ones into pairs.

The dialog only shows and collects decisions; ``domain.matching.review.ReviewSession`` keeps
them and runs the assistant. Nothing changes in the data until "Create pairs", which pushes one
undoable edit. The proposals are ``ui.models.match_model``; the panes beside them (the two
people side by side, the unmatched) are ``ui.widgets.match_review_panes``.
"""

from __future__ import annotations

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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.matching.result import MatchResult, Proposal
from revmentor_desktop.domain.matching.review import Decision, ReviewSession
from revmentor_desktop.domain.matching.rules import RuleSettings
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.models.match_model import SHARED, MatchProposalModel
from revmentor_desktop.ui.widgets.feedback import ProblemLabel
from revmentor_desktop.ui.widgets.match_review_panes import ProposalDetail, UnmatchedPeople
from revmentor_desktop.ui.widgets.screen_fit import RemembersSize, scrolling
from revmentor_desktop.ui.widgets.weights_editor import WeightsEditor


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

        proposals_box = self._proposals_pane()
        self.detail = ProposalDetail()
        self.unmatched = UnmatchedPeople()

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(proposals_box)
        top.addWidget(self.detail)
        top.setStretchFactor(0, 5)
        top.setStretchFactor(1, 6)
        top.setChildrenCollapsible(False)
        main = QSplitter(Qt.Orientation.Vertical)
        main.addWidget(top)
        # The people left over, and the rules that decide who is proposed with whom.
        self.lower_tabs = QTabWidget()
        self.lower_tabs.addTab(self.unmatched, self.tr("Unmatched"))
        self.lower_tabs.addTab(self.weights, self.tr("Rules and weights"))
        main.addWidget(self.lower_tabs)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 1)
        main.setChildrenCollapsible(False)

        self.message = ProblemLabel()
        created_row = self._created_row()
        buttons = self._closing_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(scrolling(main), 1)  # on a small screen, scroll rather than crush
        layout.addWidget(self.message)
        layout.addLayout(created_row)
        layout.addLayout(buttons)
        self.resize(1180, 780)
        self.rerun()

    def _proposals_pane(self) -> QGroupBox:
        """The proposals table, the decisions to take on the selected ones, and what each means."""
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

        proposals_box = QGroupBox(self.tr("Proposals"))
        proposals_layout = QVBoxLayout(proposals_box)
        proposals_layout.addWidget(self.table)
        proposals_layout.addLayout(self._decision_buttons())
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
        return proposals_box

    def _decision_buttons(self) -> QHBoxLayout:
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
        return actions

    def _created_row(self) -> QHBoxLayout:
        """What Create pairs did, with a way to see the new pairs on the Pairs list."""
        self.created = QLabel()
        self.created.setAccessibleName(self.tr("Pairs created"))
        self.show_pairs_button = QPushButton(self.tr("&Show the new pairs"))
        self.show_pairs_button.setAutoDefault(False)
        self.show_pairs_button.clicked.connect(self.show_new_pairs)
        created_row = QHBoxLayout()
        created_row.addWidget(self.created, 1)
        created_row.addWidget(self.show_pairs_button)
        self._show_created("", [])
        return created_row

    def _closing_buttons(self) -> QHBoxLayout:
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
        return buttons

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
        self.unmatched.show_result(result)
        self.lower_tabs.setTabText(
            0, self.tr("Unmatched ({count})").format(count=len(result.unmatched))
        )

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
        self.detail.show_proposal(self.result, proposal)

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


__all__ = ["MatchReviewDialog"]
