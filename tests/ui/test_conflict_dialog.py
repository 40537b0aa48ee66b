"""Saving a dialog after another coordinator saved the same record: the choice, side by side.

The other coordinator is another process on the same programme (tests/helpers/coordinator.py),
on a data file and on a server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import cohorts, pairs, people
from revmentor_desktop.domain.conflicts import Side
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.server import ServerStore
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.cohort_dialog import CohortDialog
from revmentor_desktop.ui.dialogs.pair_dialog import PairDialog
from revmentor_desktop.ui.dialogs.person_dialog import PersonDialog
from revmentor_desktop.ui.widgets.conflict_chooser import ConflictChooser
from tests.helpers.coordinator import Coordinator, address_of
from tests.reports import programme


def when_the_chooser_opens(qtbot: QtBot, act: Callable[[ConflictChooser], None]) -> list[str]:
    """Act in the conflict chooser once it is shown; returns the texts it showed."""
    seen: list[str] = []

    def act_on_chooser() -> None:
        chooser = QApplication.activeModalWidget()
        assert isinstance(chooser, ConflictChooser)
        seen.extend(label.text() for label in chooser.findChildren(QLabel))
        seen.extend(button.text() for button in chooser.findChildren(QRadioButton))
        act(chooser)

    QTimer.singleShot(0, act_on_chooser)
    return seen


@pytest.fixture
def other_coordinator(data_file: DataFile | ServerStore) -> Iterator[Coordinator]:
    """A second coordinator, in a process of their own, on the programme the dialogs edit."""
    coordinator = Coordinator(address_of(data_file))
    yield coordinator
    coordinator.close()


def other_coordinator_saves_pair(coordinator: Coordinator, pair_id: int, **changes: str) -> None:
    coordinator.ask("load", kind="pair", row_id=pair_id)
    assert coordinator.ask("save", changes=changes)["status"] == "saved"


@pytest.mark.both_stores
def test_a_pair_saved_meanwhile_offers_the_fields_side_by_side_and_merges(
    qtbot: QtBot, context: AppContext, other_coordinator: Coordinator
) -> None:
    pair_id = programme.build_programme().pair_id
    dialog = PairDialog(context, pair_id)
    qtbot.addWidget(dialog)
    other_coordinator_saves_pair(
        other_coordinator, pair_id, shared_summary="Agreed to meet monthly"
    )
    dialog.notes.set_text("Check in after the reorganisation")
    seen = when_the_chooser_opens(qtbot, lambda chooser: chooser.save_chosen.click())

    assert dialog.save_now()

    saved = pairs.get_pair(pair_id)
    assert saved.shared_summary == "Agreed to meet monthly"  # theirs, kept
    assert saved.coordinator_notes == "Check in after the reorganisation"  # mine, kept
    assert "Agreed to meet monthly" in seen and "Check in after the reorganisation" in seen
    assert "<b>Shared summary</b>" in seen and "<b>Coordinator notes</b>" in seen
    assert "Call <Anna> re: goals & <b>budget</b>" in seen  # as loaded, shown as typed


def test_keep_theirs_drops_my_change_and_keep_mine_overwrites_theirs(
    qtbot: QtBot, context: AppContext, other_coordinator: Coordinator
) -> None:
    pair_id = programme.build_programme().pair_id
    for keep, expected in ((Side.THEIRS, "Theirs"), (Side.MINE, "Mine")):
        dialog = PairDialog(context, pair_id)
        qtbot.addWidget(dialog)
        other_coordinator_saves_pair(other_coordinator, pair_id, coordinator_notes="Theirs")
        dialog.notes.set_text("Mine")
        button = "keep_theirs" if keep is Side.THEIRS else "keep_mine"
        when_the_chooser_opens(qtbot, lambda chooser, b=button: getattr(chooser, b).click())

        assert dialog.save_now()

        assert pairs.get_pair(pair_id).coordinator_notes == expected


def test_cancelling_the_choice_saves_nothing_and_says_why(
    qtbot: QtBot, context: AppContext, other_coordinator: Coordinator
) -> None:
    ids = programme.build_programme().names
    person_id = next(iter(ids.values()))
    dialog = PersonDialog(context, person_id)
    qtbot.addWidget(dialog)
    other_coordinator.ask("load", kind="person", row_id=person_id)
    assert other_coordinator.ask("save", changes={"job_title": "Head of Data"})["status"] == "saved"
    dialog.job_title.setText("Chief Analyst")
    when_the_chooser_opens(qtbot, lambda chooser: chooser.reject())

    assert not dialog.save_now()

    assert people.get_person(person_id).draft.job_title == "Head of Data"
    assert "Another coordinator saved this person" in dialog.banner.text()


@pytest.mark.both_stores
def test_a_cohort_enrolled_in_meanwhile_shows_both_lists_and_keeps_both_enrolments(
    qtbot: QtBot, context: AppContext, other_coordinator: Coordinator
) -> None:
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2027"), programme.clock)
    ada, bob = (
        people.add_person(people.PersonDraft(name), programme.clock)
        for name in ("Ada Lovelace", "Bob Okafor")
    )
    dialog = CohortDialog(context, cohort_id)
    qtbot.addWidget(dialog)
    other_coordinator.send("enrol", cohort_id=cohort_id, person_ids=[bob], role="mentee")
    assert other_coordinator.reply()["status"] == "saved"
    dialog.participants.open_enrol_dialog()
    picker = dialog.participants.enrol_dialog
    assert picker is not None
    picker.check_person(ada)
    picker.accept()
    seen = when_the_chooser_opens(qtbot, lambda chooser: chooser.save_chosen.click())

    assert dialog.save_now()

    assert "<b>Participants</b>" in seen
    # Each side shows what it changed in the list, not the whole list cut to fit.
    assert "Added: Bob Okafor (mentee)" in seen
    assert "Added: Ada Lovelace (mentor)" in seen
    assert {row.name for row in cohorts.list_participants(cohort_id)} == {
        "Ada Lovelace",
        "Bob Okafor",
    }
