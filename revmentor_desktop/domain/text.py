"""Text helpers shared by search, import and validation."""

from __future__ import annotations

import re
import unicodedata

# Pragmatic check for what a person would recognise as an e-mail address.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def fold(text: str) -> str:
    """Lower-case and strip accents so "zoe" finds "Zoë" and "jorg" finds "Jörg"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def is_valid_email(address: str) -> bool:
    return bool(_EMAIL.match(address))


def email_key(address: str | None) -> str | None:
    cleaned = (address or "").strip()
    return cleaned.casefold() if cleaned else None


def clean_tags(tags: list[str] | tuple[str, ...]) -> list[str]:
    """Trimmed, de-duplicated (ignoring case) labels in their first-seen order."""
    seen: set[str] = set()
    result = []
    for tag in tags:
        cleaned = " ".join(tag.split())
        if cleaned and fold(cleaned) not in seen:
            seen.add(fold(cleaned))
            result.append(cleaned)
    return result
