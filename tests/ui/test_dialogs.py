"""The editing dialogs, driven as a coordinator would: typing, choosing, clicking Save or Cancel."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import cohorts, pairs, people, sessions
from revmentor_desktop.domain.clock import Clock
from revmentor_desktop.domain.cohorts import CohortDraft
from revmentor_desktop.domain.pairs import PairDraft
from revmentor_desktop.domain.people import PersonDraft
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs import document_dialog
from revmentor_desktop.ui.dialogs.activate_pair_dialog import ActivatePairDialog
from revmentor_desktop.ui.dialogs.cohort_dialog import CohortDialog
from revmentor_desktop.ui.dialogs.end_pair_dialog import EndPairEarlyDialog
from revmentor_desktop.ui.dialogs.pair_dialog import PairDialog
from revmentor_desktop.ui.dialogs.person_dialog import PersonDialog
from revmentor_desktop.ui.dialogs.session_dialog import SessionDialog
from revmentor_desktop.ui.views import record_dialogs
from revmentor_desktop.ui.widgets.choices import select_data
from revmentor_desktop.ui.widgets.form_dialog import FormDialog

NOW = datetime(2026, 11, 2, 10, 0)
Yes = QMessageBox.StandardButton.Yes
# The offscreen platform cannot raise windows, grab the keyboard for popups or resize to hints.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def clock() -> datetime:
    return NOW


@pytest.fixture
def app_clock() -> Clock:
    return clock


def shown(qtbot: QtBot, dialog: FormDialog) -> FormDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered"
    combo.setCurrentIndex(index)


def make_cohort(name: str = "Reverse 2026", minutes: int = 60) -> int:
    return cohorts.add_cohort(CohortDraft(name, session_minutes=minutes), clock)


def enrolled(cohort_id: int, name: str, role: str, capacity: int = 1) -> int:
    person_id = people.add_person(PersonDraft(name), clock)
    cohorts.enrol(cohort_id, person_id, role, capacity)
    return person_id


class ProposedPair(NamedTuple):
    cohort: int
    ada: int
    bob: int
    pair_id: int


def proposed_pair() -> ProposedPair:
    """A proposed pair of Ada (mentor) and Bob (mentee) in a new cohort "Reverse 2026"."""
    cohort = make_cohort()
    ada = enrolled(cohort, "Ada", "mentor")
    bob = enrolled(cohort, "Bob", "mentee")
    return ProposedPair(cohort, ada, bob, pairs.create_pair(PairDraft(cohort, ada, bob), clock))


# People


def test_add_a_person(qtbot: QtBot, context: AppContext) -> None:
    dialog = shown(qtbot, PersonDialog(context))
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.name, "Ada Lovelace")
    qtbot.keyClicks(dialog.email, "ada@example.org")
    qtbot.keyClicks(dialog.teaches.input, "Python")
    qtbot.keyClick(dialog.teaches.input, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter in the tag editor adds a tag; it does not save"
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [row] = people.list_people()
    assert (row.name, row.email) == ("Ada Lovelace", "ada@example.org")
    assert people.skills_of(row.id) == (["Python"], [])
    assert context.edits.undo_stack.undoText() == "Add Ada Lovelace"


def test_a_problem_shows_next_to_its_field_until_fixed(qtbot: QtBot, context: AppContext) -> None:
    people.add_person(PersonDraft("Grace Hopper", email="grace@example.org"), clock)
    ada = people.add_person(PersonDraft("Ada Lovelace", email="ada@example.org"), clock)
    dialog = shown(qtbot, PersonDialog(context, ada))
    assert dialog.save_button.isEnabled()
    retype(qtbot, dialog.email, "GRACE@example.org")
    message = "Grace Hopper already has the e-mail address GRACE@example.org."
    assert dialog.feedback.problem_for("email") == message
    assert dialog.email.accessibleDescription() == message
    assert not dialog.save_button.isEnabled()
    retype(qtbot, dialog.email, "ada.lovelace@example")
    assert "is not a valid e-mail address" in dialog.feedback.problem_for("email")
    retype(qtbot, dialog.email, "ada.lovelace@example.org")
    assert dialog.feedback.problem_for("email") == ""
    assert dialog.email.accessibleDescription() == ""
    click(qtbot, dialog.save_button)
    assert people.get_person(ada).draft.email == "ada.lovelace@example.org"


def test_untouched_fields_of_a_new_person_stay_quiet(qtbot: QtBot, context: AppContext) -> None:
    dialog = shown(qtbot, PersonDialog(context))
    assert dialog.feedback.problem_for("name") == ""
    assert dialog.save_button.toolTip() == "Enter the person's name."
    qtbot.keyClicks(dialog.name, "A")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Backspace)
    assert dialog.feedback.problem_for("name") == "Enter the person's name."


def test_a_manager_who_reports_to_them_is_refused(qtbot: QtBot, context: AppContext) -> None:
    boss = people.add_person(PersonDraft("Grace Hopper"), clock)
    ada = people.add_person(PersonDraft("Ada Lovelace", manager_id=boss), clock)
    dialog = shown(qtbot, PersonDialog(context, boss))
    dialog.manager.setEditText("")
    qtbot.keyClicks(dialog.manager.lineEdit(), "Ada Lovelace")
    assert dialog.manager.person_id() == ada
    assert dialog.feedback.problem_for("manager_id") == (
        "A person cannot report to themselves or to their own reports."
    )
    dialog.manager.setEditText("Nobody Known")
    assert "No one called “Nobody Known” is listed" in dialog.feedback.problem_for("manager_id")
    dialog.manager.setEditText("")
    assert dialog.save_button.isEnabled()


def test_cancel_writes_nothing(qtbot: QtBot, context: AppContext) -> None:
    dialog = shown(qtbot, PersonDialog(context))
    qtbot.keyClicks(dialog.name, "Ada Lovelace")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert people.list_people() == []
    assert context.edits.undo_stack.count() == 0


def test_an_error_at_save_time_is_shown(qtbot: QtBot, context: AppContext) -> None:
    ada = people.add_person(PersonDraft("Ada Lovelace"), clock)
    dialog = shown(qtbot, PersonDialog(context, ada))
    people.delete_person(ada)  # as if another window got there first
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.banner.text() == f"There is no person with number {ada}."
    assert context.edits.undo_stack.count() == 0


def test_a_person_shows_their_programme(qtbot: QtBot, context: AppContext) -> None:
    ada = proposed_pair().ada
    dialog = shown(qtbot, PersonDialog(context, ada))
    texts = {label.accessibleName(): label.text() for label in dialog.findChildren(QLabel)}
    assert texts["Cohorts"] == "Reverse 2026: Reverse mentor"
    assert texts["Pairs"] == "Ada and Bob in Reverse 2026: proposed"


# Cohorts


def test_create_a_cohort_with_role_labels_of_its_kind(qtbot: QtBot, context: AppContext) -> None:
    dialog = shown(qtbot, CohortDialog(context))
    qtbot.keyClicks(dialog.name, "Mentoring 2027")
    choose(dialog.kind, "traditional")
    assert (dialog.mentor_label.text(), dialog.mentee_label.text()) == ("Mentor", "Mentee")
    retype(qtbot, dialog.mentor_label, "Guide")
    choose(dialog.kind, "mutual")
    assert dialog.mentor_label.text() == "Guide", "a label the user typed is kept"
    choose(dialog.cadence_unit, "weeks")
    dialog.cadence.setValue(2)
    click(qtbot, dialog.save_button)
    [row] = cohorts.list_cohorts()
    assert (row.name, row.kind, row.cadence_days, row.mentor_label) == (
        "Mentoring 2027",
        "mutual",
        14,
        "Guide",
    )


def test_a_cohorts_site_is_typed_saved_and_shown_again(qtbot: QtBot, context: AppContext) -> None:
    dialog = shown(qtbot, CohortDialog(context))
    qtbot.keyClicks(dialog.name, "Mentoring 2027")
    qtbot.keyClicks(dialog.site, "North")
    click(qtbot, dialog.save_button)
    [row] = cohorts.list_cohorts()
    assert row.site == "North"
    again = shown(qtbot, CohortDialog(context, row.id))
    assert again.site.text() == "North"
    notes = [label.text() for label in again.findChildren(QLabel)]
    assert any("restricted to a site sees only" in text for text in notes)


def test_cohort_end_before_start_is_shown(qtbot: QtBot, context: AppContext) -> None:
    dialog = shown(qtbot, CohortDialog(context))
    qtbot.keyClicks(dialog.name, "Mentoring 2027")
    dialog.start_date.set_value(date(2027, 3, 1))
    dialog.end_date.set_value(date(2027, 1, 1))
    assert dialog.feedback.problem_for("end_date") == (
        "The end date must come after the start date."
    )
    assert not dialog.save_button.isEnabled()


def _add_people(qtbot: QtBot, dialog: CohortDialog, person_ids: list[int], role: str) -> None:
    click(qtbot, dialog.participants.add_button)
    picker = dialog.participants.enrol_dialog
    assert picker is not None and picker.isVisible()
    assert not picker.save_button.isEnabled()
    for person_id in person_ids:
        picker.check_person(person_id)
    choose(picker.role, role)
    picker.capacity.setValue(2)
    click(qtbot, picker.save_button)


def test_enrol_change_and_withdraw_are_saved_together_with_the_cohort(
    qtbot: QtBot, context: AppContext
) -> None:
    cohort = make_cohort()
    ada = people.add_person(PersonDraft("Ada"), clock)
    bob = people.add_person(PersonDraft("Bob"), clock)
    people.add_person(PersonDraft("Cy"), clock)
    dialog = shown(qtbot, CohortDialog(context, cohort))
    panel = dialog.participants
    _add_people(qtbot, dialog, [ada, bob], "mentor")
    assert panel.table.rowCount() == 2
    assert panel.counts.text() == "Reverse mentor: 2 · Mentee: 0 · 0 pairs · 2 without a pair"
    panel.table.select_person(bob)
    choose(panel.role, "mentee")
    click(qtbot, panel.change_button)
    panel.table.select_person(ada)
    click(qtbot, panel.withdraw_button)
    assert [panel.table.item(row, 0).text() for row in range(panel.table.rowCount())] == ["Bob"]
    assert cohorts.list_participants(cohort) == [], "nothing is saved before Save"
    assert context.edits.undo_stack.count() == 0
    click(qtbot, dialog.save_button)
    rows = cohorts.list_participants(cohort)
    assert [(row.name, row.role) for row in rows] == [("Bob", "mentee")]
    assert context.edits.undo_stack.count() == 1
    context.edits.undo_stack.undo()
    assert cohorts.list_participants(cohort) == []


def test_a_new_cohort_takes_its_participants_before_the_first_save(
    qtbot: QtBot, context: AppContext
) -> None:
    ada = people.add_person(PersonDraft("Ada"), clock)
    bob = people.add_person(PersonDraft("Bob"), clock)
    dialog = shown(qtbot, CohortDialog(context))
    qtbot.keyClicks(dialog.name, "Reverse 2027")
    _add_people(qtbot, dialog, [ada, bob], "mentee")
    assert dialog.participants.enrol_dialog.windowTitle() == "Add people to Reverse 2027"
    assert cohorts.list_cohorts() == []
    click(qtbot, dialog.save_button)
    [row] = cohorts.list_cohorts()
    assert (row.name, row.mentees) == ("Reverse 2027", 2)
    assert context.edits.undo_stack.count() == 1
    context.edits.undo_stack.undo()
    assert cohorts.list_cohorts() == []


def test_cancel_forgets_the_participants_added(qtbot: QtBot, context: AppContext) -> None:
    cohort = make_cohort()
    ada = people.add_person(PersonDraft("Ada"), clock)
    dialog = shown(qtbot, CohortDialog(context, cohort))
    _add_people(qtbot, dialog, [ada], "mentor")
    dialog.reject()
    assert cohorts.list_participants(cohort) == []


def test_a_refused_withdrawal_is_explained(qtbot: QtBot, context: AppContext) -> None:
    cohort, _ada, bob, _pair_id = proposed_pair()
    dialog = shown(qtbot, CohortDialog(context, cohort))
    dialog.participants.table.select_person(bob)
    click(qtbot, dialog.participants.withdraw_button)
    assert dialog.participants.message.text() == (
        "Bob is in a pair of the cohort; end or delete the pair first."
    )
    assert dialog.participants.table.rowCount() == 2


def test_match_people_from_a_new_cohort_saves_it_first_then_matches(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    matched: list[int] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_: asked.append(text) or Yes)
    monkeypatch.setattr(
        record_dialogs, "review_matches", lambda _c, cohort, _p: matched.append(cohort)
    )
    reported: list[tuple[str, int]] = []
    monkeypatch.setattr(
        document_dialog, "show_document", lambda _c, kind, i, _p: reported.append((kind.name, i))
    )
    ada = people.add_person(PersonDraft("Ada"), clock)
    dialog = shown(qtbot, CohortDialog(context))
    qtbot.keyClicks(dialog.name, "Reverse 2027")
    _add_people(qtbot, dialog, [ada], "mentor")
    dialog.commands_button.menu().aboutToShow.emit()
    assert not dialog.command_actions["delete"].isVisible()
    dialog.command_actions["match"].trigger()
    assert asked == [
        "Match people works on the saved cohort. Save “Reverse 2027” with its 1 participant "
        "now? Ctrl+Z undoes the save."
    ]
    [row] = cohorts.list_cohorts()
    assert matched == [row.id]
    assert dialog.isVisible() and dialog.windowTitle() == "Edit cohort"
    assert not dialog.has_unsaved_changes()
    dialog.command_actions["report"].trigger()
    assert len(asked) == 1, "nothing to save the second time"
    assert reported == [("cohort report", row.id)]


def test_showing_new_pairs_from_matching_closes_the_cohort_dialog_too(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def match_and_show(context: AppContext, cohort: int, _parent: object) -> None:
        context.requests.show_pairs.emit(cohort, [7])  # what "Show the new pairs" asks

    monkeypatch.setattr(record_dialogs, "review_matches", match_and_show)
    shown_pairs: list[tuple[int, list[int]]] = []
    context.requests.show_pairs.connect(lambda cohort, ids: shown_pairs.append((cohort, ids)))
    cohort = make_cohort()
    dialog = shown(qtbot, CohortDialog(context, cohort))
    dialog.command_actions["match"].trigger()
    assert shown_pairs == [(cohort, [7])]
    assert not dialog.isVisible(), "the window shows the pairs; the dialog is out of the way"


def test_delete_from_the_cohort_dialog_says_what_goes_and_closes_it(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_: asked.append(text) or Yes)
    cohort = make_cohort()
    enrolled(cohort, "Ada", "mentor")
    dialog = shown(qtbot, CohortDialog(context, cohort))
    dialog.command_actions["delete"].trigger()
    assert asked == [
        "Delete “Reverse 2026”? Its 1 enrolment goes with it. People stay. Ctrl+Z undoes this."
    ]
    assert cohorts.list_cohorts() == []
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


# Pairs


@pytest.fixture
def cohort_of_four() -> dict[str, int]:
    cohort = make_cohort(minutes=45)
    return {
        "cohort": cohort,
        "ada": enrolled(cohort, "Ada", "mentor", 1),
        "bob": enrolled(cohort, "Bob", "mentee"),
        "cy": enrolled(cohort, "Cy", "mentee"),
        "dee": enrolled(cohort, "Dee", "both"),
    }


@pytest.fixture
def ada_and_bob(cohort_of_four: dict[str, int]) -> ProposedPair:
    """The pair of Ada (mentor) and Bob (mentee) in the cohort of four, still proposed."""
    cohort, ada, bob = cohort_of_four["cohort"], cohort_of_four["ada"], cohort_of_four["bob"]
    return ProposedPair(cohort, ada, bob, pairs.create_pair(PairDraft(cohort, ada, bob), clock))


def test_create_a_pair(qtbot: QtBot, context: AppContext, cohort_of_four: dict[str, int]) -> None:
    ids = cohort_of_four
    dialog = shown(qtbot, PairDialog(context, cohort_id=ids["cohort"]))
    assert dialog.mentor.accessibleName() == "Reverse mentor"
    choose(dialog.mentor, ids["ada"])
    choose(dialog.mentee, ids["bob"])
    qtbot.keyClicks(dialog.focus.input, "AI tools,")
    click(qtbot, dialog.goals.add_button)
    assert not dialog.save_button.isEnabled()
    assert dialog.tabs.tabText(dialog.goals_tab) == "&Goals ⚠"
    qtbot.keyClicks(dialog.goals.focusWidget() or dialog, "Post weekly")
    assert dialog.save_button.isEnabled()
    click(qtbot, dialog.save_button)
    [row] = pairs.list_pairs()
    assert (row.mentor_name, row.mentee_name, row.status) == ("Ada", "Bob", "proposed")
    saved = pairs.get_pair(row.id)
    assert (saved.focus_areas, [goal.description for goal in saved.goals]) == (
        ["AI tools"],
        ["Post weekly"],
    )


def test_invalid_pairs_are_refused(
    qtbot: QtBot, context: AppContext, cohort_of_four: dict[str, int]
) -> None:
    ids = cohort_of_four
    pairs.create_pair(PairDraft(ids["cohort"], ids["ada"], ids["bob"]), clock)
    other = make_cohort("Traditional 2026")
    enrolled(other, "Eve", "mentor")
    dialog = shown(qtbot, PairDialog(context, cohort_id=ids["cohort"]))
    choose(dialog.mentor, ids["dee"])
    choose(dialog.mentee, ids["dee"])
    assert dialog.feedback.problem_for("mentee_id") == (
        "A person cannot mentor themselves: choose two different people."
    )
    assert not dialog.save_button.isEnabled()
    choose(dialog.mentor, ids["ada"])
    choose(dialog.mentee, ids["cy"])
    assert dialog.feedback.problem_for("mentor_id") == (
        "Ada already mentors 1 person in this cohort, their full capacity."
    )
    assert dialog.mentor.currentText() == "Ada (full: 1 of 1)"
    assert not dialog.save_button.isEnabled()
    choose(dialog.mentor, ids["dee"])
    choose(dialog.cohort, other)
    assert dialog.feedback.problem_for("mentor_id") == "Dee is not enrolled in this cohort."
    assert dialog.feedback.problem_for("mentee_id") == "Cy is not enrolled in this cohort."
    assert dialog.mentee.currentText() == "Cy (not in this cohort)"
    assert not dialog.save_button.isEnabled()
    assert len(pairs.list_pairs()) == 1


def test_status_actions_and_log_a_session(
    qtbot: QtBot, context: AppContext, ada_and_bob: ProposedPair
) -> None:
    pair_id = ada_and_bob.pair_id
    dialog = shown(qtbot, PairDialog(context, pair_id))
    assert dialog.mentor.currentText() == "Ada (0 of 1 places taken)", "not counting itself"
    assert dialog.save_button.isEnabled()
    assert list(dialog.status_bar.buttons) == ["activate", "end_early"]
    click(qtbot, dialog.status_bar.buttons["activate"])
    activation = dialog.child_dialog
    assert isinstance(activation, ActivatePairDialog)
    assert activation.start_date.date().toPython() == date(2026, 11, 2), "today by default"
    assert pairs.pair_status(pair_id) == ("proposed", ""), "nothing changes before Activate"
    click(qtbot, activation.save_button)
    assert pairs.pair_status(pair_id) == ("active", "")
    assert dialog.start_date.value() == date(2026, 11, 2)
    assert list(dialog.status_bar.buttons) == ["pause", "complete", "end_early"]
    click(qtbot, dialog.status_bar.log_button)
    session = dialog.child_dialog
    assert isinstance(session, SessionDialog) and session.isVisible()
    assert session.starts_at.dateTime().toPython() == datetime(2026, 11, 2, 10, 0)
    assert session.duration.value() == 45
    assert session.status.currentData() == "held"
    assert session.mentor_takeaways.accessibleName() == "What the reverse mentor took away"
    qtbot.keyClicks(session.topics.input, "Social media")
    qtbot.keyClick(session.topics.input, Qt.Key.Key_Return)
    assert session.isVisible()
    click(qtbot, session.save_button)
    [row] = sessions.list_sessions(sessions.SessionQuery(pair_id=pair_id))
    assert (row.status, row.duration_minutes, row.topics) == ("held", 45, ["Social media"])
    assert dialog.sessions.topLevelItemCount() == 1


def test_end_a_pair_early_with_a_reason(
    qtbot: QtBot, context: AppContext, ada_and_bob: ProposedPair
) -> None:
    pair_id = ada_and_bob.pair_id
    dialog = shown(qtbot, PairDialog(context, pair_id))
    click(qtbot, dialog.status_bar.buttons["end_early"])
    ending = dialog.child_dialog
    assert isinstance(ending, EndPairEarlyDialog)
    assert not ending.save_button.isEnabled()
    qtbot.keyClicks(ending.reason.lineEdit(), "Moved to another city")
    click(qtbot, ending.save_button)
    assert pairs.pair_status(pair_id) == ("ended early", "Moved to another city")
    assert "Ended early" in dialog.status_bar.label.text()
    assert dialog.status_bar.buttons == {}
    assert not dialog.mentor.isEnabled()
    assert context.edits.undo_stack.undoText() == "End pair early"


def test_a_completed_pair_is_checked_by_the_domains_rule(
    qtbot: QtBot, context: AppContext, cohort_of_four: dict[str, int]
) -> None:
    ids = cohort_of_four
    goals = [pairs.GoalDraft("Post weekly", 40)]
    pair_id = pairs.create_pair(
        PairDraft(ids["cohort"], ids["ada"], ids["bob"], goals=goals), clock
    )
    pairs.change_status(pair_id, "activate", clock=clock)
    pairs.change_status(pair_id, "complete", clock=clock)
    dialog = shown(qtbot, PairDialog(context, pair_id))
    assert not dialog.mentor.isEnabled() and not dialog.cohort.isEnabled()
    assert dialog.save_button.isEnabled(), "completed on its start day, and savable"
    dialog.end_date.set_value(date(2026, 10, 1))
    dialog.goals.set_goals([pairs.GoalDraft("", 40)])
    dialog.revalidate()
    assert dialog.feedback.problem_for("end_date") == (
        "The end date cannot come before the start date."
    )
    assert dialog.tabs.tabText(dialog.goals_tab) == "&Goals ⚠"
    assert not dialog.save_button.isEnabled()
    dialog.end_date.set_value(date(2026, 11, 30))
    dialog.goals.set_goals([pairs.GoalDraft("Post weekly", 100)])
    assert dialog.revalidate(), dialog.problems()
    click(qtbot, dialog.save_button)
    saved = pairs.get_pair(pair_id)
    assert (saved.end_date, saved.goals[0].progress) == (date(2026, 11, 30), 100)


def test_activating_a_pair_that_has_met_starts_it_on_its_first_session(
    qtbot: QtBot, context: AppContext, ada_and_bob: ProposedPair
) -> None:
    pair_id = ada_and_bob.pair_id
    for day in (20, 27):
        held = sessions.SessionDraft(pair_id, datetime(2026, 10, day, 9), status="held")
        sessions.add_session(held, clock)
    activation = shown(qtbot, ActivatePairDialog(context, pair_id))
    assert activation.start_date.date().toPython() == date(2026, 10, 20)
    activation.start_date.setDate(date(2026, 10, 21))
    assert activation.feedback.problem_for("start_date") == (
        "The pair first met on 20 Oct 2026; it cannot start later than that."
    )
    assert not activation.save_button.isEnabled()
    activation.start_date.setDate(date(2026, 10, 13))
    click(qtbot, activation.save_button)
    assert pairs.pair_status(pair_id) == ("active", "")
    assert pairs.get_pair(pair_id).start_date == date(2026, 10, 13)
    assert context.edits.undo_stack.undoText() == "Activate pair"


def test_a_pair_of_an_archived_cohort_opens_in_its_own_cohort(
    qtbot: QtBot, context: AppContext, ada_and_bob: ProposedPair
) -> None:
    make_cohort("Traditional 2026")
    pair_id = ada_and_bob.pair_id
    cohorts.set_archived([ada_and_bob.cohort], True)
    dialog = shown(qtbot, PairDialog(context, pair_id))
    assert dialog.cohort.currentText() == "Reverse 2026 (archived)"
    assert dialog.problems() == {}


def test_end_early_offers_no_fault_reasons(qtbot: QtBot, context: AppContext) -> None:
    pair_id = proposed_pair().pair_id
    ending = shown(qtbot, EndPairEarlyDialog(context, pair_id))
    ending.reason.setCurrentIndex(0)
    assert ending.save_button.isEnabled()
    click(qtbot, ending.buttons.button(ending.buttons.StandardButton.Cancel))
    assert pairs.pair_status(pair_id) == ("proposed", "")


# Sessions


def test_a_cancelled_session_asks_who_cancelled(qtbot: QtBot, context: AppContext) -> None:
    pair_id = proposed_pair().pair_id
    dialog = shown(qtbot, SessionDialog(context, pair_id=pair_id))
    assert not dialog.cancelled_by.isVisible()
    select_data(dialog.status, "cancelled")
    assert dialog.cancelled_by.isVisible()
    assert dialog.feedback.problem_for("cancelled_by") == (
        "Say who cancelled: the mentor, the mentee or the coordinator."
    )
    assert dialog.cancelled_by.itemText(1) == "The mentee"
    choose(dialog.cancelled_by, "mentee")
    click(qtbot, dialog.save_button)
    [row] = sessions.list_sessions()
    assert (row.status, row.cancelled_by) == ("cancelled", "mentee")


def test_a_held_session_in_the_future_is_refused(qtbot: QtBot, context: AppContext) -> None:
    pair_id = proposed_pair().pair_id
    dialog = shown(qtbot, SessionDialog(context, pair_id=pair_id))
    dialog.starts_at.setDateTime(datetime(2026, 11, 9, 10, 0))
    assert dialog.feedback.problem_for("starts_at") == (
        "A session in the future cannot have been held yet."
    )
    select_data(dialog.status, "planned")
    assert dialog.save_button.isEnabled()


def test_a_session_before_the_pairs_start_offers_to_move_the_start(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.Cancel, Yes]
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    cohort = make_cohort()
    draft = PairDraft(
        cohort,
        enrolled(cohort, "Ada", "mentor"),
        enrolled(cohort, "Bob", "mentee"),
        start_date=date(2026, 10, 20),
    )
    pair_id = pairs.create_pair(draft, clock)
    dialog = shown(qtbot, SessionDialog(context, pair_id=pair_id))
    dialog.starts_at.setDateTime(datetime(2026, 10, 13, 9, 0))
    assert dialog.feedback.problem_for("starts_at") == ""
    assert dialog.save_button.isEnabled()
    click(qtbot, dialog.save_button)
    assert asked[0].startswith("Move the pair's start date to 13 Oct?")
    assert dialog.isVisible() and sessions.list_sessions() == [], "No keeps the dialog open"
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert pairs.get_pair(pair_id).start_date == date(2026, 10, 13)
    assert len(sessions.list_sessions()) == 1
    assert context.edits.undo_stack.count() == 1
    context.edits.undo_stack.undo()
    assert pairs.get_pair(pair_id).start_date == date(2026, 10, 20)
    assert sessions.list_sessions() == []


# Every dialog


def test_every_input_has_an_accessible_name(
    qtbot: QtBot, context: AppContext, ada_and_bob: ProposedPair
) -> None:
    pair_id = ada_and_bob.pair_id
    dialogs = [
        PersonDialog(context, ada_and_bob.ada),
        CohortDialog(context, ada_and_bob.cohort),
        PairDialog(context, pair_id),
        SessionDialog(context, pair_id=pair_id),
        EndPairEarlyDialog(context, pair_id),
    ]
    inputs = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractButton)
    for dialog in dialogs:
        shown(qtbot, dialog)
        for widget in dialog.findChildren(QWidget):
            internal = widget.objectName().startswith("qt_") or isinstance(
                widget.parentWidget(), QComboBox | QAbstractSpinBox
            )
            if internal or not isinstance(widget, inputs):
                continue
            has_text = isinstance(widget, QAbstractButton) and widget.text().strip("✕ ")
            assert widget.accessibleName() or has_text, f"{type(widget).__name__} in {dialog}"
