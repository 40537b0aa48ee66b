"""What one chart shows, as plain data: drawn by ``plot``, read as a table by ``ChartTableModel``.

The same object feeds the picture, the tooltips, the table and the list behind each bar, so the
four can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt


class ChartKind(StrEnum):
    BARS = "bars"  # categories along the bottom, one bar per series side by side
    ROWS = "rows"  # categories down the side (long labels: funnel steps, topics)
    STACKED = "stacked"  # categories along the bottom, the series stacked (health per week)


class RecordKind(StrEnum):
    PAIRS = "pairs"
    PEOPLE = "people"


@dataclass(frozen=True)
class RecordList:
    """The records behind one bar: what a click on it lists."""

    title: str
    kind: RecordKind
    ids: tuple[int, ...]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per category; None: not shown (and why, in notes)
    colour_role: str = ""  # a named colour ("on track", "stalled"); else the next series colour
    labels: tuple[str, ...] = ()  # printed beyond each bar; else its value, as the chart formats it


def whole(value: float) -> str:
    return f"{value:,.0f}"


def one_decimal(value: float) -> str:
    return f"{value:,.1f}"


def signed(value: float) -> str:
    text = f"{value:+.1f}"
    return "0.0" if text in {"+0.0", "-0.0"} else text


@dataclass(frozen=True)
class ChartData:
    title: str
    kind: ChartKind
    category_header: str  # the table's first column: "Step", "Month", "Dimension"
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_label: str  # what the values count, for the axis and the tooltips: "people"
    formatter: Callable[[float], str] = whole
    # Text columns beside the values in the table (and in tooltips), e.g. a rate, a drop-out.
    extra_columns: tuple[tuple[str, tuple[str, ...]], ...] = ()
    records: dict[tuple[int, int], RecordList] = field(default_factory=dict)  # (series, category)
    bar_roles: tuple[str, ...] = ()  # a named colour per category, for a single series
    notes: tuple[str, ...] = ()  # under the chart: what is hidden and why, how a rate is counted
    empty_text: str = "Nothing to show for this choice."

    def is_empty(self) -> bool:
        return not self.categories or all(
            value is None or value == 0 for series in self.series for value in series.values
        )

    def value_text(self, series: int, category: int) -> str:
        value = self.series[series].values[category]
        return "hidden" if value is None else self.formatter(value)

    def bar_label(self, series: int, category: int) -> str:
        labels = self.series[series].labels
        return labels[category] if labels else self.value_text(series, category)

    def tooltip(self, series: int, category: int) -> str:
        """One bar's tooltip: what, how many, any extra column, and what a click shows."""
        name = self.series[series].name
        lines = [self.categories[category]]
        heading = f"{name}: " if len(self.series) > 1 else ""
        lines.append(f"{heading}{self.value_text(series, category)} {self.value_label}".strip())
        lines += [f"{header}: {values[category]}" for header, values in self.extra_columns]
        if (behind := self.records.get((series, category))) and behind.ids:
            lines.append("Click to list them.")
        return "\n".join(lines)


class ChartTableModel(QAbstractTableModel):
    """A chart's numbers as a table: one row per category, a column per series."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.chart: ChartData | None = None

    def set_chart(self, chart: ChartData) -> None:
        self.beginResetModel()
        self.chart = chart
        self.endResetModel()

    def _headers(self) -> list[str]:
        if self.chart is None:
            return []
        return [
            self.chart.category_header,
            *(series.name for series in self.chart.series),
            *(header for header, _ in self.chart.extra_columns),
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.chart is None else len(self.chart.categories)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def cell_text(self, row: int, column: int) -> str:
        assert self.chart is not None
        if column == 0:
            return self.chart.categories[row]
        series_count = len(self.chart.series)
        if column <= series_count:
            return self.chart.value_text(column - 1, row)
        return self.chart.extra_columns[column - 1 - series_count][1][row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or self.chart is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1
