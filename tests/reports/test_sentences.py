"""Every sentence of every document reads, whatever data is missing.

A new coordinator's first agreements said "The partnership runs from to be agreed to to be
agreed" and a summary said "11 of 1 planned so far". Here every kind of document is drawn for
every combination of missing data (cohort dates, a pair's start, sessions, goals, the meeting
rhythm, a pair ended before its start) and its text is read back and checked.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from revmentor_desktop.domain import cohorts, pairs, people, sessions, settings
from revmentor_desktop.domain.errors import RuleViolation
from revmentor_desktop.reports import registry
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Cohort, Meeting, Pair
from tests.reports.helpers import pdf_text
from tests.reports.programme import NOW, clock

START = date(2026, 3, 9)
LATER_START = NOW.date() + timedelta(days=30)  # a pair that is ended before this start


@dataclass(frozen=True)
class PairCase:
    has_start: bool
    has_sessions: bool
    has_goals: bool
    ended_before_start: bool

    def __str__(self) -> str:
        return ", ".join(f"{name.replace('_', ' ')}={value}" for name, value in vars(self).items())


PAIR_CASES = [PairCase(*values) for values in itertools.product((True, False), repeat=4)]
COHORT_CASES = list(itertools.product(("dates", "no dates"), ("cadence", "no cadence")))
KINDS = ("reverse", "traditional", "mutual")

# What a careless sentence leaves behind.
PLACEHOLDER = re.compile(r"\$\{?[A-Za-z_]")
NONE_WORD = re.compile(r"\bNone\b")
DOUBLED_WORD = re.compile(r"\b([^\W\d_]{2,})\s+\1\b", re.IGNORECASE)
# "Participation by department" is a heading over a table whose first column is "Department".
FINE_DOUBLES = {"department"}
NEGATIVE = re.compile(r"(?<![\w–-])-\s?\d")
PERCENT = re.compile(r"(\d[\d,]*)\s?%")
HELD_OF_PLANNED = re.compile(r"(\d[\d,]*) of (\d[\d,]*) planned")
DANGLING = re.compile(
    r"\b(from|to|on|until|around|by|for) (to be agreed|not set yet)\b|\bfrom to\b"
    r"|\bAround ,|\bevery 0\b|\s[,.;:](?!\d)|\(\s*\)|·\s*·",
    re.IGNORECASE,
)


def problems_in(text: str) -> list[str]:
    """What reads wrong in a document's text, each with the words around it."""

    def around(match: re.Match[str]) -> str:
        return text[max(0, match.start() - 60) : match.end() + 60]

    found = [f"placeholder: …{around(m)}…" for m in PLACEHOLDER.finditer(text)]
    found += [f"'None': …{around(m)}…" for m in NONE_WORD.finditer(text)]
    found += [
        f"doubled word: …{around(m)}…"
        for m in DOUBLED_WORD.finditer(text)
        if m.group(1).lower() not in FINE_DOUBLES
    ]
    found += [f"dangling words: …{around(m)}…" for m in DANGLING.finditer(text)]
    found += [f"negative figure: …{around(m)}…" for m in NEGATIVE.finditer(text)]
    found += [
        f"percentage over 100: …{around(m)}…"
        for m in PERCENT.finditer(text)
        if int(m.group(1).replace(",", "")) > 100
    ]
    found += [
        f"more held than planned: …{around(m)}…"
        for m in HELD_OF_PLANNED.finditer(text)
        if int(m.group(1).replace(",", "")) > int(m.group(2).replace(",", ""))
    ]
    return found


def test_the_check_catches_what_the_first_documents_said() -> None:
    broken = (
        "The partnership runs from to be agreed to to be agreed. Around to be agreed, "
        "half-way through. Sessions held 11 of 1 planned so far (1100 %). Health None. $cadence"
        " Days to first session -16"
    )
    kinds = {problem.split(":")[0] for problem in problems_in(broken)}
    assert kinds == {
        "placeholder",
        "'None'",
        "doubled word",
        "dangling words",
        "percentage over 100",
        "more held than planned",
        "negative figure",
    }
    assert problems_in("The partnership runs from 9 March 2026 to 18 December 2026.") == []


def _person(name: str, cohort_id: int, role: str) -> int:
    person_id = people.add_person(people.PersonDraft(name, department="Finance"), clock)
    cohorts.enrol(cohort_id, person_id, role)
    return person_id


def _add_sessions(pair_id: int, first_day: date) -> None:
    """More held sessions than the rhythm planned, one cancelled, one planned ahead."""
    for week in range(6):
        moment = datetime.combine(first_day, datetime.min.time()) + timedelta(days=7 * week)
        Meeting.create(
            pair=pair_id,
            starts_at=moment.replace(hour=14),
            duration_minutes=60,
            meeting_format="in person",
            status="cancelled" if week == 5 else "held",
            cancelled_by="mentee" if week == 5 else "",
            topics=["LinkedIn"],
            mentor_takeaways="",
            mentee_takeaways="",
            notes="",
        )
    if Pair.get_by_id(pair_id).status in ("proposed", "active", "paused"):
        sessions.add_session(sessions.SessionDraft(pair_id, NOW + timedelta(days=3)), clock)


def _add_pair(cohort_id: int, number: int, case: PairCase) -> int:
    mentor = _person(f"Ana Lopez {number:02d}", cohort_id, "mentor")
    mentee = _person(f"Ben Okafor {number:02d}", cohort_id, "mentee")
    start = LATER_START if case.ended_before_start else START
    goals = [pairs.GoalDraft("Post on LinkedIn once a month", 40)] if case.has_goals else []
    draft = pairs.PairDraft(
        cohort_id, mentor, mentee, start_date=start if case.has_start else None, goals=goals
    )
    pair_id = pairs.create_pair(draft, clock)
    if case.has_start and not case.ended_before_start:
        pairs.change_status(pair_id, "activate", clock=clock)
    if case.has_sessions:
        _add_sessions(pair_id, NOW.date() - timedelta(days=50))
    if case.ended_before_start:
        pairs.change_status(pair_id, "end_early", "Moved to another site", clock=clock)
    elif case.has_start and case.has_sessions and not case.has_goals:
        pairs.change_status(pair_id, "complete", clock=clock)  # certificates are for these
    return pair_id


def _build(kind: str, with_dates: bool, with_cadence: bool) -> tuple[int, dict[int, PairCase]]:
    settings.put(settings.PAGE_SIZE, "A4")
    dates = (date(2026, 3, 2), date(2026, 12, 18)) if with_dates else (None, None)
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft(f"{kind.title()} programme 2027", kind, *dates, 21, 60), clock
    )
    if not with_cadence:  # an older or imported file: no meeting rhythm recorded
        Cohort.update(cadence_days=0).where(Cohort.id == cohort_id).execute()
    cases = {_add_pair(cohort_id, number, case): case for number, case in enumerate(PAIR_CASES)}
    return cohort_id, cases


def _read(kind: registry.DocumentKind[object], target_id: int) -> tuple[str, bool]:
    """The document's text, or the words of its refusal (certificates are only for completed
    pairs): both are read by the coordinator; the flag says which."""
    request = registry.Request(include_private_notes=True, clock=clock)
    buffer = io.BytesIO()
    try:
        kind.gather_document(target_id, request).render(buffer)
    except RuleViolation as refusal:
        return str(refusal), False
    return pdf_text(buffer.getvalue()), True


@pytest.mark.parametrize(("dates", "cadence"), COHORT_CASES)
def test_every_document_reads_whatever_is_missing(
    data_file: DataFile, dates: str, cadence: str
) -> None:
    kind = KINDS[COHORT_CASES.index((dates, cadence)) % len(KINDS)]
    cohort_id, cases = _build(kind, dates == "dates", cadence == "cadence")
    failures: dict[str, str] = {}  # each problem once, with where it was first seen
    drawn: set[str] = set()
    for document_kind in registry.KINDS.values():
        if document_kind.target == registry.Target.COHORT:
            targets = {cohort_id: f"cohort with {dates}, {cadence}"}
        else:
            targets = {pair_id: f"{dates}, {cadence}, {case}" for pair_id, case in cases.items()}
        for target_id, label in targets.items():
            text, was_drawn = _read(document_kind, target_id)
            if was_drawn:
                drawn.add(document_kind.name)
            for problem in problems_in(text):
                failures.setdefault(re.sub(r"\d+", "N", problem), f"{document_kind.name} ({label})")
    assert not failures, "\n".join(f"{where}: {problem}" for problem, where in failures.items())
    assert drawn == set(registry.KINDS), "every kind of document is drawn for some data"
