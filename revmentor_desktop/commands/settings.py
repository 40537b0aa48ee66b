"""The ``settings`` sub-command: list, show, change or reset the settings kept in the data file.

It changes settings through the same checks and the same writing as File ▸ Programme settings…
in the window (``domain.programme_settings``), one setting at a time.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from revmentor_desktop.commands.common import EXIT_OK, data_location
from revmentor_desktop.menu_paths import PROGRAMME_SETTINGS

if TYPE_CHECKING:
    from revmentor_desktop.domain.programme_settings import Entry, ProgrammeSettings

SHOWN_CHARACTERS = 44
EPILOG = """\
names:
  organisation_name, logo, page_size, coordinator_name, coordinator_contact,
  sponsor_name, sponsor_title, anonymity_threshold, agreement_version, retention_months,
  time_zone
  agreement.CLAUSE.heading, agreement.CLAUSE.body
      the agreement's wording, clause by clause; its version goes up when the wording changes.
      CLAUSE: purpose_reverse, purpose_traditional, purpose_mutual, goals, meetings, duration,
      confidentiality, ground_rules, ground_rules_reverse, technology_privacy, ending,
      records, signatures
  matching.KIND.RULE
      a rule's weight in every cohort of a KIND (reverse, traditional, mutual): mandatory,
      high, medium, low or off. RULE: skills, seniority, reporting_line, department,
      meeting_format, location, history
  matching.cohort.ID.RULE
      the same for the cohort numbered ID; "kind" makes it follow its kind again

examples:
  revmentor settings organisation_name "Nordwind Logistik GmbH"
  revmentor settings logo ~/Pictures/logo.png
  revmentor settings page_size Letter
  revmentor settings agreement.ending.body - < ending.txt
  revmentor settings matching.reverse.location high
  revmentor settings anonymity_threshold --reset
"""


def _shown(value: str, empty: str = "(not set)", limit: int = SHOWN_CHARACTERS) -> str:
    """``value`` on one line of at most ``limit`` characters (a long wording is cut)."""
    if not value.strip():
        return empty
    line = " ".join(value.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _default_note(entry: Entry, current: ProgrammeSettings) -> str:
    value, default = entry.value(current), entry.default(current)
    if entry.name == "page_size" and not current.page_size:
        return "(not chosen: this computer's locale gives it)"
    if entry.name.startswith("matching.cohort."):
        # A cohort stores only weights that differ from its kind's.
        return "(as its kind)" if value == default else f"(its kind's: {default})"
    if value == default:
        return "(default)"
    return f"(default: {_shown(default, 'not set')})"


def print_settings(current: ProgrammeSettings) -> None:
    from revmentor_desktop.domain.programme_settings import AGREEMENT_GROUP, entries

    listed = entries(current)
    width = max(len(entry.name) for entry in listed)
    values = {entry.name: _shown(entry.value(current)) for entry in listed}
    value_width = max(len(value) for value in values.values())
    group = ""
    for entry in listed:
        if entry.group != group:
            group = entry.group
            heading = group
            if group == AGREEMENT_GROUP:
                heading += f" (version {current.agreement_version})"
            print(("\n" if entry is not listed[0] else "") + heading)
        value = values[entry.name]
        print(f"  {entry.name:<{width}}  {value:<{value_width}}  {_default_note(entry, current)}")


def _new_value(arguments: argparse.Namespace) -> str:
    if arguments.value == "-":
        return sys.stdin.read()
    return str(arguments.value)


def command_settings(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import programme_settings

    if arguments.value is None and not arguments.reset:
        from revmentor_desktop.services.data_sources import open_for_reading

        with open_for_reading(data_location(arguments)):
            current = programme_settings.load()
            if arguments.key is None:
                print_settings(current)
            else:
                print(programme_settings.find_entry(current, arguments.key).value(current))
        return EXIT_OK
    return _change(arguments)


def _change(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import programme_settings
    from revmentor_desktop.domain.errors import ValidationError
    from revmentor_desktop.services.data_sources import open_for_changes

    with open_for_changes(data_location(arguments)):
        old = programme_settings.load()
        entry = programme_settings.find_entry(old, arguments.key)
        if arguments.reset:
            new = entry.reset(old)
        else:
            new = entry.parse(old, _new_value(arguments))
            if problems := programme_settings.problems(old, new, typed={entry.name}):
                raise ValidationError(problems)
        programme_settings.apply(old, new)
        now = programme_settings.load()
    value = _shown(entry.value(now), limit=2 * SHOWN_CHARACTERS)
    if arguments.reset:
        value += " (its default)"
    print(f"{entry.name} is now {value}{'' if value.endswith(('…', '.', '!', '?')) else '.'}")
    if now.agreement_version != old.agreement_version:
        print(f"The agreement is now version {now.agreement_version}.")
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "settings",
        help="list, show or change the programme's settings (organisation, logo, paper, ...)",
        description="The settings kept in the data file, which travel with it.\n"
        "Without NAME, list them all with their defaults; with NAME, show one;\n"
        f"with NAME VALUE, change it ({PROGRAMME_SETTINGS.path} in the window does the same).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("key", nargs="?", metavar="NAME", help="the setting's name (see below)")
    parser.add_argument(
        "value",
        nargs="?",
        metavar="VALUE",
        help="the new value; for the logo, an image file; - reads the value from standard input",
    )
    parser.add_argument("--reset", action="store_true", help="go back to the default value")
    parser.set_defaults(handler=_checked(parser))


def _checked(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    """The handler, after refusing combinations that make no sense (exit status 2)."""

    def handler(arguments: argparse.Namespace) -> int:
        if arguments.reset and (arguments.key is None or arguments.value is not None):
            parser.error("--reset takes a NAME and no VALUE, e.g. settings page_size --reset")
        return command_settings(arguments)

    return handler
