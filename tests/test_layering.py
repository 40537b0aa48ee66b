"""The layering contract is real: it holds, and it fails when a domain module imports Qt."""

from __future__ import annotations

import ast
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


# Domain modules that still read a file the coordinator hands in: an import table, returned
# questionnaire PDFs, a logo image. These are documents brought to the programme, never the data
# source, so they do not stand in the way of a second store; each is to become "bytes in" with
# the reading done by revmentor_desktop.services. No module may join this list.
READS_FILES_HANDED_IN = {
    "revmentor_desktop/domain/importing/reading.py",  # read_table_file: a CSV or XLSX to import
    "revmentor_desktop/domain/outcomes/collect.py",  # returned_files: filled-in PDF forms
    "revmentor_desktop/domain/logo.py",  # read_logo: the letterhead's image file
    "revmentor_desktop/domain/programme_settings.py",  # the logo setting names a file to read
}


def file_system_uses(source: str) -> list[str]:
    """What in ``source`` reaches the file system: an import of pathlib, a call of open()."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import) and any(a.name == "pathlib" for a in node.names):
            found.append(f"line {node.lineno}: import pathlib")
        elif isinstance(node, ast.ImportFrom) and node.module == "pathlib":
            found.append(f"line {node.lineno}: from pathlib import …")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "open"
        ):
            found.append(f"line {node.lineno}: open(…)")
    return found


def test_the_domain_takes_a_database_never_a_file() -> None:
    offenders = {}
    for module in sorted((PROJECT / "revmentor_desktop" / "domain").rglob("*.py")):
        name = module.relative_to(PROJECT).as_posix()
        uses = file_system_uses(module.read_text(encoding="utf-8"))
        if uses and name not in READS_FILES_HANDED_IN:
            offenders[name] = uses
    assert offenders == {}, "Move the file work into revmentor_desktop/services"


def test_the_allowed_file_readers_still_need_their_place() -> None:
    """An entry that no longer reads files is dropped from the list, so it cannot come back."""
    for name in READS_FILES_HANDED_IN:
        assert file_system_uses((PROJECT / name).read_text(encoding="utf-8")), name


def test_a_domain_module_opening_a_file_is_found() -> None:
    assert file_system_uses("from pathlib import Path\n") == ["line 1: from pathlib import …"]
    assert file_system_uses("def f(name):\n    return open(name).read()\n") == ["line 2: open(…)"]
    assert file_system_uses("import io\nfrom PIL import Image\nImage.open(io.BytesIO(b''))\n") == []


# Functions only one store has; domain code asks revmentor_desktop.storage.counting instead.
DIALECT_FUNCTIONS = {"group_concat", "json_each", "julianday", "strftime"}


def dialect_sql(source: str) -> list[str]:
    """What in ``source`` speaks one store's SQL: ``fn.json_each(…)``, ``fn.julianday(…)``,
    ``fn.strftime(…)`` (peewee's ``fn`` under any spelling of the name), or a ``PRAGMA`` in a
    string. A date's own ``.strftime(…)`` method is Python, not SQL, and is not counted."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "fn"
            and node.attr.lower() in DIALECT_FUNCTIONS
        ):
            found.append(f"line {node.lineno}: fn.{node.attr}")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "PRAGMA " in node.value.upper()
        ):
            found.append(f"line {node.lineno}: PRAGMA")
    return found


def test_the_domain_speaks_no_single_stores_sql() -> None:
    offenders = {}
    for module in sorted((PROJECT / "revmentor_desktop" / "domain").rglob("*.py")):
        uses = dialect_sql(module.read_text(encoding="utf-8"))
        if uses:
            offenders[module.relative_to(PROJECT).as_posix()] = uses
    assert offenders == {}, (
        "These work on a data file but fail on a PostgreSQL server: "
        "say them through revmentor_desktop/storage/counting.py, which writes each store's SQL"
    )


def test_a_domain_module_using_sqlite_only_sql_is_found() -> None:
    assert dialect_sql("fn.json_each(Meeting.topics)\n") == ["line 1: fn.json_each"]
    assert dialect_sql("x = fn.JULIANDAY(c)\ny = fn.strftime('%m', c)\n") == [
        "line 1: fn.JULIANDAY",
        "line 2: fn.strftime",
    ]
    assert dialect_sql("db.execute_sql('pragma foreign_keys = ON')\n") == ["line 1: PRAGMA"]
    assert dialect_sql("day.strftime('%d %b')\nfn.COUNT(x)\n") == []
