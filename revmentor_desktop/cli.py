"""The ``revmentor`` command: opens the window, or runs a sub-command without one.

Results go to stdout, problems to stderr in words a coordinator understands. Exit status: 0 done,
1 a problem with the input or the data, 2 wrong usage. Each sub-command lives in a module of
``revmentor_desktop.commands`` and imports heavy modules only when it runs, so opening the window
stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from revmentor_desktop import __version__
from revmentor_desktop.commands import (
    answers_io,
    audit,
    certificates,
    copying,
    data_file,
    documents,
    figures,
    match,
    messages,
    outcome_forms,
    outcomes,
    people_io,
    plans,
    roles,
    settings,
)
from revmentor_desktop.commands.common import (
    EXIT_BROKEN_PIPE,
    EXIT_PROBLEM,
    EXIT_TERMINATED,
    CommandProblem,
    Terminated,
    describe_data_file_problem,
)
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.log_file import start_logging
from revmentor_desktop.services.location import ServerLocation, is_server_address, server_location
from revmentor_desktop.storage.errors import DataFileError

COMMAND_MODULES = (
    data_file,
    copying,
    match,
    people_io,
    answers_io,
    documents,
    certificates,
    outcome_forms,
    outcomes,
    plans,
    messages,
    figures,
    settings,
    roles,
    audit,
)

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="revmentor",
        description="RevMentor Desktop: run reverse, traditional and mutual mentoring "
        "programmes. Without a sub-command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"RevMentor {__version__}")
    parser.add_argument(
        "--data",
        metavar="PATH",
        help="data file to use (default: the one in your user folder), or a PostgreSQL "
        "database as postgresql://HOST/DBNAME (the password from ~/.pgpass)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def _run_handler(handler: Handler, arguments: argparse.Namespace) -> int:
    try:
        with _terminated_as_exception():
            status = handler(arguments)
            sys.stdout.flush()  # a closed pipe shows here, not in a warning at exit
            return status
    except BrokenPipeError:
        # The reader (``| head``) has all it wanted: stop quietly, as other commands do.
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except DataFileError as problem:
        print(f"revmentor: {describe_data_file_problem(problem, arguments)}", file=sys.stderr)
        return EXIT_PROBLEM
    except (DomainError, CommandProblem) as problem:
        print(f"revmentor: {problem}", file=sys.stderr)
        return EXIT_PROBLEM
    except OSError as problem:
        print(f"revmentor: {_describe_os_error(problem)}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("revmentor: interrupted; nothing was changed.", file=sys.stderr)
        return EXIT_PROBLEM
    except Terminated:
        print(
            "revmentor: stopped by a termination signal. The change under way, if any, was "
            "undone and its partial files removed; what was reported above as done is saved.",
            file=sys.stderr,
        )
        return EXIT_TERMINATED


def _describe_os_error(problem: OSError) -> str:
    if isinstance(problem, IsADirectoryError):
        return f"{problem.filename} is a folder, but a file was expected."
    what = problem.strerror or str(problem)
    return f"{problem.filename}: {what}" if problem.filename else what


@contextlib.contextmanager
def _terminated_as_exception() -> Iterator[None]:
    """Turn SIGTERM into ``Terminated`` raised in the main thread while a command runs."""

    def raise_terminated(_signal_number: int, _frame: object) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _silence_stdout() -> None:
    """Point stdout at the null device so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def main(argv: Sequence[str] | None = None) -> int:
    start_logging()
    arguments = build_parser().parse_args(argv)
    handler = getattr(arguments, "handler", None)
    if handler is None:
        if arguments.data and is_server_address(arguments.data):
            try:
                return _run_window(server_location(arguments.data))
            except DataFileError as problem:  # an address holding a password, or no database
                print(f"revmentor: {problem}", file=sys.stderr)
                return EXIT_PROBLEM
        return _run_window(Path(arguments.data).expanduser() if arguments.data else None)
    return _run_handler(handler, arguments)


def _run_window(data_path: Path | ServerLocation | None) -> int:
    # Start-up makes many long-lived objects (modules, classes, Qt's enums) and next to no
    # garbage: the cycle collector only slows it down, by about a tenth. run_gui turns it back
    # on once the window is shown.
    gc.disable()
    from revmentor_desktop.app import run_gui

    return run_gui(data_path)
