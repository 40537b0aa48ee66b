"""Pairs: a mentor and a mentee in a cohort, their goals, and the life of the pairing.

``records`` holds what the functions take and give; ``validation`` the rules a pair's draft
must meet; ``saving`` creates, loads, saves and deletes a pair with its goals; ``lifecycle``
its status changes (activate, pause, resume, complete, end early); ``listing`` the pairs list,
filtered and sorted in SQL; ``follow_up`` the pairs Today points out. The names below are what
callers use (``pairs.create_pair(...)``).
"""

from revmentor_desktop.domain.pairs.follow_up import (
    pairs_awaiting_agreement,
    pairs_needing_attention,
)
from revmentor_desktop.domain.pairs.lifecycle import (
    allowed_actions,
    change_status,
    default_start_date,
    first_held_session,
    pair_status,
    validate_end_reason,
    validate_start_date,
)
from revmentor_desktop.domain.pairs.listing import (
    PAIR_SORT_KEYS,
    list_pairs,
    pair_ids,
    pair_rows,
)
from revmentor_desktop.domain.pairs.records import (
    FlaggedPair,
    GoalDraft,
    PairDraft,
    PairQuery,
    PairRow,
    UnsignedPair,
)
from revmentor_desktop.domain.pairs.saving import (
    cohort_of,
    create_pair,
    delete_pair,
    get_pair,
    load_pair,
    update_pair,
)
from revmentor_desktop.domain.pairs.validation import (
    KEEPS_ITS_PEOPLE,
    PEOPLE_FIELDS,
    fixed_fields,
    mentor_choice,
    validate_pair,
)

__all__ = [
    "KEEPS_ITS_PEOPLE",
    "PAIR_SORT_KEYS",
    "PEOPLE_FIELDS",
    "FlaggedPair",
    "GoalDraft",
    "PairDraft",
    "PairQuery",
    "PairRow",
    "UnsignedPair",
    "allowed_actions",
    "change_status",
    "cohort_of",
    "create_pair",
    "default_start_date",
    "delete_pair",
    "first_held_session",
    "fixed_fields",
    "get_pair",
    "list_pairs",
    "load_pair",
    "mentor_choice",
    "pair_ids",
    "pair_rows",
    "pair_status",
    "pairs_awaiting_agreement",
    "pairs_needing_attention",
    "update_pair",
    "validate_end_reason",
    "validate_pair",
    "validate_start_date",
]
