"""``revmentor audit``: the audit trail (who changed which record, and when) as CSV."""

from __future__ import annotations

import argparse
import csv
import sys
from typing import TextIO

from revmentor_desktop.commands.common import EXIT_OK, data_location


def command_audit(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import audit
    from revmentor_desktop.services.data_sources import open_for_reading

    with open_for_reading(data_location(arguments)):
        changes = audit.all_changes()
    rows = [audit.EXPORT_HEADINGS, *(change.export_row() for change in changes)]
    if arguments.output is None:
        _write(sys.stdout, rows)
        return EXIT_OK
    with arguments.output.open("w", encoding="utf-8", newline="") as output:
        _write(output, rows)
    print(f"Wrote {len(changes):,} changes to {arguments.output}", file=sys.stderr)
    return EXIT_OK


def _write(output: TextIO, rows: list[tuple[str, ...]]) -> None:
    csv.writer(output).writerows(rows)


def register(commands: argparse._SubParsersAction) -> None:
    from pathlib import Path

    parser = commands.add_parser(
        "audit",
        help="the audit trail as CSV: when, who, which table and row, which columns changed "
        "(never their values)",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="FILE.csv", help="write to a file")
    parser.set_defaults(handler=command_audit)
