"""Which column of a form tool's file holds what: the e-mail address, a question, or nothing.

Each column heading is matched to a question's wording; the form tool's own columns ("ID",
"Start time", "Timestamp", …) are recognised and left out. A mapping that cannot work (no e-mail
column, two columns for one question) stops the import before any row is looked at.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from revmentor_desktop.domain import cohorts
from revmentor_desktop.domain.importing.mapping import Field, recognise
from revmentor_desktop.domain.importing.reading import Table
from revmentor_desktop.domain.outcomes import forms, questionnaires
from revmentor_desktop.domain.outcomes.questions import Questionnaire, form_items
from revmentor_desktop.domain.text import fold, quoted
from revmentor_desktop.storage.models import Answer, OutcomeForm

EMAIL = "email"  # the mapping target of the column holding the respondent's e-mail address
EMAIL_LABEL = "E-mail of the person answering"

# Columns the form tools add of their own (Microsoft Forms, Google Forms): left out.
_FORM_TOOL_COLUMNS = (
    "ID",
    "Start time",
    "Completion time",
    "Last modified time",
    "Name",
    "Timestamp",
    "Total points",
    "Quiz feedback",
    "Points",
    "Score",
)
_SHORTEST_CONTAINED = 20  # a wording this long found inside a heading (a grid's) matches it


def heading_key(text: str) -> str:
    """A heading or a wording without capitals, accents, spaces and punctuation."""
    return "".join(char for char in fold(text) if char.isalnum())


_TOOL_KEYS = frozenset(heading_key(name) for name in _FORM_TOOL_COLUMNS)


@dataclass(frozen=True)
class Target:
    """What a column can be imported as: the e-mail address, or one question of the form."""

    key: str  # EMAIL or a form item's key ("checkin.usefulness", "starting.focus-area:Excel")
    label: str  # what the coordinator reads: the wording, with whom it is asked of
    wordings: tuple[str, ...] = ()  # the wordings a heading is matched against


@dataclass(frozen=True)
class AnswerColumns:
    """For each column of the file (by position), its target's key, or None: left out."""

    targets: tuple[str | None, ...]

    def column_of(self, key: str) -> int | None:
        return self.targets.index(key) if key in self.targets else None

    def with_column(self, column: int, key: str | None) -> AnswerColumns:
        """A copy where ``column`` is ``key``; another column that had ``key`` is left out."""
        updated = [None if (k == key and key is not None) else k for k in self.targets]
        updated[column] = key
        return AnswerColumns(tuple(updated))


def targets(cohort_id: int, questionnaire: Questionnaire) -> list[Target]:
    """The e-mail address and every question of ``questionnaire`` asked in the cohort; a
    focus-area question once per focus area of the cohort's pairs due it."""
    cohort = cohorts.get_cohort_model(cohort_id)
    pairs = forms.due_pairs(cohort_id, questionnaire)
    areas = list(dict.fromkeys(area for pair in pairs for area in pair.focus_areas))
    issued = _issued_wordings(cohort_id, questionnaire)
    found = [Target(EMAIL, EMAIL_LABEL)]
    for question in questionnaires.questions(questionnaire):
        if not any(question.asked_of(role, cohort.kind) for role in (forms.MENTOR, forms.MENTEE)):
            continue
        if question.per_focus_area:
            for item in form_items([question], forms.MENTOR, cohort.kind, areas):
                found.append(Target(item.key, item.wording, (item.wording, *issued[item.key])))
            continue
        wordings = (question.wording, question.builtin_wording, *issued[question.key])
        found.append(Target(question.key, question.wording + _asked_of(question), wordings))
    return found


def _asked_of(question: questionnaires.Question) -> str:
    """ " (mentors only)" for a question asked of one role; "" for one asked of both."""
    roles = sorted(question.roles)
    return f" ({roles[0]}s only)" if len(roles) == 1 else ""


def _issued_wordings(cohort_id: int, questionnaire: Questionnaire) -> dict[str, list[str]]:
    """The wordings forms of the cohort were issued with, by item key (a question reworded
    since still matches the heading of a form made from the older wording)."""
    query = (
        Answer.select(Answer.question_key, Answer.wording)
        .join(OutcomeForm)
        .where(
            (OutcomeForm.cohort == cohort_id) & (OutcomeForm.questionnaire == questionnaire.value)
        )
        .distinct()
        .tuples()
    )
    wordings: dict[str, list[str]] = defaultdict(list)
    for key, wording in query:
        wordings[key].append(wording)
    return wordings


def suggested_columns(headers: Sequence[str], choices: Sequence[Target]) -> AnswerColumns:
    """Each heading matched to the question it words, ignoring capitals and punctuation (a
    grid's "Title [statement]" by its statement); the e-mail column recognised as the staff
    import recognises one. A target is given to its first column only."""
    by_wording: dict[str, str] = {}
    for target in choices:
        for wording in target.wordings:
            by_wording.setdefault(heading_key(wording), target.key)
    chosen: list[str | None] = []
    for header in headers:
        key = _question_for(header, by_wording)
        if key is None:
            key = EMAIL if recognise(header) is Field.EMAIL else None
        chosen.append(None if key in chosen else key)
    return AnswerColumns(tuple(chosen))


def _question_for(header: str, by_wording: dict[str, str]) -> str | None:
    key = heading_key(header)
    if key in by_wording:
        return by_wording[key]
    bracketed = re.search(r"\[([^\]]+)\]\s*$", header)
    if bracketed and heading_key(bracketed.group(1)) in by_wording:
        return by_wording[heading_key(bracketed.group(1))]
    contained = [
        (len(wording), target)
        for wording, target in by_wording.items()
        if len(wording) >= _SHORTEST_CONTAINED and wording in key
    ]
    return max(contained)[1] if contained else None


def is_form_tool_column(header: str) -> bool:
    """A column a form tool adds of its own ("Start time", "Timestamp"), left out."""
    return heading_key(header) in _TOOL_KEYS


def fitted(columns: AnswerColumns, width: int) -> AnswerColumns:
    """``columns`` with exactly one entry per column of the file."""
    targets_ = list(columns.targets[:width])
    return AnswerColumns(tuple(targets_ + [None] * (width - len(targets_))))


def column_problems(
    table: Table,
    columns: AnswerColumns,
    choices: Sequence[Target],
    questionnaire: Questionnaire,
) -> list[str]:
    """Mapping mistakes that stop the import before any row is looked at."""
    known = {target.key for target in choices}
    found: list[str] = []
    first: dict[str, int] = {}
    for column, key in enumerate(columns.targets):
        if key is None:
            continue
        if key not in known:
            found.append(
                f"The column {quoted(table.headers[column])} is mapped to “{key}”, which is not "
                f"a question of the {questionnaire.title.lower()} in this cohort."
            )
        elif key in first:
            found.append(
                f"The columns {quoted(table.headers[first[key]])} and "
                f"{quoted(table.headers[column])} are both mapped to the same question; "
                "choose one."
            )
        first.setdefault(key, column)
    if EMAIL not in first:
        found.append(
            "No column holds the e-mail address of the person answering. Answers are matched "
            "to people by e-mail: map the column that holds it (in Microsoft Forms “Email”, in "
            "Google Forms “Email address”)."
        )
    if not set(first) - {EMAIL}:
        found.append(
            f"No column is matched to a question of the {questionnaire.title.lower()}: map "
            "each column of answers to the question it asks."
        )
    return found
