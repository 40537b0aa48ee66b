"""Sub-commands that print documents: pairing agreements, progress summaries, cohort reports.

ReportLab is imported only when one of these runs, so the window opens as fast as before.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor_desktop.commands.common import EXIT_OK, CommandProblem, data_path, output_path

if TYPE_CHECKING:
    from revmentor_desktop.storage.database import DataFile


def _output(arguments: argparse.Namespace) -> Path:
    return output_path(arguments, "report.pdf")


def _open_data(arguments: argparse.Namespace) -> DataFile:
    from revmentor_desktop.storage.database import DataFile

    return DataFile.open(data_path(arguments))


def _cohort_id(name: str) -> int:
    from revmentor_desktop.domain.cohorts import find_cohort_id

    return find_cohort_id(name)


def command_agreements(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import report_data
    from revmentor_desktop.reports.agreement import render_agreements

    output = _output(arguments)
    with _open_data(arguments):
        if arguments.pair is not None:
            batch = report_data.agreement_for_pair(arguments.pair)
        else:
            batch = report_data.agreements_for_cohort(_cohort_id(arguments.cohort))
    render_agreements(batch, output)
    count = len(batch.agreements)
    print(f"Wrote {count} {'agreement' if count == 1 else 'agreements'} to {output}")
    return EXIT_OK


def command_summary(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import report_data

    output = _output(arguments)
    if arguments.cohort is not None and arguments.include_private_notes:
        raise CommandProblem(
            "--include-private-notes applies to a pair's summary; the cohort report never "
            "contains coordinator-only notes."
        )
    with _open_data(arguments):
        if arguments.pair is not None:
            summary = report_data.pair_summary(
                arguments.pair, include_private_notes=arguments.include_private_notes
            )
            report = None
        else:
            report = report_data.cohort_report(_cohort_id(arguments.cohort))
    if report is None:
        from revmentor_desktop.reports.progress import render_progress_summary

        render_progress_summary(summary, output)
        print(f"Wrote the progress summary of pair {arguments.pair} to {output}")
    else:
        from revmentor_desktop.reports.cohort_report import render_cohort_report

        render_cohort_report(report, output)
        print(f"Wrote the cohort report for {report.name} to {output}")
    return EXIT_OK


def _add_target(parser: argparse.ArgumentParser) -> None:
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--pair", type=int, metavar="ID", help="one pair, by its number")
    target.add_argument("--cohort", metavar="NAME", help="a whole cohort, by its name")
    parser.add_argument(
        "-o", "--output", metavar="FILE.pdf", required=True, help="the PDF file to write"
    )


def register(commands: argparse._SubParsersAction) -> None:
    agreements = commands.add_parser(
        "agreements",
        help="print pairing agreements (one pair, or every open pair of a cohort)",
    )
    _add_target(agreements)
    agreements.set_defaults(handler=command_agreements)

    summary = commands.add_parser(
        "summary",
        help="print a pair's progress summary, or a cohort's report",
    )
    _add_target(summary)
    summary.add_argument(
        "--include-private-notes",
        action="store_true",
        help="include coordinator-only notes in a pair's summary (not for the partners)",
    )
    summary.set_defaults(handler=command_summary)
