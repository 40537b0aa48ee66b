"""Sub-commands for questionnaire forms: ``forms`` makes the fillable PDFs to send out and
``collect-forms`` records the answers in the ones that came back.

Both write (making forms issues them), so both open the data file with ``open_for_changes``;
``collect-forms --dry-run`` only reads, so it works while the app has the file open.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor_desktop.commands.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    CommandProblem,
    data_location,
    output_folder,
)
from revmentor_desktop.domain.vocabulary import plural

if TYPE_CHECKING:
    from revmentor_desktop.domain.outcomes.collect import CollectionPlan

QUESTIONNAIRES = ("starting", "checkin", "closing", "ending-early")


def command_forms(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import report_data
    from revmentor_desktop.domain.cohorts import find_cohort_id
    from revmentor_desktop.domain.namesakes import describe_person, resolve_person
    from revmentor_desktop.domain.outcomes.forms import issue_forms
    from revmentor_desktop.domain.outcomes.questions import Questionnaire
    from revmentor_desktop.reports import outcome_form
    from revmentor_desktop.services.data_sources import open_for_changes

    folder = output_folder(arguments, "forms")
    questionnaire = Questionnaire(arguments.questionnaire)
    with open_for_changes(data_location(arguments)):
        cohort_id = find_cohort_id(arguments.cohort)
        person_ids = None if arguments.person is None else [resolve_person(arguments.person)]
        issued = issue_forms(cohort_id, questionnaire, person_ids)
        if not issued:
            who = "Nobody" if person_ids is None else describe_person(person_ids[0])
            raise CommandProblem(
                f"{who} in {arguments.cohort} is due {questionnaire.in_a_sentence} "
                "(it goes to the partners of the cohort's open pairs"
                + (
                    ", and to pairs that ended early"
                    if questionnaire.value == "ending-early"
                    else ""
                )
                + "). No forms were written."
            )
        letterhead = report_data.letterhead()
    written = outcome_form.write_forms(issued, letterhead, folder)
    print(f"Wrote {plural(len(written), 'form')} ({questionnaire.title}) to {folder}")
    if arguments.print_copy:
        printed = Path(arguments.print_copy).expanduser().absolute()
        outcome_form.render_forms_for_printing(issued, letterhead, printed)
        print(f"Wrote all of them in one PDF to print: {printed}")
    return EXIT_OK


def command_collect_forms(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain.outcomes import collect
    from revmentor_desktop.services.data_sources import open_for_changes, open_for_reading

    paths = [Path(path).expanduser().absolute() for path in arguments.paths]
    if missing := [path for path in paths if not path.exists()]:
        raise CommandProblem(f"{missing[0]} does not exist; nothing was recorded.")
    opener = open_for_reading if arguments.dry_run else open_for_changes
    with opener(data_location(arguments)):
        plan = collect.plan_collection(paths)
        if not plan.files:
            raise CommandProblem("There are no PDF files there; nothing was recorded.")
        for line in plan.lines():
            print(line)
        problem = _what_stops(plan)
        if arguments.dry_run:
            would = plural(len(plan.to_record()), "form")
            print(f"Dry run, nothing was changed: would record {would}.")
            if problem:
                print(f"revmentor: {problem}", file=sys.stderr)
            return EXIT_PROBLEM if problem else EXIT_OK
        if problem:
            print(f"revmentor: Nothing was recorded: {problem}", file=sys.stderr)
            return EXIT_PROBLEM
        recorded = collect.record(plan)
    print(f"Recorded the answers of {plural(recorded, 'form')}.")
    return EXIT_OK


def _what_stops(plan: CollectionPlan) -> str:
    """Why the plan cannot be recorded as it is, or ""."""
    reasons = []
    if refused := plan.refused:
        reasons.append(
            f"{plural(len(refused), 'file')} refused (take "
            f"{'it' if len(refused) == 1 else 'them'} out and run again"
            + ("; type flattened forms in by hand" if any(f.hand_entry for f in refused) else "")
            + ")"
        )
    if undecided := plan.undecided():
        reasons.append(
            f"{plural(len(undecided), 'form')} answered twice (choose which answers to keep "
            "in the window's Collect returned forms, or leave out the file you do not want)"
        )
    return "; ".join(reasons) + ("." if reasons else "")


def register(commands: argparse._SubParsersAction) -> None:
    make = commands.add_parser(
        "forms", help="write fillable questionnaire forms (PDF), one per person due them"
    )
    make.add_argument("--cohort", metavar="NAME", required=True, help="the cohort, by its name")
    make.add_argument(
        "--questionnaire", choices=QUESTIONNAIRES, required=True, help="which questionnaire"
    )
    make.add_argument(
        "--person", metavar="EMAIL", help="only this person's form (e-mail address or name)"
    )
    make.add_argument(
        "-o", "--output", metavar="FOLDER", required=True, help="the folder to write them to"
    )
    make.add_argument(
        "--print-copy",
        metavar="FILE.pdf",
        help="also write every form in one PDF to print (boxes to tick, no fields)",
    )
    make.set_defaults(handler=command_forms)

    gather = commands.add_parser(
        "collect-forms", help="record the answers in returned PDF forms (files or folders)"
    )
    gather.add_argument(
        "paths", nargs="+", metavar="PATH", help="returned PDF files, or folders of them"
    )
    gather.add_argument(
        "--dry-run", action="store_true", help="show what each file would record, change nothing"
    )
    gather.set_defaults(handler=command_collect_forms)
