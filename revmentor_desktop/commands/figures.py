"""``revmentor figures``: the Programme view's figures, printed, or written as JSON or CSV for
someone who builds their own slides.

The numbers are those of ``programme_figures`` (the dashboard and the cohort report read the
same): the participation funnel, pair health now and week by week, sessions and hours per
month against planned, topics, reasons for ending early, and the before/after table.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor_desktop.commands.common import EXIT_OK, CommandProblem, data_path, output_path

if TYPE_CHECKING:
    from revmentor_desktop.domain.dates import Period
    from revmentor_desktop.domain.programme_figures import FigureRow, ProgrammeFigures

FORMATS = (".json", ".csv")


def command_figures(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain.cohorts import find_cohort_id
    from revmentor_desktop.domain.programme_figures import programme_figures
    from revmentor_desktop.storage.reading import open_for_reading

    period = chosen_period(arguments.first, arguments.last, date.today())
    destination = _destination(arguments) if arguments.output else None
    with open_for_reading(data_path(arguments)):
        cohort_ids = [find_cohort_id(name) for name in arguments.cohort] or None
        figures = programme_figures(cohort_ids, period)
    if destination is None:
        print(printed_figures(figures, every_cohort=not arguments.cohort))
        return EXIT_OK
    from revmentor_desktop.storage.files import write_atomically

    write_atomically(destination, _file_bytes(figures, destination.suffix.lower()))
    print(f"Wrote {destination}.")
    return EXIT_OK


def _destination(arguments: argparse.Namespace) -> Path:
    destination = output_path(arguments, "figures.csv")
    if destination.suffix.lower() not in FORMATS:
        raise CommandProblem(
            f"{destination.name}: figures are written as JSON or CSV; end the file name in "
            ".json or .csv, e.g. -o figures.csv"
        )
    return destination


def _file_bytes(figures: ProgrammeFigures, suffix: str) -> bytes:
    from revmentor_desktop.domain.exporting import csv_bytes, json_bytes
    from revmentor_desktop.domain.programme_figures import HEADERS, figure_rows, figures_record

    if suffix == ".json":
        return json_bytes(figures_record(figures))
    rows = figure_rows(figures)
    return csv_bytes(HEADERS, [(r.section, r.label, r.measure, r.value, r.note) for r in rows])


def parse_day(text: str, flag: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandProblem(
            f"{flag} {text}: not a date; write it as year-month-day, e.g. {flag} 2026-03-01"
        ) from None


def chosen_period(first: str | None, last: str | None, today: date) -> Period | None:
    """The period ``--from``/``--to`` ask for; ``--from`` alone runs to today."""
    from revmentor_desktop.domain.dates import Period

    if first is None and last is None:
        return None
    if first is None:
        raise CommandProblem("--to needs --from too: give the first day of the period.")
    start = parse_day(first, "--from")
    end = parse_day(last, "--to") if last is not None else max(today, start)
    if end < start:
        raise CommandProblem(
            f"--from {start.isoformat()} comes after --to {end.isoformat()}: "
            "give the earlier date first."
        )
    return Period(start, end)


def _value(row: FigureRow) -> str:
    if row.value is None:
        return f"not shown: {row.note}" if row.note else "–"
    if isinstance(row.value, float):
        shown = f"{row.value:,.1f}"
    else:
        shown = f"{row.value:,}" if isinstance(row.value, int) else str(row.value)
    if row.measure.endswith("(%)"):
        return f"{shown} %"
    return shown


def printed_figures(figures: ProgrammeFigures, every_cohort: bool = False) -> str:
    """The figures section by section, a line per label with its measures."""
    from revmentor_desktop.domain.dates import format_date
    from revmentor_desktop.domain.programme_figures import figure_rows

    names = ", ".join(cohort.name for cohort in figures.cohorts) or "no cohorts yet"
    if every_cohort and len(figures.cohorts) > 1:
        names = f"all {len(figures.cohorts)}"
    period = (
        f"{format_date(figures.period.first)} – {format_date(figures.period.last)}"
        if figures.period
        else "everything recorded"
    )
    lines = [f"Cohorts: {names}", f"Period: {period}; as of {format_date(figures.as_of)}"]
    section = label = ""
    for row in figure_rows(figures):
        if row.section != section:
            section, label = row.section, ""
            lines += ["", row.section]
        measure = f"{row.measure.replace(' (%)', '')} {_value(row)}"
        if row.label == label:
            lines[-1] += f", {measure}"
        else:
            label = row.label
            lines.append(f"  {row.label}: {measure}")
        if row.value is not None and row.note:
            lines[-1] += f" ({row.note})"
    return "\n".join(lines)


def register(commands: argparse._SubParsersAction) -> None:
    figures = commands.add_parser(
        "figures",
        help="print the programme's figures (as the Programme view shows them), or write "
        "them as JSON or CSV",
    )
    figures.add_argument(
        "--cohort",
        metavar="NAME",
        action="append",
        default=[],
        help="a cohort, by name; repeat for several (default: every cohort)",
    )
    figures.add_argument(
        "--from", dest="first", metavar="DATE", help="the first day of the period (YYYY-MM-DD)"
    )
    figures.add_argument(
        "--to", dest="last", metavar="DATE", help="the last day of the period (YYYY-MM-DD)"
    )
    figures.add_argument(
        "-o",
        "--output",
        metavar="FILE.json|.csv",
        help="write the figures to a file instead of printing them: JSON (structured) or "
        "CSV (one row per figure)",
    )
    figures.set_defaults(handler=command_figures)
