"""The demo's cohorts, who takes part in each, and their pairs with goals and notes."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from revmentor_desktop.domain.demo.holidays import is_working_day
from revmentor_desktop.domain.demo.rows import (
    DemoCohort,
    DemoPair,
    DemoPerson,
    insert_rows,
    office_moment,
    random_days,
)
from revmentor_desktop.domain.demo.wording import (
    AMBER,
    CADENCES,
    COHORT_THEMES,
    EXECUTIVE,
    FORCED_RUNNING_STATES,
    GOALS,
    GREEN,
    JUNIOR,
    KIND_TITLE,
    MID,
    NEW,
    PAIR_NOTES,
    RED,
    RUNNING_STATES,
    SENIOR,
    SESSION_MINUTES,
    WAITING,
)
from revmentor_desktop.domain.topics import CLASSIC_TOPICS, REVERSE_MENTORING_TOPICS
from revmentor_desktop.domain.vocabulary import (
    END_EARLY_REASONS,
    CohortKind,
    PairStatus,
    Role,
)
from revmentor_desktop.storage.models import (
    Cohort,
    Goal,
    Pair,
)

# --- Cohorts and who takes part -----------------------------------------------------------


def _season(day: date) -> str:
    return ("winter", "spring", "summer", "autumn")[(day.month % 12) // 3]


def _cohort_name(kind: CohortKind, start: date, theme: str, taken: set[str]) -> str:
    title = KIND_TITLE[kind]
    candidates = [f"{title} {start.year}", f"{title} {_season(start)} {start.year}"]
    if theme:
        candidates = [f"{title} {start.year} – {theme}"]
    for name in candidates:
        if name.casefold() not in taken:
            break
    else:
        number = 2
        while f"{candidates[-1]} ({number})".casefold() in taken:
            number += 1
        name = f"{candidates[-1]} ({number})"
    taken.add(name.casefold())
    return name


def make_cohorts(rng: random.Random, people: int, today: date, first_id: int) -> list[DemoCohort]:
    # A finished reverse cohort, one of each kind running, and one about to start ...
    plans: list[tuple[CohortKind, date, int, str]] = [
        (CohortKind.REVERSE, today - random_days(rng, 400, 440), rng.randint(270, 300), ""),
        (CohortKind.REVERSE, today - random_days(rng, 140, 170), rng.randint(270, 300), ""),
        (CohortKind.TRADITIONAL, today - random_days(rng, 180, 220), rng.randint(330, 365), ""),
        (CohortKind.MUTUAL, today - random_days(rng, 90, 120), rng.randint(180, 240), ""),
        (CohortKind.REVERSE, today + random_days(rng, 20, 45), rng.randint(240, 300), ""),
    ]
    # ... and, in a larger organisation, more themed cohorts over the past two years.
    kinds = list(CohortKind)
    for _ in range(max(5, min(100, round(people / 70))) - len(plans)):
        kind = rng.choices(kinds, weights=(45, 35, 20))[0]
        start = today - random_days(rng, 30, 720)
        plans.append((kind, start, rng.randint(180, 365), rng.choice(COHORT_THEMES[kind])))
    taken: set[str] = set()
    cohorts = []
    for position, (kind, start, length, theme) in enumerate(plans):
        end = start + timedelta(days=length)
        phase = "upcoming" if start > today else "finished" if end < today else "running"
        cohorts.append(
            DemoCohort(
                id=first_id + position,
                name=_cohort_name(kind, start, theme, taken),
                kind=kind,
                start=start,
                end=end,
                cadence=rng.choice(CADENCES[kind]),
                minutes=rng.choice(SESSION_MINUTES),
                phase=phase,
                archived=phase == "finished" and (today - end).days > 365,
            )
        )
    return cohorts


def insert_cohorts(cohorts: list[DemoCohort]) -> None:
    rows = []
    for cohort in cohorts:
        mentor_label, mentee_label = cohort.kind.default_role_labels
        created = datetime.combine(cohort.start - timedelta(days=60), time(10, 0))
        rows.append(
            (cohort.id, cohort.name, cohort.kind.value, cohort.start, cohort.end, cohort.cadence,
             cohort.minutes, mentor_label, mentee_label, cohort.archived, created)
        )  # fmt: skip
    fields = [
        Cohort.id, Cohort.name, Cohort.kind, Cohort.start_date, Cohort.end_date,
        Cohort.cadence_days, Cohort.session_minutes, Cohort.mentor_label, Cohort.mentee_label,
        Cohort.archived, Cohort.created_at,
    ]  # fmt: skip
    insert_rows(Cohort, fields, rows)


Enrolment = tuple[DemoPerson, str, int]  # person, role, capacity


def enrol(
    rng: random.Random, staff: list[DemoPerson], cohorts: list[DemoCohort]
) -> dict[int, list[Enrolment]]:
    """Who takes part in each cohort: in reverse cohorts the juniors mentor the seniors."""
    present = [person for person in staff if not person.archived]
    juniors = [person for person in present if person.band in (JUNIOR, MID)]
    seniors = [person for person in present if person.band in (SENIOR, EXECUTIVE)]
    size = max(10, round(0.85 * len(present) / len(cohorts)))
    mentor, mentee, both = Role.MENTOR.value, Role.MENTEE.value, Role.BOTH.value
    enrolments: dict[int, list[Enrolment]] = {}
    for cohort in cohorts:
        wanted = rng.randint(round(size * 0.8), round(size * 1.2))
        entries: list[Enrolment]
        if cohort.kind == CohortKind.REVERSE:
            learners = rng.sample(seniors, min(len(seniors), max(2, round(wanted * 0.45))))
            teachers = rng.sample(juniors, min(len(juniors), max(2, wanted - len(learners))))
            entries = [(p, mentor, 2 if rng.random() < 0.15 else 1) for p in teachers]
            entries += [(p, mentee, 1) for p in learners]
        elif cohort.kind == CohortKind.TRADITIONAL:
            teachers = rng.sample(seniors, min(len(seniors), max(2, round(wanted * 0.4))))
            learners = rng.sample(juniors, min(len(juniors), max(2, wanted - len(teachers))))
            entries = [(p, mentor, rng.choices((1, 2, 3), (50, 35, 15))[0]) for p in teachers]
            entries += [
                (p, both if p.band == MID and rng.random() < 0.15 else mentee, 1) for p in learners
            ]
        else:
            entries = [(p, both, 1) for p in rng.sample(present, min(len(present), wanted))]
        enrolments[cohort.id] = entries
    return enrolments


# --- Pairs and goals ----------------------------------------------------------------------


def _fits(kind: CohortKind, mentor: DemoPerson, mentee: DemoPerson) -> bool:
    if mentor is mentee:
        return False
    if kind == CohortKind.REVERSE:
        return mentor.grade < mentee.grade
    if kind == CohortKind.TRADITIONAL:
        return mentor.grade > mentee.grade
    return True


def _match(
    rng: random.Random, cohort: DemoCohort, entries: list[Enrolment]
) -> list[tuple[DemoPerson, DemoPerson]]:
    """Mentor and mentee of each pair; capacity is never exceeded, some people stay unmatched."""
    leave_out = 0 if cohort.phase == "finished" else 10  # percent still waiting for a match
    if cohort.kind == CohortKind.MUTUAL:
        partners = [person for person, _, _ in entries]
        keep = len(partners) - len(partners) * leave_out // 100
        return [(partners[i], partners[i + 1]) for i in range(0, keep - 1, 2)]
    mentors = [[person, capacity] for person, role, capacity in entries if Role(role).can_mentor]
    mentees = [person for person, role, _ in entries if Role(role).can_be_mentored]
    rng.shuffle(mentees)
    mentees = mentees[: len(mentees) - len(mentees) * leave_out // 100]
    matches = []
    for mentee in mentees:
        free = [m for m in mentors if m[1] > 0 and _fits(cohort.kind, m[0], mentee)]
        if not free:
            continue
        wishes = set(mentee.learns)
        best = max(
            rng.sample(free, min(6, len(free))), key=lambda m: len(wishes & set(m[0].teaches))
        )
        best[1] -= 1
        matches.append((best[0], mentee))
    return matches


def _draw_state(rng: random.Random, phase: str) -> tuple[str, str]:
    if phase == "upcoming":
        return PairStatus.PROPOSED.value, ""
    if phase == "finished":
        done = PairStatus.COMPLETED if rng.random() < 0.85 else PairStatus.ENDED_EARLY
        return done.value, ""
    weights = [weight for weight, _, _ in RUNNING_STATES]
    _, status, profile = rng.choices(RUNNING_STATES, weights=weights)[0]
    return str(status), profile


def topic_pool(kind: CohortKind) -> tuple[str, ...]:
    if kind == CohortKind.REVERSE:
        return REVERSE_MENTORING_TOPICS
    if kind == CohortKind.TRADITIONAL:
        return CLASSIC_TOPICS
    return REVERSE_MENTORING_TOPICS + CLASSIC_TOPICS


def _focus(
    rng: random.Random, kind: CohortKind, mentor: DemoPerson, mentee: DemoPerson
) -> list[str]:
    """What the pair works on: what one teaches and the other wants to learn, first."""
    shared = [topic for topic in mentor.teaches if topic in mentee.learns]
    if kind == CohortKind.MUTUAL:
        shared += [t for t in mentee.teaches if t in mentor.learns and t not in shared]
    wanted = rng.randint(2, 3)
    focus = shared[:wanted]
    for topic in mentor.teaches + rng.sample(topic_pool(kind), 3):
        if len(focus) >= wanted:
            break
        if topic not in focus:
            focus.append(topic)
    return focus


def make_pairs(
    rng: random.Random,
    cohorts: list[DemoCohort],
    enrolments: dict[int, list[Enrolment]],
    today: date,
    first_id: int,
) -> list[DemoPair]:
    pairs: list[DemoPair] = []
    forced = list(FORCED_RUNNING_STATES)
    for cohort in cohorts:
        for mentor, mentee in _match(rng, cohort, enrolments[cohort.id]):
            pair = DemoPair(first_id + len(pairs), cohort, mentor, mentee)
            if cohort.phase == "running" and forced:
                status, profile = forced.pop(0)
            else:
                status, profile = _draw_state(rng, cohort.phase)
            _date_pair(rng, pair, str(status), profile, today)
            pair.focus = _focus(rng, cohort.kind, mentor, mentee)
            pairs.append(pair)
    # At least one session past its date still marked planned: the Today view's "mark it".
    late = [pair for pair in pairs if pair.profile in (GREEN, AMBER) and _can_be_late(pair, today)]
    if late and not any(pair.overdue for pair in pairs):
        late[0].overdue = True
    return pairs


def _date_pair(rng: random.Random, pair: DemoPair, status: str, profile: str, today: date) -> None:
    """Start and end of the pair, and the stretch of time its past sessions fall in."""
    cohort = pair.cohort
    yesterday = today - timedelta(days=1)
    pair.status, pair.profile = status, profile
    if status == PairStatus.PROPOSED:
        pair.start = cohort.start if cohort.phase == "upcoming" else None
        return
    start = min(cohort.start + random_days(rng, 0, 21), yesterday)
    if status == PairStatus.ACTIVE and profile in (NEW, WAITING):
        recent = (3, 12) if profile == NEW else (18, 35)
        pair.start = max(min(cohort.start, yesterday), today - random_days(rng, *recent))
        pair.future = 1 if profile == NEW or rng.random() < 0.5 else 0
        return
    pair.start = start
    if status == PairStatus.ACTIVE:
        cadence = cohort.cadence
        low, high = {
            GREEN: (1, cadence),
            AMBER: (int(1.5 * cadence) + 1, 3 * cadence),
            RED: (3 * cadence + 1, 3 * cadence + 60),
        }[profile]
        high = min(high, (today - start).days)
        last = _working_day_ago(rng, today, low, high) if low <= high else start
        pair.window = (start, last)
        pair.future = {GREEN: rng.choice((1, 1, 2)), AMBER: rng.randint(0, 1), RED: 0}[profile]
        pair.overdue = profile != RED and _can_be_late(pair, today) and rng.random() < 0.1
    elif status == PairStatus.PAUSED:
        pair.window = (start, max(start, today - random_days(rng, 7, 60)))
    elif status == PairStatus.COMPLETED:
        if cohort.phase == "finished":
            end = cohort.end - random_days(rng, 0, 14)
        else:
            end = today - random_days(rng, 1, 30)
        pair.end = max(end, start + timedelta(days=1))
        pair.window = (start, min(pair.end, yesterday))
    else:  # ended early
        span = max(2, (min(cohort.end, today) - start).days)
        pair.end = start + random_days(rng, max(1, span // 5), max(1, span * 2 // 3))
        pair.window = (start, min(pair.end, yesterday))


def _can_be_late(pair: DemoPair, today: date) -> bool:
    """Whether the pair's next session after its last one, a cadence on, is already past."""
    return pair.window is not None and (today - pair.window[1]).days > 1.3 * pair.cohort.cadence


def _working_day_ago(rng: random.Random, today: date, low: int, high: int) -> date:
    """A working day from ``low`` to ``high`` days before ``today``: a pair's last meeting."""
    days = [today - timedelta(days=ago) for ago in range(low, high + 1)]
    working = [day for day in days if is_working_day(day)]
    return rng.choice(working or days)


def lower_first(topic: str) -> str:
    """A topic as it reads inside a sentence: "negotiation" but still "LinkedIn"."""
    brands = ("Microsoft", "Slack", "Miro", "LinkedIn", "TikTok", "Instagram", "YouTube",
              "WhatsApp", "Canva")  # fmt: skip
    return topic if topic.startswith(brands) else topic[:1].lower() + topic[1:]


def _progress(rng: random.Random, pair: DemoPair, today: date) -> int:
    if pair.status == PairStatus.PROPOSED or pair.start is None:
        return 0
    if pair.status == PairStatus.COMPLETED:
        return rng.choice(range(70, 101, 5))
    if pair.status == PairStatus.ENDED_EARLY:
        return rng.choice(range(0, 65, 5))
    length = max(1, (pair.cohort.end - pair.start).days)
    elapsed = min(1.0, max(0.0, (today - pair.start).days / length))
    reach = rng.uniform(50, 110) if pair.status == PairStatus.ACTIVE else rng.uniform(20, 70)
    return min(95, 5 * round(elapsed * reach / 5))


def insert_pairs(rng: random.Random, pairs: list[DemoPair], today: date) -> None:
    pair_rows = []
    goal_rows = []
    for pair in pairs:
        cohort = pair.cohort
        if pair.start is not None and pair.start <= today:
            created_on = pair.start - random_days(rng, 3, 20)
        elif cohort.phase == "running":
            created_on = today - random_days(rng, 1, 20)
        else:
            created_on = min(cohort.start, today) - random_days(rng, 3, 20)
        agreement = None
        if pair.status != PairStatus.PROPOSED and pair.start and rng.random() < 0.85:
            agreement = min(pair.start + random_days(rng, 0, 10), today)
        end_reason = rng.choice(END_EARLY_REASONS) if pair.status == PairStatus.ENDED_EARLY else ""
        summary = ""
        if pair.status == PairStatus.COMPLETED:
            summary = (
                f"We met regularly and worked on {', '.join(map(lower_first, pair.focus))}. "
                "Both of us would recommend the programme."
            )
        notes = rng.choice(PAIR_NOTES) if rng.random() < 0.08 else ""
        pair_rows.append(
            (pair.id, cohort.id, pair.mentor.id, pair.mentee.id, cohort.kind.value, pair.status,
             end_reason, pair.start, pair.end, list(pair.focus), agreement, notes, summary,
             office_moment(created_on, rng))
        )  # fmt: skip
        for position in range(rng.randint(1, 3)):
            owner, template = rng.choice(GOALS[cohort.kind])
            topic = lower_first(pair.focus[position % len(pair.focus)])
            description = template.format(topic=topic)
            goal_rows.append((pair.id, owner, description, _progress(rng, pair, today), position))
    fields = [
        Pair.id, Pair.cohort, Pair.mentor, Pair.mentee, Pair.direction, Pair.status,
        Pair.end_reason, Pair.start_date, Pair.end_date, Pair.focus_areas,
        Pair.agreement_signed, Pair.coordinator_notes, Pair.shared_summary, Pair.created_at,
    ]  # fmt: skip
    insert_rows(Pair, fields, pair_rows)
    insert_rows(
        Goal, [Goal.pair, Goal.owner, Goal.description, Goal.progress, Goal.position], goal_rows
    )
