"""The assignment at the heart of the matching: mentees to mentors' free places, with SciPy.

Rows are the mentees still to match; columns are the mentors' free places (a mentor with two
free places appears twice). A pair that breaks a mandatory rule, is forbidden, or pairs someone
with themselves is never chosen. The objective is lexicographic, in three tiers folded into one
number per cell: each allowed pair earns a bonus larger than everything below it can add up to,
each pair that covers some of what the mentee wants to learn a second, smaller such bonus, and
then its score out of 100. So the optimum matches as many people as the rules allow; among
those solutions, it covers as many mentees' wishes as possible, so no mentee gets a partner who
covers none of them while a mentor who could (without breaking a mandatory rule) has a free
place — moving the mentee there would cover one more; and among those, its total score is
the highest. Only the score out of 100 is shown: the bonuses are the order of the tiers.
"""

from __future__ import annotations

import numpy as np

from revmentor_desktop.domain.matching.rules import SCORE_OUT_OF
from revmentor_desktop.domain.matching.scoring import ScoreTable


def tiered_values(
    table: ScoreTable, cells: tuple[np.ndarray, np.ndarray], pairs_at_most: int
) -> np.ndarray:
    """The solver's value of each cell: the match and coverage bonuses plus the score.

    With at most ``pairs_at_most`` pairs, a bonus greater than the most that all pairs could
    earn from the tiers below it makes each tier outrank the ones under it.
    """
    cover_bonus = SCORE_OUT_OF * pairs_at_most + 1
    match_bonus = (cover_bonus + SCORE_OUT_OF) * pairs_at_most + 1
    value = table.total[cells] + cover_bonus * table.covers[cells].astype(np.int64)
    return np.where(table.blocked[cells], 0, value + match_bonus).astype(np.float64)


def preference(table: ScoreTable, i: int, j: int) -> tuple[bool, int]:
    """How the solver ranks one allowed pair against another: coverage first, then score."""
    return bool(table.covers[i, j]), int(table.total[i, j])


def assign(table: ScoreTable, places: np.ndarray) -> list[tuple[int, int]]:
    """The best set of (mentee row, mentor column) cells, at most ``places[j]`` per column."""
    from scipy.optimize import linear_sum_assignment

    allowed = ~table.blocked
    rows = np.flatnonzero(allowed.any(axis=1))
    if rows.size == 0:
        return []
    column_need = allowed[rows].sum(axis=0)
    copies = np.minimum(places, column_need)  # a mentor never needs more places than takers
    columns = np.repeat(np.arange(len(places)), np.maximum(copies, 0))
    if columns.size == 0:
        return []
    cells = np.ix_(rows, columns)
    sub_allowed = allowed[cells]
    profit = tiered_values(table, cells, min(rows.size, columns.size))
    chosen_rows, chosen_columns = linear_sum_assignment(profit, maximize=True)
    keep = sub_allowed[chosen_rows, chosen_columns]
    return sorted(
        (int(rows[r]), int(columns[c]))
        for r, c in zip(chosen_rows[keep], chosen_columns[keep], strict=True)
    )
