"""The Programme view's charts, each made from the programme figures: what is drawn, what the
table lists and which records are behind a bar all come from ``ProgrammeFigures``."""

from __future__ import annotations

from revmentor_desktop.domain.dates import format_day_and_month
from revmentor_desktop.domain.health import HEALTH_WORDS, HealthLevel
from revmentor_desktop.domain.programme_figures import (
    Comparison,
    FunnelStep,
    HealthCount,
    ProgrammeFigures,
)
from revmentor_desktop.domain.programme_figures.records import RUNNING_LEVELS
from revmentor_desktop.domain.vocabulary import agree, plural
from revmentor_desktop.ui.views.programme.chart_data import (
    ChartData,
    ChartKind,
    RecordKind,
    RecordList,
    Series,
    one_decimal,
    whole,
)

TOP_TOPICS = 10


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def _people_behind(title: str, step: FunnelStep) -> RecordList:
    """The people who reached a funnel step: the step counts people, so its list names them."""
    people = tuple(dict.fromkeys(step.person_ids))  # someone in two cohorts is listed once
    return RecordList(f"{title}: {len(people):,} people", RecordKind.PEOPLE, people)


def _count_and_share(step: FunnelStep) -> str:
    """ "109 · 87%": how many reached the step, and what share of those enrolled that is."""
    return f"{step.count:,} · {percent(step.share_of_enrolled)}"


def funnel_chart(figures: ProgrammeFigures) -> ChartData:
    steps = figures.funnel.steps
    records = {(0, index): _people_behind(step.label, step) for index, step in enumerate(steps)}
    drop_outs = tuple(
        "" if index == 0 else f"{step.drop_out:,} ({percent(step.drop_out_share)})"
        for index, step in enumerate(steps)
    )
    return ChartData(
        title="Participation funnel",
        kind=ChartKind.ROWS,
        category_header="Step",
        categories=tuple(step.label for step in steps),
        series=(
            Series(
                "People",
                tuple(float(step.count) for step in steps),
                labels=tuple(_count_and_share(step) for step in steps),
            ),
        ),
        value_label="people",
        extra_columns=(
            ("Of enrolled", tuple(percent(step.share_of_enrolled) for step in steps)),
            ("Lost at this step", drop_outs),
        ),
        records=records,
        notes=("Each step counts those who reached it and every step before it.",),
        empty_text="Nobody is enrolled in the chosen cohorts.",
    )


def health_now_chart(figures: ProgrammeFigures) -> ChartData:
    lines = [figures.health(level) for level in RUNNING_LEVELS]
    return ChartData(
        title=f"Pair health now ({format_day_and_month(figures.as_of, figures.as_of)})",
        kind=ChartKind.BARS,
        category_header="Health",
        categories=tuple(line.word for line in lines),
        series=(Series("Pairs", tuple(float(line.count) for line in lines)),),
        value_label="pairs",
        bar_roles=tuple(line.word.lower() for line in lines),
        records={
            (0, index): RecordList(
                f"{line.word}: {line.count:,} pairs", RecordKind.PAIRS, line.pair_ids
            )
            for index, line in enumerate(lines)
        },
        notes=("Active pairs only; a paused or finished pair has no health.",),
        empty_text="No pair of the chosen cohorts is active now.",
    )


def health_weeks_chart(figures: ProgrammeFigures) -> ChartData:
    weeks = figures.health_weeks
    today = figures.as_of
    return ChartData(
        title="Pair health week by week",
        kind=ChartKind.STACKED,
        category_header="Week ending",
        categories=tuple(format_day_and_month(week.week_ending, today) for week in weeks),
        series=tuple(
            Series(
                HEALTH_WORDS[level],
                tuple(float(week.count(level)) for week in weeks),
                HEALTH_WORDS[level].lower(),
            )
            for level in RUNNING_LEVELS
        ),
        value_label="pairs",
        notes=("How the pairs that were active at the end of each week stood that Sunday.",),
        empty_text="No pair was active in the chosen period.",
    )


def sessions_chart(figures: ProgrammeFigures) -> ChartData:
    months = figures.sessions.months
    notes = []
    if figures.sessions.planned is None:
        notes.append("Planned sessions need a start date and a meeting rhythm for each pair.")
    sessions = figures.sessions
    notes.append(f"Also {sessions.cancelled:,} cancelled and {sessions.upcoming:,} planned ahead.")
    return ChartData(
        title="Sessions per month: held and planned",
        kind=ChartKind.BARS,
        category_header="Month",
        categories=tuple(month.label for month in months),
        series=(
            Series("Held", tuple(float(month.held) for month in months)),
            Series("Planned", tuple(float(month.planned) for month in months), "planned"),
        ),
        value_label="sessions",
        extra_columns=(
            (
                "Held as share of planned",
                tuple(
                    percent(month.held / month.planned if month.planned else None)
                    for month in months
                ),
            ),
        ),
        notes=tuple(notes),
        empty_text="No session was held or planned in the chosen period.",
    )


def hours_chart(figures: ProgrammeFigures) -> ChartData:
    months = figures.sessions.months
    return ChartData(
        title=f"Mentoring hours per month ({figures.sessions.hours_held:,.0f} h in all)",
        kind=ChartKind.BARS,
        category_header="Month",
        categories=tuple(month.label for month in months),
        series=(Series("Hours held", tuple(month.hours_held for month in months)),),
        value_label="hours",
        formatter=whole,
        empty_text="No session was held in the chosen period.",
    )


OUTCOMES_TITLE = "Before and after, by benefit and role"


def outcomes_chart(figures: ProgrammeFigures) -> ChartData:
    if not figures.outcomes.counted:
        return ChartData(
            title=OUTCOMES_TITLE,
            kind=ChartKind.ROWS,
            category_header="Benefit (role)",
            categories=(),
            series=(),
            value_label="mean rating",
            empty_text="Counting the before/after answers…",
        )
    lines = figures.outcomes.learning
    notes = (
        "Mean rating from 1 to 5 of those who answered both the starting-point and the closing "
        "questionnaire.",
    )
    by_reason: dict[str, list[str]] = {}
    for line in lines:
        if line.hidden:
            by_reason.setdefault(line.hidden, []).append(f"{line.label} ({line.role_label})")
    notes += tuple(
        f"Hidden to keep answers anonymous, {reason}: {'; '.join(names)}."
        for reason, names in by_reason.items()
    )
    return ChartData(
        title=OUTCOMES_TITLE,
        kind=ChartKind.ROWS,
        category_header="Benefit (role)",
        categories=tuple(f"{line.label} ({line.role_label})" for line in lines),
        series=(
            Series("Before", tuple(line.mean_before for line in lines), "before"),
            Series("After", tuple(line.mean_after for line in lines)),
        ),
        value_label="mean rating",
        formatter=one_decimal,
        extra_columns=(
            ("Answered both", tuple(f"{line.respondents:,}" for line in lines)),
            (
                "Change",
                tuple(
                    "hidden" if line.mean_change is None else f"{line.mean_change:+.1f}"
                    for line in lines
                ),
            ),
        ),
        notes=notes,
        empty_text="No one has answered both a starting-point and a closing questionnaire yet.",
    )


def _topics_chart(title: str, counts: tuple, value_label: str, empty: str) -> ChartData:
    top = counts[:TOP_TOPICS]
    notes = (
        (f"The {TOP_TOPICS} most frequent of {len(counts):,}.",) if len(counts) > TOP_TOPICS else ()
    )
    return ChartData(
        title=title,
        kind=ChartKind.ROWS,
        category_header="Topic",
        categories=tuple(topic.label for topic in top),
        series=(Series(value_label.capitalize(), tuple(float(topic.count) for topic in top)),),
        value_label=value_label,
        notes=notes,
        empty_text=empty,
    )


def focus_areas_chart(figures: ProgrammeFigures) -> ChartData:
    return _topics_chart(
        "Focus areas pairs chose",
        figures.topics.focus_areas,
        "pairs",
        "No pair has chosen a focus area yet.",
    )


def session_topics_chart(figures: ProgrammeFigures) -> ChartData:
    return _topics_chart(
        "Topics of sessions held",
        figures.topics.session_topics,
        "sessions",
        "No held session has a topic in the chosen period.",
    )


def end_reasons_chart(figures: ProgrammeFigures) -> ChartData:
    reasons = figures.end_reasons.reasons
    notes = (figures.end_reasons.note,) if figures.end_reasons.note else ()
    return ChartData(
        title=f"Why pairs ended early ({figures.end_reasons.ended_early:,} pairs)",
        kind=ChartKind.ROWS,
        category_header="Reason",
        categories=tuple(reason.label for reason in reasons),
        series=(Series("Pairs", tuple(float(reason.pairs) for reason in reasons)),),
        value_label="pairs",
        records={
            (0, index): RecordList(
                f"Ended early: {reason.label}", RecordKind.PAIRS, reason.pair_ids
            )
            for index, reason in enumerate(reasons)
        },
        notes=notes,
        empty_text="No pair of the chosen cohorts ended early in the chosen period.",
    )


def _selection_name(figures: ProgrammeFigures) -> str:
    names = [cohort.name for cohort in figures.cohorts]
    return names[0] if len(names) == 1 else f"{len(names):,} cohorts"


def _percent_of_enrolled(value: float) -> str:
    return f"{value:.0f}%"


def _health_phrase(line: HealthCount) -> str:
    """ "14 on track", "1 needs a nudge", "5 need a nudge", "4 stalled"."""
    if line.level is HealthLevel.AMBER:
        return f"{line.count:,} {agree('need a nudge', line.count)}"
    return f"{line.count:,} {line.word.lower()}"


def headlines(figures: ProgrammeFigures) -> str:
    """The headline figure of every chart in one line, so the view answers "is it working?"
    at a glance, before any chart below it is scrolled to (and drawn)."""
    funnel, sessions = figures.funnel, figures.sessions
    held = f"{sessions.held:,} sessions held"
    if sessions.planned is not None:
        held = f"{sessions.held:,} of {sessions.planned:,} planned sessions held"
    parts = [
        f"{funnel.enrolled:,} enrolled, {funnel.paired:,} paired "
        f"({percent(funnel.match_rate)}), {funnel.step('completed').count:,} completed",
        "Active pairs: " + ", ".join(_health_phrase(line) for line in figures.health_now),
        f"{held}, {sessions.hours_held:,.0f} hours",
    ]
    shown = figures.outcomes.shown_changes
    if not figures.outcomes.counted:
        parts.append("Ratings before and after: counting…")
    elif shown:
        rose = sum(1 for line in shown if (line.mean_change or 0) > 0)
        parts.append(f"Ratings rose on {rose} of {plural(len(shown), 'benefit')} shown")
    if figures.topics.focus_areas:
        parts.append(f"Most chosen focus area: {figures.topics.focus_areas[0].label}")
    parts.append(f"{plural(figures.end_reasons.ended_early, 'pair')} ended early")
    return " · ".join(parts) + "."


def comparison_chart(comparison: Comparison) -> ChartData:
    """Two selections' funnels as shares of their own enrolled, so sizes do not matter."""
    first, second = comparison.first, comparison.second
    steps = first.funnel.steps
    second_steps = second.funnel.steps
    names = (_selection_name(first), _selection_name(second))
    if names[0] == names[1]:
        names = (f"{names[0]} (first)", f"{names[1]} (second)")
    return ChartData(
        title=f"{names[0]} against {names[1]}",
        kind=ChartKind.ROWS,
        category_header="Step",
        categories=tuple(step.label for step in steps),
        series=tuple(
            Series(
                name,
                tuple(
                    None if s.share_of_enrolled is None else 100 * s.share_of_enrolled for s in side
                ),
            )
            for name, side in zip(names, (steps, second_steps), strict=True)
        ),
        value_label="% of enrolled",
        formatter=_percent_of_enrolled,
        extra_columns=tuple(
            (f"{name}: people", tuple(f"{step.count:,}" for step in side))
            for name, side in zip(names, (steps, second_steps), strict=True)
        ),
        records={
            (series, index): _people_behind(f"{names[series]}, {step.label}", step)
            for series, side in enumerate((steps, second_steps))
            for index, step in enumerate(side)
        },
        notes=("Each cohort over its own dates; shares of its own enrolled people.",),
        empty_text="Choose two cohorts with people enrolled to compare them.",
    )
