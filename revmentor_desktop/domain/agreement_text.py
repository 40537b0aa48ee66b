"""The wording of the pairing agreement: default clauses, each overridable once in the settings.

A clause has a heading and a body. Bodies are plain text: a blank line starts a new paragraph
and a line starting with "- " is a bullet point. ``$name`` placeholders are filled in for each
pair (see ``PLACEHOLDERS``); a placeholder the coordinator mistypes is printed as typed rather
than failing, so an edited wording can never stop a document from printing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from string import Template

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.vocabulary import CohortKind

# What each placeholder stands for, for the settings screen's help text.
PLACEHOLDERS: dict[str, str] = {
    "organisation": "the organisation's name",
    "programme": "the cohort's name",
    "mentor": "the mentor's name (in mutual pairs, the first partner)",
    "mentee": "the mentee's name (in mutual pairs, the second partner)",
    "mentor_label": "what the cohort calls the mentor, e.g. “Reverse mentor”",
    "mentee_label": "what the cohort calls the mentee",
    "cadence": "how often the pair meets, e.g. “every 3 weeks”",
    "minutes": "the usual length of a session in minutes",
    "format": "how they meet, e.g. “in person”",
    "first_meeting_by": "who arranges the first meeting",
    "start": "the pair's start date",
    "end": "the pair's end date",
    "review": "the mid-point review date",
    "term": "a sentence on when the partnership runs, e.g. “The partnership runs from 9 Mar "
    "2026 to 18 Dec 2026.”, worded for whichever dates are set",
    "halfway": "“Around 13 Jul 2026, half-way through,”, or “Half-way through,” without dates",
    "coordinator": "the programme coordinator, by name when the settings give one",
    "smallest_group": "the smallest group reports break figures down into, e.g. “five”",
}

_NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]


@dataclass(frozen=True)
class Clause:
    key: str
    heading: str
    body: str


# The first paragraph of every purpose clause; the second says what kind of mentoring it is.
_PURPOSE_OPENING = """
This agreement sets out how $mentor and $mentee will work together in $programme. It is a
shared understanding between two colleagues, not a contract, and it can be changed at any time
by agreement.
"""


def _clause(key: str, heading: str, body: str) -> Clause:
    return Clause(key, heading, body.strip())


DEFAULT_CLAUSES: dict[str, Clause] = {
    clause.key: clause
    for clause in (
        _clause(
            "purpose_reverse",
            "Purpose",
            _PURPOSE_OPENING
            + """
In reverse mentoring the usual roles are turned around: the $mentor_label, usually the more
junior colleague, shares skills and perspectives (often on digital tools, social media and how
newer colleagues experience the organisation) with a more senior colleague, who in turn
offers insight into how the organisation works. Both partners learn.
""",
        ),
        _clause(
            "purpose_traditional",
            "Purpose",
            _PURPOSE_OPENING
            + """
The $mentor_label offers experience, perspective and a sounding board; the $mentee_label sets
the agenda and decides what to take from each conversation.
""",
        ),
        _clause(
            "purpose_mutual",
            "Purpose",
            _PURPOSE_OPENING
            + """
In mutual mentoring both colleagues are learning partners: each brings something to teach and
something to learn, and meetings give time to both.
""",
        ),
        _clause(
            "goals",
            "Focus areas and goals",
            """
The partnership concentrates on the focus areas and goals below. At the first meeting each
goal's owner marks where they are starting from, so that progress can be seen at the
mid-point review. Goals may be changed as the partnership develops.
""",
        ),
        _clause(
            "meetings",
            "How we meet",
            """
We aim to meet $cadence for about $minutes minutes, $format. $first_meeting_by arranges the
first meeting within two weeks of the start date; at the end of each meeting we agree the date
of the next one.

If a meeting cannot take place, the partner who cancels tells the other as early as possible,
at least one working day ahead where they can, and suggests a new date. A meeting that has
been cancelled twice in a row is a good moment to talk about what would make meeting easier.
""",
        ),
        _clause(
            "duration",
            "Duration and review",
            """
$term $halfway we take stock together, with the coordinator if we wish: what is working, what
to change, and whether the goals still fit.
""",
        ),
        _clause(
            "confidentiality",
            "Confidentiality",
            """
What is said in our meetings stays between us. Neither of us passes on to line managers or
colleagues what the other has shared, and nothing from this partnership is used in performance
reviews, appraisals, promotion or disciplinary decisions.

The only exception is a serious risk of harm to someone or a breach of the law; then the
organisation's usual procedures apply, and we tell each other first wherever we can.
""",
        ),
        _clause(
            "ground_rules",
            "Ground rules",
            """
- Learning goes both ways: each of us brings knowledge and each of us takes something away.
- We treat each other with respect, listen fully and ask rather than assume.
- Meetings are free of hierarchy: job titles stay outside the room.
- Meetings are never an evaluation of how either of us does our job.
- Either of us may say “let's leave that topic” without giving a reason.
""",
        ),
        _clause(
            "ground_rules_reverse",
            "Ground rules for reverse mentoring",
            """
In reverse mentoring the more senior colleague is the learner, which only works when they
never feel judged. We therefore agree that:

- The $mentor_label shares knowledge, not judgement: the meetings are never an assessment of
  how the $mentee_label does their job, and nothing observed is reported to anyone.
- Every question is welcome; not knowing something is the starting point, not a weakness.
- The $mentee_label does not use their seniority to steer, evaluate or comment on the
  $mentor_label's work or career in ways the $mentor_label has not asked for.
- Learning goes both ways: each of us brings knowledge and each of us takes something away.
- We treat each other with respect, listen fully and ask rather than assume.
- Either of us may say “let's leave that topic” without giving a reason.
""",
        ),
        _clause(
            "technology_privacy",
            "Privacy while learning technology",
            """
- Passwords, PINs and sign-in codes are never shared, shown or typed for the other person,
  not even to help.
- We practise with work accounts or accounts created for the purpose; personal accounts,
  messages and social media profiles stay personal.
- Either of us may decline to share a screen, a phone or a profile.
- We follow the organisation's IT and data protection rules: no customer or personnel data is
  used for practice.
""",
        ),
        _clause(
            "ending",
            "Ending the partnership",
            """
Either of us may end the partnership at any time, without fault and without giving the other
a reason, by telling $coordinator. The coordinator records the ending as no
fault and, if wished, helps to find a new partner. Ending a partnership has no effect on
anyone's job, assessment or standing.
""",
        ),
        _clause(
            "records",
            "What the coordinator records",
            """
To run the programme the coordinator records the dates of our meetings, attendance and
cancellations, the topics in broad terms, progress towards the goals and any ratings we
choose to give. The coordinator does not record what was said. Figures reported to
management are combined across the programme and never broken down into groups of fewer than
$smallest_group people.
""",
        ),
        _clause(
            "signatures",
            "Signatures",
            """
By signing, we agree to work together in the spirit of this agreement. Each of us keeps a
copy; the coordinator keeps a third.
""",
        ),
    )
}

# The order of the clauses in the agreement, by cohort kind.
_ORDER: dict[CohortKind, tuple[str, ...]] = {
    kind: (
        f"purpose_{kind.value}",
        "goals",
        "meetings",
        "duration",
        "confidentiality",
        "ground_rules_reverse" if kind == CohortKind.REVERSE else "ground_rules",
        "technology_privacy",
        "ending",
        "records",
        "signatures",
    )
    for kind in CohortKind
}


def clause(key: str) -> Clause:
    """The clause as the coordinator last worded it, or the default."""
    default = DEFAULT_CLAUSES[key]
    stored = settings.get(settings.AGREEMENT_CLAUSE.for_(key))
    heading = str(stored.get("heading") or "").strip() or default.heading
    body = str(stored.get("body") or "").strip() or default.body
    return Clause(key, heading, body)


def set_clause(key: str, heading: str, body: str) -> None:
    """Store the coordinator's wording; an empty heading or body keeps the default for it."""
    save_wording({key: Clause(key, heading, body)})


def reset_clause(key: str) -> None:
    save_wording({key: None})


def save_wording(wording: Mapping[str, Clause | None]) -> bool:
    """Store new wording for some clauses (None: back to the default) in one go.

    Only the parts that differ from the default are stored, so a clause follows later
    improvements of the other part. When what an agreement says changes, its version goes up
    once, so a signed copy can be told apart from the new wording. Returns whether it did.
    """
    changed = False
    for key, new in wording.items():
        if key not in DEFAULT_CLAUSES:
            raise KeyError(key)
        before = clause(key)
        default = DEFAULT_CLAUSES[key]
        heading = new.heading.strip() if new else ""
        body = new.body.strip() if new else ""
        stored = {
            "heading": "" if heading == default.heading else heading,
            "body": "" if body == default.body else body,
        }
        setting = settings.AGREEMENT_CLAUSE.for_(key)
        if stored["heading"] or stored["body"]:
            settings.put(setting, stored)
        else:
            settings.reset(setting)
        changed = changed or clause(key) != before
    if changed:
        settings.put(settings.AGREEMENT_VERSION, next_version(agreement_version()))
    return changed


def is_default(key: str) -> bool:
    return clause(key) == DEFAULT_CLAUSES[key]


def next_version(version: str) -> str:
    """The version after ``version``: its last number goes up ("1.0" → "1.1", "v2" → "v3");
    a version without a number gets ".1" added."""
    numbers = list(re.finditer(r"\d+", version))
    if not numbers:
        return f"{version.strip()}.1"
    last = numbers[-1]
    number = str(int(last.group()) + 1).zfill(len(last.group()))  # "03" → "04"
    return f"{version[: last.start()]}{number}{version[last.end() :]}"


def number_words(count: int) -> str:
    """Small counts in words, as a sentence writes them ("five"); larger ones in figures."""
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)


def clause_keys(kind: str) -> tuple[str, ...]:
    return _ORDER[CohortKind(kind)]


def agreement_clauses(kind: str) -> list[Clause]:
    """The clauses of an agreement for a cohort of ``kind``, in order, with stored wording."""
    return [clause(key) for key in clause_keys(kind)]


def agreement_version() -> str:
    return settings.get(settings.AGREEMENT_VERSION)


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with ``$placeholders`` replaced; unknown ones are left as typed."""
    return Template(text).safe_substitute(values)


def paragraphs(body: str) -> list[tuple[str, list[str]]]:
    """Split a clause body into blocks: ("text", [paragraph]) or ("bullets", [item, ...]).

    Line breaks inside a paragraph or a bullet are only wrapping and become spaces.
    """
    blocks: list[tuple[str, list[str]]] = []
    for chunk in body.replace("\r\n", "\n").split("\n\n"):
        lines = [line.rstrip() for line in chunk.strip("\n").split("\n") if line.strip()]
        if not lines:
            continue
        text_lines: list[str] = []
        bullets: list[str] = []
        for line in lines:
            stripped = line.strip()
            if stripped.startswith(("- ", "• ")):
                if text_lines:
                    blocks.append(("text", [" ".join(text_lines)]))
                    text_lines = []
                bullets.append(stripped[2:].strip())
            elif bullets and line[:1].isspace():
                bullets[-1] += " " + stripped
            else:
                if bullets:
                    blocks.append(("bullets", bullets))
                    bullets = []
                text_lines.append(stripped)
        if text_lines:
            blocks.append(("text", [" ".join(text_lines)]))
        if bullets:
            blocks.append(("bullets", bullets))
    return blocks
