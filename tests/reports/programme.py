"""A small programme with the names and notes that break careless documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from revmentor_desktop.domain import cohorts, pairs, people, sessions, settings
from revmentor_desktop.domain.clock import Clock

NOW = datetime(2026, 6, 15, 10, 0)
START = date(2026, 3, 9)
NOTE = "Call <Anna> re: goals & <b>budget</b>"
GOAL = "Run a Teams meeting with polls & breakout rooms <b>confidently</b>"
SESSION_NOTE = "Seemed tired <check in> & follow up"


def clock() -> datetime:
    return NOW


def clock_at(moment: datetime) -> Clock:
    return lambda: moment


@dataclass(frozen=True)
class Programme:
    cohort_id: int
    cohort_name: str
    pair_id: int  # Agnès (reverse mentor) & Jörg (mentee): the busy pair
    quiet_pair_id: int  # Siobhán & Mehmet: active, no sessions
    names: dict[str, int]


def _person(name: str, job: str = "", department: str = "") -> int:
    return people.add_person(people.PersonDraft(name, job_title=job, department=department), clock)


def build_programme(*, kind: str = "reverse", extra_pairs: int = 3) -> Programme:
    """A cohort with a busy pair, a quiet pair, ``extra_pairs`` more and two ended early."""
    settings.put(settings.ORGANISATION_NAME, "Nordwind Logistik GmbH")
    settings.put(settings.PAGE_SIZE, "A4")
    name = "Reverse mentoring 2026" if kind == "reverse" else f"{kind.title()} mentoring 2026"
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft(name, kind, date(2026, 3, 2), date(2026, 12, 18), 21, 60), clock
    )
    names = {
        "Agnès Dubois": _person("Agnès Dubois", "Digital marketing associate", "Marketing"),
        "Jörg Müller": _person("Jörg Müller", "Chief Financial Officer", "Finance"),
        "Siobhán Ó Súilleabháin": _person("Siobhán Ó Súilleabháin", "Graduate analyst", "Finance"),
        "Mehmet Yılmaz": _person("Mehmet Yılmaz", "Head of Operations", "Operations"),
    }
    for index in range(2 * extra_pairs + 4):
        department = "Logistics" if index % 2 else "Finance"
        names[f"Person {index:02d}"] = _person(f"Person {index:02d}", department=department)
    names["Lonely Person"] = _person("Lonely Person", department="Legal")
    ordered = list(names.items())
    for position, (_, person_id) in enumerate(ordered):
        role = "mentor" if position % 2 == 0 else "mentee"
        if kind == "mutual":
            role = "both"
        cohorts.enrol(cohort_id, person_id, role)

    def pair(mentor: str, mentee: str, **extra: object) -> int:
        pair_id = pairs.create_pair(
            pairs.PairDraft(cohort_id, names[mentor], names[mentee], start_date=START, **extra),
            clock,
        )
        pairs.change_status(pair_id, "activate", clock=clock)
        return pair_id

    busy = pair(
        "Agnès Dubois",
        "Jörg Müller",
        focus_areas=["Microsoft Teams", "LinkedIn"],
        goals=[
            pairs.GoalDraft(GOAL, 60),
            pairs.GoalDraft("Post on LinkedIn once a month", 25),
            pairs.GoalDraft("Understand the budget cycle", 40, "mentor"),
        ],
        coordinator_notes=NOTE,
        shared_summary="We began with Teams & moved on to LinkedIn.",
    )
    for week in range(5):
        when = datetime.combine(START, datetime.min.time()) + timedelta(
            days=7 + 17 * week, hours=14
        )
        cancelled = week == 2
        sessions.add_session(
            sessions.SessionDraft(
                busy,
                when,
                45 if week % 2 else 60,
                "video call" if week % 2 else "in person",
                "cancelled" if cancelled else "held",
                cancelled_by="mentee" if cancelled else "",
                topics=["Microsoft Teams", "Spotting phishing"] if week % 2 else ["LinkedIn"],
                mentor_takeaways="" if cancelled else f"Budget insight {week}",
                mentee_takeaways="" if cancelled else f"Teams trick {week} <b>works</b>",
                notes=SESSION_NOTE,
            ),
            clock,
        )
    sessions.add_session(
        sessions.SessionDraft(busy, NOW + timedelta(days=10), 60, "in person", "planned"), clock
    )
    quiet = pair("Siobhán Ó Súilleabháin", "Mehmet Yılmaz")
    for index in range(extra_pairs):
        pair(f"Person {2 * index:02d}", f"Person {2 * index + 1:02d}")
    base = 2 * extra_pairs
    for offset in (0, 2):
        ended = pair(f"Person {base + offset:02d}", f"Person {base + offset + 1:02d}")
        pairs.change_status(ended, "end_early", "Personal circumstances", clock=clock)
    return Programme(cohort_id, name, busy, quiet, names)
