"""The demo's questionnaires: forms sent at each check-in point and the answers that came back.

Most people answer; some never return a form and some skip a question. Self-ratings move
modestly between the starting point and the close (about +0.6 on average, a few go down), a
reverse mentee's confidence with the pair's focus areas moves most. Everyone is comfortable
and finds the meetings useful, but for one person: a low comfort rating with a private note,
the one concern the Today view shows in red.

Forms and answers are written as ``forms.issue_forms`` and ``forms.record_answers`` would
write them (the wording fixed on every item, blank answers on a form not returned), in bulk.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from revmentor_desktop.domain.demo.rows import DemoPair, insert_rows, office_moment
from revmentor_desktop.domain.outcomes.forms import Channel
from revmentor_desktop.domain.outcomes.questions import (
    BUILTIN_QUESTIONS,
    AnswerKind,
    FormItem,
    Questionnaire,
    form_items,
)
from revmentor_desktop.domain.vocabulary import CohortKind, PairStatus
from revmentor_desktop.storage.models import Answer, OutcomeForm

MENTOR, MENTEE = "mentor", "mentee"
CHANNEL_NAMES = (Channel.PDF.value, Channel.FORM_TOOL.value, Channel.PAPER.value)
CHANNEL_WEIGHTS = (60, 25, 15)
RETURNED = {
    Questionnaire.STARTING: 0.88,
    Questionnaire.CHECKIN: 0.75,
    Questionnaire.CLOSING: 0.8,
    Questionnaire.ENDING_EARLY: 0.55,
}
SKIPPED_ITEM = 0.03  # a question left blank on a returned form
# The programme began sending questionnaires about fifteen months ago: older cohorts have none
# (this also keeps a demo of 10,000 people quick to make).
QUESTIONNAIRES_SINCE_DAYS = 450
AREA = "\x00area\x00"  # stands for a focus area in the items made once per kind of form

HOPES = (
    "Feel at ease with the tools my team already uses.",
    "A better sense of how decisions get made above my level.",
    "Confidence speaking up in meetings with senior people.",
    "Understand what younger colleagues expect from a manager.",
    "Learn to explain my work simply.",
)
DO_DIFFERENTLY = (
    "I try one new feature a week instead of waiting for a training course.",
    "I prepare a short written summary before meetings with senior colleagues.",
    "I ask newer colleagues how they would do something before deciding.",
    "I share drafts earlier and ask for comments in the document itself.",
    "I speak up in leadership meetings when something does not work for my team.",
    "I run our team meeting with a shared agenda everyone can edit.",
)
ADVICE = (
    "Agree the dates for the whole term at the first meeting.",
    "Be honest about what you do not know; it makes the meetings better.",
    "Keep a note of what you try between sessions.",
    "Do not cancel: even a short meeting keeps things moving.",
)
WHAT_CHANGED = (
    "A new role with much more travel.",
    "Workload in our busy season; we could not find time.",
    "We covered what we wanted to earlier than planned.",
    "Parental leave.",
)
CONCERN_NOTE = (
    "I sometimes feel my questions are seen as basic, and I hold back. I would rather not "
    "raise it with my partner directly."
)


@dataclass(slots=True)
class _Form:
    row: tuple  # the outcome_form row, in FORM_FIELDS order
    items: list[FormItem]
    questionnaire: Questionnaire
    role: str
    kind: CohortKind
    running: bool  # the cohort has not ended
    returned: bool
    gain: float  # this person's own drift between the starting point and the close


FORM_FIELDS = [
    OutcomeForm.id, OutcomeForm.questionnaire, OutcomeForm.person, OutcomeForm.cohort,
    OutcomeForm.pair, OutcomeForm.role, OutcomeForm.due_date, OutcomeForm.token,
    OutcomeForm.issued_at, OutcomeForm.returned_at, OutcomeForm.channel, OutcomeForm.created_at,
]  # fmt: skip
ANSWER_FIELDS = [
    Answer.form, Answer.question_key, Answer.wording, Answer.answer_kind, Answer.dimension,
    Answer.position, Answer.number, Answer.text,
]  # fmt: skip


def insert_answers(seed: int, pairs: list[DemoPair], today: date, first_form_id: int) -> None:
    """Write the forms and answers of every pair that has started, drawn from their own
    generator (the rest of the demo stays as it was for the same seed)."""
    rng = random.Random(f"answers-{seed}")
    questions = {
        questionnaire: [q for q in BUILTIN_QUESTIONS if q.questionnaire is questionnaire]
        for questionnaire in Questionnaire
    }
    templates: dict[tuple, list[FormItem]] = {}
    forms: list[_Form] = []
    befores: dict[tuple[int, int, str], int] = {}  # (pair, person, dimension) -> rating
    for pair in pairs:
        for questionnaire, issued_on, due in _due(pair, today):
            for role, person in ((MENTOR, pair.mentor), (MENTEE, pair.mentee)):
                key = (questionnaire, role, pair.cohort.kind, len(pair.focus))
                template = templates.get(key)
                if template is None:
                    areas = [f"{AREA}{number}" for number in range(len(pair.focus))]
                    template = form_items(questions[questionnaire], role, key[2], areas)
                    templates[key] = template
                items = _with_areas(template, pair.focus)
                forms.append(
                    _form(rng, len(forms) + first_form_id, pair, person.id, role, questionnaire,
                          issued_on, due, items, today)
                )  # fmt: skip
    concern = _concern(forms)
    answer_rows = []
    for form in forms:
        answer_rows += _answers(rng, form, befores, form is concern)
    insert_rows(OutcomeForm, FORM_FIELDS, [form.row for form in forms])
    insert_rows(Answer, ANSWER_FIELDS, answer_rows)


def _with_areas(template: list[FormItem], areas: list[str]) -> list[FormItem]:
    """A form's items for a pair, from the items made once for as many focus areas as it has
    (as ``form_items`` makes them; done so for speed, since most pairs' areas differ)."""
    return [
        FormItem(
            item.key.replace(AREA + number, area),
            item.wording.replace(AREA + number, area),
            item.answer_kind,
            item.dimension.replace(AREA + number, area),
            item.scale,
            item.position,
        )
        if AREA in item.key
        else item
        for item in template
        for number, area in [_area_of(item, areas)]
    ]


def _area_of(item: FormItem, areas: list[str]) -> tuple[str, str]:
    """The placeholder number in ``item`` and the pair's area it stands for."""
    if AREA not in item.key:
        return "", ""
    number = item.key.rsplit(AREA, 1)[1]
    return number, areas[int(number)]


def _due(pair: DemoPair, today: date) -> list[tuple[Questionnaire, date, date | None]]:
    """The questionnaires sent to the pair so far: when each went out and when it was due."""
    cohort = pair.cohort
    if pair.status == PairStatus.PROPOSED or pair.start is None or pair.start > today:
        return []
    if (today - cohort.start).days > QUESTIONNAIRES_SINCE_DAYS:
        return []
    sent = [(Questionnaire.STARTING, pair.start - timedelta(days=5), cohort.start)]
    midpoint = cohort.start + timedelta(days=(cohort.end - cohort.start).days // 2)
    if pair.start < midpoint <= today and (pair.end is None or pair.end >= midpoint):
        sent.append((Questionnaire.CHECKIN, midpoint - timedelta(days=3), midpoint))
    if pair.status == PairStatus.COMPLETED and pair.end is not None:
        sent.append((Questionnaire.CLOSING, pair.end - timedelta(days=3), cohort.end))
    if pair.status == PairStatus.ENDED_EARLY and pair.end is not None:
        sent.append((Questionnaire.ENDING_EARLY, pair.end + timedelta(days=1), pair.end))
    return [(questionnaire, min(on, today), due) for questionnaire, on, due in sent]


def _form(
    rng: random.Random,
    form_id: int,
    pair: DemoPair,
    person_id: int,
    role: str,
    questionnaire: Questionnaire,
    issued_on: date,
    due: date | None,
    items: list[FormItem],
    today: date,
) -> _Form:
    issued_at = office_moment(issued_on, rng)
    back = issued_on + timedelta(days=rng.randint(1, 14))
    returned = back <= today and rng.random() < RETURNED[questionnaire]
    returned_at = office_moment(back, rng) if returned else None
    channel = rng.choices(CHANNEL_NAMES, CHANNEL_WEIGHTS)[0] if returned else ""
    row = (
        form_id, questionnaire.value, person_id, pair.cohort.id, pair.id, role, due,
        f"{rng.getrandbits(64):016x}", issued_at, returned_at, channel, issued_at,
    )  # fmt: skip
    gain = rng.gauss(0.6, 0.45)
    running = pair.cohort.phase == "running"
    return _Form(row, items, questionnaire, role, pair.cohort.kind, running, returned, gain)


def _concern(forms: list[_Form]) -> _Form | None:
    """The one check-in that raises a concern: a reverse mentee's in a cohort still running,
    the most recent returned (else any returned check-in)."""
    checkins = [
        form for form in forms if form.questionnaire is Questionnaire.CHECKIN and form.returned
    ]
    preferred = [
        form
        for form in checkins
        if form.kind is CohortKind.REVERSE and form.role == MENTEE and form.running
    ]
    pool = preferred or checkins
    return max(pool, key=lambda form: form.row[9]) if pool else None


def _answers(
    rng: random.Random,
    form: _Form,
    befores: dict[tuple[int, int, str], int],
    concern: bool,
) -> list[tuple]:
    form_id, person_id, pair_id = form.row[0], form.row[2], form.row[4]
    rows = []
    for item in form.items:
        number: int | None = None
        text = ""
        if form.returned and rng.random() >= SKIPPED_ITEM:
            if item.dimension:
                number = _rating(rng, form, item, befores, (pair_id, person_id, item.dimension))
            elif item.answer_kind.is_number:
                number = _number(rng, item, concern)
            else:
                text = _text(rng, item, concern)
        rows.append(
            (form_id, item.key, item.wording, item.answer_kind.value, item.dimension,
             item.position, number, text)
        )  # fmt: skip
    return rows


def _rating(
    rng: random.Random,
    form: _Form,
    item: FormItem,
    befores: dict[tuple[int, int, str], int],
    key: tuple[int, int, str],
) -> int:
    """A self-rating: drawn at the starting point, and at the close that rating moved by the
    person's own drift and some noise (the same person moves alike across benefits)."""
    focus = item.dimension.startswith("focus-area:")
    if form.questionnaire is Questionnaire.STARTING:
        centre = 2.9
        if focus:  # the mentee comes to learn the area, the mentor to share it
            centre = 2.3 if form.role == MENTEE else 3.7
        rating = _clipped(round(rng.gauss(centre, 0.8)))
        befores[key] = rating
        return rating
    before = befores.get(key)
    if before is None:  # the starting point was not returned: a rating of its own
        return _clipped(round(rng.gauss(3.4, 0.8)))
    extra = (0.4 if form.role == MENTEE else -0.3) if focus else 0.0
    return _clipped(round(before + form.gain + extra + rng.gauss(0, 0.6)))


def _clipped(rating: int) -> int:
    return max(1, min(5, rating))


def _number(rng: random.Random, item: FormItem, concern: bool) -> int:
    name = item.key.split(".", 1)[1]
    if name == "comfort":
        return 2 if concern else rng.choices((3, 4, 5), (10, 40, 50))[0]
    if name == "usefulness":
        return rng.choices((3, 4, 5), (25, 45, 30))[0]
    if item.answer_kind is AnswerKind.RECOMMEND:
        return rng.choices((5, 6, 7, 8, 9, 10), (3, 5, 10, 22, 30, 30))[0]
    if name == "wants-help":
        return 0
    if name == "meeting-as-planned":
        return 1 if rng.random() < 0.8 else 0
    return 1 if rng.random() < 0.6 else 0  # try again later


def _text(rng: random.Random, item: FormItem, concern: bool) -> str:
    if item.answer_kind is AnswerKind.PRIVATE_TEXT:
        return CONCERN_NOTE if concern else ""
    choices, share = {
        "starting.hopes": (HOPES, 0.6),
        "closing.do-differently": (DO_DIFFERENTLY, 0.7),
        "closing.advice": (ADVICE, 0.5),
        "ending-early.what-changed": (WHAT_CHANGED, 0.8),
    }.get(item.key, ((), 0.0))
    return rng.choice(choices) if choices and rng.random() < share else ""
