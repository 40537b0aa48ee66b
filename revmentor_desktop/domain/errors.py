"""Errors the domain raises; views turn them into messages next to the right field."""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """A rule of the programme was broken. ``str(error)`` is a sentence for a person."""


class NotFound(DomainError):
    pass


class ValidationError(DomainError):
    """One or more fields are invalid; ``problems`` maps each field to what is wrong with it."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__(" ".join(self.problems.values()))


class RuleViolation(DomainError):
    """An action breaks a programme rule (same person twice, capacity, not enrolled, ...)."""
