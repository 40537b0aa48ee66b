"""The outcomes figures of one or more cohorts, as programme evaluators expect them (Kirkpatrick's
four levels): **reaction** (how useful people found it, would they recommend it), **learning**
(self-ratings before and after, per benefit and role), **behaviour** (how many say they now do
something differently) and **results** (forms answered, pairs completed).

Aggregates only. A figure drawn from fewer people than the anonymity threshold (the
``reports.anonymity_threshold`` setting) carries no value, only the reason it is not shown, so no
document or screen can print it by mistake. Free text never leaves this module: behaviour is a
count of people who wrote something, never what they wrote.

The responses are read once for every level (``responses``), so a file of thousands of people is
summed in milliseconds; a dashboard passes several cohorts and a period.
Means add their terms with ``math.fsum``, exact whatever order the store returns the rows in,
so a data file and a server (or two query plans) give the very same figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from math import fsum

from peewee import fn

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.dates import Period as Period  # re-exported: one definition
from revmentor_desktop.domain.outcomes.questions import (
    BENEFITS,
    FOCUS_AREA_KEY,
    Questionnaire,
)
from revmentor_desktop.domain.outcomes.responses import (
    Numbers,
    Respondent,
    Responses,
    read_responses,
)
from revmentor_desktop.domain.vocabulary import PairStatus
from revmentor_desktop.storage.models import Answer, Cohort, OutcomeForm, Pair

MENTOR, MENTEE = "mentor", "mentee"
USEFULNESS_AT_CHECKIN = "checkin.usefulness"
COMFORT_AT_CHECKIN = "checkin.comfort"
USEFULNESS_ON_ENDING = "ending-early.usefulness"
RECOMMEND = "closing.recommend"
PROMOTER_LOWEST = 9  # 9 and 10 on the 0–10 scale
DETRACTOR_HIGHEST = 6  # 0 to 6

# Short names of the benefits, for table rows and chart labels (the questions are sentences).
DIMENSION_LABELS = {
    "leadership": "Leading a conversation, helping others learn",
    "senior-confidence": "At ease speaking plainly with senior colleagues",
    "how-the-organisation-works": "Understanding how decisions are made",
    "new-tools": "Confidence trying new digital tools",
    "what-younger-colleagues-value": "Understanding what newer colleagues value",
    "developing-others": "Supporting a colleague's development",
    "career-direction": "A clear picture of their next career steps",
    "communication": "Communicating across differences in experience",
    "trust-across-levels": "Trust across levels of the organisation",
    FOCUS_AREA_KEY: "Confidence in the pair's focus areas",
}
_DIMENSION_ORDER = [*dict.fromkeys(benefit.dimension for benefit in BENEFITS), FOCUS_AREA_KEY]


@dataclass(frozen=True)
class MeanLine:
    """The mean of a 1–5 rating over the people who gave it (reaction)."""

    label: str
    respondents: int
    mean: float | None  # None when hidden
    hidden: str  # why the figure is not shown ("fewer than 5 answered"); "" when it is


@dataclass(frozen=True)
class Recommendation:
    """Would people recommend the programme (0–10, at the close)."""

    respondents: int
    mean: float | None
    promoters: float | None  # share who answered 9 or 10
    detractors: float | None  # share who answered 0 to 6
    hidden: str

    @property
    def net_score(self) -> float | None:
        """Percentage points: the share answering 9–10 less the share answering 0–6, from
        −100 (everyone 0–6) to +100 (everyone 9–10)."""
        if self.promoters is None or self.detractors is None:
            return None
        return 100 * (self.promoters - self.detractors)


@dataclass(frozen=True)
class ChangeLine:
    """Before and after on one benefit for one role, over the people who rated it both in the
    starting-point and in the closing questionnaire (learning)."""

    dimension: str
    label: str
    role_label: str
    respondents: int  # people who answered both times
    mean_before: float | None
    mean_after: float | None
    improved: float | None  # share whose rating went up
    worse: float | None  # share whose rating went down
    hidden: str

    @property
    def mean_change(self) -> float | None:
        if self.mean_before is None or self.mean_after is None:
            return None
        return self.mean_after - self.mean_before


@dataclass(frozen=True)
class Behaviour:
    """How many of those who returned the closing questionnaire wrote what they now do
    differently. A count only: what they wrote stays with the coordinator."""

    respondents: int  # closing questionnaires returned (people)
    described: int | None
    hidden: str


@dataclass(frozen=True)
class CompletionLine:
    """Forms of one questionnaire: made for someone (issued or typed in) and answered."""

    questionnaire: Questionnaire
    forms: int
    answered: int

    @property
    def share_answered(self) -> float | None:
        return self.answered / self.forms if self.forms else None


@dataclass(frozen=True)
class OutcomeFigures:
    smallest_group: int
    reaction: tuple[MeanLine, ...]
    recommendation: Recommendation
    learning: tuple[ChangeLine, ...]
    behaviour: Behaviour
    completion: tuple[CompletionLine, ...]
    pairs_completed: int
    pairs_ended_early: int
    counted: bool = True  # False: not counted yet (``not_counted_yet``), nothing to show

    @classmethod
    def not_counted_yet(cls) -> OutcomeFigures:
        """The outcomes of a view's first drawing, before they are counted: no line at all."""
        return cls(
            smallest_group=0,
            reaction=(),
            recommendation=Recommendation(0, None, None, None, ""),
            learning=(),
            behaviour=Behaviour(0, None, ""),
            completion=(),
            pairs_completed=0,
            pairs_ended_early=0,
            counted=False,
        )

    @property
    def any_answers(self) -> bool:
        return any(line.answered for line in self.completion)

    @property
    def hidden(self) -> tuple[str, ...]:
        """Each figure not shown, with its reason: "Trust across levels (Mentee): fewer than
        5 answered both times"."""
        reasons = [f"{line.label}: {line.hidden}" for line in self.reaction if line.hidden]
        if self.recommendation.hidden:
            reasons.append(f"Would recommend: {self.recommendation.hidden}")
        reasons += [
            f"{line.label} ({line.role_label}): {line.hidden}"
            for line in self.learning
            if line.hidden
        ]
        if self.behaviour.hidden:
            reasons.append(f"What people do differently: {self.behaviour.hidden}")
        return tuple(reasons)

    @property
    def shown_changes(self) -> tuple[ChangeLine, ...]:
        return tuple(line for line in self.learning if not line.hidden)


@dataclass(frozen=True)
class FocusProgress:
    """One focus area of a pair: each partner's own confidence at the start and at the close
    (for the pair's progress summary, which only the pair and the coordinator see)."""

    area: str
    first_before: int | None  # the pair's mentor (in mutual pairs, the first partner)
    first_after: int | None
    second_before: int | None
    second_after: int | None


def hidden_reason(respondents: int, smallest: int, answered: str = "answered") -> str:
    """Why a figure from ``respondents`` people is not shown, or "" when it is."""
    if respondents >= smallest:
        return ""
    if respondents == 0:
        return f"no one {answered} yet"
    return f"fewer than {smallest} {answered}"


def dimension_label(dimension: str) -> str:
    return DIMENSION_LABELS.get(dimension, dimension.replace("-", " ").capitalize())


# --- Gathering ------------------------------------------------------------------------------


def outcome_figures(cohort_ids: Iterable[int], period: Period | None = None) -> OutcomeFigures:
    """The outcomes of the cohorts ``cohort_ids`` (one for a cohort report, several for a
    dashboard). With a ``period``, only answers returned in it count, except that a before/after
    change takes the person's starting point whenever it was answered; completion counts the
    forms made in the period and the pairs that ended in it."""
    ids = sorted(set(cohort_ids))
    smallest = settings.get(settings.SMALLEST_GROUP)
    labels = _role_labels(ids)
    responses = read_responses(ids, period, labels)
    numbers = responses.numbers
    return OutcomeFigures(
        smallest_group=smallest,
        reaction=(
            _mean_line("Usefulness at the check-in", numbers.get(USEFULNESS_AT_CHECKIN), smallest),
            _mean_line(
                "Comfortable and respected in the meetings",
                numbers.get(COMFORT_AT_CHECKIN),
                smallest,
            ),
            _mean_line(
                "Usefulness, when a pair ended early", numbers.get(USEFULNESS_ON_ENDING), smallest
            ),
        ),
        recommendation=_recommendation(numbers.get(RECOMMEND, {}), smallest),
        learning=_learning(numbers, smallest, {labels[key] for key in labels if key[1] == MENTOR}),
        behaviour=_behaviour(responses, smallest),
        completion=tuple(
            CompletionLine(
                questionnaire,
                responses.made[questionnaire.value],
                responses.answered[questionnaire.value],
            )
            for questionnaire in Questionnaire
        ),
        **_pairs_ended(ids, period),
    )


def _role_labels(cohort_ids: list[int]) -> dict[tuple[int, str], str]:
    """What each cohort calls its roles: mutual partners share one label, so one line."""
    labels: dict[tuple[int, str], str] = {}
    for cohort_id, mentor_label, mentee_label in (
        Cohort.select(Cohort.id, Cohort.mentor_label, Cohort.mentee_label)
        .where(Cohort.id.in_(cohort_ids))
        .tuples()
    ):
        labels[(cohort_id, MENTOR)] = mentor_label
        labels[(cohort_id, MENTEE)] = mentee_label
    return labels


def _mean_line(label: str, answers: dict[Respondent, float] | None, smallest: int) -> MeanLine:
    answers = answers or {}
    hidden = hidden_reason(len(answers), smallest)
    mean = None if hidden else fsum(answers.values()) / len(answers)
    return MeanLine(label, len(answers), mean, hidden)


def _recommendation(answers: dict[Respondent, float], smallest: int) -> Recommendation:
    count = len(answers)
    hidden = hidden_reason(count, smallest)
    if hidden:
        return Recommendation(count, None, None, None, hidden)
    scores = list(answers.values())
    return Recommendation(
        count,
        fsum(scores) / count,
        sum(1 for score in scores if score >= PROMOTER_LOWEST) / count,
        sum(1 for score in scores if score <= DETRACTOR_HIGHEST) / count,
        "",
    )


def _learning(numbers: Numbers, smallest: int, mentor_labels: set[str]) -> tuple[ChangeLine, ...]:
    """Before and after per (dimension, role), counting only people who answered both; the
    mentors' lines first."""
    # (dimension, role label) -> respondent -> ([before], [after]); focus areas merge per person.
    paired: dict[tuple[str, str], dict[Respondent, tuple[list[float], list[float]]]]
    paired = defaultdict(lambda: defaultdict(lambda: ([], [])))
    starting, closing = Questionnaire.STARTING.value, Questionnaire.CLOSING.value
    for name, before_by_person in numbers.items():
        questionnaire, _, dimension = name.partition(":")
        if questionnaire != starting or not dimension:
            continue
        after_by_person = numbers.get(f"{closing}:{dimension}", {})
        family = dimension.split(":", 1)[0]  # every focus area counts as one dimension
        for respondent, before in before_by_person.items():
            after = after_by_person.get(respondent)
            if after is None:
                continue
            befores, afters = paired[(family, respondent[2])][respondent]
            befores.append(before)
            afters.append(after)
    lines = [
        _change_line(dimension, role_label, people, smallest)
        for (dimension, role_label), people in paired.items()
    ]
    order = {dimension: index for index, dimension in enumerate(_DIMENSION_ORDER)}
    lines.sort(
        key=lambda line: (
            line.role_label not in mentor_labels,
            line.role_label,
            order.get(line.dimension, len(order)),
            line.label,
        )
    )
    return tuple(lines)


def _mean(values: list[float]) -> float:
    """The mean of one person's ratings (one, or one per focus area)."""
    return values[0] if len(values) == 1 else fsum(values) / len(values)


def _change_line(
    dimension: str,
    role_label: str,
    people: dict[Respondent, tuple[list[float], list[float]]],
    smallest: int,
) -> ChangeLine:
    label = dimension_label(dimension)
    count = len(people)
    hidden = hidden_reason(count, smallest, "answered both times")
    if hidden:
        return ChangeLine(dimension, label, role_label, count, None, None, None, None, hidden)
    pairs = [(_mean(before), _mean(after)) for before, after in people.values()]
    return ChangeLine(
        dimension,
        label,
        role_label,
        count,
        fsum(before for before, _ in pairs) / count,
        fsum(after for _, after in pairs) / count,
        sum(1 for before, after in pairs if after > before) / count,
        sum(1 for before, after in pairs if after < before) / count,
        "",
    )


def _behaviour(responses: Responses, smallest: int) -> Behaviour:
    """People who returned the closing questionnaire, and how many of them wrote something
    in answer to "what do you now do differently" (the text itself is never read)."""
    people = responses.closing_people
    hidden = hidden_reason(people, smallest, "returned the closing questionnaire")
    return Behaviour(people, None if hidden else responses.described, hidden)


def _pairs_ended(cohort_ids: list[int], period: Period | None) -> dict[str, int]:
    ended = [PairStatus.COMPLETED.value, PairStatus.ENDED_EARLY.value]
    where = Pair.cohort.in_(cohort_ids) & Pair.status.in_(ended)
    if period is not None:
        where &= Pair.end_date.between(period.first, period.last)
    counts = dict(
        Pair.select(Pair.status, fn.COUNT(Pair.id)).where(where).group_by(Pair.status).tuples()
    )
    return {
        "pairs_completed": counts.get(PairStatus.COMPLETED.value, 0),
        "pairs_ended_early": counts.get(PairStatus.ENDED_EARLY.value, 0),
    }


def pair_focus_progress(pair_id: int, focus_areas: Iterable[str]) -> tuple[FocusProgress, ...]:
    """Each partner's own before and after on each focus area of the pair; empty when
    neither partner has rated any area yet."""
    query = (
        Answer.select(
            OutcomeForm.role, OutcomeForm.questionnaire, Answer.dimension, fn.AVG(Answer.number)
        )
        .join(OutcomeForm)
        .where(
            (OutcomeForm.pair == pair_id)
            & OutcomeForm.returned_at.is_null(False)
            & OutcomeForm.questionnaire.in_(
                [Questionnaire.STARTING.value, Questionnaire.CLOSING.value]
            )
            & Answer.dimension.startswith(f"{FOCUS_AREA_KEY}:")
            & Answer.number.is_null(False)
        )
        .group_by(OutcomeForm.role, OutcomeForm.questionnaire, Answer.dimension)
        .tuples()
    )
    ratings = {
        (role, questionnaire, dimension.split(":", 1)[1]): round(value)
        for role, questionnaire, dimension, value in query
    }
    if not ratings:
        return ()
    starting, closing = Questionnaire.STARTING.value, Questionnaire.CLOSING.value
    return tuple(
        FocusProgress(
            area,
            ratings.get((MENTOR, starting, area)),
            ratings.get((MENTOR, closing, area)),
            ratings.get((MENTEE, starting, area)),
            ratings.get((MENTEE, closing, area)),
        )
        for area in focus_areas
    )
