"""Which paper documents print on: the data file's choice, else this computer's locale.

The window and the command line both ask ``page_size()``, so a file with no choice yet prints
on the same paper from either. Once the coordinator chooses, the data file remembers it.
"""

from __future__ import annotations

import locale
import os

from revmentor_desktop.domain import settings

PAGE_SIZES = settings.PAGE_SIZES

# Countries whose default paper is US Letter (as in glibc's LC_PAPER data).
_LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "CR", "GT", "NI", "PA", "PR", "SV", "VE", "DO", "BZ"}
)


def paper_for_locale(locale_name: str | None) -> str:
    """US "Letter" for locales of the countries that use it, otherwise "A4".

    Accepts the usual spellings: ``en_US.UTF-8``, ``en-US``, ``fr_CA``, ``English_United
    States.1252`` (Windows); anything unrecognised gives A4, the paper of most of the world.
    """
    if not locale_name:
        return "A4"
    name = locale_name.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    if "_" not in name:
        return "A4"
    country = name.rsplit("_", 1)[1].strip()
    if country.upper() in _LETTER_COUNTRIES:
        return "Letter"
    if country.casefold() in {"united states", "canada", "mexico", "philippines"}:
        return "Letter"
    return "A4"


def system_locale_name() -> str | None:
    """The locale whose paper size applies: LC_ALL, LC_PAPER or LANG, else the process's own.

    The environment comes first because it is the same for the window and the command line,
    whereas the process locale depends on whether Qt has called ``setlocale`` yet.
    """
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(variable)
        if value and not _is_c_locale(value):
            return value
    # As the process has it (on Windows: "English_United States.1252"). Not getlocale(), which
    # turns "C.UTF-8" into "en_US" and so would print on Letter where nothing asked for it.
    current = locale.setlocale(locale.LC_CTYPE)
    return None if _is_c_locale(current) else current


def _is_c_locale(name: str) -> bool:
    return name in {"C", "POSIX"} or name.startswith("C.")


def locale_page_size(locale_name: str | None = None) -> str:
    """The paper of ``locale_name``, or of this computer's locale when none is given."""
    return paper_for_locale(locale_name if locale_name is not None else system_locale_name())


def chosen_page_size() -> str:
    """ "A4" or "Letter" as stored in the data file, or "" if the coordinator has not chosen."""
    stored = settings.get(settings.PAGE_SIZE).strip().casefold()
    return next((size for size in PAGE_SIZES if size.casefold() == stored), "")


def page_size(locale_name: str | None = None) -> str:
    """The paper documents print on: the data file's choice, else the locale's default."""
    return chosen_page_size() or locale_page_size(locale_name)
