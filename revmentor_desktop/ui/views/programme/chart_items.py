"""The graphics items a chart is drawn with: every bar of a chart in one item (``Bars``) that
finds the bar under the pointer for its tooltip and click, a handle on one of its bars
(``BarRef``), and the number or word printed at a bar (``Label``).

Imported with pyqtgraph by ``plot``, when the Programme view is first shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent, QGraphicsSimpleTextItem

LABEL_MARGIN = 4  # pixels, as pyqtgraph's own text items keep


class Bars(pg.GraphicsObject):
    """Every bar of a chart in one graphics item, painted in one pass; the tooltip and the
    click of a bar are found by where the pointer is. A hundred weeks of pair health are three
    hundred bars: one item each cost more to make and to paint than their figures to count."""

    def __init__(self, parent: QGraphicsItem, on_click: Callable[[int, int], None]) -> None:
        super().__init__(parent)
        self.on_click = on_click
        self.rects: list[QRectF] = []
        self.tooltips: list[str] = []
        self.keys: list[tuple[int, int]] = []  # (series, category) of each bar
        self.clickable: list[bool] = []
        self._colours: dict[int, tuple[QBrush, QPen, list[QRectF]]] = {}  # rgba -> its bars
        self._bounds = QRectF()
        self.setAcceptHoverEvents(True)

    def add(
        self, key: tuple[int, int], rect: QRectF, colour: QColor, tooltip: str, clickable: bool
    ) -> BarRef:
        rect = rect.normalized()
        self.rects.append(rect)
        self.tooltips.append(tooltip)
        self.keys.append(key)
        self.clickable.append(clickable)
        drawn = self._colours.get(colour.rgba())
        if drawn is None:
            pen = QPen(colour.darker(115))
            pen.setCosmetic(True)
            drawn = self._colours[colour.rgba()] = (QBrush(colour), pen, [])
        drawn[2].append(rect)
        return BarRef(self, len(self.rects) - 1)

    def finish(self) -> None:
        """Take the room of the bars added (once, after the last)."""
        self.prepareGeometryChange()
        bounds = QRectF()
        for rect in self.rects:
            bounds = bounds.united(rect)
        self._bounds = bounds

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, *_: object) -> None:
        for brush, pen, rects in self._colours.values():
            painter.setBrush(brush)
            painter.setPen(pen)
            painter.drawRects(rects)

    def bar_at(self, point: QPointF) -> int | None:
        """The bar under ``point`` (in the chart's units), if any."""
        for index, rect in enumerate(self.rects):
            if rect.contains(point):
                return index
        return None

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        index = self.bar_at(event.pos())
        self.setToolTip("" if index is None else self.tooltips[index])
        if index is not None and self.clickable[index]:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setToolTip("")
        self.unsetCursor()

    def mouseClickEvent(self, event: object) -> None:  # pyqtgraph's scene calls it by name
        index = self.bar_at(event.pos())  # type: ignore[attr-defined]
        if (
            index is not None
            and self.clickable[index]
            and event.button() == Qt.MouseButton.LeftButton  # type: ignore[attr-defined]
        ):
            event.accept()  # type: ignore[attr-defined]
            self.on_click(*self.keys[index])


class BarRef(NamedTuple):
    """One bar of a ``Bars``: its rectangle and tooltip, placed in the scene like an item."""

    bars: Bars
    index: int

    def rect(self) -> QRectF:
        return self.bars.rects[self.index]

    def toolTip(self) -> str:
        return self.bars.tooltips[self.index]

    def mapToScene(self, point: QPointF) -> QPointF:
        return self.bars.mapToScene(point)


class Label(QGraphicsSimpleTextItem):
    """A number or word at a point of the chart, upright and of the same size however the
    view is scaled or flipped; ``anchor`` is the point of the text's box put there ((0, 0.5):
    the middle of its left side). The box has a margin of ``LABEL_MARGIN`` pixels, so the
    text stands clear of the bar it names."""

    def __init__(
        self,
        text: str,
        font: QFont,
        colour: QColor,
        position: QPointF,
        anchor: tuple[float, float],
        parent: QGraphicsItem,
    ) -> None:
        super().__init__(text, parent)
        self.setFont(font)
        self.setBrush(colour)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPos(position)
        size = self.boundingRect()
        width, height = size.width() + 2 * LABEL_MARGIN, size.height() + 2 * LABEL_MARGIN
        self.setTransform(
            QTransform.fromTranslate(
                LABEL_MARGIN - anchor[0] * width, LABEL_MARGIN - anchor[1] * height
            )
        )
