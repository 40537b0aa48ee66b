"""The layering contract is real: it holds, and it fails when a domain module imports Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def run_import_linter(project: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache"],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_project(target: Path) -> Path:
    shutil.copytree(
        PROJECT / "revmentor_desktop",
        target / "revmentor_desktop",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(PROJECT / "pyproject.toml", target / "pyproject.toml")
    return target


def test_the_contracts_hold_on_the_code(tmp_path: Path) -> None:
    result = run_import_linter(copy_project(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_domain_module_importing_qt_breaks_the_contract(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    offender = project / "revmentor_desktop" / "domain" / "uses_qt.py"
    offender.write_text("from PySide6.QtWidgets import QMessageBox\n", encoding="utf-8")
    result = run_import_linter(project)
    assert result.returncode != 0
    assert "revmentor_desktop.domain.uses_qt" in result.stdout
    assert "BROKEN" in result.stdout
