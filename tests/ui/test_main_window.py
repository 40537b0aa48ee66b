"""The main window driven as a user would: keyboard, mouse, menus."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import pairs
from revmentor_desktop.domain.matching import constraints
from revmentor_desktop.storage import backup
from revmentor_desktop.ui.dialogs.activate_pair_dialog import ActivatePairDialog
from revmentor_desktop.ui.main_window import MainWindow
from revmentor_desktop.ui.views import record_dialogs
from revmentor_desktop.ui.views.cohorts_view import CohortsView
from revmentor_desktop.ui.views.pairs_view import PairsView
from revmentor_desktop.ui.views.people_view import PeopleView
from revmentor_desktop.ui.views.record_list_view import RecordListView
from revmentor_desktop.ui.views.sessions_view import SessionsView
from tests.ui import window_fixtures
from tests.ui.programme import START, MovableClock, Programme, build_programme

make_window = window_fixtures.make_window
dialogs = window_fixtures.dialogs
asked = window_fixtures.asked
MakeWindow = window_fixtures.MakeWindow
pytestmark = window_fixtures.IGNORE_OFFSCREEN_NOISE


def _names(view: PeopleView) -> list[str]:
    model = view.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def _click_row(qtbot: QtBot, view: RecordListView, row: int) -> None:
    table = view.table
    rect = table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _press_delete_on(qtbot: QtBot, window: MainWindow, name: str) -> PeopleView:
    """Select ``name`` in the people list and press Delete, as a coordinator would."""
    window.show_view("people")
    view = window.current_view()
    assert isinstance(view, PeopleView)
    _click_row(qtbot, view, _names(view).index(name))
    _press(qtbot, window, Qt.Key.Key_Delete)
    return view


def test_the_title_names_the_file(make_window: MakeWindow, data_path: Path) -> None:
    window = make_window()
    assert window.windowTitle() == "programme.revmentor — RevMentor"
    assert window.status_bar.file_label.text() == "programme.revmentor"


def test_ctrl_and_a_number_switches_views(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(build=build_programme)
    expected = {Qt.Key.Key_2: "People", Qt.Key.Key_3: "Cohorts", Qt.Key.Key_4: "Pairs"}
    expected |= {Qt.Key.Key_5: "Sessions", Qt.Key.Key_1: "Today"}
    for key, title in expected.items():
        _press(qtbot, window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_view().title == title
        assert window.sidebar.currentItem().text() == title


def test_searching_zoe_finds_zoe_with_the_diaeresis(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(build=build_programme)
    _press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.current_view()
    assert isinstance(view, PeopleView)
    assert len(_names(view)) == 6
    _press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "zoe")
    qtbot.waitUntil(lambda: _names(view) == ["Zoë Martin"])
    assert window.status_bar.counts_label.text() == "1 person"


def test_clicking_a_header_sorts_that_column(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(build=build_programme)
    window.show_view("people")
    view = window.current_view()
    assert isinstance(view, PeopleView)
    header = view.table.horizontalHeader()
    department = [c.header for c in view.model.columns].index("Department")
    point = header.rect().topLeft()
    point.setX(header.sectionViewportPosition(department) + 10)
    point.setY(header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    first = [view.model.index(r, department).data() for r in range(view.model.rowCount())]
    assert first == sorted(first)
    assert first[0] == "Engineering"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    second = [view.model.index(r, department).data() for r in range(view.model.rowCount())]
    assert second == sorted(first, reverse=True)
    assert header.sortIndicatorSection() == department


def test_delete_archives_a_person_and_ctrl_z_brings_them_back(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_questions(*_args: object) -> None:
        raise AssertionError("archiving is undoable, so it asks nothing")

    monkeypatch.setattr(QMessageBox, "question", no_questions)
    window = make_window(build=build_programme)
    view = _press_delete_on(qtbot, window, "Bo Svensson")
    assert "Bo Svensson" not in _names(view)
    assert window.statusBar().currentMessage() == "1 person archived — Ctrl+Z to undo"
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Bo Svensson" in _names(view)
    _press(
        qtbot,
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "Bo Svensson" not in _names(view)


def test_delete_removes_someone_without_history_after_asking(
    qtbot: QtBot, make_window: MakeWindow, asked: list[str]
) -> None:
    window = make_window(build=build_programme)
    view = _press_delete_on(qtbot, window, "Xavi Puig")
    assert len(asked) == 1
    assert "Delete Xavi Puig?" in asked[0]
    assert "what they can teach" in asked[0]
    view.archived_filter.setChecked(True)
    assert "Xavi Puig" not in _names(view)
    assert "Xavi Puig (archived)" not in _names(view)


def test_a_refused_delete_says_why_in_a_not_possible_box(
    make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, *box: shown.append(box))
    programme: dict[str, Programme] = {}
    window = make_window(build=lambda: programme.setdefault("p", build_programme()))
    window.show_view("pairs")
    view = window.current_view()
    assert isinstance(view, PairsView)
    view.select_ids([programme["p"].pair_ids["active"]])
    window.actions.delete_record.trigger()
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Not possible"
    assert text == "This pair has sessions; end it instead of deleting it."
    assert view.model.row_of(programme["p"].pair_ids["active"]) is not None


def test_ctrl_z_after_deleting_someone_brings_back_their_matching_locks_and_bans(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    programme: dict[str, Programme] = {}

    def build() -> None:
        made = programme.setdefault("p", build_programme())
        ids = made.person_ids
        constraints.lock_pair(made.cohort_id, ids["Zoë Martin"], ids["Xavi Puig"])
        constraints.forbid_pair(made.cohort_id, ids["Xavi Puig"], ids["Wen Li"])

    window = make_window(build=build)
    cohort_id = programme["p"].cohort_id
    decisions = constraints.list_constraints(cohort_id)
    view = _press_delete_on(qtbot, window, "Xavi Puig")
    assert constraints.list_constraints(cohort_id) == []
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Xavi Puig" in _names(view)
    assert constraints.list_constraints(cohort_id) == decisions


def test_opening_another_data_file_leaves_nothing_to_undo(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(build=build_programme)
    _press_delete_on(qtbot, window, "Bo Svensson")
    assert window.actions.undo.isEnabled()
    window.session.open(tmp_path / "other.revmentor", create=True)
    assert window.windowTitle() == "other.revmentor — RevMentor"
    assert not window.actions.undo.isEnabled()


def test_enter_and_double_click_open_the_selected_record(
    qtbot: QtBot, make_window: MakeWindow, dialogs: window_fixtures.DialogCalls
) -> None:
    programme: dict[str, object] = {}
    window = make_window(build=lambda: programme.setdefault("p", build_programme()))
    window.show_view("people")
    view = window.current_view()
    assert isinstance(view, PeopleView)
    row = _names(view).index("Wen Li")
    _click_row(qtbot, view, row)
    _press(qtbot, window, Qt.Key.Key_Return)
    wen = programme["p"].person_ids["Wen Li"]  # type: ignore[attr-defined]
    assert dialogs.calls == [("PersonDialog", (), {"person_id": wen})]
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialogs.calls[-1] == ("PersonDialog", (), {"person_id": wen})
    _press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.calls[-1] == ("PersonDialog", (), {"person_id": None})


def test_pair_menu_follows_the_selected_pair(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[date] = []

    def start_a_week_ago(dialog: ActivatePairDialog) -> bool:
        asked.append(dialog.start_date.date().toPython())
        dialog.start_date.setDate(START.date() - timedelta(days=7))
        dialog.accept()
        dialog.deleteLater()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(record_dialogs, "run_dialog", start_a_week_ago)
    programme: dict[str, object] = {}
    window = make_window(build=lambda: programme.setdefault("p", build_programme()))
    proposed = programme["p"].pair_ids["proposed"]  # type: ignore[attr-defined]
    window.show_view("pairs")
    view = window.current_view()
    actions = window.actions
    assert not actions.pair_status["activate"].isEnabled()
    view.select_ids([proposed])  # type: ignore[attr-defined]
    assert actions.pair_status["activate"].isEnabled()
    assert not actions.pair_status["pause"].isEnabled()
    shown: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and shown.append(text))
    actions.pair_status["activate"].trigger()
    assert asked == [START.date()], "asked for the start date, today by default"
    assert pairs.pair_status(proposed)[0] == "active"
    assert pairs.get_pair(proposed).start_date == START.date() - timedelta(days=7)
    assert shown == ["Pair activated — Ctrl+Z to undo"], "one message, once"
    assert actions.pair_status["pause"].isEnabled()
    assert not actions.pair_status["activate"].isEnabled()
    actions.undo.trigger()
    assert pairs.pair_status(proposed)[0] == "proposed"


def test_window_size_and_sort_order_are_remembered(qtbot: QtBot, make_window: MakeWindow) -> None:
    first = make_window(build=build_programme)
    first.resize(760, 540)
    first.show_view("people")
    view = first.current_view()
    assert isinstance(view, PeopleView)
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    view.table.setColumnWidth(0, 333)
    first.close()

    second = make_window()
    assert (second.size().width(), second.size().height()) == (760, 540)
    assert second.current_view().title == "People"
    again = second.current_view()
    assert isinstance(again, PeopleView)
    assert again.model.query.sort_by == "department"
    assert again.model.query.descending
    assert again.table.horizontalHeader().sortIndicatorSection() == 1
    assert again.table.columnWidth(0) == 333
    departments = [again.model.index(r, 1).data() for r in range(again.model.rowCount())]
    assert departments == sorted(departments, reverse=True)


def test_today_shows_a_pair_going_from_green_to_amber_to_red(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    clock = MovableClock(START + timedelta(days=2))
    programme: dict[str, object] = {}
    window = make_window(clock, build=lambda: programme.setdefault("p", build_programme(14)))
    active = programme["p"].pair_ids["active"]  # type: ignore[attr-defined]
    today = window.stack.views["today"]

    def about_the_pair() -> list[tuple[str, str]]:
        today.refresh()
        return [
            (item.group.title, item.text)
            for item in today.model.items
            if item.target_id == active and item.target_kind == "pair"
        ]

    assert window.current_view() is today
    assert about_the_pair() == []
    clock.advance(21)  # last session was on day 1: 22 days ago, more than 1.5 × 14
    assert about_the_pair() == [
        (
            "Needs a nudge",
            "Ada Lovelace & Bo Svensson: No meeting for 22 days — they planned to meet every "
            "2 weeks",
        )
    ]
    clock.advance(21)
    assert about_the_pair() == [
        (
            "Stalled",
            "Ada Lovelace & Bo Svensson: No meeting for 43 days — they planned to meet every "
            "2 weeks",
        )
    ]


def test_today_opens_the_pair_with_enter(
    qtbot: QtBot, make_window: MakeWindow, dialogs: window_fixtures.DialogCalls
) -> None:
    clock = MovableClock(START + timedelta(days=60))
    programme: dict[str, object] = {}
    window = make_window(clock, build=lambda: programme.setdefault("p", build_programme()))
    today = window.stack.views["today"]
    today.list.setFocus()
    first = today.model.item_at(today.list.currentIndex())
    assert first is not None and first.group.title == "Needs you now"
    _press(qtbot, window, Qt.Key.Key_Down)  # onto the "Stalled" heading
    _press(qtbot, window, Qt.Key.Key_Down)  # onto the stalled pair
    _press(qtbot, window, Qt.Key.Key_Return)
    active = programme["p"].pair_ids["active"]  # type: ignore[attr-defined]
    assert dialogs.calls == [("PairDialog", (), {"pair_id": active})]
    assert window.actions.log_session.isEnabled()
    window.actions.log_session.trigger()
    assert dialogs.calls[-1] == ("SessionDialog", (), {"session_id": None, "pair_id": active})


def test_an_empty_file_says_what_to_do_first(
    qtbot: QtBot, make_window: MakeWindow, dialogs: window_fixtures.DialogCalls
) -> None:
    window = make_window()
    assert window.stack.views["today"].empty_state.title == "Welcome to RevMentor"
    _press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.current_view()
    assert isinstance(view, PeopleView)
    assert view.empty_state.isVisible()
    labels = [button.text() for button in view.empty_state.buttons]
    assert labels == ["Add a person…", "Import a staff list…", "Open the sample data"]
    qtbot.mouseClick(view.empty_state.buttons[0], Qt.MouseButton.LeftButton)
    assert dialogs.calls == [("PersonDialog", (), {"person_id": None})]


def test_a_search_with_no_match_offers_to_clear_it(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(build=build_programme)
    window.show_view("people")
    view = window.current_view()
    assert isinstance(view, PeopleView)
    qtbot.keyClicks(view.search, "nobody-by-this-name")
    qtbot.waitUntil(view.empty_state.isVisible)
    assert view.empty_state.title == "No people match"
    qtbot.mouseClick(view.empty_state.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_names(view)) == 6)


def test_a_filter_with_no_match_offers_to_clear_it_too(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window(build=build_programme)
    window.show_view("pairs")
    view = window.current_view()
    assert isinstance(view, PairsView)
    pairs_listed = view.model.rowCount()
    view.status_filter.setCurrentIndex(view.status_filter.findText("completed"))
    qtbot.waitUntil(view.empty_state.isVisible)
    assert view.empty_state.title == "No pairs match"
    qtbot.mouseClick(view.empty_state.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == pairs_listed)
    assert view.status_filter.value() is None


def test_the_sessions_list_filters_by_status_and_cohort_and_opens_a_session(
    qtbot: QtBot, make_window: MakeWindow, dialogs: window_fixtures.DialogCalls
) -> None:
    programme: dict[str, object] = {}
    window = make_window(build=lambda: programme.setdefault("p", build_programme()))
    window.show_view("sessions")
    view = window.current_view()
    assert isinstance(view, SessionsView)
    made = programme["p"]
    [held] = made.session_ids  # type: ignore[attr-defined]
    assert view.model.ids == [held]
    view.status_filter.setCurrentIndex(view.status_filter.findText("planned"))
    qtbot.waitUntil(lambda: view.model.ids == [])
    view.status_filter.setCurrentIndex(view.status_filter.findText("held"))
    qtbot.waitUntil(lambda: view.model.ids == [held])
    _click_row(qtbot, view, 0)
    _press(qtbot, window, Qt.Key.Key_Return)
    assert dialogs.calls == [("SessionDialog", (), {"session_id": held})]
    view.select_ids([])
    assert view.current_cohort_id() is None
    view.cohort_filter.setCurrentIndex(view.cohort_filter.findData(made.cohort_id))  # type: ignore[attr-defined]
    assert view.current_cohort_id() == made.cohort_id  # type: ignore[attr-defined]


def test_a_file_in_a_synced_folder_warns_in_the_status_bar(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(path=tmp_path / "Dropbox" / "programme.revmentor")
    assert window.status_bar.warning_label.isVisible()
    assert "Dropbox" in window.status_bar.warning_label.toolTip()


def test_back_up_now_in_the_file_menu_writes_a_backup_and_says_where(
    make_window: MakeWindow, data_path: Path
) -> None:
    window = make_window()
    window.actions.back_up.trigger()
    manual = [info.path for info in backup.list_backups(data_path) if info.reason == "manual"]
    assert len(manual) == 1
    assert manual[0].name in window.statusBar().currentMessage()


def test_help_open_log_folder_shows_the_log_folder(
    make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    window = make_window()
    help_menu = next(
        action.menu() for action in window.menuBar().actions() if action.text() == "&Help"
    )
    [open_log] = [a for a in help_menu.actions() if a.text() == "Open &log folder"]
    open_log.trigger()
    assert [url.toLocalFile() for url in opened] == [str(isolated_home / "logs")]
    assert (isolated_home / "logs").is_dir()


def _cohort_names(view: CohortsView) -> list[str]:
    return [view.model.index(row, 0).data() for row in range(view.model.rowCount())]


def test_cohort_commands_follow_the_pair_selected_on_the_pairs_list(
    make_window: MakeWindow, dialogs: window_fixtures.DialogCalls
) -> None:
    programme: dict[str, Programme] = {}
    window = make_window(build=lambda: programme.setdefault("p", build_programme()))
    made = programme["p"]
    window.show_view("pairs")
    view = window.current_view()
    assert isinstance(view, PairsView)
    commands = window.actions.cohort
    assert not any(action.isEnabled() for action in commands.values())
    view.select_ids([made.pair_ids["proposed"]])
    enabled = {name for name, action in commands.items() if action.isEnabled()}
    assert enabled == {
        "open",
        "match",
        "agreements",
        "report",
        "certificates",
        "calendar",
        "answers",
        "check-ins",
        "messages",
        "archive",
        "delete",
    }
    commands["open"].trigger()
    assert dialogs.calls == [("CohortDialog", (), {"cohort_id": made.cohort_id})]
    view.select_ids([])
    assert not commands["match"].isEnabled()
    view.cohort_filter.setCurrentIndex(view.cohort_filter.findData(made.cohort_id))
    assert commands["match"].isEnabled(), "the cohort the list is filtered on"


def test_archive_a_cohort_from_the_cohort_menu_and_show_it_again(
    make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_: pytest.fail("archiving asks nothing"))
    window = make_window(build=build_programme)
    window.show_view("cohorts")
    view = window.current_view()
    assert isinstance(view, CohortsView)
    view.table.selectRow(0)
    shown: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and shown.append(text))
    window.actions.cohort["archive"].trigger()
    assert _cohort_names(view) == []
    assert view.empty_state.title == "Every cohort is archived"
    assert shown == ["Cohort “Reverse 2026” archived — Ctrl+Z to undo"], "one message, once"
    view.archived_filter.setChecked(True)
    assert _cohort_names(view) == ["Reverse 2026 (archived)"]
    view.table.selectRow(0)
    assert window.actions.cohort["restore"].isEnabled()
    assert not window.actions.cohort["archive"].isEnabled()
    window.actions.undo.trigger()
    assert _cohort_names(view) == ["Reverse 2026"]


def test_delete_a_cohort_says_what_goes_with_it_and_ctrl_z_brings_it_all_back(
    qtbot: QtBot, make_window: MakeWindow, asked: list[str]
) -> None:
    window = make_window(build=build_programme)
    window.show_view("cohorts")
    view = window.current_view()
    assert isinstance(view, CohortsView)
    _click_row(qtbot, view, 0)
    _press(qtbot, window, Qt.Key.Key_Delete)
    assert asked == [
        "Delete cohort? Delete “Reverse 2026”? Its 5 enrolments and 2 pairs with 1 session "
        "go with it. People stay. Ctrl+Z undoes this."
    ]
    assert _cohort_names(view) == []
    assert pairs.list_pairs() == []
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _cohort_names(view) == ["Reverse 2026"]
    assert len(pairs.list_pairs()) == 2


def test_show_the_new_pairs_opens_the_pairs_list_on_them(make_window: MakeWindow) -> None:
    programme: dict[str, Programme] = {}
    window = make_window(build=lambda: programme.setdefault("p", build_programme()))
    made = programme["p"]
    window.show_view("cohorts")
    window.context.requests.show_pairs.emit(made.cohort_id, [made.pair_ids["proposed"]])
    view = window.current_view()
    assert isinstance(view, PairsView)
    assert view.cohort_filter.value() == made.cohort_id
    assert view.selected_ids() == [made.pair_ids["proposed"]]
