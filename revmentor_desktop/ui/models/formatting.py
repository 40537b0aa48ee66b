"""How dates, durations and health look in lists.

Dates are written by ``domain.dates`` (the documents and the command line use it too); this
module tells it the system locale's order as Qt reads it, and gives date edits the same shape.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QDate, QLocale, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from revmentor_desktop.domain import dates
from revmentor_desktop.domain.dates import DateOrder
from revmentor_desktop.domain.health import HealthLevel

# The only fixed colours in the app: a traffic light means the same in every palette.
HEALTH_COLOURS = {
    HealthLevel.GREEN: "#2e9e44",
    HealthLevel.AMBER: "#e69a00",
    HealthLevel.RED: "#d13438",
}
DOT_SIZE = 12


# Date edits in the shape of ``dates.format_date``, per order (Qt's own pattern letters).
QT_DATE_FORMATS = {
    DateOrder.DAY_MONTH_YEAR: "d MMM yyyy",
    DateOrder.MONTH_DAY_YEAR: "MMM d, yyyy",
    DateOrder.YEAR_MONTH_DAY: "yyyy-MM-dd",
}


def locale_date_order(locale: QLocale | None = None) -> DateOrder:
    """The order of day, month and year in ``locale`` (the default locale if None)."""
    reference = dates.REFERENCE_DATE
    sample = (locale or QLocale()).toString(
        QDate(reference.year, reference.month, reference.day), QLocale.FormatType.ShortFormat
    )
    return dates.order_of_sample(sample)


def follow_locale_dates(locale: QLocale | None = None) -> None:
    """Write every date in the order of ``locale`` (by default the system's, as Qt reads it:
    it knows the desktop's regional settings, which the process environment may not)."""
    dates.use_date_order(locale_date_order(locale))


def qt_date_format() -> str:
    return QT_DATE_FORMATS[dates.date_order()]


def qt_datetime_format() -> str:
    return f"ddd {qt_date_format()}, HH:mm"


def english_dates_locale() -> QLocale:
    """Month and day names in date edits are English, like ``dates`` writes them."""
    return QLocale(QLocale.Language.English, QLocale().territory())


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
