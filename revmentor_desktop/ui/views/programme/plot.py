"""Drawing a ``ChartData`` with pyqtgraph: bars with a tooltip each that can be clicked.

The only module that imports pyqtgraph (and so NumPy): it is loaded when the Programme view is
first shown. Each bar is its own graphics item, so Qt shows its tooltip and pyqtgraph's scene
hands it its clicks; a chart has at most a few hundred bars.
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from revmentor_desktop.ui.views.programme.chart_data import ChartData, ChartKind
from revmentor_desktop.ui.views.programme.colours import ChartColours

GROUP_WIDTH = 0.8  # of the room of one category, the rest is the gap between categories
# Upright bars print their value above them up to this many (beyond, the numbers would touch);
# bars lying in rows always have room for it at their end.
LABELLED_BARS = 16
MINIMUM_HEIGHT = 220
pg.setConfigOptions(antialias=True)


class Bar(QGraphicsRectItem):
    """One bar: its tooltip, and a click that reports which series and category it is."""

    def __init__(
        self,
        rect: QRectF,
        colour: QColor,
        tooltip: str,
        on_click: Callable[[], None] | None,
    ) -> None:
        super().__init__(rect)
        self.setBrush(QBrush(colour))
        pen = QPen(colour.darker(115))
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setToolTip(tooltip)
        self.on_click = on_click
        if on_click is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseClickEvent(self, event: object) -> None:  # pyqtgraph's scene calls it by name
        if self.on_click is not None and event.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            event.accept()  # type: ignore[attr-defined]
            self.on_click()


class ChartCanvas(pg.PlotWidget):
    """A plot that shows one ``ChartData``; ``bar_clicked`` says (series, category)."""

    bar_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: dict[tuple[int, int], Bar] = {}
        self._bottom_categories: tuple[str, ...] = ()
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.getViewBox().setMouseEnabled(x=False, y=False)
        # The ranges are set once the bars are in (``_fit``): measuring all items again after
        # each one is added would make drawing a chart quadratic in its bars.
        item.getViewBox().disableAutoRange()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table beside it is what takes keys
        self.setMinimumHeight(MINIMUM_HEIGHT)

    def show_chart(self, chart: ChartData, colours: ChartColours) -> None:
        item = self.getPlotItem()
        item.clear()
        self.bars.clear()
        self.setBackground(colours.background)
        self._style_axes(colours)
        horizontal = chart.kind is ChartKind.ROWS
        view_box = item.getViewBox()
        view_box.invertY(horizontal)  # the first step on top, as it is read
        if chart.kind is ChartKind.STACKED:
            self._stacked(chart, colours)
        else:
            self._grouped(chart, colours, horizontal=horizontal)
        self._category_ticks(chart, horizontal=horizontal)
        self._fit(chart, horizontal=horizontal)
        rows = len(chart.categories) * (len(chart.series) if horizontal else 0)
        self.setMinimumHeight(max(MINIMUM_HEIGHT, rows * (self.fontMetrics().height() + 8) + 60))

    # Drawing

    def _add_bar(
        self, chart: ChartData, series: int, category: int, rect: QRectF, colour: QColor
    ) -> None:
        behind = chart.records.get((series, category))
        on_click = None
        if behind is not None and behind.ids:

            def on_click(series: int = series, category: int = category) -> None:
                self.bar_clicked.emit(series, category)

        bar = Bar(rect.normalized(), colour, chart.tooltip(series, category), on_click)
        self.getPlotItem().addItem(bar)
        self.bars[(series, category)] = bar

    def _grouped(self, chart: ChartData, colours: ChartColours, *, horizontal: bool) -> None:
        count = max(len(chart.series), 1)
        width = GROUP_WIDTH / count
        labelled = horizontal or len(chart.categories) * count <= LABELLED_BARS
        for series_index, series in enumerate(chart.series):
            colour = colours.of_series(series_index, series.colour_role)
            for category, value in enumerate(series.values):
                if value is None:
                    if series_index == 0 and horizontal:
                        self._hidden_label(category, colours)
                    continue
                if chart.bar_roles:
                    colour = colours.of_series(series_index, chart.bar_roles[category])
                offset = category - GROUP_WIDTH / 2 + series_index * width
                if horizontal:
                    rect = QRectF(0, offset, value, width)
                else:
                    rect = QRectF(offset, 0, width, value)
                self._add_bar(chart, series_index, category, rect, colour)
                if labelled:
                    self._value_label(chart, series_index, category, rect, colours, horizontal)

    def _hidden_label(self, category: int, colours: ChartColours) -> None:
        """Say a row is hidden where its bars would be (the note under the chart says why)."""
        dim = QColor(colours.text)
        dim.setAlpha(150)
        label = pg.TextItem("hidden", color=dim, anchor=(0, 0.5))
        label.setFont(self.font())
        label.setPos(QPointF(0, category))
        self.getPlotItem().addItem(label)

    def _stacked(self, chart: ChartData, colours: ChartColours) -> None:
        bottoms = [0.0] * len(chart.categories)
        for series_index, series in enumerate(chart.series):
            colour = colours.of_series(series_index, series.colour_role)
            for category, value in enumerate(series.values):
                if not value:
                    continue
                left = category - GROUP_WIDTH / 2
                rect = QRectF(left, bottoms[category], GROUP_WIDTH, value)
                bottoms[category] += value
                self._add_bar(chart, series_index, category, rect, colour)

    def _value_label(
        self,
        chart: ChartData,
        series: int,
        category: int,
        rect: QRectF,
        colours: ChartColours,
        horizontal: bool,
    ) -> None:
        value = chart.series[series].values[category]
        if value is None:
            return
        if horizontal:
            anchor, position = (0, 0.5), QPointF(max(rect.right(), 0), rect.center().y())
        else:
            top = rect.bottom() if value >= 0 else rect.top()
            anchor, position = (
                ((0.5, 1) if value >= 0 else (0.5, 0)),
                QPointF(rect.center().x(), top),
            )
        label = pg.TextItem(chart.formatter(value), color=colours.text, anchor=anchor)
        label.setFont(self.font())
        label.setPos(position)
        self.getPlotItem().addItem(label)

    # Axes

    def _style_axes(self, colours: ChartColours) -> None:
        font = QFont(self.font())
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(colours.grid))
            axis.setTextPen(pg.mkPen(colours.text))
            axis.setStyle(tickFont=font, tickTextOffset=6, maxTickLevel=1)

    def _category_ticks(self, chart: ChartData, *, horizontal: bool) -> None:
        category_axis = self.getPlotItem().getAxis("left" if horizontal else "bottom")
        value_axis = self.getPlotItem().getAxis("bottom" if horizontal else "left")
        value_axis.setTicks(None)
        self._bottom_categories = () if horizontal else chart.categories
        if horizontal:
            category_axis.setTicks([list(enumerate(chart.categories))])
        else:
            self._label_bottom_categories()
        value_axis.setLabel(chart.value_label)
        if horizontal:
            widest = max(
                (self.fontMetrics().horizontalAdvance(t) for t in chart.categories), default=0
            )
            category_axis.setWidth(widest + 16)
        else:
            self.getPlotItem().getAxis("left").setWidth(None)

    def _label_bottom_categories(self) -> None:
        """Name every category along the bottom where the names fit, else every second,
        third... one (each bar's tooltip still names its own)."""
        categories = self.__dict__.get("_bottom_categories", ())  # resized before __init__ ends
        if not categories:
            return
        metrics = self.fontMetrics()
        widest = (
            max(metrics.horizontalAdvance(label) for label in categories)
            + metrics.averageCharWidth() * 2
        )
        room = max(self.width() - 90, 120)
        step = max(1, -(-len(categories) * widest // room))
        labelled = [(float(i), label) for i, label in enumerate(categories) if i % step == 0]
        unlabelled = [(float(i), "") for i in range(len(categories)) if i % step]
        self.getPlotItem().getAxis("bottom").setTicks([labelled, unlabelled])

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._label_bottom_categories()

    def _fit(self, chart: ChartData, *, horizontal: bool) -> None:
        values = [v for series in chart.series for v in series.values if v is not None]
        if chart.kind is ChartKind.STACKED:
            totals = [
                sum(series.values[i] or 0 for series in chart.series)
                for i in range(len(chart.categories))
            ]
            values = totals or [0]
        low = min([0.0, *values])
        high = max([0.0, *values]) or 1.0
        room = (high - low) * 0.12  # space for the value printed beyond the longest bar
        categories = (-0.6, len(chart.categories) - 0.4)
        value_range = (low - (room if low < 0 else 0), high + room)
        view_box = self.getPlotItem().getViewBox()
        if horizontal:
            view_box.setRange(xRange=value_range, yRange=categories, padding=0)
        else:
            view_box.setRange(xRange=categories, yRange=value_range, padding=0)
