"""The layering contract is real: it holds, and it fails when a domain module imports Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

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


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's algorithm).

    grimp records every import statement, those under ``TYPE_CHECKING`` and inside functions
    included, so a cycle hidden from the interpreter is still found.
    """
    order: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = lowest[module] = len(order)
        stack.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in order:
                visit(imported)
                lowest[module] = min(lowest[module], lowest[imported])
            elif imported in stack:
                lowest[module] = min(lowest[module], order[imported])
        if lowest[module] == order[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in order:
            visit(module)
    return cycles


def test_no_module_of_the_package_imports_itself_round_a_loop() -> None:
    graph = grimp.build_graph("revmentor_desktop", cache_dir=None)
    assert import_cycles(graph) == []


def test_a_pair_of_modules_importing_each_other_counts_as_a_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "loopy"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "first.py").write_text("from loopy import second\n", encoding="utf-8")
    (package / "second.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from loopy import first\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = grimp.build_graph("loopy", cache_dir=None)
    assert import_cycles(graph) == [["loopy.first", "loopy.second"]]
