"""Reading single cells: roles, meeting formats, consent answers, grades and skill lists."""

from __future__ import annotations

import re

from revmentor_desktop.domain.text import clean_tags, fold, quoted
from revmentor_desktop.domain.vocabulary import MeetingFormat, Role


class CellProblem(ValueError):
    """A cell that cannot be read; ``str()`` is the reason shown for the row."""


_MENTOR_WORDS = re.compile(r"\b(mentor|teach|teacher|share|coach|offer|give|reverse mentor)\b")
_MENTEE_WORDS = re.compile(r"\b(mentee|learn|learner|learning|be mentored|receive|protege)\b")
_BOTH_WORDS = re.compile(r"\b(both|either|mutual|partner|peer)\b")


def parse_role(text: str) -> Role | None:
    """Role from the many wordings forms use: "Mentee (I want to learn)", "Both", ..."""
    value = fold(text).strip()
    if not value:
        return None
    if _BOTH_WORDS.search(value):
        return Role.BOTH
    mentor, mentee = bool(_MENTOR_WORDS.search(value)), bool(_MENTEE_WORDS.search(value))
    if mentor and mentee:
        return Role.BOTH
    if mentor:
        return Role.MENTOR
    if mentee:
        return Role.MENTEE
    raise CellProblem(
        f"{quoted(text.strip())} is not a role RevMentor knows (mentor, mentee or both)."
    )


def parse_meeting_format(text: str) -> str | None:
    value = fold(text).strip()
    if not value:
        return None
    if re.search(r"\b(either|any|both|no preference|flexible|hybrid|whatever)\b", value):
        return MeetingFormat.EITHER.value
    if re.search(r"\b(phone|telephone)\b", value):
        return MeetingFormat.PHONE.value
    if re.search(r"\b(video|online|teams|zoom|virtual|remote|call|webex|meet)\b", value):
        return MeetingFormat.VIDEO_CALL.value
    if re.search(r"\b(person|face|office|on site|onsite|in room)\b", value):
        return MeetingFormat.IN_PERSON.value
    raise CellProblem(
        f"{quoted(text.strip())} is not a meeting format RevMentor knows "
        "(in person, video call, phone or either)."
    )


_YES = {
    "yes",
    "y",
    "true",
    "1",
    "x",
    "agree",
    "agreed",
    "i agree",
    "i consent",
    "consent",
    "consented",
    "consent given",
    "ja",
    "oui",
    "si",
    "sí",
    "✓",
    "✔",
}
_NO = {
    "no",
    "n",
    "false",
    "0",
    "disagree",
    "i do not consent",
    "i don't consent",
    "nein",
    "non",
    "withdrawn",
    "no consent",
}


def parse_consent(text: str) -> bool | None:
    value = " ".join(text.strip().casefold().rstrip(".!").split())
    if not value:
        return None
    if value in _YES or value.startswith("yes"):
        return True
    if value in _NO or value.startswith("no"):
        return False
    raise CellProblem(f"{quoted(text.strip())} is not a consent answer (Yes or No).")


_GRADE = re.compile(r"^[A-Za-z .#-]{0,12}?(\d{1,2})$")


def parse_grade(text: str) -> int | None:
    value = text.strip()
    if not value:
        return None
    match = _GRADE.match(value)
    if match is None:
        raise CellProblem(
            f"{quoted(value)} is not a grade (a whole number from 0 to 99, such as 7 or G7)."
        )
    return int(match[1])


def parse_capacity(text: str) -> int | None:
    value = text.strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number.is_integer() or not 0 <= number <= 10:
        raise CellProblem(f"{quoted(value)} is not a capacity (a whole number from 0 to 10).")
    return int(number)


def split_skills(text: str) -> list[str]:
    """Skills separated by semicolons, commas or new lines, trimmed and without repeats."""
    return clean_tags(re.split(r"[;,\n]", text))
