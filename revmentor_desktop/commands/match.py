"""The ``match`` sub-command: propose pairs for a cohort, explain them, optionally create them."""

from __future__ import annotations

import argparse
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from revmentor_desktop.commands.common import EXIT_OK, CommandProblem, data_path
from revmentor_desktop.domain.vocabulary import plural

if TYPE_CHECKING:
    from revmentor_desktop.domain.matching.result import MatchResult, Proposal


def _proposal_lines(proposal: Proposal) -> list[str]:
    marker = {"locked": "  [locked]", "kept": "  [kept]"}.get(proposal.origin.value, "")
    lines = [f"  {proposal.mentor_name} → {proposal.mentee_name}   score {proposal.score}{marker}"]
    if proposal.shared_tags:
        lines.append(f"      shared tags: {', '.join(proposal.shared_tags)}")
    for part in proposal.parts:
        lines.append(
            f"      {part.rule.label:<21} {part.points:>3}/{part.max_points:<3} {part.note}"
        )
    lines.extend(f"      warning: {warning}" for warning in proposal.warnings)
    return lines


def print_result(result: MatchResult) -> None:
    proposals, unmatched = result.proposals, result.unmatched
    print(
        f"Matching for “{result.cohort_name}” ({result.kind.value} mentoring): "
        f"{plural(len(proposals), 'proposal')}, "
        f"{len(unmatched)} unmatched, total score {result.total_score}"
    )
    if result.existing:
        print(f"Open pairs kept as they are: {len(result.existing)}")
    print()
    print(f"Proposals ({result.mentor_label} → {result.mentee_label}):")
    if not proposals:
        print("  none")
    for proposal in proposals:
        for line in _proposal_lines(proposal):
            print(line)
    print()
    print("Unmatched:")
    if not unmatched:
        print("  nobody")
    for person in unmatched:
        print(f"  {person.name} ({person.role}): {person.reason}")
    if result.warnings:
        print()
        print("Warnings:")
        for warning in result.warnings:
            print(f"  {warning}")


def _person_in(result: MatchResult, name: str) -> int:
    from revmentor_desktop.domain.text import fold

    wanted = fold(" ".join(name.split()))
    found = [pid for pid, p in result.profiles.items() if fold(p.name) == wanted]
    if len(found) != 1:
        problem = "is not enrolled in" if not found else "names several people in"
        raise CommandProblem(f"“{name}” {problem} “{result.cohort_name}”.")
    return found[0]


def print_why(result: MatchResult, mentor_name: str, mentee_name: str) -> None:
    """Explain one pair: its score rule by rule and what, if anything, blocks it."""
    explanation = result.explain(_person_in(result, mentor_name), _person_in(result, mentee_name))
    mentor, mentee = result.name(explanation.mentor_id), result.name(explanation.mentee_id)
    print(f"{mentor} → {mentee}: score {explanation.score}")
    if explanation.shared_tags:
        print(f"  shared tags: {', '.join(explanation.shared_tags)}")
    for part in explanation.parts:
        print(f"  {part.rule.label:<21} {part.points:>3}/{part.max_points:<3} {part.note}")
    if explanation.blockers:
        print("Never proposed, because:")
        for blocker in explanation.blockers:
            print(f"  {blocker}")
    else:
        print("Allowed by every mandatory rule.")


def _open(arguments: argparse.Namespace) -> AbstractContextManager[object]:
    """Only ``--apply`` changes the file and takes the writer lock; the rest reads alongside it."""
    if arguments.apply and not arguments.why:
        from revmentor_desktop.storage.database import DataFile

        return DataFile.open(data_path(arguments))
    from revmentor_desktop.storage.reading import open_for_reading

    return open_for_reading(data_path(arguments))


def command_match(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import cohorts
    from revmentor_desktop.domain.matching import workflow

    with _open(arguments):
        cohort_id = cohorts.find_cohort_id(arguments.cohort)
        result = workflow.propose(cohort_id)
        if arguments.why:
            print_why(result, *arguments.why)
            return EXIT_OK
        print_result(result)
        print()
        if not arguments.apply:
            if result.proposals:
                print("Nothing was changed. Add --apply to create these pairs (status proposed).")
            return EXIT_OK
        to_create = list(result.proposals)
        created = workflow.accept(cohort_id, to_create)
        print(f"Created {plural(len(created), 'pair')} with status proposed.")
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    match = commands.add_parser(
        "match",
        help="propose pairs for a cohort with the matching assistant",
        description="Propose the best pairing for a whole cohort, with each score explained "
        "and the reason anyone stays unmatched. Changes nothing unless --apply is given.",
    )
    match.add_argument("--cohort", required=True, metavar="NAME", help="the cohort's name")
    match.add_argument(
        "--apply", action="store_true", help="create the proposed pairs (status proposed)"
    )
    match.add_argument(
        "--why",
        nargs=2,
        metavar=("MENTOR", "MENTEE"),
        help="explain one pair by the two people's names: its score and what blocks it",
    )
    match.set_defaults(handler=command_match)
