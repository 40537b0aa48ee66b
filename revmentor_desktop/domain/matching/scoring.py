"""Scores of every mentee × mentor combination, rule by rule, computed with numpy arrays.

Rows are mentees and columns mentors. For each rule in use the table keeps whether the pair
breaks it; for each scoring rule (high, medium or low) the whole points the pair earns out of
that rule's share of 100. A pair is *blocked* when it breaks a mandatory rule, is forbidden,
or would pair a person with themselves. The explanation reads the same arrays, so the parts of
a score always add up to its total.

The table also says which pairs *cover* some of what the mentee wants to learn: the solver
puts those first, and the score only orders pairs that are alike in that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from revmentor_desktop.domain.matching.facts import Profile
from revmentor_desktop.domain.matching.rules import Rule, RuleSettings, Weight, normal_title
from revmentor_desktop.domain.text import fold
from revmentor_desktop.domain.vocabulary import CohortKind, MeetingFormat

# Meeting formats as bit masks: "either" accepts every format.
_IN_PERSON, _VIDEO, _PHONE = 1, 2, 4
_FORMAT_MASKS = {
    MeetingFormat.IN_PERSON.value: _IN_PERSON,
    MeetingFormat.VIDEO_CALL.value: _VIDEO,
    MeetingFormat.PHONE.value: _PHONE,
    MeetingFormat.EITHER.value: _IN_PERSON | _VIDEO | _PHONE,
}
_REMOTE = _VIDEO | _PHONE
DAYS_PER_YEAR = 365.25


def format_mask(meeting_format: str) -> int:
    return _FORMAT_MASKS.get(meeting_format, _IN_PERSON | _VIDEO | _PHONE)


@lru_cache(maxsize=8192)
def tag_key(tag: str) -> str:
    """How a tag is compared: folded, single-spaced. Cached: a cohort has few distinct tags,
    and each is compared for every pair that is explained."""
    return fold(" ".join(tag.split()))


@lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """A department or a place as it is compared: folded, without surrounding blanks."""
    return fold(text.strip())


def folded_tags(tags: Iterable[str]) -> set[str]:
    return {tag_key(tag) for tag in tags if tag.strip()}


def management_chain(person_id: int, managers: dict[int, int | None], levels: int) -> list[int]:
    """The person's managers, nearest first, up to ``levels`` levels."""
    chain: list[int] = []
    manager = managers.get(person_id)
    while manager is not None and len(chain) < levels and manager not in chain:
        chain.append(manager)
        manager = managers.get(manager)
    return chain


def _codes(values: Sequence[str]) -> np.ndarray:
    """Folded text as integer codes; empty text is -1 (unknown)."""
    known: dict[str, int] = {}
    codes = np.full(len(values), -1, dtype=np.int64)
    for index, value in enumerate(values):
        key = folded(value)
        if key:
            codes[index] = known.setdefault(key, len(known))
    return codes


def _tag_matrix(tag_lists: Sequence[Iterable[str]], vocabulary: dict[str, int]) -> np.ndarray:
    """One row per person, one column per known tag: 1 where the person has the tag."""
    matrix = np.zeros((len(tag_lists), max(len(vocabulary), 1)), dtype=np.float32)
    for row, tags in enumerate(tag_lists):
        for tag in folded_tags(tags):
            matrix[row, vocabulary[tag]] = 1.0
    return matrix


# Seniority

GRADE, HIRE, TITLE, NO_BASIS = 1, 2, 3, 0


def title_rank(job_title: str, settings: RuleSettings) -> int:
    """+1 when the title holds a senior word, -1 a junior one, 0 when neither or both."""
    padded = f" {normal_title(job_title)} "
    senior = any(f" {word} " in padded for word in settings.senior_words)
    junior = any(f" {word} " in padded for word in settings.junior_words)
    return int(senior) - int(junior)


@dataclass(frozen=True)
class Seniority:
    """Who is more senior in each (mentee, mentor) cell, and on what evidence.

    ``direction`` is +1 where the mentor is more senior, -1 where less, 0 where nothing tells.
    ``basis`` says what decided (grade, hire date, job title, or nothing). ``close`` marks cells
    where the two are known to be nearer than the cohort's minimum gap: grades that differ by
    less than it, or — when no basis decides — equal grades, hire dates nearer than the gap or
    job titles of the same rank. Cells with neither a direction nor ``close`` cannot be told.
    """

    direction: np.ndarray  # int8
    basis: np.ndarray  # int8
    close: np.ndarray  # bool

    def at(self, i: int, j: int) -> tuple[int, int, bool]:
        """(direction, basis, close) of one cell."""
        return int(self.direction[i, j]), int(self.basis[i, j]), bool(self.close[i, j])

    def fits(self, kind: CohortKind) -> tuple[np.ndarray, np.ndarray]:
        """Where the mentor is clearly on the right side for ``kind``, and where not."""
        wanted = 1 if kind is CohortKind.TRADITIONAL else -1
        right = (self.direction == wanted) & ~self.close
        return right, (self.direction == -wanted) | self.close


def _column(values: Sequence[float | None]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def seniority(
    mentees: Sequence[Profile], mentors: Sequence[Profile], settings: RuleSettings
) -> Seniority:
    """Compare every mentee with every mentor: grades first, then years since hire (when
    grades are missing or equal), then job-title words (when neither tells)."""

    def hired(profiles: Sequence[Profile]) -> np.ndarray:
        return _column([p.hire_date.toordinal() if p.hire_date else None for p in profiles])

    def ranks(profiles: Sequence[Profile]) -> np.ndarray:
        return np.array([title_rank(p.job_title, settings) for p in profiles], dtype=np.int8)

    with np.errstate(invalid="ignore"):
        grade_gap = (
            _column([p.grade for p in mentors])[None, :]
            - _column([p.grade for p in mentees])[:, None]
        )
        # Positive: the mentor was hired earlier, so has served longer.
        years = (hired(mentees)[:, None] - hired(mentors)[None, :]) / DAYS_PER_YEAR
    grades_known, years_known = ~np.isnan(grade_gap), ~np.isnan(years)
    by_grade = grades_known & (grade_gap != 0)
    grade_close = by_grade & (np.abs(np.nan_to_num(grade_gap)) < settings.min_grade_gap)
    years_apart = np.abs(np.nan_to_num(years))
    by_hire = ~by_grade & years_known & (years_apart > 0) & (years_apart >= settings.years_gap)
    title_e, title_m = ranks(mentees)[:, None], ranks(mentors)[None, :]
    titles_known = (title_e != 0) & (title_m != 0)
    by_title = ~by_grade & ~by_hire & titles_known & (title_m != title_e)
    undecided = ~by_grade & ~by_hire & ~by_title
    near = (grades_known & (grade_gap == 0)) | years_known | titles_known
    direction = np.select(
        [by_grade, by_hire, by_title],
        [
            np.sign(np.nan_to_num(grade_gap)),
            np.sign(np.nan_to_num(years)),
            np.sign(title_m - title_e),
        ],
        0,
    ).astype(np.int8)
    basis = np.select([by_grade, by_hire, by_title], [GRADE, HIRE, TITLE], NO_BASIS)
    return Seniority(direction, basis.astype(np.int8), grade_close | (undecided & near))


@dataclass
class ScoreTable:
    mentees: list[Profile]
    mentors: list[Profile]
    settings: RuleSettings
    shares: dict[Rule, int]  # each scoring rule's share of the 100 points
    points: dict[Rule, np.ndarray]  # int32 (mentees, mentors) per scoring rule
    breaks: dict[Rule, np.ndarray]  # bool (mentees, mentors) per rule in use
    total: np.ndarray  # int64 (mentees, mentors), out of 100
    blocked: np.ndarray  # bool (mentees, mentors)
    forbidden: np.ndarray  # bool (mentees, mentors)
    # The mentee (in mutual cohorts, either partner) wants something the other teaches.
    covers: np.ndarray  # bool (mentees, mentors)
    seniority: Seniority | None = None

    def __post_init__(self) -> None:
        self.mentee_index = {p.person_id: i for i, p in enumerate(self.mentees)}
        self.mentor_index = {p.person_id: j for j, p in enumerate(self.mentors)}

    @property
    def rules(self) -> list[Rule]:
        return list(self.breaks)

    def cell(self, mentor_id: int, mentee_id: int) -> tuple[int, int] | None:
        i = self.mentee_index.get(mentee_id)
        j = self.mentor_index.get(mentor_id)
        return None if i is None or j is None else (i, j)


@dataclass(frozen=True)
class _Candidates:
    """What every rule reads: both sides of the table and the facts about the people."""

    mentees: list[Profile]
    mentors: list[Profile]
    settings: RuleSettings
    managers: dict[int, int | None]
    history: dict[tuple[int, int], str]

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.mentees), len(self.mentors)

    @cached_property
    def mentee_index(self) -> dict[int, int]:
        return {p.person_id: i for i, p in enumerate(self.mentees)}

    @cached_property
    def mentor_index(self) -> dict[int, int]:
        return {p.person_id: j for j, p in enumerate(self.mentors)}

    def mark(self, pairs: Iterable[tuple[int, int]]) -> np.ndarray:
        """True at each (mentee id, mentor id) of ``pairs`` that is in the table."""
        marked = np.zeros(self.shape, dtype=bool)
        for mentee_id, mentor_id in pairs:
            i, j = self.mentee_index.get(mentee_id), self.mentor_index.get(mentor_id)
            if i is not None and j is not None:
                marked[i, j] = True
        return marked

    def known_and_same(self, attribute: str) -> tuple[np.ndarray, np.ndarray]:
        """Where both sides have a value for ``attribute``, and where those values match."""
        values = [getattr(p, attribute) for p in self.mentees + self.mentors]
        codes = _codes(values)
        mentee_codes = codes[: len(self.mentees)][:, None]
        mentor_codes = codes[len(self.mentees) :][None, :]
        known = (mentee_codes >= 0) & (mentor_codes >= 0)
        return known, known & (mentee_codes == mentor_codes)

    @cached_property
    def common_formats(self) -> np.ndarray:
        """Bit masks of the meeting formats both sides accept."""
        return _masks(self.mentees)[:, None] & _masks(self.mentors)[None, :]

    @cached_property
    def coverage(self) -> tuple[np.ndarray, np.ndarray]:
        """How many wanted topics the other can teach, and how many are wanted (both ways in
        mutual cohorts), as float arrays of the table's shape."""
        mentees, mentors = self.mentees, self.mentors
        mutual = self.settings.kind is CohortKind.MUTUAL
        lists = [[p.learns for p in mentees], [p.teaches for p in mentors]]
        if mutual:
            lists += [[p.teaches for p in mentees], [p.learns for p in mentors]]
        vocabulary: dict[str, int] = {}
        for tag_lists in lists:
            for tags in tag_lists:
                for tag in folded_tags(tags):
                    vocabulary.setdefault(tag, len(vocabulary))
        matrices = [_tag_matrix(tag_lists, vocabulary) for tag_lists in lists]
        covered = matrices[0] @ matrices[1].T
        wanted = matrices[0].sum(axis=1)[:, None] + np.zeros((1, len(mentors)), dtype=np.float32)
        if mutual:
            covered = covered + matrices[2] @ matrices[3].T
            wanted = wanted + matrices[3].sum(axis=1)[None, :]
        return covered.astype(np.float64), wanted.astype(np.float64)

    @cached_property
    def seniority(self) -> Seniority:
        return seniority(self.mentees, self.mentors, self.settings)


def score_table(
    mentees: Sequence[Profile],
    mentors: Sequence[Profile],
    settings: RuleSettings,
    managers: dict[int, int | None],
    history: dict[tuple[int, int], str],
    forbidden: Iterable[tuple[int, int]] = (),
) -> ScoreTable:
    """Score every mentee against every mentor; ``forbidden`` holds (mentor, mentee) ids."""
    candidates = _Candidates(list(mentees), list(mentors), settings, managers, history)
    shape = candidates.shape
    shares = settings.shares()
    points: dict[Rule, np.ndarray] = {}
    breaks: dict[Rule, np.ndarray] = {}
    total = np.zeros(shape, dtype=np.int64)
    blocked = np.zeros(shape, dtype=bool)
    for rule in Rule:
        weight = settings.weight(rule)
        if weight is Weight.OFF:
            continue
        fit, broken = _RULE_FUNCTIONS[rule](candidates)
        breaks[rule] = np.broadcast_to(broken, shape).copy()
        if weight is Weight.MANDATORY:
            blocked |= breaks[rule]
        else:
            fit = np.broadcast_to(fit, shape).astype(np.float64)
            points[rule] = np.floor(fit * shares[rule] + 0.5).astype(np.int32)
            total += points[rule]

    forbidden_mask = candidates.mark((mentee_id, mentor_id) for mentor_id, mentee_id in forbidden)
    blocked |= forbidden_mask
    themselves = ((p.person_id, p.person_id) for p in candidates.mentees)
    blocked |= candidates.mark(themselves)  # nobody mentors themselves
    # Only when the skills rule is in use does covering a wanted topic come first.
    covers = (candidates.coverage[0] > 0) & (Rule.SKILLS in breaks)
    return ScoreTable(
        candidates.mentees,
        candidates.mentors,
        settings,
        shares,
        points,
        breaks,
        total,
        blocked,
        forbidden_mask,
        covers,
        candidates.seniority if Rule.SENIORITY in breaks else None,
    )


# Each rule: candidates -> (fit, breaks), arrays that broadcast to (mentees, mentors).


def _skills(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    """Share of the wanted topics the other can teach; in mutual cohorts, both ways together.

    Only a pair in which something is wanted and nothing of it is taught breaks the rule: a
    mentee who listed nothing to learn fits every mentor equally (not at all).
    """
    covered, wanted = candidates.coverage
    fit = np.divide(covered, wanted, out=np.zeros_like(covered), where=wanted > 0)
    return fit, (wanted > 0) & (covered == 0)


def _seniority(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    return candidates.seniority.fits(candidates.settings.kind)


def _reporting_line(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    levels, managers = candidates.settings.reporting_levels, candidates.managers
    in_line = [
        (person.person_id, manager)
        for person in candidates.mentees
        for manager in management_chain(person.person_id, managers, levels)
    ]
    manages = [
        (manager, person.person_id)
        for person in candidates.mentors
        for manager in management_chain(person.person_id, managers, levels)
    ]
    broken = candidates.mark(in_line) | candidates.mark(manages)
    return ~broken, broken


def _department(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    known, same = candidates.known_and_same("department")
    return known & ~same, same


def _masks(profiles: list[Profile]) -> np.ndarray:
    return np.array([format_mask(p.meeting_format) for p in profiles], dtype=np.int64)


def _meeting_format(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    common = candidates.common_formats
    return common != 0, common == 0


def _location(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    """Same place: full marks; elsewhere but able to meet remotely (or unknown): half."""
    known, same = candidates.known_and_same("location")
    remote = (candidates.common_formats & _REMOTE) != 0
    apart = known & ~same & ~remote  # must meet in person, in different places
    fit = np.where(same, 1.0, np.where(apart, 0.0, 0.5))
    return fit, apart


def _history(candidates: _Candidates) -> tuple[np.ndarray, np.ndarray]:
    both_ways = [
        pair for first, second in candidates.history for pair in ((first, second), (second, first))
    ]
    broken = candidates.mark(both_ways)
    return ~broken, broken


_RULE_FUNCTIONS = {
    Rule.SKILLS: _skills,
    Rule.SENIORITY: _seniority,
    Rule.REPORTING_LINE: _reporting_line,
    Rule.DEPARTMENT: _department,
    Rule.MEETING_FORMAT: _meeting_format,
    Rule.LOCATION: _location,
    Rule.HISTORY: _history,
}
