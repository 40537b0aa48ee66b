"""Certificates from the window: for a completed pair (Pair menu, pairs list's context menu)
and for a cohort (Cohort menu), shown in the document preview."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import pairs
from revmentor_desktop.ui.dialogs.document_dialog import DocumentDialog
from revmentor_desktop.ui.main_window import MainWindow
from tests.reports.helpers import page_texts
from tests.reports.programme import Programme, build_programme, clock
from tests.ui import window_fixtures

make_window = window_fixtures.make_window
MakeWindow = window_fixtures.MakeWindow
pytestmark = [
    window_fixtures.IGNORE_OFFSCREEN_NOISE,
    pytest.mark.qt_log_ignore(r"This plugin does not support"),
]


def _completed_programme() -> Programme:
    built = build_programme()
    pairs.change_status(built.pair_id, "complete", clock=clock)
    return built


def _select_pair(window: MainWindow, pair_id: int) -> None:
    window.show_view("pairs")
    window.current_view().select_ids([pair_id])  # type: ignore[attr-defined]


def _window_on(
    make_window: MakeWindow, build: Callable[[], Programme]
) -> tuple[MainWindow, Programme]:
    """A main window on a data file holding the programme ``build`` makes; and that programme."""
    built: list[Programme] = []
    window = make_window(build=lambda: built.append(build()))
    return window, built[0]


def _ask_for_cohort_certificates(make_window: MakeWindow, build: Callable[[], Programme]) -> None:
    """Open a window on ``build``'s programme, select its busy pair, ask for its cohort's
    certificates."""
    window, programme = _window_on(make_window, build)
    _select_pair(window, programme.pair_id)
    window.actions.cohort["certificates"].trigger()


def _preview(qtbot: QtBot) -> DocumentDialog:
    """The document dialog the action opened, once its PDF is made."""
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=20_000)
    return dialog


def _close(dialog: DocumentDialog) -> None:
    dialog.close()  # show_document made it delete itself on closing
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_completed_pairs_certificates_open_from_the_pair_menu_and_the_context_menu(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window, programme = _window_on(make_window, _completed_programme)
    action = window.actions.pair_certificates

    _select_pair(window, programme.quiet_pair_id)
    assert not action.isEnabled(), "an active pair has no certificates yet"
    [context_action] = window.current_view().context_actions()  # type: ignore[attr-defined]
    assert not context_action.isEnabled()

    _select_pair(window, programme.pair_id)
    assert action.isEnabled()
    action.trigger()
    dialog = _preview(qtbot)
    assert dialog.windowTitle() == "Certificates – Agnès Dubois & Jörg Müller"
    mentor, mentee = page_texts(dialog.pdf or b"")
    assert "Agnès Dubois" in mentor and "REVERSE MENTOR" in mentor
    assert "Jörg Müller" in mentee and "MENTEE" in mentee
    assert dialog.status.text().startswith("2 pages")
    _close(dialog)

    [context_action] = window.current_view().context_actions()  # type: ignore[attr-defined]
    assert context_action.isEnabled()
    assert context_action.text() == action.text()
    context_action.trigger()
    dialog = _preview(qtbot)
    assert dialog.windowTitle() == "Certificates – Agnès Dubois & Jörg Müller"
    _close(dialog)


def test_a_cohorts_certificates_open_from_the_cohort_menu(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    _ask_for_cohort_certificates(make_window, _completed_programme)

    dialog = _preview(qtbot)
    assert dialog.windowTitle() == "Certificates – Reverse mentoring 2026"
    assert len(page_texts(dialog.pdf or b"")) == 2
    _close(dialog)


def test_a_cohort_without_completed_pairs_says_so_in_the_preview(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    _ask_for_cohort_certificates(make_window, build_programme)

    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentDialog)]
    assert dialog.pdf is None
    assert "has no completed pairs" in dialog.status.text()
    assert not dialog.save_button.isEnabled()
    _close(dialog)
