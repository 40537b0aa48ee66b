"""The ``revmentor`` command: opens the window, or runs a sub-command without one.

Results go to stdout, problems to stderr in words a coordinator understands. Exit status: 0 done,
1 a problem with the input or the data, 2 wrong usage. Heavy modules are imported only by the
sub-commands that need them, so opening the window stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from revmentor_desktop import __version__, paths
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.storage.errors import DataFileError

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


class CommandProblem(Exception):
    """A problem to report on stderr with exit status 1."""


def _data_path(arguments: argparse.Namespace) -> Path:
    return Path(arguments.data).expanduser() if arguments.data else paths.default_data_file()


def _print_report_counts(counts: dict[str, int]) -> None:
    names = {"person": "people", "cohort": "cohorts", "pair": "pairs", "session": "sessions"}
    print(", ".join(f"{counts[table]} {names[table]}" for table in names))


def command_check(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.storage.inspection import inspect_data_file
    from revmentor_desktop.storage.migrations import LATEST_VERSION

    path = _data_path(arguments)
    report = inspect_data_file(path)
    print(f"{path}")
    print(f"Data format: {report.schema_version} (this RevMentor writes {LATEST_VERSION})")
    print(f"Size: {report.size_bytes:,} bytes")
    _print_report_counts(report.counts)
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
    from revmentor_desktop.storage import backup

    path = _data_path(arguments)
    from revmentor_desktop.storage.inspection import inspect_data_file

    inspect_data_file(path, full_check=False)
    if arguments.output:
        written = backup.copy_data_file(path, Path(arguments.output).expanduser().absolute())
    else:
        written = backup.automatic_backup(path, reason="manual")
    print(written)
    return EXIT_OK


def command_restore(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.storage import backup
    from revmentor_desktop.storage.lock import WriterLock

    path = _data_path(arguments).absolute()
    source = Path(arguments.backup).expanduser().absolute()
    report = backup.describe_backup(source)
    print(f"Backup: {source}")
    _print_report_counts(report.counts)
    if not arguments.yes:
        if not sys.stdin.isatty():
            raise CommandProblem("Add --yes to confirm the restore when not running interactively.")
        answer = input(f"Replace {path} with this backup? [y/N] ")
        if answer.strip().lower() not in {"y", "yes"}:
            print("Restore cancelled; nothing was changed.")
            return EXIT_OK
    with WriterLock(path):
        safety = backup.restore_backup(source, path)
    print(f"Restored {path}")
    print(f"The replaced file was kept as {safety}")
    return EXIT_OK


def command_demo(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain.demo import generate_demo
    from revmentor_desktop.storage.database import DataFile

    if not arguments.data:
        raise CommandProblem("Name the new file with --data PATH (demo never touches your data).")
    path = _data_path(arguments)
    if path.exists():
        raise CommandProblem(f"{path} already exists; demo only creates new files.")
    if arguments.people < 2 or arguments.sessions < 0:
        raise CommandProblem("Ask for at least 2 people and 0 or more sessions.")
    with DataFile.open(path, create=True):
        summary = generate_demo(
            people=arguments.people, sessions=arguments.sessions, seed=arguments.seed
        )
    print(
        f"Created {path} with {summary.people} people, {summary.cohorts} cohorts, "
        f"{summary.pairs} pairs and {summary.sessions} sessions."
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="revmentor",
        description="RevMentor Desktop: run reverse, traditional and mutual mentoring "
        "programmes. Without a sub-command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"RevMentor {__version__}")
    parser.add_argument(
        "--data", metavar="PATH", help="data file to use (default: the one in your user folder)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

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
    demo.add_argument("--sessions", type=int, default=1500, help="how many sessions")
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    demo.set_defaults(handler=command_demo)
    return parser


def _run_handler(
    handler: Callable[[argparse.Namespace], int], arguments: argparse.Namespace
) -> int:
    try:
        return handler(arguments)
    except (DataFileError, DomainError, CommandProblem) as problem:
        print(f"revmentor: {problem}", file=sys.stderr)
        return EXIT_PROBLEM
    except OSError as problem:
        print(f"revmentor: {problem.filename or ''} {problem.strerror or problem}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("revmentor: interrupted; nothing was changed.", file=sys.stderr)
        return EXIT_PROBLEM


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    handler = getattr(arguments, "handler", None)
    if handler is None:
        from revmentor_desktop.app import run_gui

        return run_gui(Path(arguments.data).expanduser() if arguments.data else None)
    return _run_handler(handler, arguments)
