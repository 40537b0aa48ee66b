"""The import-answers sub-command: answers exported by an online form tool (Microsoft Forms,
Google Forms) as CSV or XLSX, recorded for a cohort's questionnaire.

It prints how each column is read, what each row records and every row problem; nothing is
written while any row has a problem, unless --skip-invalid records the other rows.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from revmentor_desktop.commands.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    CommandProblem,
    add_import_switches,
    data_location,
    read_import_file,
    refused_for_file_problems,
    row_problems_refusal,
)
from revmentor_desktop.domain.vocabulary import plural

if TYPE_CHECKING:
    from revmentor_desktop.domain.importing import Table
    from revmentor_desktop.domain.outcomes.answer_import import AnswerColumns, Target

QUESTIONNAIRES = ("starting", "checkin", "closing", "ending-early")


def command_import_answers(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import cohorts
    from revmentor_desktop.domain.outcomes import answer_import
    from revmentor_desktop.domain.outcomes.questions import Questionnaire
    from revmentor_desktop.services.data_sources import (
        backup_before_import_into,
        open_for_changes,
    )

    table, chosen = read_import_file(arguments, "the CSV or XLSX file the form tool exported")
    questionnaire = Questionnaire(arguments.questionnaire)
    with open_for_changes(data_location(arguments)) as opened:
        cohort_id = cohorts.find_cohort_id(arguments.cohort)
        choices = answer_import.targets(cohort_id, questionnaire)
        columns = _columns(table, choices, chosen)
        plan = answer_import.build_answer_plan(table, cohort_id, questionnaire, columns)
        print(f"Read {arguments.file}: {table.detected}, {plural(len(table.rows), 'row')}.")
        _print_columns(table, plan.columns)
        for line in plan.summary_lines():
            print(line)
        if refused_for_file_problems(plan.file_problems):
            return EXIT_PROBLEM
        for row in plan.rows:
            print(f"Line {row.line}: {row.outline()}")
        for line in plan.problems.lines():
            print(line, file=sys.stderr)
        if not plan.can_apply(arguments.skip_invalid):
            print(_refusal(plan.skipped, bool(plan.rows)), file=sys.stderr)
            return EXIT_PROBLEM
        if arguments.dry_run:
            print("Dry run, nothing was changed.")
            return EXIT_OK
        take_backup = backup_before_import_into(opened)
        if take_backup is not None:
            print(f"Backup before the import: {take_backup()}")
        result = answer_import.record_answer_import(plan, skip_invalid=arguments.skip_invalid)
    for line in result.lines():
        print(line)
    return EXIT_OK


def _refusal(rows_with_problems: int, others: bool) -> str:
    if not others:
        return "Nothing was imported: no row can be recorded. Correct the file and try again."
    return row_problems_refusal(rows_with_problems, "record")


def _columns(
    table: Table, choices: list[Target], chosen: list[tuple[int, str | None]]
) -> AnswerColumns:
    """The suggested columns, with each ``--map`` choice made as in the window's list."""
    from revmentor_desktop.domain.outcomes import answer_import

    known = {target.key for target in choices}
    columns = answer_import.suggested_columns(table.headers, choices)
    for column, key in chosen:
        if key is not None and key not in known:
            keys = ", ".join(sorted(known))
            raise CommandProblem(
                f"“{key}” is not a question of this questionnaire in the cohort. Map a column "
                f"to one of: {keys}; or leave KEY empty (“Name=”) to leave a column out."
            )
        columns = columns.with_column(column, key)
    return columns


def _print_columns(table: Table, columns: AnswerColumns) -> None:
    from revmentor_desktop.domain.outcomes import answer_import
    from revmentor_desktop.domain.text import clip

    for header, key in zip(table.headers, columns.targets, strict=False):
        if key is None:
            read_as = "(form tool's own, left out)"
            if not answer_import.is_form_tool_column(header):
                read_as = "(left out)"
        else:
            read_as = key
        print(f"  {clip(header) or '(no heading)'} → {read_as}")


def column_target(text: str) -> tuple[str, str | None]:
    """``--map "Usefulness=checkin.usefulness"``: a heading of the file and the question key
    (or ``email``) it holds; nothing after "=" leaves the column out."""
    heading, equals, key = text.rpartition("=")
    if not equals or not heading.strip():
        raise argparse.ArgumentTypeError(
            f"“{text}” is not HEADING=KEY, such as “Usefulness=checkin.usefulness”."
        )
    return heading.strip(), key.strip() or None


def register(commands: argparse._SubParsersAction) -> None:
    importer = commands.add_parser(
        "import-answers",
        help="import answers exported by Microsoft Forms, Google Forms, … (CSV or XLSX)",
    )
    importer.add_argument("file", metavar="FILE", help="the CSV or XLSX file the form tool made")
    importer.add_argument("--cohort", metavar="NAME", required=True, help="the cohort answering")
    importer.add_argument(
        "--questionnaire",
        metavar="KIND",
        required=True,
        choices=QUESTIONNAIRES,
        help="which questionnaire the answers are to: " + ", ".join(QUESTIONNAIRES),
    )
    add_import_switches(importer, would="be recorded", verb="record")
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        type=column_target,
        metavar="HEADING=KEY",
        help="read the column HEADING as the question KEY (as the import lists them, such as "
        "checkin.usefulness) or as email; KEY empty leaves the column out; repeat for each "
        "column",
    )
    importer.set_defaults(handler=command_import_answers)
