"""Undoable change of the programme's settings."""

from __future__ import annotations

from revmentor_desktop.domain import programme_settings
from revmentor_desktop.domain.edits.core import (
    Edit,
    record_edit,
    settings_scopes,
)
from revmentor_desktop.domain.errors import ValidationError


def change_settings(
    old: programme_settings.ProgrammeSettings, new: programme_settings.ProgrammeSettings
) -> Edit:
    """Store the settings ``new`` changes from ``old``; undo puts every setting row back."""
    if problems := programme_settings.problems(old, new):
        raise ValidationError(problems)
    return record_edit(
        programme_settings.describe_change(old, new),
        settings_scopes(),
        lambda: programme_settings.apply(old, new),
        done="Programme settings saved",
    )
