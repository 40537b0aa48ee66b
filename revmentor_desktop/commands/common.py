"""What every sub-command shares: exit codes, the data path, and reporting problems."""

from __future__ import annotations

import argparse
from pathlib import Path

from revmentor_desktop import paths

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


class CommandProblem(Exception):
    """A problem to report on stderr with exit status 1."""


def data_path(arguments: argparse.Namespace) -> Path:
    return Path(arguments.data).expanduser() if arguments.data else paths.default_data_file()


def print_report_counts(counts: dict[str, int]) -> None:
    names = {"person": "people", "cohort": "cohorts", "pair": "pairs", "session": "sessions"}
    print(", ".join(f"{counts[table]} {names[table]}" for table in names))
