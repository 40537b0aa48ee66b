"""What the printed plans show: a handout of one plan, and a pair's plan booklet.

Plain data for reports/plans.py. Minutes are scaled here, to the cohort's session length, so
the printed agenda always adds up to the meetings the pair actually has.
"""

from __future__ import annotations

from dataclasses import dataclass

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.plans import pair_plans
from revmentor_desktop.domain.plans.agenda import WRITTEN_FOR, TimedItem, timed
from revmentor_desktop.domain.plans.catalogue import find_plan, plans_by_key
from revmentor_desktop.domain.plans.session_plan import SessionPlan
from revmentor_desktop.domain.queries import get_or_not_found
from revmentor_desktop.domain.report_data import Letterhead
from revmentor_desktop.domain.report_data.common import cadence_phrase, date_range
from revmentor_desktop.domain.report_data.pair_documents import kind_label, letterhead
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.storage.models import Cohort, Pair, Person


@dataclass(frozen=True)
class PlanPage:
    """One plan as printed: its words, its timed agenda and who prepares what."""

    plan: SessionPlan
    steps: tuple[TimedItem, ...]
    session_minutes: int
    mentor_label: str
    mentee_label: str
    meeting: str = ""  # "Meeting 3 of 8" in a booklet
    done: bool = False  # a held session took it up


@dataclass(frozen=True)
class PlanHandout:
    letterhead: Letterhead
    page: PlanPage

    @property
    def title(self) -> str:
        return f"Session plan – {self.page.plan.title}"


@dataclass(frozen=True)
class PlanBooklet:
    """A pair's plan: a cover with both names and the cohort, then a page per plan."""

    letterhead: Letterhead
    pair_id: int
    mentor_name: str
    mentee_name: str
    mentor_label: str
    mentee_label: str
    cohort_name: str
    programme_kind: str
    dates: str
    rhythm: str  # "every 3 weeks, 60 minutes each"
    pages: tuple[PlanPage, ...]
    suggested: bool  # the pair has no plan yet: this is the one the library suggests

    @property
    def title(self) -> str:
        return f"Our mentoring plan – {self.mentor_name} & {self.mentee_name}"


def handout(
    name: str,
    session_minutes: int = WRITTEN_FOR,
    clock: Clock = system_clock,
    locale_name: str | None = None,
) -> PlanHandout:
    """One plan as a handout, timed for ``session_minutes``, for anyone in any cohort."""
    plan = find_plan(name)
    reverse_only = CohortKind.TRADITIONAL.value not in plan.cohort_kinds and plan.cohort_kinds
    kind = CohortKind.REVERSE if reverse_only else CohortKind.TRADITIONAL
    mentor, mentee = kind.default_role_labels
    steps = tuple(timed(plan.agenda, session_minutes))
    page = PlanPage(plan, steps, session_minutes, mentor, mentee)
    return PlanHandout(letterhead(clock, locale_name), page)


def pair_booklet(
    pair_id: int, clock: Clock = system_clock, locale_name: str | None = None
) -> PlanBooklet:
    """The pair's plan, or the suggested one when the pair has none saved yet."""
    return pair_booklets([pair_id], clock, locale_name)[0]


def pair_booklets(
    pair_ids: list[int], clock: Clock = system_clock, locale_name: str | None = None
) -> list[PlanBooklet]:
    """The booklets of several pairs, reading the library and the letterhead once."""
    head = letterhead(clock, locale_name)
    plans = plans_by_key()
    return [_booklet(pair_id, head, plans) for pair_id in pair_ids]


def _booklet(pair_id: int, head: Letterhead, plans: dict[str, SessionPlan]) -> PlanBooklet:
    pair = get_or_not_found(Pair, pair_id, "pair")
    cohort = Cohort.get_by_id(pair.cohort_id)
    mentor, mentee = Person.get_by_id(pair.mentor_id), Person.get_by_id(pair.mentee_id)
    entries = pair_plans.pair_plan(pair_id)
    suggested = not entries
    keys = pair_plans.suggested_for_pair(pair_id) if suggested else [e.plan_key for e in entries]
    done = {entry.plan_key for entry in entries if entry.done}
    minutes = cohort.session_minutes
    known = [key for key in keys if key in plans]
    pages = tuple(
        PlanPage(
            plans[key],
            tuple(timed(plans[key].agenda, minutes)),
            minutes,
            cohort.mentor_label,
            cohort.mentee_label,
            f"Meeting {number} of {len(known)}",
            key in done,
        )
        for number, key in enumerate(known, start=1)
    )
    return PlanBooklet(
        letterhead=head,
        pair_id=pair_id,
        mentor_name=mentor.name,
        mentee_name=mentee.name,
        mentor_label=cohort.mentor_label,
        mentee_label=cohort.mentee_label,
        cohort_name=cohort.name,
        programme_kind=kind_label(cohort.kind),
        dates=date_range(pair.start_date or cohort.start_date, pair.end_date or cohort.end_date),
        rhythm=f"Meeting {cadence_phrase(cohort.cadence_days)}, {minutes} minutes each",
        pages=pages,
        suggested=suggested,
    )
