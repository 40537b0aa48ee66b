"""The tables of the documents: data tables that split well across pages, fact lists, cards.

A data table spreads a long cell over several table rows, so that ReportLab, which lays out a
whole row again at each page it splits across, takes time in proportion to the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from revmentor_desktop.reports import fonts
from revmentor_desktop.reports.fonts import text
from revmentor_desktop.reports.house_style import (
    BAND_FILL,
    CELL_LEADING,
    CELL_PADDING,
    CELL_SIZE,
    HEAD_FILL,
    INK,
    NAVY,
    RULE,
)
from revmentor_desktop.reports.paragraph import Paragraph
from revmentor_desktop.reports.text_fitting import row_characters

# Room left at a page end above which a table splits inside its next row (about five lines).
ROW_SPLIT_ROOM = 60


def table_style(commands: Sequence[Any]) -> TableStyle:
    """A TableStyle whose plain-text cells use the bundled font (ReportLab's default is
    Helvetica, which would then be listed, unembedded, in the PDF)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands])


def side_by_side_cards(
    cards: tuple[list[Flowable], list[Flowable]],
    widths: tuple[float, float],
    *,
    padding: float,
    divider: float,
    top: float,
    bottom: float,
) -> Table:
    """Two cards side by side on the light fill, split by a white line ``divider`` points
    wide: an agreement's two parties, what each partner prepares for a meeting. A card may
    split across pages, as text saved before there were limits can be longer than a page."""
    table = Table([list(cards)], colWidths=list(widths), splitInRow=1)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), HEAD_FILL),
                ("LINEBEFORE", (1, 0), (1, 0), divider, "white"),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ("TOPPADDING", (0, 0), (-1, -1), top),
                ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
            ]
        )
    )
    return table


def grid_style(
    header_rows: int = 1,
    *,
    zebra: bool = True,
    extra: Sequence[Any] = (),
    record_ends: Sequence[int] | None = None,
) -> TableStyle:
    """The look of every data table: a tinted header, hairlines between records.

    ``record_ends`` lists the last table row of each record (header rows included) when a
    record takes several rows (see ``data_table``); the rule and the band then go round the
    record, not each of its rows.
    """
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        # Plain text in a cell (``cell_text``) looks like a Paragraph in the "cell" style.
        ("FONTSIZE", (0, header_rows), (-1, -1), CELL_SIZE),
        ("LEADING", (0, header_rows), (-1, -1), CELL_LEADING),
        ("TEXTCOLOR", (0, header_rows), (-1, -1), INK),
    ]
    if record_ends is None:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))
        if zebra:
            commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [None, BAND_FILL]))
    else:
        starts = [0, *(end + 1 for end in record_ends[:-1])]
        records = list(zip(starts, record_ends, strict=True))[header_rows:]
        commands += [
            ("LINEBELOW", (0, first), (-1, last), 0.4, RULE) for first, last in _runs(record_ends)
        ]
        for first, last in records:
            if last > first:  # the text runs on from row to row as if in one cell
                commands += [
                    ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
                    ("TOPPADDING", (0, first + 1), (-1, last), 0),
                ]
        if zebra:
            commands += [
                ("BACKGROUND", (0, first), (-1, last), BAND_FILL) for first, last in records[1::2]
            ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, NAVY),
        ]
    commands.extend(extra)
    return table_style(commands)


def data_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    zebra: bool = True,
    extra: Sequence[Any] = (),
) -> Table:
    """A table that splits across pages with its header repeated, long cells split in-row.

    A cell given as a list of flowables (``paragraphs()`` of a long note) is spread over as
    many table rows as it needs, ``row_characters`` of text in each, with no rule between
    them. ReportLab lays out again all of a row that it splits at a page end, once per page,
    so one row holding a whole note took time growing with the square of its length.
    Row numbers in ``extra`` count records (the rows as given) and are mapped to table rows.
    """
    table_rows, record_ends = _spread_long_cells(rows, header_rows, widths)
    spread = len(table_rows) != len(rows)
    if spread:
        extra = [_mapped_command(command, record_ends) for command in extra]
    table = DataTable(
        table_rows,
        colWidths=list(widths),
        repeatRows=header_rows,
        splitInRow=1,
        hAlign="LEFT",
    )
    style = grid_style(
        header_rows, zebra=zebra, extra=extra, record_ends=record_ends if spread else None
    )
    table.setStyle(style)
    return table


class DataTable(Table):
    """A table that fills the page: at its end it splits inside a tall row, but leaves a row
    whole when too little room is left for a useful part of it.

    ReportLab splits between rows when it can. Before a tall row that left most of the page
    blank; and the rest of the table, its header repeated, was then split inside that row in
    the same space: a second header in the middle of the page, or over the last two lines.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._calc(availWidth, availHeight)
        used = 0.0
        for height in self._rowHeights:
            if used + height > availHeight:
                break
            used += height
        if availHeight - used >= ROW_SPLIT_ROOM:
            self.splitByRow = 0  # inside the row first
            return super().split(availWidth, availHeight)
        self.splitByRow, self.splitInRow = 1, 0  # between rows, or on the next page
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = 1
        for part in parts:
            part.splitInRow = 1
        return parts


def _spread_long_cells(
    rows: list[list[Any]], header_rows: int, widths: Sequence[float]
) -> tuple[list[list[Any]], list[int]]:
    """The table rows for ``rows`` and the index of the last table row of each given row."""
    table_rows: list[list[Any]] = list(rows[:header_rows])
    record_ends = list(range(header_rows))
    for row in rows[header_rows:]:
        columns = [_cell_pieces(cell, width) for cell, width in zip(row, widths, strict=True)]
        for index in range(max(len(column) for column in columns)):
            table_rows.append([column[index] if index < len(column) else "" for column in columns])
        record_ends.append(len(table_rows) - 1)
    return table_rows, record_ends


def _cell_pieces(cell: Any, column: float) -> list[Any]:
    """A cell's flowables in groups of about ``row_characters`` of text, one group per row."""
    if not isinstance(cell, list) or len(cell) < 2:
        return [cell]
    most = row_characters(column)
    groups: list[list[Flowable]] = [[]]
    size = 0
    for flowable in cell:
        length = len(getattr(flowable, "text", ""))
        if groups[-1] and size + length > most:
            groups.append([])
            size = 0
        groups[-1].append(flowable)
        size += length
    return groups


def _mapped_command(command: tuple[Any, ...], record_ends: Sequence[int]) -> tuple[Any, ...]:
    """A style command on records as one on the table rows that hold them."""
    (first_column, first), (last_column, last) = command[1], command[2]
    if isinstance(first, int) and first >= 0:
        first = record_ends[first - 1] + 1 if first else 0
    if isinstance(last, int) and last >= 0:
        last = record_ends[last]
    return (command[0], (first_column, first), (last_column, last), *command[3:])


def _runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Increasing ``numbers`` as (first, last) runs of consecutive ones: 0 1 2 5 6 → 0–2, 5–6."""
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def facts_table(
    pairs: Sequence[tuple[str, str]],
    width: float,
    st: dict[str, ParagraphStyle],
    label_share: float = 0.32,
) -> Table:
    """Label / value lines, such as "Start date | 1 March 2027"; values are already markup."""
    rows = [
        [Paragraph(text(label), st["cell_muted"]), Paragraph(value, st["cell"])]
        for label, value in pairs
    ]
    table = Table(
        rows,
        colWidths=[width * label_share, width * (1 - label_share)],
        hAlign="LEFT",
        splitInRow=1,
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ]
        )
    )
    return table
