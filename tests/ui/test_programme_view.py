"""The Programme view: choosing cohorts and a period, the lists behind the bars, the tables
behind the charts, both palettes, saving and copying, and loading the chart library late."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain.dates import Period
from revmentor_desktop.domain.demo import generate_demo
from revmentor_desktop.domain.health import HealthLevel
from revmentor_desktop.domain.programme_figures import programme_figures
from revmentor_desktop.domain.programme_figures.gather import forget_recent_figures
from revmentor_desktop.ui.main_window import MainWindow
from revmentor_desktop.ui.views.programme.chart_data import (
    ChartData,
    ChartKind,
    ChartTableModel,
    Series,
)
from revmentor_desktop.ui.views.programme.chart_items import Label
from revmentor_desktop.ui.views.programme.chart_panel import ChartPanel
from revmentor_desktop.ui.views.programme.period import PeriodChoice
from revmentor_desktop.ui.views.programme.programme_view import ProgrammeView
from tests.ui import window_fixtures
from tests.ui.programme import MovableClock
from tests.ui.window_fixtures import IGNORE_OFFSCREEN_NOISE, MakeWindow

pytestmark = IGNORE_OFFSCREEN_NOISE
make_window = window_fixtures.make_window

TODAY = date(2026, 11, 25)
REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot: QtBot, make_window: MakeWindow) -> MainWindow:
    """A window on a small sample programme (five cohorts), showing the Programme view with
    its charts drawn."""
    made = make_window(
        clock=MovableClock(datetime(2026, 11, 25, 10)),
        build=lambda: generate_demo(people=120, seed=7, today=TODAY),
    )
    made.resize(1280, 800)
    made.show_view("programme")
    wait_for_every_figure(qtbot, view_of(made))
    return made


def wait_for_every_figure(qtbot: QtBot, view: ProgrammeView) -> None:
    """Until the outcomes, counted straight after the other figures, are drawn too."""
    qtbot.waitUntil(lambda: view.figures is not None and not view.counting_outcomes)


def view_of(window: MainWindow) -> ProgrammeView:
    view = window.current_view()
    assert isinstance(view, ProgrammeView)
    return view


def column_texts(panel: ChartPanel, column: int) -> list[str]:
    model = panel.model
    return [model.cell_text(row, column) for row in range(model.rowCount())]


def click_bar(qtbot: QtBot, panel: ChartPanel, series: int, category: int) -> None:
    canvas = panel.canvas
    bar = canvas.bars[(series, category)]
    centre = canvas.mapFromScene(bar.mapToScene(bar.rect().center()))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre))


def test_the_window_opens_without_the_chart_library_and_loads_it_with_the_view(
    tmp_path: Path,
) -> None:
    """Start-up must not pay for charts: pyqtgraph (and NumPy) load when Programme is shown;
    nor for calendars, documents or the keyring (icalendar, ReportLab, keyring)."""
    code = f"""
import sys
from datetime import date, datetime
from pathlib import Path
from revmentor_desktop.app import make_application, open_main_window
from revmentor_desktop.domain.demo import generate_demo
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.settings import AppSettings
path = Path({str(tmp_path / "sample.revmentor")!r})
with DataFile.open(path, create=True):
    generate_demo(people=60, seed=3, today=date(2026, 11, 25))
app = make_application([])
window = open_main_window(path, AppSettings(), lambda: datetime(2026, 11, 25, 10))
window.show()
app.processEvents()
heavy = ("pyqtgraph", "numpy", "icalendar", "reportlab", "keyring")
print("after opening:", sorted(m for m in heavy if m in sys.modules))
window.show_view("programme")
app.processEvents()
print("after Programme:", sorted(m for m in heavy if m in sys.modules))
window.close()
"""
    environment = {
        **os.environ,
        "PYTHONPATH": str(REPOSITORY),
        "QT_QPA_PLATFORM": "offscreen",
        "REVMENTOR_HOME": str(tmp_path / "home"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        timeout=120,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("after")]
    assert lines == ["after opening: []", "after Programme: ['numpy', 'pyqtgraph']"]


def test_the_view_is_on_screen_before_its_figures_are_counted(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    """On a large file the figures take longer than the view may take to appear: the view
    shows at once, saying it is counting, and draws every chart straight after."""
    made = make_window(build=lambda: generate_demo(people=40, seed=7, today=TODAY))
    made.show_view("programme")
    view = view_of(made)
    assert view.isVisible()
    assert view.figures is None
    assert view.summary.text() == "Counting the figures…"
    funnel = view.panels["funnel"]
    assert funnel.pages.currentWidget() is funnel.empty
    assert funnel.empty.text() == "Counting…"
    assert not funnel.save_button.isEnabled()
    qtbot.waitUntil(lambda: view.figures is not None)
    assert funnel.model.rowCount() == len(view.figures.funnel.steps)
    assert funnel.pages.currentWidget() is funnel.canvas
    assert funnel.save_button.isEnabled()
    assert view.summary.text().endswith("Click a bar to list who is behind it.")


def test_choosing_cohorts_and_a_period_redraws_every_chart_from_the_figures(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = view_of(window)
    first, second = view.cohort_chooser.cohort_actions[:2]
    chosen = [first.data(), second.data()]
    view.cohort_chooser.choose(chosen)
    assert view.cohort_chooser.text() == "2 cohorts"
    view.choose_period(PeriodChoice.THIS_YEAR)
    wait_for_every_figure(qtbot, view)

    expected = programme_figures(
        chosen, Period(date(2026, 1, 1), date(2026, 12, 31)), window.context.clock
    )
    assert view.figures == expected
    assert "from 1 Jan 2026 to 31 Dec 2026" in view.summary.text()
    funnel = view.panels["funnel"]
    assert column_texts(funnel, 1) == [f"{step.count:,}" for step in expected.funnel.steps]


def test_a_custom_period_shows_its_dates_and_counts_only_its_months(window: MainWindow) -> None:
    view = view_of(window)
    custom = Period(date(2026, 3, 1), date(2026, 5, 31))
    view.choose_period(PeriodChoice.CUSTOM, custom)

    assert view.first_day.isVisible() and view.last_day.isVisible()
    assert view.figures.period == custom
    months = column_texts(view.panels["sessions"], 0)
    assert months == ["Mar 26", "Apr 26", "May 26"]


def test_clicking_the_stalled_bar_lists_the_stalled_pairs_and_shows_them_on_the_pairs_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = view_of(window)
    stalled = view.figures.health(HealthLevel.RED).pair_ids
    assert stalled, "the sample has stalled pairs"
    panel = view.panels["health now"]

    click_bar(qtbot, panel, 0, 2)  # On track, Needs a nudge, Stalled

    dialog = view.record_dialog
    assert dialog is not None and dialog.isVisible()
    assert sorted(dialog.ids_listed()) == sorted(stalled)
    assert "Stalled" in dialog.windowTitle()
    qtbot.mouseClick(dialog.show_pairs_button, Qt.MouseButton.LeftButton)
    assert window.stack.current_name == "pairs"
    assert sorted(window.current_view().selected_ids()) == sorted(stalled)


def test_a_funnel_step_before_pairing_lists_people(qtbot: QtBot, window: MainWindow) -> None:
    view = view_of(window)
    enrolled = view.figures.funnel.steps[0]

    click_bar(qtbot, view.panels["funnel"], 0, 0)

    assert sorted(view.record_dialog.ids_listed()) == sorted(set(enrolled.person_ids))
    assert not view.record_dialog.show_pairs_button.isVisible()
    view.record_dialog.close()


def test_each_table_holds_the_figures_modules_numbers(window: MainWindow) -> None:
    view = view_of(window)
    figures = view.figures
    panels = view.panels
    assert column_texts(panels["funnel"], 0) == [step.label for step in figures.funnel.steps]
    assert column_texts(panels["funnel"], 2) == [
        f"{step.share_of_enrolled:.0%}" for step in figures.funnel.steps
    ]
    assert column_texts(panels["health now"], 1) == [
        f"{figures.health(level).count:,}"
        for level in (HealthLevel.GREEN, HealthLevel.AMBER, HealthLevel.RED)
    ]
    weeks = figures.health_weeks
    assert column_texts(panels["health weeks"], 3) == [f"{week.stalled:,}" for week in weeks]
    months = figures.sessions.months
    assert column_texts(panels["sessions"], 1) == [f"{month.held:,}" for month in months]
    assert column_texts(panels["sessions"], 2) == [f"{month.planned:,}" for month in months]
    assert column_texts(panels["hours"], 1) == [f"{month.hours_held:,.0f}" for month in months]
    learning = figures.outcomes.learning
    assert column_texts(panels["outcomes"], 2) == [
        "hidden" if line.mean_after is None else f"{line.mean_after:.1f}" for line in learning
    ]
    assert "hidden" in column_texts(panels["outcomes"], 1), "the sample hides a small group"
    assert "fewer than" in panels["outcomes"].notes.text()
    assert column_texts(panels["end reasons"], 1) == [
        f"{reason.pairs:,}" for reason in figures.end_reasons.reasons
    ]
    focus = figures.topics.focus_areas[:10]
    assert column_texts(panels["focus areas"], 0) == [topic.label for topic in focus]


def test_two_cohorts_side_by_side_as_shares_of_their_own_enrolled(window: MainWindow) -> None:
    view = view_of(window)
    assert view.comparison_section.visibleRegion().isEmpty()  # below the first charts
    assert view.comparison is None  # so not counted yet
    view.scroll.ensureWidgetVisible(view.comparison_panel)
    comparison = view.comparison
    assert comparison is not None
    panel = view.comparison_panel
    first_share = [f"{100 * s.share_of_enrolled:.0f}%" for s in comparison.first.funnel.steps]
    assert column_texts(panel, 1) == first_share
    assert panel.title.text() == (
        f"{comparison.first.cohorts[0].name} against {comparison.second.cohorts[0].name}"
    )
    view.compare_second.setCurrentIndex(view.compare_second.count() - 1)
    assert view.comparison.second.cohorts[0].id == view.compare_second.currentData()


def test_the_numbers_toggle_between_chart_and_table(qtbot: QtBot, window: MainWindow) -> None:
    panel = view_of(window).panels["funnel"]
    qtbot.mouseClick(panel.numbers_button, Qt.MouseButton.LeftButton)
    assert panel.pages.currentWidget() is panel.table
    assert panel.numbers_button.text() == "Show chart"
    qtbot.mouseClick(panel.numbers_button, Qt.MouseButton.LeftButton)
    assert panel.pages.currentWidget() is panel.canvas


def test_the_chart_tables_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    """Each chart's table, on a model of its own that outlives the window."""
    view = view_of(window)
    view.draw_every_chart()  # the comparison too, counted when first shown
    for panel in (*view.panels.values(), view.comparison_panel):
        assert panel.chart is not None
        model = ChartTableModel()
        model.set_chart(panel.chart)
        qtmodeltester.check(model, force_py=True)


def test_tooltips_name_the_bar_and_its_number(window: MainWindow) -> None:
    view = view_of(window)
    step = view.figures.funnel.steps[1]
    tooltip = view.panels["funnel"].canvas.bars[(0, 1)].toolTip()
    assert tooltip.startswith(f"{step.label}\n{step.count:,} people")
    assert "Click to list them." in tooltip


def printed_labels(panel: ChartPanel) -> dict[str, QRectF]:
    """The numbers printed beside the bars, each where it shows in the chart's viewport."""
    canvas = panel.canvas
    return {
        item.text(): item.deviceTransform(canvas.viewportTransform()).mapRect(item.boundingRect())
        for item in canvas.scene().items()
        if isinstance(item, Label)
    }


@pytest.mark.parametrize("width", [1280, 960])
def test_each_funnel_step_prints_its_count_and_share_of_enrolled_in_full(
    qtbot: QtBot, window: MainWindow, width: int
) -> None:
    window.resize(width, 800)
    view = view_of(window)
    panel = view.panels["funnel"]
    qtbot.waitUntil(lambda: panel.canvas.width() < width / 2)
    QApplication.processEvents()
    plotted = panel.canvas.mapFromScene(
        panel.canvas.plot.view_box.sceneBoundingRect()
    ).boundingRect()
    labels = printed_labels(panel)
    for step in view.figures.funnel.steps:
        label = labels[f"{step.count:,} · {step.share_of_enrolled:.0%}"]
        assert label.right() <= plotted.right()  # not cut off at the chart's edge


def test_a_few_things_counted_are_ticked_at_whole_numbers(qtbot: QtBot) -> None:
    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.resize(1100, 400)
    panel.show()
    panel.show_chart(reasons_chart(3))
    ticks = panel.canvas.plot.getAxis("bottom")._tickLevels  # pyqtgraph keeps set ticks here
    assert ticks == [[(0.0, "0"), (1.0, "1"), (2.0, "2"), (3.0, "3")]]


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#eeeeee"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_the_charts_follow_a_dark_palette_and_back(window: MainWindow) -> None:
    app = QApplication.instance()
    light = app.palette()
    panel = view_of(window).panels["funnel"]
    try:
        app.setPalette(dark_palette())
        QApplication.processEvents()
        dark_picture = panel.canvas.grab().toImage()
        assert QColor(dark_picture.pixel(3, 3)).lightness() < 60
        assert panel.colours.text.lightness() > 200
    finally:
        app.setPalette(light)
        QApplication.processEvents()
    light_picture = panel.canvas.grab().toImage()
    assert QColor(light_picture.pixel(3, 3)).lightness() > 200


def rightmost_of_colour(picture: QImage, colour: QColor) -> int:
    """The right-most column holding ``colour`` (the longest bar's end), or -1."""
    wanted = colour.rgb()
    for x in range(picture.width() - 1, -1, -4):
        if any(picture.pixel(x, y) == wanted for y in range(0, picture.height(), 4)):
            return x
    return -1


def test_saving_a_chart_writes_a_picture_and_a_pdf(window: MainWindow, tmp_path: Path) -> None:
    panel = view_of(window).panels["funnel"]
    tall = view_of(window).panels["outcomes"]  # a tall plot in the window, a wide picture
    tall.save_to(tmp_path / "outcomes.png")
    panel.save_to(tmp_path / "funnel.pdf")

    picture = QImage(str(tmp_path / "outcomes.png"))
    assert (picture.width(), picture.height()) == (1920, 1080)
    assert rightmost_of_colour(picture, tall.colours.series[1]) > 0.6 * picture.width(), (
        "the chart is drawn anew at the picture's size, not the window's plot shrunk into it"
    )
    reader = PdfReader(tmp_path / "funnel.pdf")
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())  # words, as vector text
    assert "Participation funnel" in text and "Enrolled" in text


def test_copying_a_chart_puts_its_picture_on_the_clipboard(window: MainWindow) -> None:
    panel = view_of(window).panels["health now"]
    QGuiApplication.clipboard().clear()
    panel.copy()
    copied = QGuiApplication.clipboard().image()
    assert not copied.isNull() and copied.width() == 1920


def test_a_chart_below_the_fold_is_drawn_when_it_is_scrolled_into_view(window: MainWindow) -> None:
    """Its title, notes and table are there at once; its picture when it comes into view."""
    view = view_of(window)
    panel = view.panels["end reasons"]
    reasons = view.figures.end_reasons
    assert panel.drawing_pending
    assert panel.title.text() == f"Why pairs ended early ({reasons.ended_early:,} pairs)"
    assert column_texts(panel, 1) == [f"{reason.pairs:,}" for reason in reasons.reasons]

    scroll_bar = view.scroll.verticalScrollBar()
    scroll_bar.setValue(scroll_bar.maximum())

    assert not panel.drawing_pending
    assert panel.pages.currentWidget() is panel.canvas
    assert len(panel.canvas.bars) == len(reasons.reasons)


def test_the_headline_line_gives_each_charts_headline_figure(window: MainWindow) -> None:
    view = view_of(window)
    figures = view.figures
    text = view.headlines.text()
    funnel, sessions = figures.funnel, figures.sessions
    assert text.startswith(f"{funnel.enrolled:,} enrolled, {funnel.paired:,} paired (")
    assert f"{funnel.step('completed').count:,} completed" in text
    on_track, nudge, stalled = (line.count for line in figures.health_now)
    assert f"Active pairs: {on_track:,} on track, {nudge:,} need" in text
    assert f", {stalled:,} stalled" in text
    assert f"{sessions.held:,} of {sessions.planned:,} planned sessions held" in text
    assert f"{sessions.hours_held:,.0f} hours" in text
    assert f"Most chosen focus area: {figures.topics.focus_areas[0].label}" in text
    assert text.endswith(f"{figures.end_reasons.ended_early:,} pairs ended early.")


def test_going_back_to_all_cohorts_shows_the_figures_already_counted(window: MainWindow) -> None:
    view = view_of(window)
    every_cohort = view.figures
    chooser = view.cohort_chooser
    chooser.choose([chooser.cohort_actions[0].data()])
    assert view.figures != every_cohort
    chooser.choose(None)
    assert not view.counting_outcomes  # the outcomes kept too: nothing left to count
    assert view.figures == every_cohort
    assert view.figures.funnel is every_cohort.funnel  # kept, not counted again


def test_a_chart_whose_figures_did_not_change_is_not_drawn_again(window: MainWindow) -> None:
    view = view_of(window)
    bar = view.panels["funnel"].canvas.bars[(0, 0)]
    view.redraw()
    assert view.panels["funnel"].canvas.bars[(0, 0)] is bar


def reasons_chart(reasons: int) -> ChartData:
    labels = tuple(f"Reason {number}" for number in range(1, reasons + 1))
    return ChartData(
        title="Why pairs ended early",
        kind=ChartKind.ROWS,
        category_header="Reason",
        categories=labels,
        series=(Series("Pairs", tuple(float(number) for number in range(1, reasons + 1))),),
        value_label="pairs",
    )


def test_a_single_reason_for_ending_early_gets_a_short_chart(qtbot: QtBot) -> None:
    """Bars lying in rows take the height of their rows: one bar is not stretched to 220 px."""
    heights = {}
    for reasons in (1, 8):
        panel = ChartPanel()
        qtbot.addWidget(panel)
        panel.resize(1100, 400)
        panel.show()
        panel.show_chart(reasons_chart(reasons))
        assert panel.pages.currentWidget() is panel.canvas
        heights[reasons] = panel.pages.sizeHint().height()
    line = QFontMetrics(QApplication.font()).height()
    assert heights[1] < 150
    assert heights[1] >= line + 60  # its row and the value axis under it
    assert heights[8] > heights[1] + 6 * line


def test_pointing_at_a_bar_shows_its_tooltip_and_a_hand_where_it_can_be_clicked(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A chart's bars are one item: what it shows follows the bar under the pointer."""
    canvas = view_of(window).panels["health now"].canvas
    for category in (2, 0):
        bar = canvas.bars[(0, category)]
        centre = canvas.mapFromScene(bar.mapToScene(bar.rect().center()))
        qtbot.mouseMove(canvas.viewport(), QPoint(centre))
        assert bar.bars.toolTip() == bar.toolTip()
        assert bar.bars.cursor().shape() == Qt.CursorShape.PointingHandCursor
    qtbot.mouseMove(canvas.viewport(), QPoint(2, 2))
    assert bar.bars.toolTip() == ""


def test_the_before_after_is_counted_straight_after_the_charts_on_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The dearest figures wait for the charts a first look shows; the headline says so."""
    view = view_of(window)
    complete = view.figures
    forget_recent_figures()
    view.redraw()

    assert view.counting_outcomes
    outcomes = view.panels["outcomes"]
    assert outcomes.empty.text() == "Counting the before/after answers…"
    assert "Ratings before and after: counting…" in view.headlines.text()
    assert column_texts(view.panels["funnel"], 0)  # the charts on screen are there already

    wait_for_every_figure(qtbot, view)
    assert view.figures == complete
    assert "counting" not in view.headlines.text()
    assert "Ratings rose on" in view.headlines.text()
    assert outcomes.model.rowCount() == len(complete.outcomes.learning) > 0
