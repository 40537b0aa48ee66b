"""The fields of a fillable PDF form, declared once: the form writer (reports/outcome_form.py)
names its fields here and the collector (collect.py) reads them back by the same names.

A form carries three hidden, read-only fields besides its questions: its token (which form),
the data file's identity (which file issued it) and the person's number (to tell a form of a
person since erased from a made-up one). The same three are in the PDF's keywords, which
survive printing to PDF and flattening when the fields do not.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from revmentor_desktop.domain.outcomes.questions import AnswerKind, FormItem

TOKEN_FIELD = "revmentor_token"
ISSUER_FIELD = "revmentor_issuer"
PERSON_FIELD = "revmentor_person"
IDENTIFIER_FIELDS = (TOKEN_FIELD, ISSUER_FIELD, PERSON_FIELD)
KEYWORDS_PREFIX = "RevMentor questionnaire form"
_KEYWORD = re.compile(r"\b(token|issuer|person)=([A-Za-z0-9_.:-]+)")

YES, NO = "yes", "no"


@dataclass(frozen=True)
class Choice:
    """One box of a choice question: the value a PDF reader stores and the words printed."""

    value: str  # a PDF name without its slash: "1" … "5", "0" … "10", "yes", "no"
    label: str
    number: int  # what record_answers stores


@dataclass(frozen=True)
class Identifiers:
    token: str
    issuer: str
    person_id: int | None


def field_name(item: FormItem) -> str:
    """The field of one item: its position (readable) and a digest of its key, so a field
    renamed or moved to another form no longer matches (no dots: they nest field names)."""
    digest = hashlib.sha1(item.key.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return f"q{item.position + 1:02d}_{digest}"


def choices(item: FormItem) -> tuple[Choice, ...]:
    """The boxes of a choice item, each point of its scale labelled; () for a text item."""
    kind = item.answer_kind
    if kind is AnswerKind.YES_NO:
        return (Choice(YES, "Yes", 1), Choice(NO, "No", 0))
    if kind is AnswerKind.RECOMMEND:
        return tuple(Choice(str(number), str(number), number) for number in range(11))
    if kind is AnswerKind.RATING:
        low, high = kind.range or (1, 5)
        labels = item.scale or tuple(str(number) for number in range(low, high + 1))
        return tuple(
            Choice(str(number), label, number)
            for number, label in zip(range(low, high + 1), labels, strict=False)
        )
    return ()


def keywords(identifiers: Identifiers) -> str:
    person = "" if identifiers.person_id is None else f" person={identifiers.person_id}"
    return f"{KEYWORDS_PREFIX}; token={identifiers.token} issuer={identifiers.issuer}{person}"


def identifiers_from_keywords(value: str) -> Identifiers | None:
    """The identifiers written by ``keywords``, or None when the text holds none."""
    found = dict(_KEYWORD.findall(value or ""))
    if "token" not in found or "issuer" not in found:
        return None
    person = found.get("person", "")
    return Identifiers(found["token"], found["issuer"], int(person) if person.isdigit() else None)
