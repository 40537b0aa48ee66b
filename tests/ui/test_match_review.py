"""The matching review: accept some, reject one, lock one, re-run, then create the pairs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import cohorts, pairs, people
from revmentor_desktop.domain.matching import Rule, Weight, list_constraints, rule_settings
from revmentor_desktop.domain.matching.constraints import ConstraintKind
from revmentor_desktop.domain.matching.review import ReviewSession
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.match_review_dialog import MatchReviewDialog
from revmentor_desktop.ui.models.match_model import SCORE, SHARED, MatchProposalModel
from revmentor_desktop.ui.undo import EditStack
from tests.helpers.matching import smooth_patchy_keen

NOW = datetime(2026, 3, 2, 9, 0)
SCREENSHOT = "REVMENTOR_SCREENSHOT"


def clock() -> datetime:
    return NOW


def _cohort() -> tuple[int, dict[str, int]]:
    """Four mentors, five mentees: the assistant proposes four pairs."""
    staff = [
        ("Ana Ortiz", 2, "IT", ["AI", "TikTok", "Python"], []),
        ("Ben Li", 3, "Sales", ["Excel", "AI"], []),
        ("Chloé Dubois", 2, "Marketing", ["Social media", "Canva"], []),
        ("Dev Patel", 1, "IT", ["Python", "Data"], []),
        ("Hana Sato", 9, "Finance", [], ["AI", "Python"]),
        ("Ivan Petrov", 8, "Legal", [], ["TikTok", "Social media"]),
        ("Jana Novak", 7, "Operations", [], ["Excel", "Data"]),
        ("Karl Berg", 8, "Sales", [], ["canva"]),
        ("Lea Roth", 9, "HR", [], ["ai"]),
    ]
    drafts = [
        people.PersonDraft(
            name,
            grade=grade,
            department=department,
            job_title="Analyst" if grade < 5 else "Director",
            location="Leeds",
            teaches=teaches,
            learns=learns,
        )
        for name, grade, department, teaches, learns in staff
    ]
    return _enrolled(drafts)


def _enrolled(drafts: list[people.PersonDraft]) -> tuple[int, dict[str, int]]:
    """A reverse cohort of these people (with consent): those who teach enrol as mentors."""
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"), clock)
    ids = {}
    for draft in drafts:
        ids[draft.name] = people.add_person(replace(draft, consent_date=date(2026, 1, 5)), clock)
        cohorts.enrol(cohort_id, ids[draft.name], "mentor" if draft.teaches else "mentee")
    return cohort_id, ids


def _review(qtbot: QtBot, cohort_id: int) -> MatchReviewDialog:
    """The review dialog for the cohort, on an undo stack of its own."""
    dialog = MatchReviewDialog(AppContext(EditStack(), clock), cohort_id)
    qtbot.addWidget(dialog)
    return dialog


def _keys(dialog: MatchReviewDialog) -> list[tuple[int, int]]:
    return [row.proposal.key for row in dialog.session.rows]


# The offscreen platform cannot pass size hints on; it says so when a screenshot shows the dialog.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_review_accept_reject_lock_rerun_and_create(
    qtbot: QtBot, data_file: DataFile, tmp_path: Path
) -> None:
    cohort_id, _ids = _cohort()
    context = AppContext(EditStack(), clock)
    dialog = MatchReviewDialog(context, cohort_id)
    qtbot.addWidget(dialog)

    rows = dialog.session.rows
    assert dialog.model.rowCount() == 4
    assert len(dialog.result.unmatched) == 1  # five mentees, four places
    assert "4 proposals, 0 chosen, 1 unmatched" in dialog.summary.text()
    assert not dialog.create_button.isEnabled()
    first = rows[0].proposal
    assert first.mentee_name in dialog.detail.mentee_view.toPlainText()
    assert "fff1a8" in dialog.detail.mentee_view.toHtml().lower()  # shared tags are highlighted
    breakdown = dialog.detail.breakdown
    assert breakdown.rowCount() == len(first.parts) + 1 + len(first.gates)
    total_row = len(first.parts)
    assert breakdown.item(total_row, 1).text() == f"{first.score} / 100"
    assert [
        breakdown.item(row, 1).text() for row in range(total_row + 1, breakdown.rowCount())
    ] == ["passed", "passed"]
    assert breakdown.item(total_row + 1, 0).text() == "Seniority direction (mandatory)"
    assert dialog.model.index(0, SCORE).data() == f"{first.score} / 100"

    dialog.select_rows([0, 1])
    dialog.accept_button.click()
    accepted = _keys(dialog)[:2]
    dialog.select_rows([2])
    dialog.reject_button.click()
    rejected = _keys(dialog)[2]
    dialog.select_rows([3])
    dialog.lock_button.click()
    locked = _keys(dialog)[3]
    assert [row.decision.value for row in dialog.session.rows] == [
        "accepted",
        "accepted",
        "rejected",
        "locked",
    ]
    assert dialog.create_button.isEnabled()
    assert pairs.list_pairs() == []  # nothing is written before Create pairs

    dialog.rerun_button.click()

    keys = _keys(dialog)
    assert set(accepted) | {locked} <= set(keys)
    assert rejected not in keys
    # The rejected pair's mentee gets the free place's alternative or stays unmatched.
    assert len(keys) + len(dialog.result.unmatched) >= 4
    decisions = {row.proposal.key: row.decision.value for row in dialog.session.rows}
    assert decisions[locked] == "locked"
    assert all(decisions[key] == "accepted" for key in accepted)
    assert pairs.list_pairs() == []

    if _screenshot_folder():
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save(str(_screenshot_folder() / "match_review.png"))

    dialog.create_button.click()

    created = {(row.mentor_id, row.mentee_id, row.status) for row in pairs.list_pairs()}
    assert created == {(*key, "proposed") for key in [*accepted, locked]}
    assert [(c.mentor_id, c.mentee_id, c.kind) for c in list_constraints(cohort_id)] == [
        (*locked, ConstraintKind.LOCKED)
    ]
    assert context.edits.undo_stack.count() == 1
    assert context.edits.undo_stack.undoText() == "Create 3 pairs, lock 1 (matching)"
    assert len(dialog.result.existing) == 3

    context.edits.undo_stack.undo()
    assert pairs.list_pairs() == []
    assert list_constraints(cohort_id) == []


def test_swap_exchanges_mentees_or_says_which_rule_blocks(
    qtbot: QtBot, data_file: DataFile
) -> None:
    cohort_id, _ids = _cohort()
    dialog = _review(qtbot, cohort_id)
    before = _keys(dialog)

    dialog.select_rows([0, 1])
    assert dialog.swap_button.isEnabled()
    dialog.swap_button.click()

    after = _keys(dialog)
    assert after[:2] == [(before[0][0], before[1][1]), (before[1][0], before[0][1])]
    assert [row.decision.value for row in dialog.session.rows[:2]] == ["accepted", "accepted"]
    assert dialog.message.text() == ""


def test_a_swap_that_breaks_a_rule_is_refused_with_the_rule(
    qtbot: QtBot, data_file: DataFile
) -> None:
    cohort_id, ids = _cohort()
    karl = people.get_person(ids["Karl Berg"]).draft
    people.update_person(ids["Karl Berg"], replace(karl, manager_id=ids["Dev Patel"]), clock)
    dialog = _review(qtbot, cohort_id)
    rows = dialog.session.rows
    dev_row = next(i for i, row in enumerate(rows) if row.proposal.mentor_id == ids["Dev Patel"])
    karl_row = next(i for i, row in enumerate(rows) if row.proposal.mentee_id == ids["Karl Berg"])
    before = _keys(dialog)

    dialog.select_rows([dev_row, karl_row])
    dialog.swap_button.click()

    assert _keys(dialog) == before
    assert "Reporting line (mandatory): Dev Patel is Karl Berg's manager" in dialog.message.text()


def _choice() -> tuple[int, dict[str, int]]:
    """Smooth, Patchy and Keen (see ``smooth_patchy_keen``) in a reverse cohort."""
    return _enrolled(smooth_patchy_keen())


def test_changing_a_weight_shows_its_effect_at_once_and_is_kept_for_the_cohort(
    qtbot: QtBot, data_file: DataFile
) -> None:
    cohort_id, ids = _choice()
    dialog = _review(qtbot, cohort_id)
    assert _keys(dialog) == [(ids["Patchy"], ids["Keen"])]
    assert dialog.weights.shares[Rule.SKILLS].text() == "50 points"
    assert dialog.weights.shares[Rule.SENIORITY].text() == "must pass"
    assert not dialog.weights.reset_button.isEnabled()

    skills = dialog.weights.combos[Rule.SKILLS]
    skills.setCurrentIndex(skills.findData(Weight.OFF.value))

    # Without the skills rule, topics no longer come first: the smoother fit wins.
    assert _keys(dialog) == [(ids["Smooth"], ids["Keen"])]
    assert dialog.weights.shares[Rule.SKILLS].text() == "not used"
    assert dialog.weights.shares[Rule.MEETING_FORMAT].text() == "40 points"
    assert rule_settings(cohort_id, "reverse").weight(Rule.SKILLS) is Weight.OFF
    marked = dialog.model.index(0, SHARED)
    assert marked.data() == "none of 3 wanted"
    assert marked.data(Qt.ItemDataRole.ToolTipRole) == (
        "Covers none of the 3 topics Keen wants to learn."
    )
    assert marked.data(Qt.ItemDataRole.DecorationRole) is not None

    dialog.weights.reset_button.click()

    assert _keys(dialog) == [(ids["Patchy"], ids["Keen"])]
    assert skills.currentText() == "As its kind (high)"
    assert rule_settings(cohort_id, "reverse").is_default()
    assert dialog.model.index(0, SHARED).data() == "AI"


def test_the_seniority_gap_and_job_title_words_are_edited_in_the_dialog(
    qtbot: QtBot, data_file: DataFile
) -> None:
    cohort_id, _ids = _enrolled(
        [
            people.PersonDraft(
                "Nova", job_title="Service Analyst", hire_date=date(2025, 6, 1), teaches=["AI"]
            ),
            people.PersonDraft("Tess", job_title="Graduate Trainee", hire_date=date(2024, 4, 1)),
        ]
    )
    dialog = _review(qtbot, cohort_id)
    assert dialog.model.rowCount() == 0  # hired a year apart: too close to tell apart
    assert "too close to them in seniority" in dialog.unmatched.table.item(0, 2).text()

    dialog.weights.years_gap.setValue(1.0)

    assert dialog.model.rowCount() == 1
    assert rule_settings(cohort_id, "reverse").years_gap == 1.0

    dialog.weights.years_gap.setValue(5.0)
    dialog.weights.senior_words.setText("analyst, manager")
    dialog.weights.senior_words.editingFinished.emit()

    assert dialog.model.rowCount() == 0  # the analyst now reads as senior to the trainee
    assert rule_settings(cohort_id, "reverse").senior_words == ("analyst", "manager")

    dialog.weights.junior_words.setText("graduate, analyst")
    dialog.weights.junior_words.editingFinished.emit()

    assert dialog.weights.problem.text() == (
        "“analyst” cannot be both a junior and a senior job-title word."
    )
    assert rule_settings(cohort_id, "reverse").junior_words != ("graduate", "analyst")


def test_the_proposals_model_passes_the_model_tester(
    qtmodeltester: ModelTester, data_file: DataFile
) -> None:
    cohort_id, _ids = _cohort()
    session = ReviewSession(cohort_id, clock)
    session.run()
    model = MatchProposalModel()
    model.set_rows(session.rows)
    qtmodeltester.check(model)


def _screenshot_folder() -> Path | None:
    import os

    folder = os.environ.get(SCREENSHOT)
    return Path(folder) if folder else None


def test_accept_all_then_create_says_what_it_did_and_offers_the_new_pairs(
    qtbot: QtBot, data_file: DataFile
) -> None:
    cohort_id, _ids = _cohort()
    context = AppContext(EditStack(), clock)
    shown: list[tuple[int, list[int]]] = []
    context.requests.show_pairs.connect(lambda cohort, ids: shown.append((cohort, ids)))
    dialog = MatchReviewDialog(context, cohort_id)
    qtbot.addWidget(dialog)
    assert not dialog.created.isVisible() and not dialog.show_pairs_button.isVisible()
    dialog.select_rows([0])
    dialog.reject_button.click()
    dialog.accept_all_button.click()
    decisions = [row.decision.value for row in dialog.session.rows]
    assert decisions == ["rejected", "accepted", "accepted", "accepted"]
    assert not dialog.accept_all_button.isEnabled(), "nothing left to accept"

    dialog.create_button.click()

    assert dialog.created.text() == "Created 3 pairs in Reverse 2026."
    assert not dialog.show_pairs_button.isHidden()
    made = sorted(row.id for row in pairs.list_pairs())
    dialog.show_pairs_button.click()
    assert shown == [(cohort_id, made)]
    assert QDialog.result(dialog) == QDialog.DialogCode.Accepted  # `result` is the match


def test_one_proposal_is_one_and_the_decisions_are_explained_in_place(
    qtbot: QtBot, data_file: DataFile
) -> None:
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Pilot"), clock)
    for name, grade, teaches, learns in (("Ana", 2, ["AI"], []), ("Hana", 9, [], ["AI"])):
        draft = people.PersonDraft(
            name, grade=grade, teaches=teaches, learns=learns, consent_date=date(2026, 1, 5)
        )
        cohorts.enrol(cohort_id, people.add_person(draft, clock), "mentor" if teaches else "mentee")
    dialog = _review(qtbot, cohort_id)
    assert "Pilot (reverse mentoring): 1 proposal, 0 chosen" in dialog.summary.text()
    hints = [label.text().replace("\u00a0", " ") for label in dialog.findChildren(QLabel)]
    assert (
        "Accept: make this pair · Lock: always keep this pair when matching again · "
        "Forbid: never propose these two"
    ) in hints
    assert dialog.lock_button.toolTip().startswith("Always keep this pair when matching again")
    assert dialog.forbid_button.toolTip() == "Never propose these two in this cohort"
    dialog.select_rows([0])
    dialog.forbid_button.click()
    dialog.create_button.click()
    assert dialog.created.text() == "1 forbidden pair will not be proposed again."
    assert dialog.show_pairs_button.isHidden(), "no new pairs to show"
