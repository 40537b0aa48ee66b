"""Sub-commands that bring people in and take data out: import-people, export, ics, and the
privacy tools person-export, erase and retention.

Writing commands open the data file with ``open_for_changes`` (the writer lock: a file the app
holds is refused with a clear message). Exports only read, so they work while the app is open.
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
    add_import_switches,
    data_location,
    data_path,
    finished_even_if_terminated,
    output_path,
    read_import_file,
    refused_for_file_problems,
    row_problems_refusal,
)
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.vocabulary import plural

if TYPE_CHECKING:
    from revmentor_desktop.domain.importing import Field
    from revmentor_desktop.services.privacy import ErasureReport

PERSON_HELP = "their name or e-mail address (the e-mail when several people share the name)"
OUTPUT_EXAMPLES = {"export": "people.csv", "ics": "sessions.ics", "person-export": "request"}


def _output(arguments: argparse.Namespace) -> Path:
    return output_path(arguments, OUTPUT_EXAMPLES[arguments.command])


def command_import_people(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import importing
    from revmentor_desktop.domain.text import clip
    from revmentor_desktop.services.data_sources import (
        backup_before_import_into,
        open_for_changes,
    )

    table, chosen = read_import_file(arguments, "the CSV or XLSX file to import")
    options = importing.ImportOptions(
        date_order=importing.DateOrder(arguments.date_order) if arguments.date_order else None,
        cohort_name=arguments.cohort or "",
        cohort_kind=arguments.kind,
        default_role=arguments.role,
    )
    with open_for_changes(data_location(arguments)) as opened:
        mapping = importing.initial_mapping(table.headers)
        for column, field in chosen:  # as if chosen in the wizard's list of columns
            mapping = mapping.with_column(column, field)
        plan = importing.build_plan(table, mapping, options)
        print(f"Read {arguments.file}: {table.detected}, {plural(len(table.rows), 'row')}.")
        for header, field in zip(table.headers, plan.mapping.fields, strict=False):
            heading = clip(header) or "(no heading)"
            print(f"  {heading} → {field.label if field else '(not imported)'}")
        for header, order in plan.date_orders.items():
            print(f"  Dates in “{header}”: {order}")
        for note in plan.notes:
            print(f"Note: {note}")
        hint = "add --date-order dmy or --date-order mdy." if plan.needs_date_order else ""
        if refused_for_file_problems(plan.file_problems, hint):
            return EXIT_PROBLEM
        for line in plan.problems.lines():
            print(line, file=sys.stderr)
        if plan.problems and not arguments.skip_invalid:
            print(row_problems_refusal(plan.skipped, "import"), file=sys.stderr)
            return EXIT_PROBLEM
        if arguments.dry_run:
            for record in importing.planned_records(plan):
                if record.kind == importing.ChangeKind.ADD:
                    print(f"Line {record.line}: add {record.name} <{record.email}>")
                elif record.kind == importing.ChangeKind.UPDATE:
                    changes = "; ".join(f"{c.field}: “{c.old}” → “{c.new}”" for c in record.changes)
                    print(f"Line {record.line}: update {record.name}: {changes}")
            print(f"Dry run, nothing was changed: would be {plan.summary()}.")
            return EXIT_OK
        result = importing.apply_plan(
            plan, backup_before_import_into(opened), skip_invalid=arguments.skip_invalid
        )
        if result.backup_path is not None:
            print(f"Backup before the import: {result.backup_path}")
    print(f"Imported: {result.summary()}.")
    return EXIT_OK


def column_choice(text: str) -> tuple[str, Field | None]:
    """``--map "Dział=department"``: a heading of the file and the field to import it as (the
    field's name or the wizard's words for it; nothing after "=" leaves the column out)."""
    from revmentor_desktop.domain import importing

    heading, equals, name = text.rpartition("=")
    if not equals or not heading.strip():
        raise argparse.ArgumentTypeError(
            f"“{text}” is not HEADING=FIELD, such as “Dział=department”."
        )
    if not name.strip():
        return heading.strip(), None
    field = importing.field_named(name)
    if field is None:
        fields = ", ".join(f"{item.value} ({item.label})" for item in importing.Field)
        raise argparse.ArgumentTypeError(
            f"“{name.strip()}” is not a field RevMentor imports. The fields are: {fields}. "
            "Leave FIELD empty (“Notes=”) to leave a column out."
        )
    return heading.strip(), field


def command_export(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.services import exports
    from revmentor_desktop.services.data_sources import open_for_reading

    destination = _output(arguments)
    with open_for_reading(data_location(arguments)):
        exports.export(arguments.what, destination, include_private=arguments.include_private)
    private = "with" if arguments.include_private else "without"
    print(f"Wrote {destination} ({arguments.what}, {private} private fields).")
    return EXIT_OK


def command_ics(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import cohorts
    from revmentor_desktop.services import exports
    from revmentor_desktop.services.data_sources import open_for_reading

    destination = _output(arguments)
    with open_for_reading(data_location(arguments)):
        cohort_id = cohorts.find_cohort_id(arguments.cohort) if arguments.cohort else None
        count = exports.write_calendar(destination, pair_id=arguments.pair, cohort_id=cohort_id)
    print(f"Wrote {destination} ({plural(count, 'session')}).")
    return EXIT_OK


def command_person_export(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain.namesakes import resolve_person
    from revmentor_desktop.services import privacy as privacy_files
    from revmentor_desktop.services.data_sources import open_for_reading

    with open_for_reading(data_location(arguments)):
        person_id = resolve_person(arguments.person)
        json_path, csv_path = privacy_files.write_access_export(person_id, _output(arguments))
    print(f"Wrote {json_path}")
    print(f"Wrote {csv_path}")
    return EXIT_OK


def command_erase(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain.namesakes import describe_person, resolve_person
    from revmentor_desktop.services import privacy as privacy_files
    from revmentor_desktop.services.data_sources import open_for_changes
    from revmentor_desktop.services.location import ServerLocation

    location = data_location(arguments)
    on_server = isinstance(location, ServerLocation)
    if on_server and arguments.purge_backups:
        raise CommandProblem(
            f"{location}: --purge-backups deletes the backups RevMentor keeps beside a data "
            "file; a server's own backups are its administrator's. Nothing was erased; run "
            "the command again without --purge-backups."
        )
    path = None if on_server else data_path(arguments)
    with open_for_changes(location) as opened:
        person_id = resolve_person(arguments.person)
        who = describe_person(person_id)
        if not arguments.yes:
            if not sys.stdin.isatty():
                raise CommandProblem("Add --yes to confirm the erasure when not interactive.")
            answer = input(
                f"Erase every personal detail of {who} from {path or location}? This cannot "
                "be undone. [y/N] "
            )
            if answer.strip().lower() not in {"y", "yes"}:
                print("Erasure cancelled; nothing was changed.")
                return EXIT_OK
        with finished_even_if_terminated():
            data_file = None if on_server else opened.path
            report = privacy_files.erase_with_backups(
                person_id, data_file, purge=arguments.purge_backups
            )
            _report_erasure(arguments, who, report, data_file)
    return EXIT_OK


def _report_erasure(
    arguments: argparse.Namespace, who: str, report: ErasureReport, path: Path | None
) -> None:
    print(f"Erased {who}; their records now show “{report.result.placeholder}”.")
    if warning := report.space_warning(path):
        print(f"revmentor: {warning}", file=sys.stderr)
    if arguments.purge_backups:
        print(report.describe_purge())
    elif path is None:
        print(report.exposure.describe())
    else:
        print(report.exposure.describe() + " (Use --purge-backups to delete them.)")


def command_retention(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import privacy
    from revmentor_desktop.services.data_sources import open_for_reading

    with open_for_reading(data_location(arguments)):
        months = arguments.months or privacy.retention_months()
        due = privacy.people_due_for_erasure(months)
    if not due:
        print(f"Nobody's last cohort ended more than {plural(months, 'month')} ago.")
        return EXIT_OK
    print(f"Last cohort ended more than {plural(months, 'month')} ago (offered for erasure):")
    for item in due:
        print(f"  {item.name}: {item.last_cohort}, ended {format_date(item.ended_on)}")
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    importer = commands.add_parser(
        "import-people", help="import a staff list or enrolment-form answers (CSV or XLSX)"
    )
    importer.add_argument("file", metavar="FILE", help="the CSV or XLSX file")
    importer.add_argument("--cohort", metavar="NAME", help="enrol the people in this cohort")
    importer.add_argument(
        "--kind",
        choices=["reverse", "traditional", "mutual"],
        default="reverse",
        help="kind of a cohort that is created (default reverse)",
    )
    importer.add_argument(
        "--role",
        choices=["mentor", "mentee", "both"],
        help="role for rows without one when enrolling in --cohort",
    )
    add_import_switches(importer, would="change", verb="import")
    importer.add_argument(
        "--date-order",
        choices=["dmy", "mdy"],
        help="read dates like 03/04/2024 day-first (dmy) or month-first (mdy)",
    )
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        type=column_choice,
        metavar="HEADING=FIELD",
        help="import the column HEADING as FIELD, one of the fields the wizard offers, by its "
        'name (name, email, department, manager_email, ...) or its words ("Full name"); '
        "FIELD empty leaves the column out; repeat for each column",
    )
    importer.set_defaults(handler=command_import_people)

    export = commands.add_parser("export", help="export data to CSV (or everything to JSON)")
    export.add_argument("what", choices=["people", "cohorts", "pairs", "sessions", "all"])
    export.add_argument("-o", "--output", metavar="FILE", required=True)
    export.add_argument(
        "--include-private",
        action="store_true",
        help="include notes, consent details, hire dates, grades, locations and takeaways",
    )
    export.set_defaults(handler=command_export)

    ics = commands.add_parser("ics", help="write planned sessions as a calendar (.ics) file")
    which = ics.add_mutually_exclusive_group(required=True)
    which.add_argument("--pair", type=int, metavar="ID", help="the sessions of one pair")
    which.add_argument("--cohort", metavar="NAME", help="the sessions of one cohort")
    which.add_argument("--all", action="store_true", help="every planned session")
    ics.add_argument("-o", "--output", metavar="FILE", required=True)
    ics.set_defaults(handler=command_ics)

    person_export = commands.add_parser(
        "person-export", help="everything about one person (access request): JSON and CSV"
    )
    person_export.add_argument("person", metavar="PERSON", help=PERSON_HELP)
    person_export.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="FILE.json and FILE.csv"
    )
    person_export.set_defaults(handler=command_person_export)

    erase = commands.add_parser("erase", help="erase a person's personal data for good")
    erase.add_argument("person", metavar="PERSON", help=PERSON_HELP)
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    erase.add_argument(
        "--purge-backups",
        action="store_true",
        help="also delete the backups that still hold their data",
    )
    erase.set_defaults(handler=command_erase)

    retention = commands.add_parser(
        "retention", help="list people whose last cohort ended long ago (offered for erasure)"
    )
    retention.add_argument("--months", type=int, help="instead of the data file's setting")
    retention.set_defaults(handler=command_retention)
