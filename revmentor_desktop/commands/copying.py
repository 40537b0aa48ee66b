"""``revmentor copy``: move a programme between a data file and a server database."""

from __future__ import annotations

import argparse

from revmentor_desktop.commands.common import EXIT_OK
from revmentor_desktop.services.location import parse_location


def command_copy(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.services.copying import copy_programme

    source, target = parse_location(arguments.source), parse_location(arguments.target)
    figures = copy_programme(source, target, replace=arguments.replace)
    total = sum(table.rows for table in figures.values())
    print(f"Copied {total:,} rows from {source} to {target}; each table checked:")
    for table, table_figures in figures.items():
        print(f"  {table}: {table_figures.rows:,} rows, checksum {table_figures.checksum}")
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    copy = commands.add_parser(
        "copy",
        help="copy a whole programme between a data file and a server database, verified",
    )
    copy.add_argument(
        "--from", dest="source", required=True, metavar="SOURCE", help="data file or server URL"
    )
    copy.add_argument(
        "--to", dest="target", required=True, metavar="TARGET", help="new data file or server URL"
    )
    copy.add_argument(
        "--replace",
        action="store_true",
        help="replace the programme a server database already holds",
    )
    copy.set_defaults(handler=command_copy)
