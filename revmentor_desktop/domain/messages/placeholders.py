"""The placeholders a message template may use, declared once with what each stands for.

A placeholder is a name in braces, ``{first_name}``; ``{{`` and ``}}`` write a brace itself.
Templates are checked against this list when they are saved and again before any draft is
written, so a mistyped ``{frist_name}`` never reaches a participant.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter

from revmentor_desktop.domain.errors import ValidationError

PLACEHOLDERS: dict[str, str] = {
    "first_name": "the first name of the person the e-mail is for (the first word of their "
    "name; use {full_name} where names are written family name first)",
    "full_name": "their name as the data file holds it",
    "role": "their role as the cohort calls it, e.g. “Reverse mentor”",
    "partner_name": "their partner's name",
    "partner_first_name": "their partner's first name",
    "partner_role": "their partner's role as the cohort calls it",
    "cohort": "the cohort's name",
    "organisation": "the organisation's name from the programme settings",
    "coordinator_name": "your name from the programme settings (else “The programme coordinator”)",
    "coordinator_contact": "your contact line from the programme settings",
    "start_date": "the pair's start date (“to be agreed” when none is set)",
    "end_date": "the pair's end date (“to be agreed” when none is set)",
    "due_date": "when the check-in questionnaire is due back (“whenever suits you” when no "
    "date is set)",
    "cadence": "how often the pair means to meet, e.g. “every 3 weeks”",
    "last_meeting": "the date of the pair's last session held (“you started” when none yet)",
    "sessions_held": "how many sessions the pair has held, e.g. “6 sessions”",
}


def _fields(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    try:
        return list(Formatter().parse(text))
    except ValueError:
        raise ValidationError(
            {
                "braces": "A brace { or } has no partner. Write a placeholder as {first_name}, "
                "and a brace itself as {{ or }}."
            }
        ) from None


def placeholders_in(text: str) -> list[str]:
    """Every placeholder written in ``text``, as typed (``{first_name}`` gives "first_name")."""
    found = []
    for _literal, name, spec, conversion in _fields(text):
        if name is None:
            continue
        extra = (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
        found.append(name + extra)
    return found


def unknown_placeholders(text: str) -> list[str]:
    """The placeholders in ``text`` that are not declared, in the order they appear."""
    unknown = [name for name in placeholders_in(text) if name not in PLACEHOLDERS]
    return list(dict.fromkeys(unknown))


def placeholder_problem(text: str, where: str) -> str:
    """A sentence naming the unknown placeholders in ``text`` and the known ones, or ""."""
    unknown = unknown_placeholders(text)
    if not unknown:
        return ""
    named = ", ".join(f"{{{name}}}" for name in unknown)
    known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    what = "is not a placeholder" if len(unknown) == 1 else "are not placeholders"
    return f"In the {where}, {named} {what}. The placeholders are {known}."


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each placeholder replaced by its value (check it first: an unknown one
    raises KeyError)."""
    parts = []
    for literal, name, _spec, _conversion in _fields(text):
        parts.append(literal)
        if name is not None:
            parts.append(values[name])
    return "".join(parts)
