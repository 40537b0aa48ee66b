"""The ``match`` sub-command: propose pairs for a cohort, explain them, optionally create them."""

from __future__ import annotations

import argparse
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from revmentor_desktop.commands.common import EXIT_OK, CommandProblem, data_location
from revmentor_desktop.domain.vocabulary import agree, plural

if TYPE_CHECKING:
    from revmentor_desktop.domain.matching.result import MatchResult, PairFit, Proposal
    from revmentor_desktop.domain.matching.rules import Rule, Weight


def _fit_lines(fit: PairFit, indent: str) -> list[str]:
    """The score's parts, which add up to it, then the mandatory rules the pair passes."""
    lines = []
    if fit.shared_tags:
        lines.append(f"{indent}shared topics: {', '.join(fit.shared_tags)}")
    for part in fit.parts:
        points = f"{part.points}/{part.max_points}"
        lines.append(f"{indent}{part.rule.label:<21} {points:>7}  {part.note}")
    for gate in fit.gates:
        verdict = "passed" if gate.passed else "broken"
        lines.append(f"{indent}{gate.rule.label:<21} {verdict:>7}  {gate.note}")
    return lines


def _proposal_lines(result: MatchResult, proposal: Proposal) -> list[str]:
    marker = {"locked": "  [locked]", "kept": "  [kept]"}.get(proposal.origin.value, "")
    lines = [
        f"  {proposal.mentor_name} → {proposal.mentee_name}   "
        f"score {proposal.score}/100{marker}"
        f"{_uncovered_marker(result, proposal, proposal.mentee_name)}"
    ]
    lines.extend(_fit_lines(proposal, "      "))
    lines.extend(f"      warning: {warning}" for warning in proposal.warnings)
    return lines


def _uncovered_marker(result: MatchResult, fit: PairFit, mentee_name: str) -> str:
    from revmentor_desktop.domain.matching.explain import uncovered_note

    if not fit.covers_nothing:
        return ""
    return f"  [{uncovered_note(fit.wanted, mentee_name, result.kind)}]"


def print_result(result: MatchResult) -> None:
    from revmentor_desktop.domain.matching.rules_text import describe_settings

    proposals, unmatched = result.proposals, result.unmatched
    print(
        f"Matching for “{result.cohort_name}” ({result.kind.value} mentoring): "
        f"{plural(len(proposals), 'proposal')}, "
        f"{len(unmatched)} unmatched, average score {result.average_score} out of 100"
    )
    for line in describe_settings(result.settings):
        print(line)
    uncovered = len(result.covering_nothing)
    if uncovered:
        print(
            f"{plural(uncovered, 'proposal')} {agree('cover', uncovered)} none of the "
            "topics the mentee wants to learn: no mentor who could has a free place."
        )
    if result.existing:
        print(f"Open pairs kept as they are: {len(result.existing)}")
    print()
    print(f"Proposals ({result.mentor_label} → {result.mentee_label}):")
    if not proposals:
        print("  none")
    for proposal in proposals:
        for line in _proposal_lines(result, proposal):
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


def _person_in(result: MatchResult, typed: str) -> int:
    """The participant ``typed`` (a name or an e-mail address) means."""
    from revmentor_desktop.domain.errors import NotFound
    from revmentor_desktop.domain.namesakes import resolve_person

    try:
        return resolve_person(typed, among=result.profiles.keys())
    except NotFound:
        raise CommandProblem(f"“{typed}” is not enrolled in “{result.cohort_name}”.") from None


def print_why(result: MatchResult, mentor_typed: str, mentee_typed: str) -> None:
    """Explain one pair: its score rule by rule and what, if anything, blocks it.

    Each person is given by name or e-mail address, as typed."""
    explanation = result.explain(_person_in(result, mentor_typed), _person_in(result, mentee_typed))
    mentor, mentee = result.name(explanation.mentor_id), result.name(explanation.mentee_id)
    print(f"{mentor} → {mentee}: score {explanation.score}/100")
    if explanation.covers_nothing:
        print("  " + _uncovered_marker(result, explanation, mentee).strip(" []"))
    for line in _fit_lines(explanation, "  "):
        print(line)
    if explanation.blockers:
        print("Never proposed, because:")
        for blocker in explanation.blockers:
            print(f"  {blocker}")
    else:
        print("Allowed by every mandatory rule.")


def _changes_weights(arguments: argparse.Namespace) -> bool:
    return bool(arguments.weight) and not arguments.why


def _open(arguments: argparse.Namespace) -> AbstractContextManager[object]:
    """Only ``--apply`` and ``--weight`` change the file and take the writer lock; the rest
    reads alongside it."""
    if (arguments.apply and not arguments.why) or _changes_weights(arguments):
        from revmentor_desktop.services.data_sources import open_for_changes

        return open_for_changes(data_location(arguments))
    from revmentor_desktop.services.data_sources import open_for_reading

    return open_for_reading(data_location(arguments))


def _save_weights(cohort_id: int, changes: list[tuple[Rule, Weight | None]]) -> None:
    from revmentor_desktop.domain.cohorts import get_cohort_model
    from revmentor_desktop.domain.matching import rules_text, saved_rules

    cohort = get_cohort_model(cohort_id)
    changed = rules_text.with_changes(saved_rules.rule_settings(cohort_id, cohort.kind), changes)
    saved_rules.save_rule_settings(cohort_id, changed)
    print(f"Rules saved for “{cohort.name}”:")
    for line in rules_text.describe_settings(changed):
        print(f"  {line}")
    print()


def command_match(arguments: argparse.Namespace) -> int:
    from revmentor_desktop.domain import cohorts
    from revmentor_desktop.domain.matching import workflow

    if arguments.weight and arguments.why:
        raise CommandProblem("Use --weight without --why: --why explains, it changes nothing.")
    with _open(arguments):
        cohort_id = cohorts.find_cohort_id(arguments.cohort)
        if arguments.weight:
            _save_weights(cohort_id, arguments.weight)
        result = workflow.propose(cohort_id)
        if arguments.why:
            print_why(result, *arguments.why)
            return EXIT_OK
        print_result(result)
        print()
        if not arguments.apply:
            if result.proposals:
                done = "No pair was created." if arguments.weight else "Nothing was changed."
                print(f"{done} Add --apply to create these pairs (status proposed).")
            return EXIT_OK
        to_create = list(result.proposals)
        created = workflow.accept(cohort_id, to_create)
        print(f"Created {plural(len(created), 'pair')} with status proposed.")
    return EXIT_OK


def _weight_change(text: str) -> tuple[Rule, Weight | None]:
    """argparse's reading of RULE=LEVEL: a wrong one is a wrong command line (exit 2)."""
    from revmentor_desktop.domain.errors import ValidationError
    from revmentor_desktop.domain.matching.rules_text import parse_weight_change

    try:
        return parse_weight_change(text)
    except ValidationError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None


def register(commands: argparse._SubParsersAction) -> None:
    match = commands.add_parser(
        "match",
        help="propose pairs for a cohort with the matching assistant",
        description="Propose the best pairing for a whole cohort, with each score out of 100 "
        "explained and the reason anyone stays unmatched. Changes nothing unless --apply or "
        "--weight is given.",
    )
    match.add_argument("--cohort", required=True, metavar="NAME", help="the cohort's name")
    match.add_argument(
        "--apply", action="store_true", help="create the proposed pairs (status proposed)"
    )
    match.add_argument(
        "--why",
        nargs=2,
        metavar=("MENTOR", "MENTEE"),
        help="explain one pair, each person given by name or e-mail address: its score and "
        "what blocks it",
    )
    match.add_argument(
        "--weight",
        nargs="+",
        action="extend",
        type=_weight_change,
        metavar="RULE=LEVEL",
        help="change and save the cohort's weight of a rule, then propose. Rules: skills, "
        "seniority, reporting_line, department, meeting_format, location, history; levels: "
        "mandatory, high, medium, low, off, default",
    )
    match.set_defaults(handler=command_match)
