"""Programme: whether the programme works, at a glance, for one cohort, several or all, over
a period. Every chart is drawn from one ``programme_figures`` call (the cohort report's too)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.dates import Period, format_date
from revmentor_desktop.domain.programme_figures import (
    Comparison,
    ProgrammeFigures,
    cohorts_newest_first,
    compare,
    figures_before_outcomes,
    with_outcomes,
)
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.views.programme import charts
from revmentor_desktop.ui.views.programme.chart_data import ChartData, RecordList
from revmentor_desktop.ui.views.programme.chart_panel import ChartPanel
from revmentor_desktop.ui.views.programme.cohort_chooser import CohortChooser
from revmentor_desktop.ui.views.programme.period import PeriodChoice, preset_period
from revmentor_desktop.ui.views.workspace_view import WorkspaceView
from revmentor_desktop.ui.widgets.optional_date import from_qdate, new_date_edit, to_qdate

# Each chart of the main selection: its place in the grid (row, column, columns spanned).
CHARTS: dict[str, tuple[Callable[[ProgrammeFigures], ChartData], tuple[int, int, int]]] = {
    "funnel": (charts.funnel_chart, (0, 0, 1)),
    "health now": (charts.health_now_chart, (0, 1, 1)),
    "health weeks": (charts.health_weeks_chart, (1, 0, 2)),
    "sessions": (charts.sessions_chart, (2, 0, 1)),
    "hours": (charts.hours_chart, (2, 1, 1)),
    "outcomes": (charts.outcomes_chart, (3, 0, 2)),
    "focus areas": (charts.focus_areas_chart, (4, 0, 1)),
    "session topics": (charts.session_topics_chart, (4, 1, 1)),
    "end reasons": (charts.end_reasons_chart, (5, 0, 2)),
}
COUNTING_TEXT = "Counting the figures…"
# The first drawing starts as soon as the view has been painted, or after this long if no
# paint comes (a window that is not exposed).
FIRST_DRAWING_AT_LATEST_MS = 100


class ProgrammeView(WorkspaceView):
    list_name = "programme"
    title = "Programme"
    # The charts were drawn from the figures: first those counted at once, then (when they
    # had to be counted) again with the before/after outcomes.
    charts_drawn = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.figures: ProgrammeFigures | None = None
        self.comparison: Comparison | None = None
        self._comparison_pending = False  # chosen, not counted yet: counted when scrolled to
        self.record_dialog: QWidget | None = None
        self.cohort_chooser = CohortChooser(self)
        self.cohort_chooser.changed.connect(self.redraw)
        self.period_choice = QComboBox(self)
        self.period_choice.setAccessibleName("Period")
        self.period_choice.addItems([choice.value for choice in PeriodChoice])
        self.period_choice.currentIndexChanged.connect(self._on_period_choice)
        self.first_day = new_date_edit()
        self.last_day = new_date_edit()
        for edit, name in ((self.first_day, "From"), (self.last_day, "To")):
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self._on_custom_dates)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.headlines = QLabel(self)
        self.headlines.setWordWrap(True)
        self.headlines.setAccessibleName("Headline figures")
        self.panels = {name: ChartPanel(self) for name in CHARTS}
        self.compare_first = QComboBox(self)
        self.compare_first.setAccessibleName("First cohort to compare")
        self.compare_second = QComboBox(self)
        self.compare_second.setAccessibleName("Second cohort to compare")
        for combo in (self.compare_first, self.compare_second):
            combo.currentIndexChanged.connect(self.redraw_comparison)
        self.comparison_panel = ChartPanel(self)
        for panel in (*self.panels.values(), self.comparison_panel):
            panel.records_requested.connect(self.show_records)
            panel.message.connect(self.message)
        # The first drawing waits for the view to be on screen: on a large file the figures
        # take longer than a view may take to appear (see paintEvent).
        self._first_drawing = QTimer(self, singleShot=True)
        self._first_drawing.timeout.connect(self._draw_everything)
        # The outcomes, the dearest figures, are counted straight after the charts on screen
        # are drawn: the before/after chart sits below them, and its phrase of the headline
        # reads "counting" until then.
        self._outcomes_counting = QTimer(self, singleShot=True)
        self._outcomes_counting.timeout.connect(self._count_outcomes)
        self._lay_out()
        self._set_custom_visible(False)

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        for label, widget in (
            ("Cohorts:", self.cohort_chooser),
            ("Period:", self.period_choice),
            ("From", self.first_day),
            ("to", self.last_day),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            controls.addWidget(caption)
            controls.addWidget(widget)
            widget.setProperty("caption", caption)
        controls.addStretch(1)
        page = QWidget(self)
        grid = QGridLayout(page)
        for name, (_, (row, column, span)) in CHARTS.items():
            grid.addWidget(self.panels[name], row, column, 1, span)
        grid.addWidget(self._comparison_section(page), len(CHARTS), 0, 1, 2)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(page)
        # A chart scrolled out of sight is drawn when it comes into view (ChartPanel).
        self.scroll.verticalScrollBar().valueChanged.connect(self.draw_charts_shown)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.headlines)
        layout.addWidget(self.scroll, 1)

    def _comparison_section(self, parent: QWidget) -> QWidget:
        section = self.comparison_section = QWidget(parent)
        row = QHBoxLayout()
        row.addWidget(QLabel("Compare", section))
        row.addWidget(self.compare_first)
        row.addWidget(QLabel("with", section))
        row.addWidget(self.compare_second)
        row.addStretch(1)
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.comparison_panel)
        return section

    # Choosing

    def _set_custom_visible(self, visible: bool) -> None:
        for edit in (self.first_day, self.last_day):
            edit.setVisible(visible)
            edit.property("caption").setVisible(visible)

    def _on_period_choice(self) -> None:
        custom = self.period_choice.currentText() == PeriodChoice.CUSTOM
        if custom:
            today = self.context.clock().date()
            for edit, day in ((self.first_day, today - timedelta(days=90)), (self.last_day, today)):
                edit.blockSignals(True)
                edit.setDate(to_qdate(day))
                edit.blockSignals(False)
        self._set_custom_visible(custom)
        self.redraw()

    def _on_custom_dates(self) -> None:
        if self.period_choice.currentText() == PeriodChoice.CUSTOM:
            self.redraw()

    def choose_period(self, choice: PeriodChoice, custom: Period | None = None) -> None:
        """Pick a period as a person would (for custom, its two dates)."""
        if custom is not None:
            for edit, day in ((self.first_day, custom.first), (self.last_day, custom.last)):
                edit.blockSignals(True)
                edit.setDate(to_qdate(day))
                edit.blockSignals(False)
        self.period_choice.blockSignals(True)
        self.period_choice.setCurrentText(choice.value)
        self.period_choice.blockSignals(False)
        self._set_custom_visible(choice is PeriodChoice.CUSTOM)
        self.redraw()

    def period(self) -> Period | None:
        choice = PeriodChoice(self.period_choice.currentText())
        if choice is PeriodChoice.CUSTOM:
            first, last = from_qdate(self.first_day.date()), from_qdate(self.last_day.date())
            return Period(min(first, last), max(first, last))
        return preset_period(choice, self.context.clock().date())

    # Showing

    def refresh(self) -> None:
        super().refresh()
        names = cohorts.cohort_names()
        self.cohort_chooser.set_cohorts(names)
        self._fill_comparison_choices()
        if self.figures is None:
            self.summary.setText(COUNTING_TEXT)
            self._first_drawing.start(FIRST_DRAWING_AT_LATEST_MS)
        else:
            self._draw_everything()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Once the view waiting for its first drawing is painted, draw straight after."""
        super().paintEvent(event)
        if self._first_drawing.isActive() and self._first_drawing.interval() != 0:
            self._first_drawing.start(0)

    def _draw_everything(self) -> None:
        self.redraw()
        self.redraw_comparison()

    def redraw(self) -> None:
        """The main selection's figures, once, and every chart drawn from them: the outcomes
        counted straight after the rest (unless kept from before)."""
        self.figures = figures_before_outcomes(
            self.cohort_chooser.chosen(), self.period(), self.context.clock
        )
        self.draw_charts()
        self.status_changed.emit()
        if self.counting_outcomes:
            self._outcomes_counting.start(0)

    @property
    def counting_outcomes(self) -> bool:
        """The figures on show wait for their outcomes to be counted."""
        return self.figures is not None and not self.figures.outcomes.counted

    def _count_outcomes(self) -> None:
        if self.counting_outcomes:
            assert self.figures is not None
            self.figures = with_outcomes(self.figures)
            self.draw_charts()

    def draw_charts(self) -> None:
        """Every chart of the main selection from the figures already gathered: the tables,
        titles and headline figures of all, the pictures of those on screen (the others as
        they are scrolled to)."""
        if self.figures is None:
            return
        for name, (make_chart, _) in CHARTS.items():
            self.panels[name].show_chart(make_chart(self.figures), draw=False)
        self.summary.setText(self._summary_text(self.figures))
        self.headlines.setText(charts.headlines(self.figures))
        self.draw_charts_shown()
        self.charts_drawn.emit()

    def draw_charts_shown(self) -> None:
        """Draw each chart waiting to be drawn that is on screen now, laid out as it will be;
        the comparison is counted, too, once its section comes into view."""
        self.scroll.widget().layout().activate()
        if self._comparison_pending and not self.comparison_section.visibleRegion().isEmpty():
            self._count_comparison()
        for panel in (*self.panels.values(), self.comparison_panel):
            panel.draw_if_shown()

    def draw_every_chart(self) -> None:
        """Draw every chart now, on screen or not (for a picture of the whole view)."""
        if self._comparison_pending:
            self._count_comparison()
        for panel in (*self.panels.values(), self.comparison_panel):
            panel.draw_now()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.draw_charts_shown()

    def _summary_text(self, figures: ProgrammeFigures) -> str:
        period = figures.period
        span = (
            "over each cohort's own dates"
            if period is None
            else f"from {format_date(period.first)} to {format_date(period.last)}"
        )
        names = ", ".join(cohort.name for cohort in figures.cohorts[:3])
        if len(figures.cohorts) > 3:
            names = f"{len(figures.cohorts):,} cohorts"
        elif not figures.cohorts:
            names = "no cohorts yet"
        return f"{names}, {span}. Click a bar to list who is behind it."

    def _fill_comparison_choices(self) -> None:
        """Every cohort, newest first; by default the newest against the one before it of the
        same kind (this year's reverse cohort against last year's)."""
        rows = cohorts_newest_first()
        first_id, second_id = self.compare_first.currentData(), self.compare_second.currentData()
        if first_id is None and rows:
            first_id = rows[0].id
            same_kind = [row for row in rows[1:] if row.kind == rows[0].kind] or rows[1:]
            second_id = same_kind[0].id if same_kind else rows[0].id
        for combo, wanted in ((self.compare_first, first_id), (self.compare_second, second_id)):
            combo.blockSignals(True)
            combo.clear()
            for row in rows:
                combo.addItem(row.name, row.id)
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
            combo.blockSignals(False)

    def redraw_comparison(self) -> None:
        """The two chosen cohorts side by side, counted now if the section is in view, else
        when it is scrolled to: the section sits below the charts a first look shows."""
        first, second = self.compare_first.currentData(), self.compare_second.currentData()
        if first is None or second is None:
            self.comparison = None
            self._comparison_pending = False
            self.comparison_panel.hide()
            return
        self.comparison_panel.show()
        self._comparison_pending = True
        self.draw_charts_shown()

    def _count_comparison(self) -> None:
        self._comparison_pending = False
        first, second = self.compare_first.currentData(), self.compare_second.currentData()
        self.comparison = compare([first], [second], None, self.context.clock)
        self.comparison_panel.show_chart(charts.comparison_chart(self.comparison), draw=False)

    # The lists behind the bars

    def show_records(self, records: RecordList) -> None:
        from revmentor_desktop.ui.views.programme.record_list_dialog import RecordListDialog

        if self.record_dialog is None:
            self.record_dialog = RecordListDialog(self.context, self)
        self.record_dialog.show_records(records)  # type: ignore[attr-defined]
        self.record_dialog.show()
        self.record_dialog.raise_()

    def status_text(self) -> str:
        if self.figures is None:
            return ""
        enrolled, held = self.figures.funnel.enrolled, self.figures.sessions.held
        return f"{plural(enrolled, 'enrolment')}, {plural(held, 'session')} held"
