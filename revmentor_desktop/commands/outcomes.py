"""``revmentor outcomes``: a cohort's before/after table, printed or written as CSV.

The same figures as the cohort report's Outcomes section: only people who answered both the
starting-point and the closing questionnaire count, and a figure from fewer people than the
anonymity threshold says why it is not shown instead of a number.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from revmentor_desktop.commands.common import EXIT_OK, data_location, output_path

if TYPE_CHECKING:
    from revmentor_desktop.domain.outcomes.figures import ChangeLine

HEADERS = (
    "dimension",
    "role",
    "respondents",
    "mean before",
    "mean after",
    "mean change",
    "share improved (%)",
    "not shown because",
)


def command_outcomes(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain.cohorts import find_cohort_id
    from revmentor_desktop.domain.outcomes.figures import outcome_figures
    from revmentor_desktop.services.data_sources import open_for_reading

    destination = output_path(arguments, "outcomes.csv") if arguments.output else None
    with open_for_reading(data_location(arguments)):
        figures = outcome_figures([find_cohort_id(arguments.cohort)])
    rows = table_rows(figures.learning)
    if destination is not None:
        from revmentor_desktop.domain.exporting import csv_bytes
        from revmentor_desktop.storage.files import write_atomically

        write_atomically(destination, csv_bytes(HEADERS, rows))
        print(f"Wrote {destination} ({len(rows)} {'line' if len(rows) == 1 else 'lines'}).")
        return EXIT_OK
    if not rows:
        print(
            f"No one in {arguments.cohort} has answered both the starting-point and the closing "
            "questionnaire yet."
        )
        return EXIT_OK
    print(
        "Self-ratings from 1 to 5, before (starting point) and after (closing questionnaire), "
        "counting only people who answered both times:\n"
    )
    print(printed_table(rows))
    return EXIT_OK


Row = tuple[str, str, int, float | None, float | None, float | None, float | None, str]


def table_rows(lines: Sequence[ChangeLine]) -> list[Row]:
    """One row per benefit and role, numbers rounded as they are shown; hidden ones empty."""
    return [
        (
            line.label,
            line.role_label,
            line.respondents,
            _rounded(line.mean_before),
            _rounded(line.mean_after),
            _rounded(line.mean_change),
            None if line.improved is None else round(100 * line.improved, 1),
            line.hidden,
        )
        for line in lines
    ]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def printed_table(rows: Sequence[Row]) -> str:
    """The rows in aligned columns; a hidden figure's reason takes the place of its numbers."""
    heads = ("Dimension", "Role", "Respondents", "Mean before", "Mean after", "Mean change")
    heads += ("Share improved",)
    cells = [
        [
            label,
            role,
            f"{people:,}",
            *(
                [f"not shown: {hidden}"]
                if hidden
                else [f"{before:.1f}", f"{after:.1f}", _signed(change), f"{improved:.0f} %"]
            ),
        ]
        for label, role, people, before, after, change, improved, hidden in rows
    ]
    widths = [len(head) for head in heads]
    for row in cells:
        hidden = len(row) < len(heads)
        for index, cell in enumerate(row[:-1] if hidden else row):
            widths[index] = max(widths[index], len(cell))
    lines = ["  ".join(_aligned(head, widths[index], index) for index, head in enumerate(heads))]
    for row in cells:
        shown = [_aligned(cell, widths[index], index) for index, cell in enumerate(row)]
        if len(row) < len(heads):
            shown[-1] = row[-1]  # the reason runs on past the number columns
        lines.append("  ".join(shown).rstrip())
    return "\n".join(lines)


def _signed(change: float) -> str:
    """ "+0.6", "-0.3", and "0.0" for no change either way."""
    shown = f"{change:+.1f}"
    return "0.0" if shown in ("+0.0", "-0.0") else shown


def _aligned(cell: str, width: int, column: int) -> str:
    """Text columns to the left, figures to the right."""
    return cell.ljust(width) if column < 2 else cell.rjust(width)


def register(commands: argparse._SubParsersAction) -> None:
    outcomes = commands.add_parser(
        "outcomes",
        help="print a cohort's before/after table of self-ratings, or write it as CSV",
    )
    outcomes.add_argument("--cohort", metavar="NAME", required=True, help="the cohort, by name")
    outcomes.add_argument(
        "-o", "--output", metavar="FILE.csv", help="write the table as CSV instead of printing it"
    )
    outcomes.set_defaults(handler=command_outcomes)
