"""Undoable changes of the wording of message templates."""

from __future__ import annotations

from revmentor_desktop.domain.edits.core import (
    Edit,
    record_edit,
    settings_scopes,
)
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.messages import templates


def change_message_template(name: str, subject: str, body: str) -> Edit:
    """Store the coordinator's wording of a message template; refused before anything is
    stored when it names an unknown placeholder."""
    if problems := templates.wording_problems(subject, body):
        raise ValidationError(problems)
    title = templates.default_template(name).title
    return record_edit(
        f"Change the message “{title}”",
        settings_scopes(),
        lambda: templates.save_template(name, subject, body),
        done="Message template saved",
    )


def reset_message_template(name: str) -> Edit:
    title = templates.default_template(name).title
    return record_edit(
        f"Reset the message “{title}”",
        settings_scopes(),
        lambda: templates.reset_template(name),
        done="Message template back to its default wording",
    )
