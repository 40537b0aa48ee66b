"""Help: the built-in guide (F1) and About with the licence, as a coordinator reaches them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QDialog, QMenu
from pytestqt.qtbot import QtBot

from revmentor_desktop import paths
from revmentor_desktop.storage import backup
from revmentor_desktop.ui import guide
from revmentor_desktop.ui.dialogs.about_dialog import LICENCE_TAB, AboutDialog
from revmentor_desktop.ui.dialogs.guide_dialog import GuideDialog
from revmentor_desktop.ui.main_window import MainWindow
from tests.ui import window_fixtures

make_window = window_fixtures.make_window
MakeWindow = window_fixtures.MakeWindow
pytestmark = window_fixtures.IGNORE_OFFSCREEN_NOISE

NATIVE = QKeySequence.SequenceFormat.NativeText
MENU_PATH = re.compile(r'<span class="menu">(.*?)</span>', re.DOTALL)
LINK = re.compile(r'<a href="([^"]*)"')


def _menu_action(window: MainWindow, path: str) -> QAction | None:
    """The action at ``path`` ("File ▸ Export ▸ People (CSV)…") in the window's menus."""
    titles = [part.strip() for part in path.split("▸")]
    actions = window.menuBar().actions()
    found = None
    for title in titles:
        found = next((a for a in actions if a.text().replace("&", "") == title), None)
        if found is None:
            return None
        menu = found.menu()
        actions = menu.actions() if isinstance(menu, QMenu) else []
    return found


def _open_guide_from_menu(qtbot: QtBot, window: MainWindow) -> GuideDialog:
    action = _menu_action(window, "Help ▸ RevMentor guide")
    assert action is not None
    action.trigger()
    dialog = window.guide_dialog
    assert isinstance(dialog, GuideDialog)
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def guide_dialog(qtbot: QtBot, make_window: MakeWindow) -> Iterator[GuideDialog]:
    """The guide of a new window, opened from the Help menu and closed after the test."""
    dialog = _open_guide_from_menu(qtbot, make_window())
    yield dialog
    dialog.close()


def _click_link(qtbot: QtBot, dialog: GuideDialog, href: str) -> None:
    """Click the first link to ``href`` on the page on show, as a reader would."""
    browser = dialog.browser
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                point = browser.cursorRect(cursor).center()
                qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href} on {dialog.current_page()}")


def test_f1_opens_the_guide_on_getting_started(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.guide_dialog
    assert isinstance(dialog, GuideDialog)
    assert dialog.isVisible()
    assert dialog.current_page() == "getting-started.html"
    assert dialog.page_text().startswith("Getting started")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.guide_dialog is dialog  # one guide per window, brought to the front
    dialog.close()


def test_each_topic_is_reachable_from_the_list_and_has_something_to_say(
    qtbot: QtBot, guide_dialog: GuideDialog
) -> None:
    dialog = guide_dialog
    assert [dialog.topics.item(row).text() for row in range(dialog.topics.count())] == [
        topic.title for topic in guide.TOPICS
    ]
    for row, topic in enumerate(guide.TOPICS):
        rect = dialog.topics.visualItemRect(dialog.topics.item(row))
        qtbot.mouseClick(dialog.topics.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert dialog.current_page() == topic.page
        text = dialog.page_text()
        assert len(text.split()) > 60, f"{topic.title} is nearly empty"
        assert "$" not in text, f"a placeholder was left unfilled on {topic.page}"


def test_links_between_topics_lead_to_them_and_the_list_follows(
    qtbot: QtBot, guide_dialog: GuideDialog
) -> None:
    dialog = guide_dialog
    _click_link(qtbot, dialog, "running-a-cohort.html")
    assert dialog.current_page() == "running-a-cohort.html"
    assert dialog.page_text().startswith("Running a reverse-mentoring cohort well")
    assert dialog.topics.currentItem().text() == "Running a cohort well"
    _click_link(qtbot, dialog, "data-and-backups.html")
    assert dialog.topics.currentItem().text() == "Your data and backups"
    dialog.browser.backward()
    assert dialog.current_page() == "running-a-cohort.html"


def test_every_link_in_the_guide_names_one_of_its_topics() -> None:
    """Offline: no page links to the web or to a page that is not there."""
    for topic in guide.TOPICS:
        for href in LINK.findall(guide.packaged_text(guide.GUIDE_FOLDER, topic.page)):
            assert href in guide.PAGES, f"{topic.page} links to {href}"


def test_every_menu_command_the_guide_names_is_in_the_menus(make_window: MakeWindow) -> None:
    window = make_window()
    named = [
        " ".join(path.split())
        for topic in guide.TOPICS
        for path in MENU_PATH.findall(guide.packaged_text(guide.GUIDE_FOLDER, topic.page))
    ]
    assert len(named) > 20
    missing = [path for path in named if _menu_action(window, path) is None]
    assert missing == []


def test_the_shortcuts_are_read_from_the_window_not_written_down(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    undo_keys = window.actions.undo.shortcut().toString(NATIVE)
    window.actions.log_session.setShortcut(QKeySequence("Ctrl+Alt+G"))
    dialog = _open_guide_from_menu(qtbot, window)
    dialog.show_topic("keyboard-shortcuts.html")
    lines = [line.strip() for line in dialog.page_text().splitlines()]

    def keys_of(command: str) -> str:  # a table cell per line: the command, then its keys
        return lines[lines.index(command) + 1]

    assert keys_of("Undo the last change") == undo_keys
    assert keys_of("Log a session…") == QKeySequence("Ctrl+Alt+G").toString(NATIVE)
    assert keys_of("RevMentor guide") == QKeySequence("F1").toString(NATIVE)
    assert lines.index("Pair menu") < lines.index("Log a session…")
    dialog.close()


def test_prose_names_the_keys_the_window_really_has(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.actions.undo.setShortcuts([QKeySequence("Ctrl+Alt+Z")])
    dialog = _open_guide_from_menu(qtbot, window)
    text = " ".join(dialog.page_text().split())
    assert f"Edit ▸ Undo ({QKeySequence('Ctrl+Alt+Z').toString(NATIVE)})" in text
    dialog.close()


def test_the_data_page_names_this_file_its_backup_folder_and_the_thinning(
    guide_dialog: GuideDialog, data_path: Path
) -> None:
    dialog = guide_dialog
    dialog.show_topic("data-and-backups.html")
    text = " ".join(dialog.page_text().split())
    assert str(data_path) in text
    assert str(paths.backup_folder_for(data_path)) in text
    assert str(paths.default_data_file()) in text
    assert f"the newest {backup.KEEP_NEWEST} are always kept" in text


def test_about_names_the_licence_and_shows_its_text(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    shown: list[AboutDialog] = []

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, AboutDialog)
        shown.append(dialog)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(AboutDialog, "exec", look)
    action = _menu_action(window, "Help ▸ About RevMentor")
    assert action is not None
    action.trigger()
    dialog = shown[0]
    summary = " ".join(dialog.summary.text().split())
    assert "GNU General Public License, version 3 or later" in summary
    assert "GPL-3.0-or-later" in summary
    assert "no warranty" in summary
    assert dialog.tabs.tabText(LICENCE_TAB).replace("&", "") == "Licence"
    licence = dialog.licence.toPlainText()
    assert licence.lstrip().startswith("GNU GENERAL PUBLIC LICENSE")
    assert "Version 3, 29 June 2007" in licence
    assert "END OF TERMS AND CONDITIONS" in licence
    assert "Bitstream Vera" in dialog.font_licence.toPlainText()
