"""The questionnaires: built-in questions written for this app, merged with the coordinator's
rewording, additions, new order and retirements (stored in the ``question`` table).

A question has a stable ``key``. Answers store the key and the wording they were asked in, so
rewording or retiring a question never changes an answer already given. Before/after
comparisons pair the *starting point* and *closing* answers by their ``dimension``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from revmentor_desktop.domain.vocabulary import CohortKind


class Questionnaire(StrEnum):
    STARTING = "starting"
    CHECKIN = "checkin"
    CLOSING = "closing"
    ENDING_EARLY = "ending-early"

    @property
    def title(self) -> str:
        return {
            Questionnaire.STARTING: "Starting point",
            Questionnaire.CHECKIN: "Check-in",
            Questionnaire.CLOSING: "Closing questionnaire",
            Questionnaire.ENDING_EARLY: "Ending early",
        }[self]

    @property
    def in_a_sentence(self) -> str:
        """ "the Check-in questionnaire", "the Closing questionnaire" (not "… questionnaire
        questionnaire")."""
        title = self.title
        return f"the {title}" if title.endswith("questionnaire") else f"the {title} questionnaire"

    @property
    def introduction(self) -> str:
        return {
            Questionnaire.STARTING: (
                "Before your first meetings, tell us where you are starting from. There are no "
                "right answers: this is only so that you, and the programme, can see what changes."
            ),
            Questionnaire.CHECKIN: (
                "Half-way through, a few questions on how the partnership is going. Your "
                "answers go to the programme coordinator only; your partner does not see them."
            ),
            Questionnaire.CLOSING: (
                "At the end, the starting-point questions again, so you can see what changed, "
                "and a few words on what you take away."
            ),
            Questionnaire.ENDING_EARLY: (
                "Partnerships end early for many good reasons and nobody is at fault. A few "
                "words help the coordinator support you and improve the programme."
            ),
        }[self]


class AnswerKind(StrEnum):
    RATING = "rating"  # 1 to 5, each point labelled
    RECOMMEND = "recommend"  # 0 to 10
    YES_NO = "yes-no"
    TEXT = "text"  # free text; never printed in a shareable document
    PRIVATE_TEXT = "private-text"  # free text for the coordinator's eyes only

    @property
    def is_number(self) -> bool:
        return self in (AnswerKind.RATING, AnswerKind.RECOMMEND, AnswerKind.YES_NO)

    @property
    def range(self) -> tuple[int, int] | None:
        """The smallest and largest number an answer of this kind may be."""
        return {
            AnswerKind.RATING: (1, 5),
            AnswerKind.RECOMMEND: (0, 10),
            AnswerKind.YES_NO: (0, 1),
        }.get(self)


AGREEMENT_SCALE = (
    "Not at all",
    "A little",
    "Somewhat",
    "Mostly",
    "Completely",
)
CONFIDENCE_SCALE = (
    "Not confident",
    "Slightly confident",
    "Fairly confident",
    "Confident",
    "Very confident",
)
USEFULNESS_SCALE = (
    "Not useful",
    "Slightly useful",
    "Fairly useful",
    "Useful",
    "Very useful",
)

MENTOR = "mentor"
MENTEE = "mentee"

# The per-focus-area item is one question in the list, asked once for each of the pair's areas.
FOCUS_AREA_KEY = "focus-area"
FOCUS_AREA_PLACEHOLDER = "{area}"


@dataclass(frozen=True)
class Question:
    """A question as the coordinator sees it in the editor and as forms ask it."""

    key: str
    questionnaire: Questionnaire
    wording: str
    answer_kind: AnswerKind
    roles: frozenset[str] = frozenset()  # empty: asked of both roles
    cohort_kinds: frozenset[str] = frozenset()  # empty: asked in every kind of cohort
    dimension: str = ""  # the benefit it measures: paired before/after
    scale: tuple[str, ...] = ()  # the label of each rating point
    builtin: bool = True
    builtin_wording: str = ""  # the wording the app ships with ("" for added questions)
    retired: bool = False

    def asked_of(self, role: str, cohort_kind: str) -> bool:
        return (not self.roles or role in self.roles) and (
            not self.cohort_kinds or cohort_kind in self.cohort_kinds
        )

    @property
    def per_focus_area(self) -> bool:
        return FOCUS_AREA_PLACEHOLDER in self.wording


@dataclass(frozen=True)
class Benefit:
    """What a role is meant to gain from the programme: rated at the start and at the end."""

    dimension: str
    wording: str
    roles: frozenset[str]
    cohort_kinds: frozenset[str]


_REVERSE = frozenset({CohortKind.REVERSE.value})
_CLASSIC = frozenset({CohortKind.TRADITIONAL.value, CohortKind.MUTUAL.value})
_EVERY_KIND: frozenset[str] = frozenset()
_BOTH_ROLES: frozenset[str] = frozenset()

BENEFITS: tuple[Benefit, ...] = (
    # The reverse mentor: usually the newer, younger colleague.
    Benefit(
        "leadership",
        "I am confident leading a conversation and helping someone learn.",
        frozenset({MENTOR}),
        _REVERSE,
    ),
    Benefit(
        "senior-confidence",
        "I feel at ease speaking plainly with senior colleagues.",
        frozenset({MENTOR}),
        _REVERSE,
    ),
    Benefit(
        "how-the-organisation-works",
        "I understand how decisions are made in our organisation and why.",
        frozenset({MENTOR}),
        _REVERSE,
    ),
    # The senior mentee of a reverse pair.
    Benefit(
        "new-tools",
        "I am confident trying new digital tools in my work.",
        frozenset({MENTEE}),
        _REVERSE,
    ),
    Benefit(
        "what-younger-colleagues-value",
        "I understand what matters to newer and younger colleagues at work.",
        frozenset({MENTEE}),
        _REVERSE,
    ),
    # Traditional and mutual mentoring.
    Benefit(
        "developing-others",
        "I am confident supporting a colleague's development.",
        frozenset({MENTOR}),
        _CLASSIC,
    ),
    Benefit(
        "career-direction",
        "I have a clear picture of the next steps in my career.",
        frozenset({MENTEE}),
        _CLASSIC,
    ),
    Benefit(
        "how-the-organisation-works",
        "I understand how decisions are made in our organisation and why.",
        frozenset({MENTEE}),
        _CLASSIC,
    ),
    # Everyone.
    Benefit(
        "communication",
        "I communicate well with colleagues whose experience differs from mine.",
        _BOTH_ROLES,
        _EVERY_KIND,
    ),
    Benefit(
        "trust-across-levels",
        "I trust colleagues at other levels of the organisation, and feel trusted by them.",
        _BOTH_ROLES,
        _EVERY_KIND,
    ),
)


def _self_ratings(questionnaire: Questionnaire) -> list[Question]:
    """The benefit ratings and the focus-area item: asked at the start and again at the end."""
    ratings = [
        Question(
            key=f"{questionnaire}.{benefit.dimension}.{'-'.join(sorted(benefit.roles)) or 'all'}",
            questionnaire=questionnaire,
            wording=benefit.wording,
            answer_kind=AnswerKind.RATING,
            roles=benefit.roles,
            cohort_kinds=benefit.cohort_kinds,
            dimension=benefit.dimension,
            scale=AGREEMENT_SCALE,
        )
        for benefit in BENEFITS
    ]
    focus = Question(
        key=f"{questionnaire}.{FOCUS_AREA_KEY}",
        questionnaire=questionnaire,
        wording=f"How confident are you with {FOCUS_AREA_PLACEHOLDER}?",
        answer_kind=AnswerKind.RATING,
        dimension=FOCUS_AREA_KEY,
        scale=CONFIDENCE_SCALE,
    )
    return [*ratings, focus]


def _question(
    questionnaire: Questionnaire,
    name: str,
    wording: str,
    kind: AnswerKind,
    scale: tuple[str, ...] = (),
) -> Question:
    return Question(f"{questionnaire}.{name}", questionnaire, wording, kind, scale=scale)


def _builtin_questions() -> list[Question]:
    starting, checkin = Questionnaire.STARTING, Questionnaire.CHECKIN
    closing, ending = Questionnaire.CLOSING, Questionnaire.ENDING_EARLY
    questions = [
        *_self_ratings(starting),
        _question(
            starting,
            "hopes",
            "What would you most like to get out of the partnership?",
            AnswerKind.TEXT,
        ),
        _question(
            checkin,
            "meeting-as-planned",
            "Are you meeting as often as you planned?",
            AnswerKind.YES_NO,
        ),
        _question(
            checkin,
            "usefulness",
            "How useful are your meetings to you so far?",
            AnswerKind.RATING,
            USEFULNESS_SCALE,
        ),
        _question(
            checkin,
            "comfort",
            "Do you feel comfortable and respected in your meetings?",
            AnswerKind.RATING,
            AGREEMENT_SCALE,
        ),
        _question(
            checkin,
            "for-the-coordinator",
            "Is there anything the coordinator should know? (Only the coordinator reads this.)",
            AnswerKind.PRIVATE_TEXT,
        ),
        _question(
            checkin, "wants-help", "Would you like the coordinator's help?", AnswerKind.YES_NO
        ),
        *_self_ratings(closing),
        _question(
            closing,
            "recommend",
            "How likely are you to recommend the programme to a colleague? (0 = not at all "
            "likely, 10 = extremely likely)",
            AnswerKind.RECOMMEND,
        ),
        _question(
            closing,
            "do-differently",
            "What do you now do differently because of the partnership?",
            AnswerKind.TEXT,
        ),
        _question(
            closing,
            "advice",
            "What would you tell someone joining the next cohort?",
            AnswerKind.TEXT,
        ),
        _question(
            ending,
            "what-changed",
            "What led to the partnership ending? (For example: a new role, workload, the "
            "timing, or the pairing did not fit. Nobody is at fault.)",
            AnswerKind.TEXT,
        ),
        _question(
            ending,
            "usefulness",
            "How useful were the meetings you had?",
            AnswerKind.RATING,
            USEFULNESS_SCALE,
        ),
        _question(
            ending,
            "try-again",
            "Would you like to take part again later, perhaps with another partner?",
            AnswerKind.YES_NO,
        ),
        _question(
            ending,
            "for-the-coordinator",
            "Is there anything the coordinator should know? (Only the coordinator reads this.)",
            AnswerKind.PRIVATE_TEXT,
        ),
    ]
    return [replace(question, builtin_wording=question.wording) for question in questions]


BUILTIN_QUESTIONS: tuple[Question, ...] = tuple(_builtin_questions())


def builtin_question(key: str) -> Question | None:
    return next((question for question in BUILTIN_QUESTIONS if question.key == key), None)


@dataclass(frozen=True)
class FormItem:
    """One question as it is asked on one person's form: a focus-area question becomes one
    item per area of the pair (its key ends with the area)."""

    key: str
    wording: str
    answer_kind: AnswerKind
    dimension: str
    scale: tuple[str, ...]
    position: int


def form_items(
    questions: Iterable[Question], role: str, cohort_kind: str, focus_areas: Sequence[str]
) -> list[FormItem]:
    """The items of a form for a person in ``role`` in a cohort of ``cohort_kind``, in order."""
    items: list[FormItem] = []
    for question in questions:
        if question.retired or not question.asked_of(role, cohort_kind):
            continue
        if question.per_focus_area:
            for area in focus_areas:
                items.append(
                    FormItem(
                        f"{question.key}:{area}",
                        question.wording.replace(FOCUS_AREA_PLACEHOLDER, area),
                        question.answer_kind,
                        f"{question.dimension}:{area}",
                        question.scale,
                        len(items),
                    )
                )
            continue
        items.append(
            FormItem(
                question.key,
                question.wording,
                question.answer_kind,
                question.dimension,
                question.scale,
                len(items),
            )
        )
    return items
