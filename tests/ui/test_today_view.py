"""Today as a coordinator meets it: headings by urgency, folding, the welcome and the sample."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from revmentor_desktop import paths
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.main_window import MainWindow
from revmentor_desktop.ui.views.today_view import TodayView
from tests.ui import window_fixtures
from tests.ui.programme import START, MovableClock, build_programme

make_window = window_fixtures.make_window
dialogs = window_fixtures.dialogs
MakeWindow = window_fixtures.MakeWindow
pytestmark = window_fixtures.IGNORE_OFFSCREEN_NOISE


def _today(make_window: MakeWindow, days: int = 60) -> tuple[MainWindow, TodayView]:
    window = make_window(MovableClock(START + timedelta(days=days)), build=build_programme)
    view = window.stack.views["today"]
    assert isinstance(view, TodayView)
    return window, view


def _headings(view: TodayView) -> list[str]:
    model = view.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _heading(view: TodayView, title: str) -> QModelIndex:
    row = [text.split(" (")[0] for text in _headings(view)].index(title)
    return view.model.index(row, 0)


def _click(qtbot: QtBot, view: TodayView, index: QModelIndex) -> None:
    rect = view.list.visualRect(index)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _shown_rows(view: TodayView) -> list[str]:
    """What the coordinator reads, top to bottom: headings, and the items of unfolded ones."""
    lines = []
    model = view.model
    for row in range(model.rowCount()):
        heading = model.index(row, 0)
        lines.append(heading.data())
        if view.list.isExpanded(heading):
            for child in range(model.rowCount(heading)):
                words = [model.index(child, column, heading).data() for column in range(3)]
                lines.append(" | ".join(words))
    return lines


def test_today_reads_as_headings_by_urgency_with_sentences(make_window: MakeWindow) -> None:
    _, view = _today(make_window)
    assert _shown_rows(view) == [
        "Needs you now (1)",
        "Urgent | Reverse 2026 | 5 people take part without consent recorded: Ada Lovelace, "
        "Bo Svensson, Wen Li and 2 more",
        "Stalled (1)",
        "Urgent | Ada Lovelace & Bo Svensson | No meeting for 59 days — they planned to meet "
        "every 2 weeks",
        "Check-ins and forms overdue (1)",
        "Soon | Reverse 2026 | Check-in was due Mon 13 Apr, 2 weeks ago — 4 of 4 people have not "
        "answered",
        "Agreements to sign (1)",
        "When you can | Zoë Martin & Yann Le Goff | Agreement not signed yet — paired 2 months ago",
        "People without a pair (1)",
        "When you can | Reverse 2026 | 1 person has no pair yet: Wen Li",
    ]
    for row in range(view.model.rowCount()):
        assert view.list.isFirstColumnSpanned(row, QModelIndex())
    assert view.heading.text().endswith(": 1 needs you now, 5 things in all")


def test_a_click_on_a_heading_folds_it_and_the_fold_outlasts_a_refresh(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window, view = _today(make_window)
    stalled = _heading(view, "Stalled")
    _click(qtbot, view, stalled)
    assert not view.list.isExpanded(stalled)
    assert "Stalled (1)" in _shown_rows(view)
    assert not any("Ada Lovelace & Bo Svensson" in line for line in _shown_rows(view))
    window.context.edits.data_changed.emit()  # any change refreshes Today
    assert not view.list.isExpanded(_heading(view, "Stalled"))
    assert view.list.isExpanded(_heading(view, "Needs you now"))
    window.show_view("people")
    window.show_view("today")
    assert not view.list.isExpanded(_heading(view, "Stalled"))
    _click(qtbot, view, _heading(view, "Stalled"))
    assert view.list.isExpanded(_heading(view, "Stalled"))


def test_left_and_right_fold_and_unfold_a_heading(qtbot: QtBot, make_window: MakeWindow) -> None:
    window, view = _today(make_window)
    view.list.setFocus()
    heading = _heading(view, "Agreements to sign")
    view.list.setCurrentIndex(heading)
    qtbot.keyClick(view.list, Qt.Key.Key_Left)
    assert not view.list.isExpanded(heading)
    view.refresh()
    assert not view.list.isExpanded(_heading(view, "Agreements to sign"))
    assert view.model.group_at(view.list.currentIndex()) is not None, "the heading stays current"
    qtbot.keyClick(view.list, Qt.Key.Key_Right)
    assert view.list.isExpanded(_heading(view, "Agreements to sign"))
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert not view.list.isExpanded(_heading(view, "Agreements to sign"))
    assert not window.actions.log_session.isEnabled(), "a heading is no pair"


def test_activating_an_item_opens_its_record(
    qtbot: QtBot, make_window: MakeWindow, dialogs: window_fixtures.DialogCalls
) -> None:
    _, view = _today(make_window)
    agreements = _heading(view, "Agreements to sign")
    item = view.model.index(0, 2, agreements)
    _click(qtbot, view, item)
    qtbot.mouseDClick(
        view.list.viewport(), Qt.MouseButton.LeftButton, pos=view.list.visualRect(item).center()
    )
    proposed = view.model.item_at(item)
    assert proposed is not None
    assert dialogs.calls == [("PairDialog", (), {"pair_id": proposed.target_id})]


def test_the_welcome_offers_to_import_a_staff_list(
    qtbot: QtBot, make_window: MakeWindow, dialogs: window_fixtures.DialogCalls
) -> None:
    window = make_window()
    view = window.stack.views["today"]
    assert isinstance(view, TodayView)
    assert view.empty_state.title == "Welcome to RevMentor"
    labels = [button.text() for button in view.empty_state.buttons]
    assert labels == ["Add a person…", "Import a staff list…", "Open the sample data"]
    with qtbot.waitSignal(window.actions.import_people.triggered, timeout=1000):
        qtbot.mouseClick(view.empty_state.buttons[1], Qt.MouseButton.LeftButton)
    assert [call[0] for call in dialogs.calls] == ["ImportWizard"]


def _sample_file() -> Path:
    path = paths.sample_data_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with DataFile.open(path, create=True):
        build_programme()
    return path


def test_a_banner_says_when_the_sample_is_open_and_leads_back_to_your_own_file(
    qtbot: QtBot, make_window: MakeWindow, data_path: Path
) -> None:
    window = make_window()  # the coordinator's own file, opened first
    assert not window.sample_banner.isVisible()
    window.session.open(_sample_file())
    assert window.sample_banner.isVisible()
    assert window.sample_banner.label.text() == (
        "This is sample data — your own file is untouched."
    )
    qtbot.mouseClick(window.sample_banner.button, Qt.MouseButton.LeftButton)
    assert window.session.path == data_path.absolute()
    assert not window.sample_banner.isVisible()
    assert window.windowTitle() == "programme.revmentor — RevMentor"


def test_without_a_file_of_your_own_the_banner_creates_one(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window(path=_sample_file())
    assert window.sample_banner.isVisible()
    qtbot.mouseClick(window.sample_banner.button, Qt.MouseButton.LeftButton)
    assert window.session.path == paths.default_data_file().absolute()
    assert paths.default_data_file().exists()
    assert not window.sample_banner.isVisible()
    assert QApplication.activeModalWidget() is None
