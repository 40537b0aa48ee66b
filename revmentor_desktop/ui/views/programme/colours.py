"""The charts' colours, taken from the window's palette so they read in light and dark alike.

Series colours are the Okabe–Ito set (told apart with the common kinds of colour blindness),
each in a lighter tone on a dark background. Health keeps the colours of the Pairs list's dots.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from revmentor_desktop.domain.health import HEALTH_WORDS, HealthLevel
from revmentor_desktop.ui.models.formatting import HEALTH_COLOURS

LIGHT_SERIES = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00")
DARK_SERIES = ("#56b4e9", "#f0b84a", "#3fc49a", "#e29ccb", "#9fd3f5", "#ff8a50")
# Named colours a series may ask for (its ``colour_role``), whatever its position.
LIGHT_ROLES = {
    **{HEALTH_WORDS[level].lower(): HEALTH_COLOURS[level] for level in HEALTH_WORDS},
    "planned": "#9aa5b1",
    "before": "#9aa5b1",
}
DARK_ROLES = {
    HEALTH_WORDS[HealthLevel.GREEN].lower(): "#4cc764",
    HEALTH_WORDS[HealthLevel.AMBER].lower(): "#f5b23d",
    HEALTH_WORDS[HealthLevel.RED].lower(): "#ff6b6b",
    "planned": "#6b7785",
    "before": "#6b7785",
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@dataclass(frozen=True)
class ChartColours:
    background: QColor
    text: QColor
    grid: QColor
    series: tuple[QColor, ...]
    roles: dict[str, QColor]

    def of_series(self, position: int, role: str = "") -> QColor:
        if role and role in self.roles:
            return self.roles[role]
        return self.series[position % len(self.series)]


def chart_colours(palette: QPalette) -> ChartColours:
    dark = is_dark(palette)
    text = palette.color(QPalette.ColorRole.WindowText)
    grid = QColor(text)
    grid.setAlpha(40)
    return ChartColours(
        background=palette.color(QPalette.ColorRole.Base),
        text=text,
        grid=grid,
        series=tuple(QColor(name) for name in (DARK_SERIES if dark else LIGHT_SERIES)),
        roles={
            name: QColor(value) for name, value in (DARK_ROLES if dark else LIGHT_ROLES).items()
        },
    )
