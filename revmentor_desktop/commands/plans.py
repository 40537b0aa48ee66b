"""``revmentor plans`` (the plan library: list, show, print a handout) and ``revmentor plan``
(a pair's plan booklet). Both only read the data file."""

from __future__ import annotations

import argparse
import textwrap

from revmentor_desktop.commands.common import EXIT_OK, data_location, output_path

WRAP = 88


def command_plans(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.services.data_sources import open_for_reading

    with open_for_reading(data_location(arguments)):
        if arguments.action == "list":
            return _list(arguments.all)
        if arguments.action == "show":
            return _show(arguments.name, arguments.minutes)
        return _print(arguments)


def _list(include_retired: bool) -> int:
    from revmentor_desktop.domain.plans.catalogue import all_plans

    plans = all_plans(include_retired)
    width = max(len(plan.key) for plan in plans)
    for plan in plans:
        notes = [plan.stage.label] if plan.stage.value != "topic" else []
        if not plan.builtin:
            notes.append("added")
        elif plan.changed:
            notes.append("edited")
        if plan.retired:
            notes.append("retired")
        extra = f"  ({', '.join(notes)})" if notes else ""
        print(f"{plan.key:<{width}}  {plan.title}{extra}")
    return EXIT_OK


def _show(name: str, minutes: int) -> int:
    from revmentor_desktop.domain.plans.agenda import timed
    from revmentor_desktop.domain.plans.catalogue import find_plan

    plan = find_plan(name)
    lines = [plan.title, "=" * len(plan.title), ""]
    lines += [*_wrapped(plan.aim), ""]
    lines += ["Mentor prepares:", *_wrapped(plan.mentor_prepares, "  ")]
    lines += ["Mentee prepares:", *_wrapped(plan.mentee_prepares, "  "), ""]
    lines.append(f"Agenda ({minutes} minutes):")
    for step in timed(plan.agenda, minutes):
        detail = f" – {step.detail}" if step.detail else ""
        lines += _wrapped(f"{step.minutes:>3} min  {step.title}{detail}", "  ", "           ")
    lines += ["", "Questions to ask:"]
    for question in plan.questions:
        lines += _wrapped(question, "  • ", "    ")
    lines += ["", "Keep it safe:", *_wrapped(plan.keep_safe, "  ")]
    lines += ["", "Until next time:", *_wrapped(plan.task, "  ")]
    print("\n".join(lines))
    return EXIT_OK


def _wrapped(words: str, first: str = "", rest: str | None = None) -> list[str]:
    return textwrap.wrap(
        words, WRAP, initial_indent=first, subsequent_indent=first if rest is None else rest
    ) or [first.rstrip()]


def _print(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain.plans.documents import handout
    from revmentor_desktop.reports.plans import render_handout

    output = output_path(arguments, "plan.pdf")
    data = handout(arguments.name, arguments.minutes)
    render_handout(data, output)
    print(f"Wrote the handout “{data.page.plan.title}” ({arguments.minutes} minutes) to {output}")
    return EXIT_OK


def command_plan(arguments: argparse.Namespace) -> int:
    """A pair's booklet: its plan, or the suggested one if it has none yet."""
    from revmentor_desktop.reports import registry
    from revmentor_desktop.services.data_sources import open_for_reading

    output = output_path(arguments, "plan.pdf")
    with open_for_reading(data_location(arguments)):
        document = registry.PLAN_BOOKLET.gather_document(arguments.pair)
    document.render(output)
    print(f"Wrote {document.contents} to {output}")
    if document.data.suggested:
        print("The pair has no plan saved yet: the booklet shows the one the library suggests.")
    return EXIT_OK


def _minutes(value: str) -> int:
    try:
        minutes = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” is not a number of minutes") from None
    if not 5 <= minutes <= 600:
        raise argparse.ArgumentTypeError("a session lasts between 5 and 600 minutes")
    return minutes


def register(commands: argparse._SubParsersAction) -> None:
    plans = commands.add_parser("plans", help="the library of session plans: list, show, print")
    actions = plans.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the plans by name")
    listing.add_argument("--all", action="store_true", help="include retired plans")
    show = actions.add_parser("show", help="show one plan in full")
    show.add_argument("name", metavar="NAME", help="the plan's name (from 'plans list') or title")
    printing = actions.add_parser("print", help="print one plan as a handout (PDF)")
    printing.add_argument("name", metavar="NAME", help="the plan's name or title")
    printing.add_argument(
        "-o", "--output", metavar="FILE.pdf", required=True, help="the PDF file to write"
    )
    for parser in (show, printing):
        parser.add_argument(
            "--minutes",
            type=_minutes,
            default=60,
            help="time the agenda for sessions of this length (default: 60)",
        )
    listing.set_defaults(handler=command_plans, name="", minutes=60)
    show.set_defaults(handler=command_plans)
    printing.set_defaults(handler=command_plans)

    plan = commands.add_parser("plan", help="print a pair's plan as a booklet (PDF)")
    plan.add_argument("--pair", type=int, metavar="ID", required=True, help="the pair's number")
    plan.add_argument(
        "-o", "--output", metavar="FILE.pdf", required=True, help="the PDF file to write"
    )
    plan.set_defaults(handler=command_plan)
