"""What every sub-command shares: exit codes, the data path, and reporting problems."""

from __future__ import annotations

import argparse
import contextlib
import signal
from collections.abc import Iterator
from pathlib import Path

from revmentor_desktop import paths

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


def data_path(arguments: argparse.Namespace) -> Path:
    return Path(arguments.data).expanduser() if arguments.data else paths.default_data_file()


def print_report_counts(counts: dict[str, int]) -> None:
    names = {"person": "people", "cohort": "cohorts", "pair": "pairs", "session": "sessions"}
    print(", ".join(f"{counts[table]} {names[table]}" for table in names))
