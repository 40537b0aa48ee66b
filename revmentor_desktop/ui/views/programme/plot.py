"""Drawing a ``ChartData`` with pyqtgraph: bars with a tooltip each that can be clicked.

With ``chart_items`` (the bars and labels it draws), the only module that imports pyqtgraph (and
so NumPy): it is loaded when the Programme view is first shown. A chart is a view box and two
axes (``ChartPlot``), without the option menus pyqtgraph's PlotItem builds for every plot: a
fifth of the cost to make. A chart's bars are one item (``Bars``) that paints them all and finds
the bar under the pointer for its tooltip and click; it and the value labels hang from one item
added to the view box once.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QGraphicsGridLayout, QGraphicsItem, QWidget

from revmentor_desktop.ui.views.programme.chart_data import ChartData, ChartKind, whole
from revmentor_desktop.ui.views.programme.chart_items import LABEL_MARGIN, BarRef, Bars, Label
from revmentor_desktop.ui.views.programme.colours import ChartColours

GROUP_WIDTH = 0.8  # of the room of one category, the rest is the gap between categories
# Upright bars print their value above them up to this many (beyond, the numbers would touch);
# bars lying in rows always have room for it at their end.
LABELLED_BARS = 16
MINIMUM_HEIGHT = 220
# A chart of bars lying in rows is as tall as its rows (each a line of text and a gap) and
# its value axis, never shorter than this: one reason for ending early is one short bar.
MINIMUM_ROWS_HEIGHT = 110
ROW_GAP = 8
VALUE_AXIS_ROOM = 60
FEW = 8  # a count up to this has a tick at each whole number
PLOT_MARGINS = 24  # pixels beside the plotted area other than the left axis
pg.setConfigOptions(antialias=True)


def chart_height(chart: ChartData, metrics: QFontMetrics) -> int:
    """The height ``chart`` is drawn at: upright bars at least ``MINIMUM_HEIGHT``, bars in
    rows as tall as their rows and the value axis under them."""
    if chart.kind is not ChartKind.ROWS:
        return MINIMUM_HEIGHT
    rows = len(chart.categories) * len(chart.series)
    return max(MINIMUM_ROWS_HEIGHT, rows * (metrics.height() + ROW_GAP) + VALUE_AXIS_ROOM)


class ChartPlot(pg.GraphicsWidget):
    """A view box with a value axis and a category axis, laid out as PlotItem lays them."""

    def __init__(self) -> None:
        super().__init__()
        grid = QGraphicsGridLayout()
        grid.setContentsMargins(1, 1, 1, 1)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(0)
        self.setLayout(grid)
        self.view_box = pg.ViewBox(parent=self, enableMenu=False)
        self.view_box.setMouseEnabled(x=False, y=False)
        # The ranges are set once the bars are in (``ChartCanvas._fit``).
        self.view_box.disableAutoRange()
        self.axes = {name: pg.AxisItem(name, parent=self) for name in ("left", "bottom")}
        for axis in self.axes.values():
            axis.linkToView(self.view_box)
        grid.addItem(self.axes["left"], 0, 0)
        grid.addItem(self.view_box, 0, 1)
        grid.addItem(self.axes["bottom"], 1, 1)
        self.content: pg.ItemGroup | None = None

    def getAxis(self, name: str) -> pg.AxisItem:
        return self.axes[name]

    def new_content(self) -> pg.ItemGroup:
        """An empty item for a chart's bars and labels, in place of the last chart's."""
        if self.content is not None:
            self.view_box.removeItem(self.content)
        self.content = pg.ItemGroup()
        self.view_box.addItem(self.content, ignoreBounds=True)
        return self.content


class ChartCanvas(pg.GraphicsView):
    """A plot that shows one ``ChartData``; ``bar_clicked`` says (series, category)."""

    bar_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: dict[tuple[int, int], BarRef] = {}
        self._bottom_categories: tuple[str, ...] = ()
        self.plot = ChartPlot()
        self.setCentralItem(self.plot)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table beside it is what takes keys
        self.natural_height = MINIMUM_HEIGHT
        self.setMinimumHeight(MINIMUM_HEIGHT)

    def show_chart(self, chart: ChartData, colours: ChartColours) -> None:
        self.bars.clear()
        content = self.plot.new_content()
        self.setBackground(colours.background)
        self._style_axes(colours)
        horizontal = chart.kind is ChartKind.ROWS
        self.plot.view_box.invertY(horizontal)  # the first step on top, as it is read
        bars = Bars(content, self.bar_clicked.emit)
        if chart.kind is ChartKind.STACKED:
            self._stacked(chart, colours, content, bars)
        else:
            self._grouped(chart, colours, content, bars, horizontal=horizontal)
        bars.finish()
        self._category_ticks(chart, horizontal=horizontal)
        self._bar_label_width = self._widest_bar_label(chart) if horizontal else 0
        self._fit(chart, horizontal=horizontal)
        self._rows_shown = chart if horizontal else None
        self.fit_height(chart)

    def fit_height(self, chart: ChartData) -> None:
        """Take the height ``chart`` needs (known before it is drawn, so a panel drawn late
        does not move the ones below it)."""
        self.natural_height = chart_height(chart, self.fontMetrics())
        if self.minimumHeight() != self.natural_height:
            self.setMinimumHeight(self.natural_height)
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        """As tall as the chart's rows need (its panel, and so its row of the view, follow)."""
        return QSize(super().sizeHint().width(), self.natural_height)

    # Drawing

    def _add_bar(
        self,
        chart: ChartData,
        series: int,
        category: int,
        rect: QRectF,
        colour: QColor,
        bars: Bars,
    ) -> None:
        behind = chart.records.get((series, category))
        clickable = behind is not None and bool(behind.ids)
        key = (series, category)
        self.bars[key] = bars.add(key, rect, colour, chart.tooltip(series, category), clickable)

    def _grouped(
        self,
        chart: ChartData,
        colours: ChartColours,
        content: QGraphicsItem,
        bars: Bars,
        *,
        horizontal: bool,
    ) -> None:
        count = max(len(chart.series), 1)
        width = GROUP_WIDTH / count
        labelled = horizontal or len(chart.categories) * count <= LABELLED_BARS
        for series_index, series in enumerate(chart.series):
            colour = colours.of_series(series_index, series.colour_role)
            for category, value in enumerate(series.values):
                if value is None:
                    if series_index == 0 and horizontal:
                        self._hidden_label(category, colours, content)
                    continue
                if chart.bar_roles:
                    colour = colours.of_series(series_index, chart.bar_roles[category])
                offset = category - GROUP_WIDTH / 2 + series_index * width
                if horizontal:
                    rect = QRectF(0, offset, value, width)
                else:
                    rect = QRectF(offset, 0, width, value)
                self._add_bar(chart, series_index, category, rect, colour, bars)
                if labelled:
                    text = chart.bar_label(series_index, category)
                    self._value_label(text, value, rect, colours, content, horizontal=horizontal)

    def _hidden_label(self, category: int, colours: ChartColours, content: QGraphicsItem) -> None:
        """Say a row is hidden where its bars would be (the note under the chart says why)."""
        dim = QColor(colours.text)
        dim.setAlpha(150)
        Label("hidden", self.font(), dim, QPointF(0, category), (0, 0.5), content)

    def _stacked(
        self, chart: ChartData, colours: ChartColours, content: QGraphicsItem, bars: Bars
    ) -> None:
        bottoms = [0.0] * len(chart.categories)
        for series_index, series in enumerate(chart.series):
            colour = colours.of_series(series_index, series.colour_role)
            for category, value in enumerate(series.values):
                if not value:
                    continue
                left = category - GROUP_WIDTH / 2
                rect = QRectF(left, bottoms[category], GROUP_WIDTH, value)
                bottoms[category] += value
                self._add_bar(chart, series_index, category, rect, colour, bars)

    def _value_label(
        self,
        text: str,
        value: float,
        rect: QRectF,
        colours: ChartColours,
        content: QGraphicsItem,
        *,
        horizontal: bool,
    ) -> None:
        """The bar's value beyond its end: right of a lying bar, above an upright one (below
        one that goes down)."""
        if horizontal:
            anchor, position = (0.0, 0.5), QPointF(max(rect.right(), 0), rect.center().y())
        elif value >= 0:
            anchor, position = (0.5, 1.0), QPointF(rect.center().x(), rect.bottom())
        else:
            anchor, position = (0.5, 0.0), QPointF(rect.center().x(), rect.top())
        Label(text, self.font(), colours.text, position, anchor, content)

    # Axes

    def _style_axes(self, colours: ChartColours) -> None:
        """The axes in the palette's colours; left as they are when those have not changed
        (each change lays the axis's label out again)."""
        if self.__dict__.get("_axes_colours") == colours:
            return
        self._axes_colours = colours
        font = QFont(self.font())
        for axis in self.plot.axes.values():
            axis.setPen(pg.mkPen(colours.grid))
            axis.setTextPen(pg.mkPen(colours.text))
            axis.setStyle(tickFont=font, tickTextOffset=6, maxTickLevel=1)

    def _category_ticks(self, chart: ChartData, *, horizontal: bool) -> None:
        category_axis = self.plot.getAxis("left" if horizontal else "bottom")
        value_axis = self.plot.getAxis("bottom" if horizontal else "left")
        value_axis.setTicks(self._whole_ticks(chart))
        self._bottom_categories = () if horizontal else chart.categories
        if horizontal:
            category_axis.setTicks([list(enumerate(chart.categories))])
        else:
            self._label_bottom_categories()
        if value_axis.labelText != chart.value_label:
            value_axis.setLabel(chart.value_label)
        if horizontal:
            widest = max(
                (self.fontMetrics().horizontalAdvance(t) for t in chart.categories), default=0
            )
            category_axis.setWidth(widest + 16)
        else:
            self.plot.getAxis("left").setWidth(None)

    @staticmethod
    def _whole_ticks(chart: ChartData) -> list[list[tuple[float, str]]] | None:
        """Ticks at each whole number for a few things counted (3 pairs: no tick at 0.5);
        None leaves the ticks to pyqtgraph."""
        if chart.formatter is not whole or chart.kind is ChartKind.STACKED:
            return None
        high = max((v for series in chart.series for v in series.values if v), default=0)
        if not 0 < high <= FEW:
            return None
        return [[(float(number), str(number)) for number in range(int(high) + 1)]]

    def _label_bottom_categories(self) -> None:
        """Name every category along the bottom where the names fit, else every second,
        third... one (each bar's tooltip still names its own)."""
        categories = self.__dict__.get("_bottom_categories", ())  # resized before __init__ ends
        if not categories:
            return
        if self.__dict__.get("_widest_of") is not categories:  # measured once per chart
            metrics = self.fontMetrics()
            self._widest_of = categories
            self._widest = (
                max(metrics.horizontalAdvance(label) for label in categories)
                + metrics.averageCharWidth() * 2
            )
        room = max(self.width() - 90, 120)
        step = max(1, -(-len(categories) * self._widest // room))
        if self.__dict__.get("_ticks_shown") == (categories, step):
            return  # a resize that names the same categories
        self._ticks_shown = (categories, step)
        labelled = [(float(i), label) for i, label in enumerate(categories) if i % step == 0]
        unlabelled = [(float(i), "") for i in range(len(categories)) if i % step]
        self.plot.getAxis("bottom").setTicks([labelled, unlabelled])

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._label_bottom_categories()
        if rows := self.__dict__.get("_rows_shown"):  # resized before __init__ ends
            self._fit(rows, horizontal=True)  # the labels' room is counted in pixels

    def _widest_bar_label(self, chart: ChartData) -> int:
        """The width on screen of the widest label printed beyond a bar (measured once per
        chart, not on each resize)."""
        return max(
            (
                self.fontMetrics().horizontalAdvance(chart.bar_label(series, category))
                for series in range(len(chart.series))
                for category in range(len(chart.categories))
            ),
            default=0,
        )

    def _label_room(self, *, horizontal: bool) -> float:
        """The share of the value range to add beyond the longest bar for the label printed
        there: for bars lying in rows, as wide as the widest label is on screen."""
        least = 0.12
        if not horizontal:
            return least
        label = self._bar_label_width + 2 * LABEL_MARGIN + 4
        plotted = self.width() - self.plot.getAxis("left").width() - PLOT_MARGINS
        if plotted <= 2 * label:
            return least
        return max(least, label / (plotted - label))

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
        room = (high - low) * self._label_room(horizontal=horizontal)
        categories = (-0.6, len(chart.categories) - 0.4)
        value_range = (low - (room if low < 0 else 0), high + room)
        view_box = self.plot.view_box
        if horizontal:
            view_box.setRange(xRange=value_range, yRange=categories, padding=0)
        else:
            view_box.setRange(xRange=categories, yRange=value_range, padding=0)
