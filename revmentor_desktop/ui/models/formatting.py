"""How dates, durations and health look in lists."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from revmentor_desktop.domain.health import HealthLevel

# The only fixed colours in the app: a traffic light means the same in every palette.
HEALTH_COLOURS = {
    HealthLevel.GREEN: "#2e9e44",
    HealthLevel.AMBER: "#e69a00",
    HealthLevel.RED: "#d13438",
}
DOT_SIZE = 12


def format_date(value: date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else ""


def format_datetime(value: datetime) -> str:
    return f"{value:%a} {value.day} {value:%b %Y, %H:%M}"


def format_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def _dot(colour: str) -> QPixmap:
    scale = 3  # drawn large so it stays crisp on high-DPI screens
    pixmap = QPixmap(DOT_SIZE * scale, DOT_SIZE * scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour).darker(130))
    painter.setBrush(QBrush(QColor(colour)))
    inset = scale
    painter.drawEllipse(QRectF(inset, inset, (DOT_SIZE - 2) * scale, (DOT_SIZE - 2) * scale))
    painter.end()
    return pixmap


@cache
def dot_icon(colour: str) -> QIcon:
    return QIcon(_dot(colour))


def health_icon(level: HealthLevel) -> QIcon | None:
    colour = HEALTH_COLOURS.get(level)
    return dot_icon(colour) if colour else None
