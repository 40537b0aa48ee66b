"""The questionnaires' responses the outcomes figures are drawn from, read in two queries: the
forms of the chosen cohorts, then the answers of those that count. Every level of the figures
(reaction, learning, behaviour, completion) takes what it needs from these, so no form or
answer is read twice.

Only numbers leave this module, and for the one free-text question the figures use, whether
something was written: never what.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from peewee import Expression, Select, fn

from revmentor_desktop.domain.dates import Period
from revmentor_desktop.domain.outcomes.questions import AnswerKind, Questionnaire
from revmentor_desktop.domain.queries import Parsed, id_list
from revmentor_desktop.storage.counting import count_where
from revmentor_desktop.storage.models import Answer, Cohort, OutcomeForm, database_proxy

DO_DIFFERENTLY = "closing.do-differently"
STARTING, CLOSING = Questionnaire.STARTING.value, Questionnaire.CLOSING.value
_NUMBERED = (AnswerKind.RATING.value, AnswerKind.RECOMMEND.value)
_SEPARATOR = "\x1f"  # between two texts read as one (unit separator: in neither)

# (cohort, person, role label): one respondent of a line.
Respondent = tuple[int, int, str]
# question key (closing/starting: "<questionnaire>:<dimension>") -> respondent -> mean answer
Numbers = dict[str, dict[Respondent, float]]
# (cohort, person, role, questionnaire): whose forms they are; a person's answers to two forms
# of one questionnaire in one role (two pairs) are summed together.
_Group = tuple[int, int, str, str]


@dataclass(frozen=True)
class Responses:
    numbers: Numbers  # each person's mean answer to each numbered question
    closing_people: int  # people who returned the closing questionnaire
    described: int  # of them, those who wrote what they now do differently
    made: Counter[str]  # forms made (issued or typed in), by questionnaire
    answered: Counter[str]  # of those, the forms returned


def read_responses(
    cohort_ids: list[int], period: Period | None, labels: dict[tuple[int, str], str]
) -> Responses:
    """The responses of the cohorts ``cohort_ids``; ``labels`` names each cohort's roles
    (mutual partners share one label, so they are one respondent).

    With a ``period``, only answers returned in it count, except that a before/after change
    takes the person's starting point whenever it was answered; completion counts the forms
    made in the period."""
    forms = _Forms(cohort_ids, period)
    sums, described = _answer_sums(forms)
    return Responses(
        numbers=_means_by_name(sums, forms.groups, labels),
        closing_people=len(forms.closing_people),
        described=len(described),
        made=forms.made,
        answered=forms.answered,
    )


def _between(column: Any, period: Period) -> Expression:
    return column.between(
        datetime.combine(period.first, time.min), datetime.combine(period.last, time.max)
    )


class _Forms:
    """The forms of the cohorts that count for the figures (returned, in the period), whose
    they are, and how many of each questionnaire were made and returned in the period.

    A starting point is kept only for someone who also returned the closing questionnaire:
    nothing else uses it, and that leaves out a third of a large file's answers. Each value
    read costs more than SQLite's work to find it, so the forms come back as few values as
    can be: role and questionnaire in one text, and the counts of made and returned forms as
    one row of sums."""

    def __init__(self, cohort_ids: list[int], period: Period | None) -> None:
        of_cohorts = _of_cohorts(cohort_ids)
        counted = OutcomeForm.returned_at.is_null(False)
        made: Any = True
        if period is not None:
            within = _between(OutcomeForm.returned_at, period)
            counted &= within | (OutcomeForm.questionnaire == STARTING)
            made = _between(OutcomeForm.created_at, period)
        self.made, self.answered = _completion(of_cohorts & made)
        whose = OutcomeForm.role.concat(_SEPARATOR).concat(OutcomeForm.questionnaire)
        query = OutcomeForm.select(
            OutcomeForm.id, OutcomeForm.cohort, OutcomeForm.person, whose
        ).where(of_cohorts & counted)
        split = Parsed(lambda text: tuple(text.split(_SEPARATOR))).__getitem__
        counted_forms = [
            (form_id, (cohort, person, *split(role_and_questionnaire)))
            for form_id, cohort, person, role_and_questionnaire in (
                database_proxy.execute(query).fetchall()
            )
        ]
        self.closing_people = {
            (group[0], group[1]) for _, group in counted_forms if group[3] == CLOSING
        }
        self.group_of: dict[int, int] = {}  # form id -> its group's position in ``groups``
        positions: dict[_Group, int] = {}
        for form_id, group in counted_forms:
            if group[3] != STARTING or (group[0], group[1]) in self.closing_people:
                self.group_of[form_id] = positions.setdefault(group, len(positions))
        self.groups = list(positions)


def _completion(made: Expression) -> tuple[Counter[str], Counter[str]]:
    """Forms made (``made``: of the cohorts, in the period) and of them returned, by
    questionnaire: one row of sums, no grouping."""
    counts = []
    for questionnaire in Questionnaire:
        this = OutcomeForm.questionnaire == questionnaire.value
        counts += [count_where(this), count_where(this & OutcomeForm.returned_at.is_null(False))]
    row = database_proxy.execute(OutcomeForm.select(*counts).where(made)).fetchone()
    made_counts: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    for index, questionnaire in enumerate(Questionnaire):
        made_counts[questionnaire.value] = int(row[2 * index] or 0)
        answered[questionnaire.value] = int(row[2 * index + 1] or 0)
    return made_counts, answered


def _of_cohorts(cohort_ids: list[int]) -> Expression | bool:
    """The forms of the cohorts; with every cohort of the file, no condition at all: SQLite
    then reads the forms straight through."""
    if len(cohort_ids) >= Cohort.select().count():
        return True
    return OutcomeForm.cohort.in_(id_list(cohort_ids))


def _answer_sums(
    forms: _Forms,
) -> tuple[dict[tuple[int, str], list[float]], set[tuple[int, int]]]:
    """The total and count of each group's numbered answers to each question (group position,
    question: key and dimension in one text), and the people who wrote what they now do
    differently."""
    wrote = (Answer.question_key == DO_DIFFERENTLY) & (fn.LENGTH(fn.TRIM(Answer.text)) > 0)
    numbered = Answer.number.is_null(False) & Answer.answer_kind.in_(_NUMBERED)
    question = Answer.question_key.concat(_SEPARATOR).concat(Answer.dimension)
    query: Select = Answer.select(Answer.form, question, Answer.number).where(
        Answer.form.in_(id_list(forms.group_of)) & (numbered | wrote)
    )
    group_of, groups = forms.group_of, forms.groups
    # Summed here rather than by GROUP BY: sorting tens of thousands of rows on text columns
    # took SQLite longer than reading them.
    sums: dict[tuple[int, str], list[float]] = {}
    described: set[tuple[int, int]] = set()
    for form_id, asked, number in database_proxy.execute(query).fetchall():
        group = group_of[form_id]
        if number is None:  # a description, written in answer to DO_DIFFERENTLY
            described.add(groups[group][:2])
            continue
        total = sums.get((group, asked))
        if total is None:
            sums[(group, asked)] = [number, 1]
        else:
            total[0] += number
            total[1] += 1
    return sums, described


def _means_by_name(
    sums: dict[tuple[int, str], list[float]],
    groups: list[_Group],
    labels: dict[tuple[int, str], str],
) -> Numbers:
    """Each respondent's mean answer to each question, by name.

    Rated benefits are named by questionnaire and dimension (``"starting:communication"``),
    so a reworded or re-asked question still pairs with its earlier answers; a pair's focus
    areas are kept apart per area (``"closing:focus-area:Microsoft Teams"``)."""
    numbers: Numbers = defaultdict(dict)
    names: dict[tuple[str, str], str] = {}
    respondents = [
        (cohort_id, person_id, labels.get((cohort_id, role), role))
        for cohort_id, person_id, role, _ in groups
    ]
    for (group, asked), (total, count) in sums.items():
        questionnaire = groups[group][3]
        question = (questionnaire, asked)
        name = names.get(question)
        if name is None:
            key, dimension = asked.split(_SEPARATOR)
            paired = questionnaire in (STARTING, CLOSING) and dimension
            name = names[question] = f"{questionnaire}:{dimension}" if paired else key
        respondent = respondents[group]
        mean = total / count
        # A mutual partner mentoring in one pair and mentored in another answers twice.
        by_person = numbers[name]
        earlier = by_person.get(respondent)
        by_person[respondent] = mean if earlier is None else (earlier + mean) / 2
    return numbers
