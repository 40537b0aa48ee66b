"""Sub-commands that print documents: pairing agreements, progress summaries, cohort reports.

ReportLab is imported only when one of these runs, so the window opens as fast as before.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from revmentor_desktop.commands.common import EXIT_OK, CommandProblem, data_location, output_path


def _output(arguments: argparse.Namespace) -> Path:
    return output_path(arguments, "report.pdf")


def command_document(arguments: argparse.Namespace) -> int:
    """``agreements`` and ``summary``: read the file without locking it, then draw the PDF."""
    from revmentor_desktop.domain.cohorts import find_cohort_id
    from revmentor_desktop.reports import registry
    from revmentor_desktop.services.data_sources import open_for_reading

    output = _output(arguments)
    target = registry.Target.PAIR if arguments.pair is not None else registry.Target.COHORT
    kind = registry.find(arguments.command, target)
    private_notes = getattr(arguments, "include_private_notes", False)
    if private_notes and not kind.offers_private_notes:
        raise CommandProblem(
            "--include-private-notes applies to a pair's summary; the cohort report never "
            "contains coordinator-only notes."
        )
    with open_for_reading(data_location(arguments)):
        target_id = (
            arguments.pair if arguments.pair is not None else find_cohort_id(arguments.cohort)
        )
        document = kind.gather_document(target_id, registry.Request(private_notes))
    document.render(output)
    print(f"Wrote {document.contents} to {output}")
    return EXIT_OK


def add_target(parser: argparse.ArgumentParser) -> None:
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
    add_target(agreements)
    agreements.set_defaults(handler=command_document)

    summary = commands.add_parser(
        "summary",
        help="print a pair's progress summary, or a cohort's report",
    )
    add_target(summary)
    summary.add_argument(
        "--include-private-notes",
        action="store_true",
        help="include coordinator-only notes in a pair's summary (not for the partners)",
    )
    summary.set_defaults(handler=command_document)
