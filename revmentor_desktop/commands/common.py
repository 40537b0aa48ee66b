"""What every sub-command shares: exit codes, the data path, and reporting problems."""

from __future__ import annotations

import argparse
import contextlib
import shlex
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from revmentor_desktop import paths
from revmentor_desktop.domain.vocabulary import agree, plural
from revmentor_desktop.services.location import DataFileLocation, DataLocation, parse_location
from revmentor_desktop.storage import disk
from revmentor_desktop.storage.errors import DataFileError, DataFileMissing

if TYPE_CHECKING:
    from revmentor_desktop.domain.importing import Table

Chosen = TypeVar("Chosen")

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 128 + 13  # as a shell reports a program stopped by SIGPIPE
EXIT_TERMINATED = 128 + 15  # as a shell reports a program stopped by SIGTERM


class CommandProblem(Exception):
    """A problem to report on stderr with exit status 1."""


class Terminated(BaseException):
    """SIGTERM (logout, shutdown, ``kill``) arrived. Like ``KeyboardInterrupt`` it is no
    ``Exception``, so it passes every ordinary handler: transactions roll back and ``finally``
    blocks remove partial files on its way out."""


@contextlib.contextmanager
def finished_even_if_terminated() -> Iterator[None]:
    """Hold SIGTERM back while the block runs: a change that must not stop half-way (an
    erasure, its backups purged and the result reported) is finished, and the signal then
    stops the command as usual. (Windows sends no SIGTERM to hold back.)"""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def output_path(arguments: argparse.Namespace, example: str) -> Path:
    """The ``--output`` file, refused early when it names a folder or a missing folder."""
    output = Path(arguments.output).expanduser().absolute()
    if output.is_dir():
        raise CommandProblem(
            f"{output} is a folder, but a file was expected; name the file to write, "
            f"e.g. -o {example}"
        )
    if not output.parent.is_dir():
        raise CommandProblem(f"The folder {output.parent} does not exist.")
    return output


def output_folder(arguments: argparse.Namespace, what: str) -> Path:
    """The ``-o`` folder, made when only it is missing (a missing parent is a typing slip)."""
    folder = Path(arguments.output).expanduser().absolute()
    if folder.exists() and not folder.is_dir():
        raise CommandProblem(f"{folder} is a file, but a folder was expected for the {what}.")
    if not folder.parent.is_dir():
        raise CommandProblem(f"The folder {folder.parent} does not exist.")
    folder.mkdir(exist_ok=True)
    return folder


def data_location(arguments: argparse.Namespace) -> DataLocation:
    """The data source ``--data`` names (the default data file without it)."""
    return parse_location(arguments.data)


def data_path(arguments: argparse.Namespace) -> Path:
    """The data file's path as the coordinator wrote it, for messages; a server address is
    refused by commands that work on a file only."""
    from revmentor_desktop.services.data_sources import file_only

    return file_only(data_location(arguments), f"the {arguments.command} command").path


def shell_word(text: str) -> str:
    """``text`` quoted so that it can be pasted into this platform's command line."""
    return subprocess.list2cmdline([text]) if sys.platform == "win32" else shlex.quote(text)


def revmentor_command(arguments: argparse.Namespace) -> str:
    """How to run ``revmentor`` on the same data file again: with ``--data`` when one was named."""
    if not arguments.data:
        return "revmentor"
    return f"revmentor --data {shell_word(str(data_location(arguments)))}"


def describe_data_file_problem(problem: DataFileError, arguments: argparse.Namespace) -> str:
    """The message for a data file that cannot be used. A missing data file is no fault: the
    message says how to make one. (A missing backup or other file is reported as it is.)"""
    if not isinstance(problem, DataFileMissing):
        return str(problem)
    location = data_location(arguments)
    if not isinstance(location, DataFileLocation):
        return str(problem)
    missing = location.path
    if Path(problem.path).absolute() != missing.absolute():
        return str(problem)
    command = revmentor_command(arguments)
    if not arguments.data:
        return (
            f"No data file at {missing} yet. Create one with: {command} new "
            "(or start RevMentor without a command: its window creates it)"
        )
    return (
        f"No data file at {missing}. Create one with: {command} new "
        f"(or {command} demo for sample data)"
    )


def path_for_new_file(arguments: argparse.Namespace, exists_advice: str) -> Path:
    """The data file a creating command is to make, refused early with plain words when it
    exists, names a folder, or lies in a folder that is missing or read-only."""
    path = data_path(arguments).absolute()
    if path.is_dir():
        example = shell_word(str(path / f"programme{paths.DATA_FILE_SUFFIX}"))
        raise CommandProblem(
            f"{path}: is a folder, but a data file was expected. Name the new file, "
            f"e.g. --data {example}"
        )
    if path.exists():
        raise CommandProblem(f"{path} already exists, so nothing was created. {exists_advice}")
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise CommandProblem(f"{folder} is a file, not a folder; nothing was created.")
    if not folder.exists():
        if arguments.data:  # a typing slip more often than a wish for new folders
            raise CommandProblem(
                f"The folder {folder} does not exist; nothing was created. "
                "Check the path, or create the folder first."
            )
    elif not disk.can_write(folder):
        raise CommandProblem(
            f"The folder {folder} is read-only, so no file can be created there; nothing was "
            "created. Choose a folder you can write to."
        )
    return path


def print_report_counts(counts: dict[str, int]) -> None:
    names = {"person": "people", "cohort": "cohorts", "pair": "pairs", "session": "sessions"}
    print(", ".join(f"{counts[table]} {names[table]}" for table in names))


def columns_by_heading(
    table: Table, chosen: Sequence[tuple[str, Chosen]], file_name: str
) -> list[tuple[int, Chosen]]:
    """The columns ``--map HEADING=…`` names, by position, each with what was chosen for it;
    a heading the file does not have is refused, naming the headings it has."""
    from revmentor_desktop.domain import importing
    from revmentor_desktop.domain.text import quoted

    columns = []
    for heading, choice in chosen:
        column = importing.column_named(table.headers, heading)
        if column is None:
            headings = ", ".join(quoted(header) for header in table.headers)
            raise CommandProblem(
                f"{file_name} has no column {quoted(heading)}; its columns are {headings}."
            )
        columns.append((column, choice))
    return columns


def read_import_file(
    arguments: argparse.Namespace, what: str
) -> tuple[Table, list[tuple[int, Any]]]:
    """The table in the file an import command is given (refused early when it names a
    folder; ``what`` says which file to name instead), and the columns its ``--map``
    choices name, by position, each with what was chosen for it."""
    from revmentor_desktop.domain import importing

    source = Path(arguments.file).expanduser().absolute()
    if source.is_dir():
        raise CommandProblem(f"{source} is a folder, but a file was expected; name {what}.")
    table = importing.read_table_file(source)
    return table, columns_by_heading(table, arguments.map, source.name)


def add_import_switches(parser: argparse.ArgumentParser, would: str, verb: str) -> None:
    """``--dry-run`` and ``--skip-invalid``, as every import takes them."""
    parser.add_argument(
        "--dry-run", action="store_true", help=f"show what would {would}, change nothing"
    )
    parser.add_argument(
        "--skip-invalid", action="store_true", help=f"{verb} the valid rows, list the others"
    )


def refused_for_file_problems(file_problems: Sequence[str], hint: str = "") -> bool:
    """Print the problems with the file as a whole, then ``hint``, on stderr; whether there
    were any (then nothing is imported)."""
    for problem in file_problems:
        print(f"revmentor: {problem}", file=sys.stderr)
    if not file_problems:
        return False
    if hint:
        print(f"revmentor: {hint}", file=sys.stderr)
    print("Nothing was imported.", file=sys.stderr)
    return True


def row_problems_refusal(rows_with_problems: int, verb: str) -> str:
    """Why nothing was imported while rows have problems and --skip-invalid was not given."""
    rows = plural(rows_with_problems, "row")
    return (
        f"Nothing was imported: {rows} {agree('have', rows_with_problems)} problems. Correct "
        f"the file, or add --skip-invalid to {verb} the other rows."
    )
