"""The plan library dialog, the pair's Plan tab and the session dialog's plan item."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QSpinBox
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import pairs
from revmentor_desktop.domain.plans import catalogue, pair_plans
from revmentor_desktop.domain.plans.library import builtin_plans
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.pair_dialog import PairDialog
from revmentor_desktop.ui.dialogs.plans_library import PlanEditor, PlansLibrary
from revmentor_desktop.ui.dialogs.session_dialog import SessionDialog
from revmentor_desktop.ui.models.plans_model import PlansModel
from tests.reports.helpers import page_count
from tests.reports.programme import Programme, build_programme, clock

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def programme(context: AppContext) -> Programme:
    return build_programme()


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_plans_model_passes_the_model_tester(
    qtmodeltester: object, context: AppContext
) -> None:
    model = PlansModel()
    model.refresh()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == len(builtin_plans())
    assert model.index(0, 3).data() == "Built in"


def test_retire_duplicate_and_undo_in_the_library(qtbot: QtBot, context: AppContext) -> None:
    library = PlansLibrary(context)
    qtbot.addWidget(library)
    library.show()
    library.select(library.model.row_of("inclusion"))
    click(qtbot, library.buttons["retire"])
    assert catalogue.find_plan("inclusion").retired
    assert library.buttons["retire"].text() == "B&ring back"
    retired = library.model.index(library.model.row_of("inclusion"), 0)
    assert library.model.index(retired.row(), 3).data() == "Retired"
    assert retired.data(Qt.ItemDataRole.FontRole).strikeOut(), "a retired plan is struck through"
    assert library.model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    context.edits.undo_stack.undo()
    assert not catalogue.find_plan("inclusion").retired
    assert library.buttons["retire"].text() == "&Retire"
    click(qtbot, library.buttons["duplicate"])
    assert library.current_plan().title == "Inclusion: whose voice is heard (copy)"  # type: ignore[union-attr]


def test_edit_a_plan_in_the_editor_and_reset_it(qtbot: QtBot, context: AppContext) -> None:
    library = PlansLibrary(context)
    qtbot.addWidget(library)
    library.select(library.model.row_of("negotiation"))
    click(qtbot, library.buttons["edit"])
    editor = library.child_dialog
    assert isinstance(editor, PlanEditor) and editor.isVisible()
    assert editor.agenda.rowCount() == 5
    editor.title_edit.selectAll()
    qtbot.keyClicks(editor.title_edit, "Negotiating a budget")
    minutes = editor.agenda.cellWidget(0, 0)
    assert isinstance(minutes, QSpinBox)
    minutes.setValue(20)
    click(qtbot, editor.save_button)
    saved = catalogue.find_plan("negotiation")
    assert saved.title == "Negotiating a budget" and saved.agenda[0].share == 20
    assert library.buttons["reset"].isEnabled()
    click(qtbot, library.buttons["reset"])
    assert catalogue.find_plan("negotiation").title == "Negotiation"


def test_a_new_plan_needs_a_title_and_at_least_one_step(qtbot: QtBot, context: AppContext) -> None:
    editor = PlanEditor(context, None)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.agenda.rowCount() == 3, "a new plan starts with a usual shape"
    assert not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.title_edit, "Budget season")
    assert editor.save_button.isEnabled()
    for _ in range(3):
        editor.agenda.setCurrentCell(0, 1)
        click(qtbot, editor.remove_step)
    assert not editor.save_button.isEnabled()
    assert editor.feedback.problem_for("agenda") == "Add at least one agenda step."
    click(qtbot, editor.add_step)
    editor.agenda.item(0, 1).setText("Numbers")  # type: ignore[union-attr]
    assert editor.save_button.isEnabled()
    click(qtbot, editor.save_button)
    assert catalogue.find_plan("Budget season").agenda[0].title == "Numbers"


def test_print_a_handout_from_the_library(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    library = PlansLibrary(context)
    qtbot.addWidget(library)
    click(qtbot, library.buttons["print"])
    assert page_count(target.read_bytes()) == 1


def test_the_pair_dialog_suggests_reorders_and_shows_progress(
    qtbot: QtBot, context: AppContext, programme: Programme
) -> None:
    dialog = PairDialog(context, programme.pair_id)
    qtbot.addWidget(dialog)
    dialog.show()
    plan = dialog.plan
    assert plan.items.count() == 0 and "No plan yet" in plan.progress.text()
    click(qtbot, plan.buttons["suggest"])
    assert plan.items.count() == 13
    assert dialog.tabs.tabText(dialog.plan_tab) == "Pla&n (0 of 13)"
    plan.items.setCurrentRow(2)
    click(qtbot, plan.buttons["up"])
    keys = pair_plans.plan_keys(programme.pair_id)
    assert keys[1:3] == ["social-media", "collaboration-tools"]
    context.edits.undo_stack.undo()
    assert pair_plans.plan_keys(programme.pair_id)[1] == "collaboration-tools"

    click(qtbot, dialog.status_bar.log_button)
    session = dialog.child_dialog
    assert isinstance(session, SessionDialog)
    assert session.plan_item.currentText() == "1. The first meeting: getting to know each other"
    click(qtbot, session.save_button)
    assert pair_plans.progress(programme.pair_id).label == "1 of 13 plan items"
    assert dialog.tabs.tabText(dialog.plan_tab) == "Pla&n (1 of 13)"
    assert "✓" in plan.items.item(0).text()


def test_the_session_dialog_hides_the_plan_item_without_a_plan(
    qtbot: QtBot, context: AppContext, programme: Programme
) -> None:
    session = SessionDialog(context, pair_id=programme.quiet_pair_id)
    qtbot.addWidget(session)
    session.show()
    assert not session.plan_item.isVisibleTo(session)
    assert session.draft().plan_item_id is None
    assert pairs.get_pair(programme.quiet_pair_id)


def test_the_pairs_list_says_how_far_along_its_plan_a_pair_is(
    qtmodeltester: object, context: AppContext, programme: Programme
) -> None:
    from revmentor_desktop.ui.models.pairs_model import PairsModel

    pair_plans.arrange(programme.pair_id, ["first-meeting", "inclusion", "closing-meeting"])
    model = PairsModel(clock=clock)
    model.refresh()
    sessions_column = [column.header for column in model.columns].index("Sessions")
    row = model.row_of(programme.pair_id)
    tip = model.index(row, sessions_column).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Session plan: 0 of 3 plan items"
    quiet = model.index(model.row_of(programme.quiet_pair_id), sessions_column)
    assert quiet.data(Qt.ItemDataRole.ToolTipRole) == "Session plan: No plan yet"
    qtmodeltester.check(model)  # type: ignore[attr-defined]
