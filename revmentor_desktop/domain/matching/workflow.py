"""Running the assistant on a cohort and turning accepted proposals into pairs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from revmentor_desktop.domain import pairs
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.edits import Edit, record_edit
from revmentor_desktop.domain.matching import constraints
from revmentor_desktop.domain.matching.facts import load_facts
from revmentor_desktop.domain.matching.result import MatchResult, Proposal
from revmentor_desktop.domain.matching.rules import RuleSettings
from revmentor_desktop.domain.matching.solver import solve
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.storage.models import Pair, PairConstraint, database_proxy
from revmentor_desktop.storage.snapshots import Scope

PairKey = tuple[int, int]  # (mentor id, mentee id)


def propose(
    cohort_id: int,
    clock: Clock = system_clock,
    *,
    keep: Iterable[PairKey] = (),
    exclude: Iterable[PairKey] = (),
    settings: RuleSettings | None = None,
) -> MatchResult:
    """Draft proposals for the cohort. Reads only: nothing changes until ``accept``.

    Open pairs and locked pairs stay as they are; ``keep`` adds drafts to keep (accepted in a
    review) and ``exclude`` drafts not to propose again (rejected in a review). ``settings``
    tries other weights without storing them. ``clock`` is accepted for symmetry with the rest
    of the domain; the rules compare dates recorded on people, not today's date.
    """
    del clock
    facts = load_facts(cohort_id, settings)
    return solve(facts, keep=keep, exclude=exclude)


def accept(cohort_id: int, proposals: Sequence[Proposal], clock: Clock = system_clock) -> list[int]:
    """Create a pair with status proposed for each proposal, all or none; returns their ids.

    Each pair's focus areas start as the tags the two share.
    """
    created = []
    with database_proxy.atomic():
        for proposal in proposals:
            draft = pairs.PairDraft(
                cohort_id=cohort_id,
                mentor_id=proposal.mentor_id,
                mentee_id=proposal.mentee_id,
                focus_areas=list(proposal.shared_tags),
            )
            created.append(pairs.create_pair(draft, clock))
    return created


def _cohort_scopes(cohort_id: int) -> list[Scope]:
    return [
        Scope(Pair, Pair.cohort == cohort_id),
        Scope(PairConstraint, PairConstraint.cohort == cohort_id),
    ]


def _description(created: int, locked: int, forbidden: int) -> str:
    parts = []
    if created:
        parts.append(f"Create {plural(created, 'pair')}")
    if locked:
        parts.append(f"lock {locked}")
    if forbidden:
        parts.append(f"forbid {forbidden}")
    text = ", ".join(parts) or "Matching decisions"
    return text[0].upper() + text[1:] + " (matching)"


def _outcome(created: int, locked: int, forbidden: int) -> str:
    """What the matching decisions did: "3 pairs created, 1 locked"."""
    done = ((created, "created"), (locked, "locked"), (forbidden, "forbidden"))
    counts = [(count, word) for count, word in done if count]
    if not counts:
        return "Matching decisions saved"
    (first, word), rest = counts[0], counts[1:]
    return ", ".join([f"{plural(first, 'pair')} {word}", *(f"{n} {w}" for n, w in rest)])


def accept_edit(
    cohort_id: int,
    proposals: Sequence[Proposal],
    locked: Iterable[PairKey] = (),
    forbidden: Iterable[PairKey] = (),
    clock: Clock = system_clock,
) -> Edit:
    """Like ``accept``, also storing locked and forbidden pairs, as one undoable edit."""
    locked, forbidden = list(locked), list(forbidden)

    def action() -> None:
        for mentor_id, mentee_id in locked:
            constraints.lock_pair(cohort_id, mentor_id, mentee_id)
        for mentor_id, mentee_id in forbidden:
            constraints.forbid_pair(cohort_id, mentor_id, mentee_id)
        accept(cohort_id, proposals, clock)

    return record_edit(
        _description(len(proposals), len(locked), len(forbidden)),
        _cohort_scopes(cohort_id),
        action,
        done=_outcome(len(proposals), len(locked), len(forbidden)),
    )
