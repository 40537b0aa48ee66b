"""``messages``: e-mail drafts (.eml) from a message template, one per partner of a pair or of
every pair of a cohort the template is for, written to a folder to send from a mail program.

RevMentor sends nothing itself. Preparing records in each pair's history which template was
prepared for whom (and a check-in issues the forms it attaches), so the file is opened for
writing.
"""

from __future__ import annotations

import argparse
import sys

from revmentor_desktop.commands.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    CommandProblem,
    data_location,
    output_folder,
)
from revmentor_desktop.domain.vocabulary import plural


def command_messages(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain.cohorts import find_cohort_id
    from revmentor_desktop.domain.messages import planning, templates
    from revmentor_desktop.reports.message_drafts import prepare_drafts
    from revmentor_desktop.services.data_sources import open_for_changes

    folder = output_folder(arguments, "e-mail drafts")
    with open_for_changes(data_location(arguments)):
        template = templates.find_template(arguments.template)  # refuses an unknown name
        if arguments.pair is not None:
            pair_ids = [arguments.pair]
        else:
            pair_ids = planning.cohort_pairs(template.name, find_cohort_id(arguments.cohort))
            if not pair_ids:
                raise CommandProblem(
                    f"No pair in {arguments.cohort} is due the “{template.name}” message "
                    f"({template.purpose[0].lower()}{template.purpose[1:].rstrip('.')}). "
                    "Nothing was written."
                )
        prepared = prepare_drafts(template.name, pair_ids, folder)
    for line in prepared.plan.missing_email_lines():
        print(f"revmentor: {line}", file=sys.stderr)
    if not prepared.written:
        print("revmentor: Nobody had an e-mail address; nothing was written.", file=sys.stderr)
        return EXIT_PROBLEM
    drafts = plural(len(prepared.written), "e-mail draft")
    print(f"Wrote {drafts} (“{template.title}”) to {folder}")
    print("Open them in your mail program to check and send them; RevMentor sends nothing.")
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    messages = commands.add_parser(
        "messages",
        help="write e-mail drafts (.eml) from a message template, one per person, to send "
        "from your mail program",
    )
    messages.add_argument(
        "--template",
        metavar="NAME",
        required=True,
        help="introduction, first-session, stalled, check-in or thanks",
    )
    target = messages.add_mutually_exclusive_group(required=True)
    target.add_argument("--pair", type=int, metavar="ID", help="one pair, by its number")
    target.add_argument(
        "--cohort", metavar="NAME", help="every pair of the cohort the template is for"
    )
    messages.add_argument(
        "-o", "--output", metavar="FOLDER", required=True, help="the folder to write them to"
    )
    messages.set_defaults(handler=command_messages)
