"""Run ``revmentor`` in the test's own process, as a coordinator or a script would call it."""

from __future__ import annotations

import pytest

from revmentor_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """``revmentor ARGUMENTS…``: its exit status, then what it printed on stdout and stderr."""
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err
