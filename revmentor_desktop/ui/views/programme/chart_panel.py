"""One chart of the Programme view with its title, key, notes, the table of its numbers, and
saving (PNG, PDF) and copying (for a slide)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.ui.views.programme.chart_data import ChartData, ChartTableModel, RecordList
from revmentor_desktop.ui.views.programme.colours import ChartColours, chart_colours
from revmentor_desktop.ui.views.programme.plot import MINIMUM_HEIGHT, ChartCanvas, chart_height

EXPORT_SIZE = QSizeF(960, 540)  # a 16:9 slide's picture, in pixels at 1x (twice that saved)
EXPORT_SCALE = 2
FIGURE_MARGIN = 24


def _colour_name(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)


class PageStack(QStackedWidget):
    """Pages sized by the one shown, not by the tallest: a chart of one short bar gets a
    short panel, while its table (hidden behind it) would ask for more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        shown = self.currentWidget()
        if shown is None:
            return super().sizeHint()
        return shown.sizeHint().expandedTo(shown.minimumSize()).boundedTo(shown.maximumSize())

    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        if shown is None:
            return super().minimumSizeHint()
        return shown.minimumSizeHint().expandedTo(shown.minimumSize())


class ChartPanel(QFrame):
    """A framed chart; ``records_requested`` carries the list behind a clicked bar."""

    records_requested = Signal(object)  # a RecordList
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.chart: ChartData | None = None
        self.colours: ChartColours = chart_colours(self.palette())
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.key = QLabel(self)
        self.key.setTextFormat(Qt.TextFormat.RichText)
        # The chart is drawn when the panel is first on screen (``draw_if_shown``), on a
        # canvas made then; until then its title, notes and table are already those of
        # ``chart``, and the empty page stands in for it at its height.
        self._canvas: ChartCanvas | None = None
        self.drawing_pending = False
        self.model = ChartTableModel(self)
        self.table = self._make_table()
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMinimumHeight(MINIMUM_HEIGHT)
        self.pages = PageStack(self)
        for page in (self.table, self.empty):
            self.pages.addWidget(page)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.numbers_button = self._tool_button(
            "Show numbers", "Show the chart's numbers as a table"
        )
        self.numbers_button.setCheckable(True)
        self.numbers_button.toggled.connect(self._show_numbers)
        self.save_button = self._tool_button("Save…", "Save the chart as a PNG picture or a PDF")
        self.save_button.clicked.connect(self.save)
        self.copy_button = self._tool_button("Copy", "Copy the chart as a picture, for a slide")
        self.copy_button.clicked.connect(self.copy)
        self._lay_out()
        self._show_waiting()

    @property
    def canvas(self) -> ChartCanvas:
        """The chart's canvas, made when first needed."""
        if self._canvas is None:
            self._canvas = ChartCanvas(self)
            self._canvas.bar_clicked.connect(self._on_bar_clicked)
            if self.chart is not None:
                self._canvas.setAccessibleName(f"{self.chart.title}: chart")
            self.pages.insertWidget(0, self._canvas)
        return self._canvas

    def _show_waiting(self) -> None:
        """Until its first chart: a word instead of an empty plot, nothing to save or copy."""
        self.empty.setText("Counting…")
        self.pages.setCurrentWidget(self.empty)
        for button in (self.numbers_button, self.save_button, self.copy_button):
            button.setEnabled(False)

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _make_table(self) -> QTableView:
        table = QTableView(self)  # given its model when first shown: sizing hidden columns
        table.setAlternatingRowColors(True)  # to their contents on every redraw costs time
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.activated.connect(lambda index: self._on_row_activated(index.row()))
        return table

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        for button in (self.numbers_button, self.save_button, self.copy_button):
            header.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.key)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.notes)

    # Showing

    def show_chart(self, chart: ChartData, *, force: bool = False, draw: bool = True) -> None:
        """Show ``chart``: its title, key, notes and table at once, the picture now if the
        panel is on screen (and ``draw``), else when ``draw_if_shown`` finds it is. An
        unchanged chart is left as it is, unless ``force`` (its colours changed)."""
        if chart == self.chart and not force:
            return
        self.chart = chart
        self.colours = chart_colours(self.palette())
        self.title.setText(chart.title)
        self.setAccessibleName(chart.title)
        if self._canvas is not None:
            self._canvas.setAccessibleName(f"{chart.title}: chart")
        self.table.setAccessibleName(f"{chart.title}: numbers")
        self.model.set_chart(chart)
        self.key.setText(self._key_html(chart))
        self.key.setVisible(len(chart.series) > 1)
        self.notes.setText("\n".join(chart.notes))
        self.notes.setVisible(bool(chart.notes))
        self.drawing_pending = not chart.is_empty()
        if chart.is_empty():
            self.empty.setText(chart.empty_text)
            self.empty.setMinimumHeight(MINIMUM_HEIGHT)
        elif self._canvas is not None:
            self._canvas.fit_height(chart)
        else:
            self.empty.setText("")
            self.empty.setMinimumHeight(chart_height(chart, self.fontMetrics()))
        self._show_page(numbers=self.numbers_button.isChecked())
        if draw:
            self.draw_if_shown()
        self.numbers_button.setEnabled(True)
        for button in (self.save_button, self.copy_button):
            button.setEnabled(not chart.is_empty())

    def draw_if_shown(self) -> None:
        """Draw the chart waiting to be drawn if the panel shows it now, even in part."""
        if (
            self.drawing_pending
            and not self.numbers_button.isChecked()
            and not self.visibleRegion().isEmpty()
        ):
            self.draw_now()

    def draw_now(self) -> None:
        """Draw the chart waiting to be drawn, on screen or not (for a picture of the view)."""
        if self.drawing_pending and self.chart is not None:
            self.drawing_pending = False
            self.canvas.show_chart(self.chart, self.colours)
            self._show_page(numbers=self.numbers_button.isChecked())

    def _key_html(self, chart: ChartData) -> str:
        entries = []
        for position, series in enumerate(chart.series):
            colour = _colour_name(self.colours.of_series(position, series.colour_role))
            entries.append(f'<span style="color:{colour}">■</span>&nbsp;{escape(series.name)}')
        return "&nbsp;&nbsp;&nbsp;".join(entries)

    def _show_numbers(self, numbers: bool) -> None:
        self._show_page(numbers=numbers)
        self.draw_if_shown()

    def _show_page(self, *, numbers: bool) -> None:
        self.numbers_button.setText("Show chart" if numbers else "Show numbers")
        if numbers:
            if self.table.model() is None:
                self.table.setModel(self.model)
            self.pages.setCurrentWidget(self.table)
        elif self.chart is None or self.chart.is_empty() or self._canvas is None:
            self.pages.setCurrentWidget(self.empty)  # nothing to draw, or not drawn yet
        else:
            self.pages.setCurrentWidget(self._canvas)

    def changeEvent(self, event: object) -> None:  # type: ignore[override]
        super().changeEvent(event)  # type: ignore[arg-type]
        if event.type() == event.Type.PaletteChange and self.chart is not None:  # type: ignore[attr-defined]
            self.show_chart(self.chart, force=True)

    # The list behind a bar

    def _on_bar_clicked(self, series: int, category: int) -> None:
        if self.chart is not None and (behind := self.chart.records.get((series, category))):
            self.records_requested.emit(behind)

    def _on_row_activated(self, row: int) -> None:
        """Enter on a row of the table opens the list behind its first bar that has one."""
        if self.chart is None:
            return
        for series in range(len(self.chart.series)):
            behind: RecordList | None = self.chart.records.get((series, row))
            if behind is not None and behind.ids:
                self.records_requested.emit(behind)
                return

    # Saving and copying

    def paint_figure(self, painter: QPainter, area: QRectF) -> None:
        """The title, key, chart and notes in ``area``: the same for a picture and a PDF."""
        assert self.chart is not None
        painter.fillRect(area, self.colours.background)
        inner = area.marginsRemoved(QMarginsF(*[FIGURE_MARGIN] * 4))
        painter.setPen(self.colours.text)
        painter.setFont(self.title.font())
        title_height = painter.fontMetrics().height() * 1.5
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), title_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.chart.title,
        )
        top = inner.top() + title_height
        painter.setFont(self.font())
        line = painter.fontMetrics().height() * 1.4
        if len(self.chart.series) > 1:
            left = inner.left()
            for position, series in enumerate(self.chart.series):
                colour = self.colours.of_series(position, series.colour_role)
                painter.fillRect(QRectF(left, top + line * 0.25, line * 0.5, line * 0.5), colour)
                painter.setPen(self.colours.text)
                left += line * 0.7
                painter.drawText(
                    QRectF(left, top, inner.width(), line),
                    Qt.AlignmentFlag.AlignVCenter,
                    series.name,
                )
                left += painter.fontMetrics().horizontalAdvance(series.name) + line
            top += line
        notes = "\n".join(self.chart.notes)
        notes_height = 0.0
        if notes:
            notes_height = (
                painter.fontMetrics()
                .boundingRect(inner.toRect(), int(Qt.TextFlag.TextWordWrap), notes)
                .height()
                + line * 0.5
            )
        chart_area = QRectF(inner.left(), top, inner.width(), inner.bottom() - top - notes_height)
        self._render_chart(painter, chart_area)
        if notes:
            painter.setPen(self.colours.text)
            painter.drawText(
                QRectF(
                    inner.left(),
                    inner.bottom() - notes_height + line * 0.5,
                    inner.width(),
                    notes_height,
                ),
                int(Qt.TextFlag.TextWordWrap),
                notes,
            )

    def figure_image(self) -> QImage:
        """The chart as a picture for a slide, drawn at twice its size so it stays sharp."""
        size = (EXPORT_SIZE * EXPORT_SCALE).toSize()
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(EXPORT_SCALE)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint_figure(painter, QRectF(0, 0, EXPORT_SIZE.width(), EXPORT_SIZE.height()))
        painter.end()
        return image

    def write_pdf(self, path: Path) -> None:
        writer = QPdfWriter(str(path))
        writer.setTitle(self.chart.title if self.chart else "")
        writer.setCreator("RevMentor")
        writer.setResolution(96)
        page = QPageSize(
            QSizeF(EXPORT_SIZE.width() * 0.75, EXPORT_SIZE.height() * 0.75), QPageSize.Unit.Point
        )
        writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF()))
        painter = QPainter(writer)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint_figure(painter, QRectF(0, 0, EXPORT_SIZE.width(), EXPORT_SIZE.height()))
        painter.end()

    def _render_chart(self, painter: QPainter, area: QRectF) -> None:
        """Draw the chart anew at the size of ``area`` (not the window's plot scaled), so its
        labels keep their size and the bottom names as many categories as fit."""
        assert self.chart is not None
        canvas = ChartCanvas()
        try:
            canvas.resize(area.size().toSize())
            canvas.show_chart(self.chart, self.colours)
            whole = QRectF(0, 0, area.width(), area.height())
            canvas.setSceneRect(whole)
            canvas.plot.setGeometry(whole)
            canvas.plot.layout().activate()  # lay the axes out now, as showing the plot would
            canvas.scene().render(painter, area, whole)
        finally:
            canvas.deleteLater()

    def save_to(self, path: Path) -> None:
        if path.suffix.lower() == ".pdf":
            self.write_pdf(path)
        elif not self.figure_image().save(str(path), "PNG"):
            raise OSError(f"Could not write {path}")

    def save(self) -> None:
        if self.chart is None:
            return
        name = self.chart.title.replace("/", "-")
        path, _ = QFileDialog.getSaveFileName(
            self, "Save chart", name, "PNG picture (*.png);;PDF document (*.pdf)"
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in {".png", ".pdf"}:
            target = target.with_suffix(".png")
        try:
            self.save_to(target)
        except OSError as error:
            self.message.emit(f"Could not save the chart to {target}: {error.strerror or error}")
            return
        self.message.emit(f"Saved “{self.chart.title}” to {target}")

    def copy(self) -> None:
        if self.chart is None:
            return
        QGuiApplication.clipboard().setImage(self.figure_image())
        self.message.emit(f"Copied “{self.chart.title}”: paste it into a slide or a document")
