"""Why a whole file cannot be imported (as opposed to problems with single rows)."""

from __future__ import annotations

from revmentor_desktop.domain.errors import DomainError


class ImportFileError(DomainError):
    """The file as a whole cannot be read as a table; ``str(error)`` says why and what to do."""
