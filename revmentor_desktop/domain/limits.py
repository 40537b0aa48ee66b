"""How long each text field may be, declared once; every draft's validation reads it from here.

Without limits a pasted megabyte became a job title that no list, dialog or document could show
in reasonable time. The limits are generous for real use: a name or title fits on a line, a note
fills about twenty printed pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

LINE = 200  # a name, title, department or place: more than any real one
LABEL = 100  # a skill, topic, focus area or role label
GOAL = 1_000
NOTE = 50_000  # free notes and take-aways: about twenty pages of print


@dataclass(frozen=True)
class TextLimit:
    label: str  # how the field is called in a message, with a capital: "Job title"
    most: int  # characters

    def problem(self, value: str) -> str | None:
        """The message when ``value`` is too long, else None."""
        if len(value) <= self.most:
            return None
        return f"{self.label} is {len(value):,} characters long; the limit is {self.most:,}."


PERSON = {
    "name": TextLimit("Name", LINE),
    "email": TextLimit("E-mail address", 254),  # the most an address can have (RFC 5321)
    "department": TextLimit("Department", LINE),
    "job_title": TextLimit("Job title", LINE),
    "location": TextLimit("Location", LINE),
    "teaches": TextLimit("A skill to teach", LABEL),
    "learns": TextLimit("A skill to learn", LABEL),
    "consent_wording": TextLimit("Consent wording", 5_000),
    "coordinator_notes": TextLimit("Coordinator notes", NOTE),
}
PAIR = {
    "focus_areas": TextLimit("A focus area", LABEL),
    "coordinator_notes": TextLimit("Coordinator notes", NOTE),
    "shared_summary": TextLimit("The pair's summary", NOTE),
}
SESSION = {
    "topics": TextLimit("A topic", LABEL),
    "mentor_takeaways": TextLimit("The mentor's take-aways", NOTE),
    "mentee_takeaways": TextLimit("The mentee's take-aways", NOTE),
    "notes": TextLimit("Session notes", NOTE),
}
COHORT = {
    "name": TextLimit("Cohort name", LINE),
    "mentor_label": TextLimit("The mentor's role label", LABEL),
    "mentee_label": TextLimit("The mentee's role label", LABEL),
    "site": TextLimit("The cohort's site", LINE),
}


def too_long(draft: Any, limits: Mapping[str, TextLimit]) -> dict[str, str]:
    """Problems by field for each text (or each item of a list of texts) over its limit."""
    problems: dict[str, str] = {}
    for field, limit in limits.items():
        value = getattr(draft, field)
        values: Sequence[str] = value if isinstance(value, (list, tuple)) else (value,)
        for item in values:
            problem = limit.problem(item or "")
            if problem:
                problems[field] = problem
                break
    return problems
