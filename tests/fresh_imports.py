"""What a fresh interpreter does when it imports a module: which libraries it pulls in, what it
reads (start-up cost)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]


def imports_library(module: str, library: str) -> bool:
    """Whether importing ``module`` alone, in a new interpreter, loads ``library`` too."""
    code = (
        f"import sys, {module}; "
        f"print(any(name.split('.')[0] == {library!r} for name in sys.modules))"
    )
    return run_fresh(code).strip() == "True"


def run_fresh(code: str) -> str:
    """What ``code`` prints when a new interpreter runs it with this repository's package."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPOSITORY,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )
    return result.stdout
