"""Importing long lists: memory that stays flat, problems counted but kept short, reporting
lines checked across the whole file, and a file that changes after its preview."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from revmentor_desktop.domain.importing import (
    ImportFileError,
    ImportOptions,
    apply_plan,
    build_plan,
    initial_mapping,
    planned_records,
    read_table_file,
)
from revmentor_desktop.services.data_sources import backup_before_import_into
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Person


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def staff(rows: int) -> list[str]:
    """A staff list whose managers come earlier in the list, eight reports each."""
    lines = ["Name,Email,Manager Email,Department,Hire date"]
    for number in range(rows):
        manager = f"p{(number - 1) // 8}@example.org" if number else ""
        day = 1 + number % 28
        lines.append(f"Person {number},p{number}@example.org,{manager},Sales,2020-01-{day:02d}")
    return lines


def plan_file(path: Path, **options: object):  # type: ignore[no-untyped-def]
    table = read_table_file(path)
    return build_plan(table, initial_mapping(table.headers), ImportOptions(**options))


def test_planning_and_importing_a_long_list_keep_memory_flat(
    data_file: DataFile, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "staff.csv", staff(20_000))
    tracemalloc.start()
    try:
        plan = plan_file(source)
        result = apply_plan(plan, backup_before_import_into(data_file))
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.summary() == "20000 added, 0 updated, 0 unchanged, 0 skipped"
    last = Person.get(Person.email_key == "p19999@example.org")
    assert last.manager.email == "p2499@example.org"
    # A plan that kept every row, and an import that added a record of each, peaked at 88 MB
    # here. Now the rows pass in chunks of 2,000 and the plan keeps the first 2,000 changes
    # and a few bytes a row.
    assert peak < 40_000_000


def test_a_problem_on_every_row_is_counted_and_the_first_ones_kept(
    data_file: DataFile, tmp_path: Path
) -> None:
    lines = ["Name,Email"] + [f"P{number},p{number}(at)example.org" for number in range(5_000)]
    lines += ["Nameless,", "Last,last@example.org"]
    plan = plan_file(write_csv(tmp_path / "bad.csv", lines))
    assert plan.problems.total == 5_001
    assert plan.skipped == 5_001
    assert plan.added == 1
    first = plan.problems.first
    assert len(first) == 2_000
    assert [problem.line for problem in first[:3]] == [2, 3, 4]
    assert first[-1].line == 2_001
    assert plan.problems.lines()[-2:] == [
        "Line 5002, Email: The e-mail address is missing; people are matched by e-mail.",
        "… and 4,990 more rows with the same problem in Email.",
    ]


def test_the_plan_keeps_the_first_changes_and_lists_them_all_again(
    data_file: DataFile, tmp_path: Path
) -> None:
    plan = plan_file(write_csv(tmp_path / "staff.csv", staff(2_500)))
    assert plan.added == 2_500
    assert len(plan.first_changes) == 2_000
    assert [record.line for record in planned_records(plan)] == list(range(2, 2_502))


def test_a_broken_chain_of_managers_later_in_the_file_is_skipped_link_by_link(
    data_file: DataFile, tmp_path: Path
) -> None:
    lines = [
        "Name,Email,Manager Email",
        "Ana,ana@example.org,BEN@example.org",
        "Ben,ben@example.org,cy@example.org",
        ",cy@example.org,",
        "Di,di@example.org,",
    ]
    plan = plan_file(write_csv(tmp_path / "chain.csv", lines))
    assert [str(problem) for problem in plan.problems.first] == [
        "Line 2, Manager Email: The manager BEN@example.org is on line 3, which has problems "
        "and is not imported.",
        "Line 3, Manager Email: The manager cy@example.org is on line 4, which has problems "
        "and is not imported.",
        "Line 4, Name: A new person needs a name, and this row has none.",
    ]
    assert plan.summary() == "1 added, 0 updated, 0 unchanged, 3 skipped"


def test_a_loop_through_reporting_lines_already_in_the_data_is_refused(
    data_file: DataFile, tmp_path: Path
) -> None:
    first = ["Name,Email,Manager Email", "Ana,ana@example.org,ben@example.org"]
    first += ["Ben,ben@example.org,cy@example.org", "Cy,cy@example.org,"]
    apply_plan(
        plan_file(write_csv(tmp_path / "first.csv", first)), backup_before_import_into(data_file)
    )
    # Cy reporting to Ana closes Ana → Ben → Cy → Ana; only Cy's row is in the file.
    again = write_csv(tmp_path / "again.csv", ["Email,Manager Email", "cy@example.org,ana@x.org"])
    assert [str(p) for p in plan_file(again).problems.first] == [
        "Line 2, Manager Email: The manager ana@x.org is neither in this file nor in RevMentor."
    ]
    loop = write_csv(
        tmp_path / "loop.csv", ["Email,Manager Email", "cy@example.org,ana@example.org"]
    )
    assert [str(p) for p in plan_file(loop).problems.first] == [
        "Line 2, Manager Email: The reporting lines would form a loop (someone would manage "
        "their own manager)."
    ]


def test_a_file_saved_again_after_the_preview_is_not_imported(
    data_file: DataFile, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "staff.csv", staff(3))
    plan = plan_file(source)
    write_csv(source, [*staff(3), "Eve,eve@example.org,p0@example.org,Sales,2020-01-01"])
    with pytest.raises(ImportFileError, match=r"staff\.csv changed after it was read"):
        apply_plan(plan, backup_before_import_into(data_file))
    assert Person.select().count() == 0
