"""The History tab of the person and pair dialogs: who changed which fields of the record and
when, newest first, read from the audit trail (never the values)."""

from __future__ import annotations

import getpass

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import cohorts, edits, people
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.pair_dialog import PairDialog
from revmentor_desktop.ui.dialogs.person_dialog import PersonDialog
from revmentor_desktop.ui.models.record_history_model import RecordHistoryModel
from tests.ui.test_dialogs import choose, click, proposed_pair, retype, shown

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def rows(model: RecordHistoryModel) -> list[tuple[str, ...]]:
    return [
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def test_a_persons_edit_shows_in_their_history_by_field_name(
    qtbot: QtBot, qtmodeltester: ModelTester, context: AppContext
) -> None:
    ada = people.add_person(PersonDraft("Ada", email="ada@example.org"))
    editing = shown(qtbot, PersonDialog(context, ada))
    retype(qtbot, editing.email, "ada.lovelace@example.org")
    choose(editing.meeting_format, "video call")
    click(qtbot, editing.save_button)

    dialog = shown(qtbot, PersonDialog(context, ada))
    history = dialog.history.model
    qtmodeltester.check(history)
    newest, oldest = rows(history)
    assert newest[1:] == (getpass.getuser(), "Changed", "E-mail, Prefers to meet")
    assert oldest[1:3] == (getpass.getuser(), "Added")
    shown_text = " ".join(" ".join(row) for row in rows(history))
    assert "example.org" not in shown_text and "video" not in shown_text


def test_a_pairs_history_names_the_fields_of_the_pair_dialog(
    qtbot: QtBot, context: AppContext
) -> None:
    pair = proposed_pair()
    editing = shown(qtbot, PairDialog(context, pair.pair_id))
    editing.summary.setPlainText("Met twice; both keen.")
    click(qtbot, editing.save_button)
    dialog = shown(qtbot, PairDialog(context, pair.pair_id))
    assert [row[2:] for row in rows(dialog.history.model)] == [
        ("Changed", "Shareable summary"),
        ("Added", ""),
    ]


def test_a_persons_skills_and_cohorts_show_in_their_history_by_name_only(
    qtbot: QtBot, qtmodeltester: ModelTester, context: AppContext
) -> None:
    ada = people.add_person(PersonDraft("Ada", teaches=["Excel"]))
    editing = shown(qtbot, PersonDialog(context, ada))
    editing.teaches.add_tag("Statistics")
    editing.learns.add_tag("Public speaking")
    click(qtbot, editing.save_button)
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"))
    edits.enrol(cohort_id, [ada], "mentor")

    dialog = shown(qtbot, PersonDialog(context, ada))
    history = dialog.history.model
    qtmodeltester.check(history)
    assert [row[2:] for row in rows(history)] == [
        ("Changed", "Cohorts"),
        ("Changed", "Skills"),
        ("Added", ""),
    ]
    shown_text = " ".join(" ".join(row) for row in rows(history))
    for value in ("Excel", "Statistics", "Public", "Reverse"):
        assert value not in shown_text
