"""The window and every dialog fit a 1280×800 laptop screen, also at 200 % scaling; dialogs
remember their size; long content scrolls; the People list shows every column whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import cohorts, pairs, people
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.pair_dialog import PairDialog
from revmentor_desktop.ui.dialogs.person_dialog import PersonDialog
from revmentor_desktop.ui.settings import DIALOG_SIZE, AppSettings
from revmentor_desktop.ui.undo import EditStack
from revmentor_desktop.ui.views.people_view import PeopleView
from revmentor_desktop.ui.views.record_list_view import fitted_widths
from revmentor_desktop.ui.widgets import screen_fit
from tests.ui import window_fixtures
from tests.ui.programme import START, MovableClock

make_window = window_fixtures.make_window
MakeWindow = window_fixtures.MakeWindow
pytestmark = window_fixtures.IGNORE_OFFSCREEN_NOISE

ROOT = Path(__file__).resolve().parents[2]
LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800}


def _probe(tmp_path: Path, scale: int) -> dict[str, object]:
    """Run ``screen_probe`` on an offscreen 1280×800 screen at ``scale`` (Qt's own scaling)."""
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{**LAPTOP, "logicalDpi": 96, "dpr": 1}]}))
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": str(scale),
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_probe", str(tmp_path / "probe.revmentor")],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _within(size: list[int], room: QSize) -> bool:
    return size[0] <= room.width() and size[1] <= room.height()


@pytest.mark.parametrize("scale", [1, 2], ids=["1280x800", "1280x800 at 200%"])
def test_the_window_and_every_dialog_fit_the_laptop_screen(tmp_path: Path, scale: int) -> None:
    found = _probe(tmp_path, scale)
    width, height = found["available"]  # type: ignore[misc]
    assert (width, height) == (1280 // scale, 800 // scale)
    assert found["opened"] == found["dialog_classes"], "every dialog class is opened"
    room = QSize(width, height) - screen_fit.FRAME_ALLOWANCE
    windows: list[dict[str, list[int]]] = found["windows"]  # type: ignore[assignment]
    too_big = [
        window
        for window in windows
        if not all(_within(window[key], room) for key in ("size", "minimum"))
    ]
    assert too_big == []


def test_the_main_window_opens_smaller_than_a_small_screen(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_fit, "available_size", lambda _widget: QSize(900, 560))
    window = make_window()
    assert window.size() == QSize(900, 560)


@pytest.fixture
def context(data_file: DataFile, qtbot: QtBot) -> AppContext:
    return AppContext(EditStack(), MovableClock(), AppSettings())


def _show(qtbot: QtBot, dialog: PersonDialog | PairDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


def test_a_dialog_opens_at_the_size_it_was_left_at_fitted_to_the_screen(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = PersonDialog(context)
    _show(qtbot, first)
    first.resize(610, 430)
    first.reject()
    assert context.settings.get(DIALOG_SIZE.for_dialog("PersonDialog")) == QSize(610, 430)

    again = PersonDialog(context)
    _show(qtbot, again)
    assert again.size() == QSize(610, 430)
    again.reject()

    monkeypatch.setattr(screen_fit, "available_size", lambda _widget: QSize(560, 400))
    smaller_screen = PersonDialog(context)
    _show(qtbot, smaller_screen)
    assert smaller_screen.size() == QSize(560, 400)


def test_sizes_are_remembered_per_kind_of_dialog(
    qtbot: QtBot, context: AppContext, data_file: DataFile
) -> None:
    context.settings.set(DIALOG_SIZE.for_dialog("PersonDialog"), QSize(610, 430))
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"), context.clock)
    dialog = PairDialog(context, cohort_id=cohort_id)
    asked_for = dialog.size()
    _show(qtbot, dialog)
    assert dialog.size() == asked_for != QSize(610, 430)


def test_many_goals_scroll_inside_the_pair_dialog(qtbot: QtBot, context: AppContext) -> None:
    clock = context.clock
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"), clock)
    mentor = people.add_person(people.PersonDraft("Ada Lovelace"), clock)
    mentee = people.add_person(people.PersonDraft("Bo Svensson"), clock)
    cohorts.enrol(cohort_id, mentor, "mentor")
    cohorts.enrol(cohort_id, mentee, "mentee")
    goals = [pairs.GoalDraft(f"Goal number {n}") for n in range(1, 31)]
    pair_id = pairs.create_pair(pairs.PairDraft(cohort_id, mentor, mentee, goals=goals), clock)
    dialog = PairDialog(context, pair_id=pair_id)
    _show(qtbot, dialog)
    dialog.tabs.setCurrentIndex(dialog.goals_tab)
    assert dialog.height() <= screen_fit.available_size(dialog).height()
    area = dialog.tabs.currentWidget()
    assert isinstance(area, QScrollArea)
    assert area.verticalScrollBar().maximum() > 0  # the goals scroll; the dialog did not grow


# The People list


def _programme() -> None:
    """People as an HR list gives them: long names, work e-mail addresses, a cohort, a pair."""
    clock = MovableClock(START)
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse mentoring 2026"), clock)
    staff = [
        ("Aoife Ní Bhriain-Fitzgerald", "Research & Development", "mentor"),
        ("Bartholomew Okonkwo-Smith", "Human Resources", "mentee"),
        ("Chidinma Adeyemi", "Customer Service", "mentor"),
        ("Dmitri Volkov", "Finance", None),
    ]
    ids = []
    for name, department, role in staff:
        email = f"{name[0]}.{name.split()[-1]}@northwind.example".lower().replace("í", "i")
        draft = people.PersonDraft(name, email=email, department=department)
        ids.append(people.add_person(draft, clock))
        if role:
            cohorts.enrol(cohort_id, ids[-1], role)
    pairs.create_pair(pairs.PairDraft(cohort_id, ids[0], ids[1]), clock)


def test_the_people_list_shows_cohort_role_and_pair_and_cuts_no_column(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_fit, "available_size", lambda _widget: QSize(1264, 760))
    window = make_window(build=_programme)
    window.show_view("people")
    view = window.current_view()
    assert isinstance(view, PeopleView)
    table, header = view.table, view.table.horizontalHeader()
    qtbot.waitUntil(lambda: view.columns_fitted)  # fitted once shown and laid out
    qtbot.wait(50)  # the table lays out resized columns on its next turn of the event loop
    shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
    headings = [view.model.columns[i].header for i in shown]
    assert headings[:5] == ["Name", "Department", "Cohort", "Role", "Paired"]
    row = [view.model.index(0, i).data() for i in shown[:5]]
    assert row == [
        "Aoife Ní Bhriain-Fitzgerald",
        "Research & Development",
        "Reverse mentoring 2026",
        "Reverse mentor",
        "Yes",
    ]
    for section in shown:
        needed = max(header.sectionSizeHint(section), table.sizeHintForColumn(section))
        assert header.sectionSize(section) >= needed, headings[shown.index(section)]
    assert sum(header.sectionSize(i) for i in shown) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()


def test_columns_too_wide_together_give_way_widest_first() -> None:
    wanted = {0: 100, 1: 400, 2: 300, 3: 50}
    floors = {0: 60, 1: 60, 2: 60, 3: 40}
    assert fitted_widths(wanted, 1000, floors) == wanted
    assert fitted_widths(wanted, 650, floors) == {0: 100, 1: 250, 2: 250, 3: 50}
    assert fitted_widths(wanted, 100, floors) == floors  # never below a heading's width
