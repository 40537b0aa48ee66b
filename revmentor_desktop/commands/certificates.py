"""``revmentor certificates``: certificates of participation for a completed pair or a cohort.

Printed like the other documents (``commands.documents``): the data file is read without
locking it, and the kind of document comes from the registry.
"""

from __future__ import annotations

import argparse

from revmentor_desktop.commands.documents import add_target, command_document


def register(commands: argparse._SubParsersAction) -> None:
    certificates = commands.add_parser(
        "certificates",
        help="print certificates of participation (both partners of a completed pair, or "
        "everyone in a cohort's completed pairs), a landscape page each",
    )
    add_target(certificates)
    certificates.set_defaults(handler=command_document)
