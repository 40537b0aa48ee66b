"""Sub-commands about the data file itself: new, check, backup, restore and demo."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from revmentor_desktop.commands.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    CommandProblem,
    data_location,
    data_path,
    path_for_new_file,
    print_report_counts,
    revmentor_command,
)
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.services.location import ServerLocation, file_location


def command_new(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.services import data_sources

    command = revmentor_command(arguments)
    location = data_location(arguments)
    if isinstance(location, ServerLocation):
        data_sources.create(location, lambda: None)
        print(f"Created an empty programme in the server database {location.database_name}.")
        print(f"Next, add people (or copy a programme in with: revmentor copy --to {location}):")
        print(f"  {command} import-people staff.csv")
        return EXIT_OK
    path = path_for_new_file(
        arguments,
        f"The new command never replaces a file: open this one with {command}, or choose "
        "another name.",
    )
    data_sources.create(file_location(path), lambda: None)
    print(f"Created an empty data file: {path}")
    print("Next, add people from a staff list (CSV or Excel), then open the window:")
    print(f"  {command} import-people staff.csv")
    print(f"  {command}")
    return EXIT_OK


def command_check(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.services import data_sources
    from revmentor_desktop.storage.migrations import LATEST_VERSION

    path = data_path(arguments)
    report = data_sources.inspect(data_location(arguments))
    print(f"{path}")
    print(f"Data format: {report.schema_version} (this RevMentor writes {LATEST_VERSION})")
    print(f"Size: {report.size_bytes:,} bytes")
    print_report_counts(report.counts)
    if report.needs_migration:
        print("The file will be upgraded (after a backup) the next time RevMentor opens it.")
    if not report.healthy:
        for problem in report.problems:
            print(f"Problem: {problem}", file=sys.stderr)
        print("Integrity: problems found", file=sys.stderr)
        return EXIT_PROBLEM
    print("Integrity: ok")
    return EXIT_OK


def command_backup(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.services import data_sources

    location = data_location(arguments)
    output = Path(arguments.output).expanduser().absolute() if arguments.output else None
    if isinstance(location, ServerLocation) and output is not None:
        from revmentor_desktop.services.copying import back_up_server

        print(back_up_server(location, output))
        return EXIT_OK
    data_sources.inspect(location, full_check=False)
    print(data_sources.back_up(location, output))
    return EXIT_OK


def command_restore(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.services import data_sources

    location = data_location(arguments)
    path = location.absolute
    source = Path(arguments.backup).expanduser().absolute()
    report = data_sources.describe_backup(source)
    print(f"Backup: {source}")
    print_report_counts(report.counts)
    if not arguments.yes:
        if not sys.stdin.isatty():
            raise CommandProblem("Add --yes to confirm the restore when not running interactively.")
        answer = input(f"Replace {path} with this backup? [y/N] ")
        if answer.strip().lower() not in {"y", "yes"}:
            print("Restore cancelled; nothing was changed.")
            return EXIT_OK
    replaced = data_sources.restore_closed(location, source)
    print(f"Restored {path}")
    if replaced is not None:
        print(replaced.describe())
    return EXIT_OK


def command_demo(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain.demo import generate_demo
    from revmentor_desktop.services import data_sources

    if not arguments.data:
        raise CommandProblem("Name the new file with --data PATH (demo never touches your data).")
    path = path_for_new_file(arguments, "The demo command only creates new files.")
    asked = arguments.sessions
    if arguments.people < 2 or (asked is not None and asked < 0):
        raise CommandProblem("Ask for at least 2 people and 0 or more sessions.")
    summary = data_sources.create(
        file_location(path),
        lambda: generate_demo(people=arguments.people, sessions=asked, seed=arguments.seed),
    )
    print(
        f"Created {path} with {plural(summary.people, 'person')}, "
        f"{plural(summary.cohorts, 'cohort')}, {plural(summary.pairs, 'pair')} and "
        f"{plural(summary.sessions, 'session')}."
    )
    if asked is not None and summary.sessions < asked:
        print(
            f"Pairs meet at their cohort's cadence, which allows "
            f"{plural(summary.sessions, 'session')} among {plural(summary.people, 'person')}, "
            f"not the {asked} asked for; add people for more."
        )
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser(
        "new", help="create a new, empty data file (the default one without --data)"
    )
    new.set_defaults(handler=command_new)

    check = commands.add_parser("check", help="check a data file's integrity and format")
    check.set_defaults(handler=command_check)

    backup = commands.add_parser("backup", help="write a verified backup copy")
    backup.add_argument("-o", "--output", metavar="FILE", help="where to write the copy")
    backup.set_defaults(handler=command_backup)

    restore = commands.add_parser("restore", help="replace the data file with a backup")
    restore.add_argument("backup", metavar="BACKUP", help="the backup file to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=command_restore)

    demo = commands.add_parser("demo", help="create a new data file filled with sample data")
    demo.add_argument("--people", type=int, default=120, help="how many people (default 120)")
    demo.add_argument(
        "--sessions",
        type=int,
        default=None,
        help="how many sessions at most (default: as many as the cohorts' cadence allows, "
        "about one per pair every 2 to 4 weeks; more people allow more)",
    )
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    demo.set_defaults(handler=command_demo)
