"""``revmentor --data URL roles``: set up a server programme's roles and say who belongs to them."""

from __future__ import annotations

import argparse

from revmentor_desktop.commands.common import EXIT_OK, CommandProblem, data_location

GRANTABLE = ("coordinator", "viewer")


def command_roles(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.services import roles

    location = data_location(arguments)
    try:
        if arguments.action == "setup":
            names = roles.set_up(location)
            print(f"The roles of {location.name} are ready:")
            for group in roles.Group:
                print(f"  {names.name(group)}")
            print("Add people with: roles grant LOGIN_ROLE coordinator|viewer [--site NAME]")
        elif arguments.action == "list":
            found = roles.members(location)
            for member in found:
                site = f" (site {member.site})" if member.site is not None else ""
                print(f"{member.login_role}: {member.group.value}{site}")
            if not found:
                print("Nobody belongs to this programme's roles yet.")
        else:
            group = roles.Group(arguments.group)
            if arguments.action == "grant":
                roles.grant(location, arguments.login_role, group, arguments.site)
                print(f"{arguments.login_role} is now a {group.value} of {location.name}.")
            else:
                roles.revoke(location, arguments.login_role, group)
                print(f"{arguments.login_role} is no longer a {group.value} of {location.name}.")
    except roles.RoleProblem as problem:
        raise CommandProblem(str(problem)) from problem
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "roles",
        help="on a server: set up who may change (coordinators) or only read (viewers) the "
        "programme, and add or remove people",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("setup", help="create the owner, coordinator and viewer roles and grants")
    actions.add_parser("list", help="who belongs to which role")
    for action, verb in (("grant", "add"), ("revoke", "remove")):
        sub = actions.add_parser(
            action, help=f"{verb} a login role to/from coordinators or viewers"
        )
        sub.add_argument("login_role", metavar="LOGIN_ROLE", help="the person's own login role")
        sub.add_argument("group", choices=GRANTABLE, metavar="ROLE", help="coordinator or viewer")
        if action == "grant":
            sub.add_argument("--site", help="keep a coordinator to the cohorts of this site")
    parser.set_defaults(handler=command_roles)
