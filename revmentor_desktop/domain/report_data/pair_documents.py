"""Gathering what a pair's agreement and progress summary show."""

from __future__ import annotations

from datetime import date

from revmentor_desktop.domain import agreement_text, cohorts, settings
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.health import HealthLevel, pair_health
from revmentor_desktop.domain.logo import Logo
from revmentor_desktop.domain.namesakes import Identity, labels_of_namesakes
from revmentor_desktop.domain.outcomes.figures import pair_focus_progress
from revmentor_desktop.domain.queries import as_datetime, get_or_not_found
from revmentor_desktop.domain.report_data.common import (
    cadence_phrase,
    halfway_phrase,
    meeting_format_phrase,
    page_size_setting,
    plan_unknown_note,
    planned_note,
    review_date,
    sessions_due,
    sessions_in_term,
    term_sentence,
)
from revmentor_desktop.domain.report_data.records import (
    AgreementBatch,
    AgreementClause,
    AgreementData,
    ClauseBlock,
    GoalLine,
    Letterhead,
    PairSummaryData,
    PartyInfo,
    SessionLine,
)
from revmentor_desktop.domain.vocabulary import CohortKind, PairStatus, SessionStatus, agree, plural
from revmentor_desktop.storage.models import (
    Cohort,
    Goal,
    Meeting,
    Pair,
    Person,
)


def letterhead(clock: Clock = system_clock, locale_name: str | None = None) -> Letterhead:
    return Letterhead(
        settings.get(settings.ORGANISATION_NAME).strip(),
        Logo.from_setting(settings.get(settings.LOGO)),
        page_size_setting(locale_name),
        clock().date(),
        settings.get(settings.COORDINATOR_NAME).strip(),
        settings.get(settings.COORDINATOR_CONTACT).strip(),
    )


def kind_label(kind: str) -> str:
    return {
        CohortKind.REVERSE: "Reverse mentoring",
        CohortKind.TRADITIONAL: "Mentoring",
        CohortKind.MUTUAL: "Mutual mentoring",
    }.get(CohortKind(kind), "Mentoring")


def _pair_model(pair_id: int) -> Pair:
    return get_or_not_found(Pair, pair_id, "pair")


def _parties(cohort: Cohort, mentor: Person, mentee: Person) -> tuple[PartyInfo, PartyInfo]:
    """Both partners of a pair. Partners who share a name are named with what tells them
    apart (department, job title, ...), or the document could not say who does what."""
    names = {mentor.id: mentor.name, mentee.id: mentee.name}
    if mentor.name == mentee.name:
        names = labels_of_namesakes([_identity(mentor), _identity(mentee)])
    return (
        PartyInfo(
            mentor.id, cohort.mentor_label, names[mentor.id], mentor.job_title, mentor.department
        ),
        PartyInfo(
            mentee.id, cohort.mentee_label, names[mentee.id], mentee.job_title, mentee.department
        ),
    )


def _identity(person: Person) -> Identity:
    return Identity(person.id, person.name, person.department, person.job_title, person.email or "")


def _goal_lines(pair_id: int, first: PartyInfo, second: PartyInfo) -> tuple[GoalLine, ...]:
    owners = {"mentor": first.name, "mentee": second.name, "both": "Both partners"}
    query = Goal.select().where(Goal.pair == pair_id).order_by(Goal.position, Goal.id)
    return tuple(
        GoalLine(owners.get(goal.owner, second.name), goal.description, goal.progress)
        for goal in query
    )


def _agreement(
    pair: Pair,
    cohort: Cohort,
    mentor: Person,
    mentee: Person,
    head: Letterhead,
    wording: tuple[list[agreement_text.Clause], str] | None = None,
) -> AgreementData:
    """One agreement; ``wording`` (clauses and version) saves re-reading them for each pair."""
    first, second = _parties(cohort, mentor, mentee)
    start = pair.start_date or cohort.start_date
    end = pair.end_date or cohort.end_date
    review = review_date(start, end)
    meeting_format = meeting_format_phrase((mentor.meeting_format, mentee.meeting_format))
    first_meeting_by = second.name
    values = {
        "organisation": head.organisation_name or "the organisation",
        "coordinator": _coordinator_phrase(head.coordinator_name),
        "smallest_group": agreement_text.number_words(settings.get(settings.SMALLEST_GROUP)),
        "programme": cohort.name,
        "mentor": first.name,
        "mentee": second.name,
        "mentor_label": cohort.mentor_label.lower() if cohort.mentor_label else "mentor",
        "mentee_label": cohort.mentee_label.lower() if cohort.mentee_label else "mentee",
        "cadence": _cadence_we_agree(cohort.cadence_days),
        "minutes": str(cohort.session_minutes),
        "format": meeting_format,
        "first_meeting_by": first_meeting_by,
        "start": format_date(start, "a start date still to be set"),
        "end": format_date(end, "an end date still to be set"),
        "review": format_date(review, "the half-way point"),
        "term": term_sentence(start, end),
        "halfway": halfway_phrase(review),
    }
    clause_list, version = wording or _wording(cohort.kind)
    clauses = tuple(
        AgreementClause(
            clause.key,
            agreement_text.fill(clause.heading, values),
            tuple(
                ClauseBlock(kind, tuple(agreement_text.fill(item, values) for item in items))
                for kind, items in agreement_text.paragraphs(clause.body)
            ),
        )
        for clause in clause_list
    )
    return AgreementData(
        pair_id=pair.id,
        programme=cohort.name,
        kind=cohort.kind,
        kind_label=kind_label(cohort.kind),
        programme_start=cohort.start_date,
        programme_end=cohort.end_date,
        version=version,
        first=first,
        second=second,
        focus_areas=tuple(pair.focus_areas),
        goals=_goal_lines(pair.id, first, second),
        cadence=cadence_phrase(cohort.cadence_days),
        session_minutes=cohort.session_minutes,
        meeting_format=meeting_format,
        first_meeting_by=first_meeting_by,
        start_date=start,
        end_date=end,
        review_date=review,
        clauses=clauses,
    )


def _cadence_we_agree(cadence_days: int) -> str:
    """How often the partners meet, in the agreement's own voice ("we")."""
    if cadence_days <= 0:
        return "at a rhythm we agree at our first meeting"
    return cadence_phrase(cadence_days)


def _coordinator_phrase(name: str) -> str:
    return f"the programme coordinator, {name}" if name else "the programme coordinator"


def _wording(kind: str) -> tuple[list[agreement_text.Clause], str]:
    return agreement_text.agreement_clauses(kind), agreement_text.agreement_version()


def agreement_for_pair(
    pair_id: int, clock: Clock = system_clock, locale_name: str | None = None
) -> AgreementBatch:
    pair = _pair_model(pair_id)
    cohort = Cohort.get_by_id(pair.cohort_id)
    head = letterhead(clock, locale_name)
    data = _agreement(
        pair,
        cohort,
        Person.get_by_id(pair.mentor_id),
        Person.get_by_id(pair.mentee_id),
        head,
    )
    return AgreementBatch(head, (data,), "Pairing agreement")


def agreements_for_cohort(
    cohort_id: int,
    clock: Clock = system_clock,
    locale_name: str | None = None,
    include_finished: bool = False,
) -> AgreementBatch:
    """An agreement for every proposed, active or paused pair of the cohort (by mentee name).

    Finished pairs (completed, ended early) need no agreement; ``include_finished`` adds them.
    """
    cohort = cohorts.get_cohort_model(cohort_id)
    head = letterhead(clock, locale_name)
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    query = (
        Pair.select(Pair, mentor, mentee)
        .join(mentor, on=(Pair.mentor == mentor.id))
        .switch(Pair)
        .join(mentee, on=(Pair.mentee == mentee.id))
        .where(Pair.cohort == cohort_id)
        .order_by(mentee.name, mentor.name, Pair.id)
    )
    if not include_finished:
        query = query.where(Pair.status.in_(cohorts.OPEN_STATUSES))
    agreements = tuple(_agreement(pair, cohort, pair.mentor, pair.mentee, head) for pair in query)
    if not agreements:
        raise NotFound(f"The cohort “{cohort.name}” has no open pairs to print agreements for.")
    return AgreementBatch(head, agreements, f"Pairing agreements – {cohort.name}")


def _cancelled_by(code: str, first: PartyInfo, second: PartyInfo) -> str:
    if code == "mentor":
        return first.name
    if code == "mentee":
        return second.name
    if code == "coordinator":
        return "Coordinator"
    return ""


def _next_steps(
    status: str,
    health_level: str,
    health_reason: str,
    today: date,
    upcoming: date | None,
    review: date | None,
    end: date | None,
    cadence: str,
    goals: tuple[GoalLine, ...],
    signed: date | None,
) -> tuple[str, ...]:
    steps: list[str] = []
    if status == PairStatus.PROPOSED:
        steps.append("Hold the introductory meeting and activate the pair.")
    if status in (PairStatus.COMPLETED, PairStatus.ENDED_EARLY):
        steps.append("The partnership has ended; no further sessions are planned.")
        return tuple(steps)
    if signed is None:
        steps.append("Sign the pairing agreement (both partners and the coordinator).")
    if status == PairStatus.PAUSED:
        steps.append("The pair is paused: agree with both partners when to resume.")
    if status == PairStatus.ACTIVE:
        if upcoming is not None:
            steps.append(f"Next session planned for {format_date(upcoming)}.")
        else:
            steps.append(
                f"No session is planned yet: agree the next date (the pair meets {cadence})."
            )
        if health_level in (HealthLevel.AMBER, HealthLevel.RED):
            steps.append(f"The coordinator checks in with both partners: {health_reason}")
    if review is not None and review >= today:
        steps.append(f"Mid-point review around {format_date(review)}.")
    open_goals = [goal for goal in goals if goal.progress < 100]
    if goals and not open_goals:
        steps.append("All goals are reached: agree whether to set new ones or close early.")
    elif open_goals:
        count = len(open_goals)
        steps.append(
            f"{plural(count, 'goal')} {agree('are', count)} still open; "
            "review progress at the next session."
        )
    if end is not None and end >= today:
        steps.append(f"The partnership ends on {format_date(end)}: plan a closing conversation.")
    return tuple(steps)


def pair_summary(
    pair_id: int,
    include_private_notes: bool = False,
    clock: Clock = system_clock,
    locale_name: str | None = None,
) -> PairSummaryData:
    """The progress summary of one pair. Coordinator-only notes are read only when asked for."""
    pair = _pair_model(pair_id)
    cohort = Cohort.get_by_id(pair.cohort_id)
    mentor = Person.get_by_id(pair.mentor_id)
    mentee = Person.get_by_id(pair.mentee_id)
    first, second = _parties(cohort, mentor, mentee)
    now = clock()
    today = now.date()
    start = pair.start_date or cohort.start_date
    end = pair.end_date or cohort.end_date
    review = review_date(start, end)
    goals = _goal_lines(pair.id, first, second)
    # The plan counts from the pair's own start: a pair that began in May owes nothing for March.
    due = sessions_due(pair.start_date, end, cohort.cadence_days, today)

    lines: list[SessionLine] = []
    held_count = cancelled = upcoming_count = minutes = 0
    last_held: date | None = None
    next_planned: date | None = None
    for meeting in (
        Meeting.select().where(Meeting.pair == pair_id).order_by(Meeting.starts_at, Meeting.id)
    ):
        starts_at = as_datetime(meeting.starts_at)
        if meeting.status == SessionStatus.HELD:
            held_count += 1
            minutes += meeting.duration_minutes
            last_held = starts_at.date()
        elif meeting.status == SessionStatus.CANCELLED:
            cancelled += 1
        elif starts_at >= now:
            upcoming_count += 1
            if next_planned is None:
                next_planned = starts_at.date()
        lines.append(
            SessionLine(
                starts_at=starts_at,
                duration_minutes=meeting.duration_minutes,
                meeting_format=meeting.meeting_format,
                status=meeting.status,
                cancelled_by=_cancelled_by(meeting.cancelled_by, first, second),
                topics=tuple(meeting.topics),
                first_takeaway=meeting.mentor_takeaways.strip(),
                second_takeaway=meeting.mentee_takeaways.strip(),
                private_note=meeting.notes.strip() if include_private_notes else "",
            )
        )
    health = pair_health(pair.status, pair.start_date, last_held, cohort.cadence_days, today)
    cadence = cadence_phrase(cohort.cadence_days)
    return PairSummaryData(
        letterhead=letterhead(clock, locale_name),
        pair_id=pair.id,
        programme=cohort.name,
        kind_label=kind_label(cohort.kind),
        first=first,
        second=second,
        status=pair.status,
        end_reason=pair.end_reason,
        health_level=health.level.value,
        health_word=health.word,
        health_reason=health.reason,
        start_date=start,
        end_date=end,
        review_date=review,
        agreement_signed=pair.agreement_signed,
        cadence=cadence,
        focus_areas=tuple(pair.focus_areas),
        goals=goals,
        sessions_held=held_count,
        sessions_due=due,
        sessions_in_term=sessions_in_term(pair.start_date, end, cohort.cadence_days),
        planned_note=planned_note(
            held_count,
            due,
            sessions_in_term(pair.start_date, end, cohort.cadence_days),
            plan_unknown_note(pair.start_date, cohort.cadence_days),
        ),
        sessions_cancelled=cancelled,
        sessions_upcoming=upcoming_count,
        total_minutes=minutes,
        last_held=last_held,
        days_since_last=None if last_held is None else (today - last_held).days,
        sessions=tuple(lines),
        shared_summary=pair.shared_summary.strip(),
        next_steps=_next_steps(
            pair.status,
            health.level.value,
            health.reason,
            today,
            next_planned,
            review,
            end,
            cadence,
            goals,
            pair.agreement_signed,
        ),
        include_private_notes=include_private_notes,
        private_notes=pair.coordinator_notes.strip() if include_private_notes else "",
        focus_progress=pair_focus_progress(pair.id, pair.focus_areas),
    )
