"""Settings stored in the data file, so they travel with it.

Each setting is declared here once, with the JSON type of its value, its default and its check
(Picard's ``options.py`` does the same for its own settings). Callers read ``get(SETTING)``
and never name a default; a stored value of the wrong type or one that fails the check reads
as the default, so a hand-edited or older file cannot break a document. Families of settings
(one per cohort, per agreement clause, per import file layout) are declared as templates
whose key has a ``{}`` that ``for_(name)`` fills in.

A setting the coordinator changes also has a ``name`` (what ``revmentor settings`` calls it)
and a ``label`` (what the window calls it). A default need not pass the check: the
organisation name's default, "", means "not set yet", which a person resets to rather than
types.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from revmentor_desktop.domain import logo
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.text import is_valid_email
from revmentor_desktop.storage.models import Setting, database_proxy

T = TypeVar("T")

PAGE_SIZES = ("A4", "Letter")
MAX_RETENTION_MONTHS = 240
MAX_NAME_CHARACTERS = 200
SMALLEST_GROUP_RANGE = (3, 50)


def _fine(_value: Any) -> str:
    return ""


@dataclass(frozen=True)
class DataSetting(Generic[T]):
    """One setting of the data file: where it is stored, what it holds and what it may hold.

    ``check`` returns a plain sentence saying what is wrong with a value, or "" if it is fine.
    """

    key: str
    kind: type
    default: T
    check: Callable[[Any], str] = field(default=_fine, compare=False)
    name: str = field(default="", compare=False)
    label: str = field(default="", compare=False)

    @property
    def is_template(self) -> bool:
        return "{}" in self.key

    def for_(self, name: object) -> DataSetting[T]:
        """The member ``name`` of a family (a cohort's id, a clause's key, ...)."""
        if not self.is_template:
            raise ValueError(f"The setting {self.key} is not a family.")
        return replace(self, key=self.key.format(name))

    def problem(self, value: Any) -> str:
        """What is wrong with ``value`` for this setting, or ""."""
        wrong_type = not isinstance(value, self.kind) or (
            isinstance(value, bool) and self.kind is not bool
        )
        if wrong_type:
            return f"The setting {self.key} holds {self.kind.__name__} values, not {value!r}."
        return self.check(value)


def _page_size(value: str) -> str:
    known = {size.casefold() for size in PAGE_SIZES}
    if value.strip() and value.strip().casefold() not in known:
        return f"Paper size “{value}” is not known: choose {' or '.join(PAGE_SIZES)}."
    return ""


def _time_zone(value: str) -> str:
    if not value.strip():
        return ""
    try:
        ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return f"“{value}” is not a time zone: use a name such as Europe/Berlin."
    return ""


def _not_blank(what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        return "" if value.strip() else f"The {what} cannot be empty."

    return check


def _email(value: str) -> str:
    if value.strip() and not is_valid_email(value.strip()):
        return f"“{value}” is not an e-mail address: write it like coordinator@example.org."
    return ""


def _at_most(what: str, characters: int = MAX_NAME_CHARACTERS) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value.strip()) > characters:
            return f"The {what} is {len(value.strip())} characters long; keep it to {characters}."
        return ""

    return check


def _all(*checks: Callable[[Any], str]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        return next((problem for problem in (one(value) for one in checks) if problem), "")

    return check


def _smallest_group(value: int) -> str:
    low, high = SMALLEST_GROUP_RANGE
    if not low <= value <= high:
        return (
            f"Reports can hide groups of fewer than {low} to {high} people; "
            f"{value} is outside that range."
        )
    return ""


def _weights(value: dict[str, Any]) -> str:
    weights = value.get("weights", {})
    if set(value) - {"weights"} or not isinstance(weights, dict):
        return "Matching weights are stored as a rule name and a weight for each rule."
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in weights.items()):
        return "Matching weights are stored as a rule name and a weight for each rule."
    return ""


def _retention(value: int) -> str:
    if not 1 <= value <= MAX_RETENTION_MONTHS:
        return "Keep data for between 1 month and 20 years."
    return ""


def _clause(value: dict[str, Any]) -> str:
    if set(value) - {"heading", "body"} or not all(isinstance(v, str) for v in value.values()):
        return "An agreement clause has a heading and a body, both text."
    return ""


def _message_wording(value: dict[str, Any]) -> str:
    if set(value) - {"subject", "body"} or not all(isinstance(v, str) for v in value.values()):
        return "A message template has a subject and a body, both text."
    return ""


def _mapping(value: list[Any]) -> str:
    if not all(item is None or isinstance(item, str) for item in value):
        return "A remembered import mapping names one field (or none) per column."
    return ""


# Documents
ORGANISATION_NAME: DataSetting[str] = DataSetting(
    "documents.organisation_name",
    str,
    "",
    _all(_not_blank("organisation name"), _at_most("organisation name")),
    "organisation_name",
    "Organisation name",
)
# {} is no logo; otherwise {"media_type": ..., "data": base64}, checked by domain.logo.
LOGO: DataSetting[dict[str, Any]] = DataSetting(
    "documents.logo", dict, {}, logo.setting_problem, "logo", "Logo"
)
# "" follows the computer's locale (Letter in the Americas, A4 elsewhere): see domain.paper.
PAGE_SIZE: DataSetting[str] = DataSetting(
    "documents.page_size", str, "", _page_size, "page_size", "Paper size"
)
COORDINATOR_NAME: DataSetting[str] = DataSetting(
    "documents.coordinator_name",
    str,
    "",
    _at_most("coordinator's name"),
    "coordinator_name",
    "Coordinator's name",
)
COORDINATOR_CONTACT: DataSetting[str] = DataSetting(
    "documents.coordinator_contact",
    str,
    "",
    _at_most("contact line"),
    "coordinator_contact",
    "Contact line",
)
# Who signs certificates of participation: "" leaves it to the coordinator (COORDINATOR_NAME).
SPONSOR_NAME: DataSetting[str] = DataSetting(
    "documents.sponsor_name",
    str,
    "",
    _at_most("sponsor's name"),
    "sponsor_name",
    "Sponsor's name",
)
# "" prints "Programme sponsor" under a sponsor's name ("Programme coordinator" under theirs).
SPONSOR_TITLE: DataSetting[str] = DataSetting(
    "documents.sponsor_title",
    str,
    "",
    _at_most("sponsor's title"),
    "sponsor_title",
    "Sponsor's title",
)
# Breakdowns in reports (departments, reasons for ending early) hide smaller groups than this.
SMALLEST_GROUP: DataSetting[int] = DataSetting(
    "reports.anonymity_threshold",
    int,
    5,
    _smallest_group,
    "anonymity_threshold",
    "Smallest group shown in reports",
)
AGREEMENT_VERSION: DataSetting[str] = DataSetting(
    "documents.agreement_version",
    str,
    "1.0",
    _all(_not_blank("agreement version"), _at_most("agreement version", 40)),
    "agreement_version",
    "Agreement version",
)
# The coordinator's wording of one clause; {} (or an empty part) keeps the built-in wording.
AGREEMENT_CLAUSE: DataSetting[dict[str, Any]] = DataSetting(
    "documents.agreement.{}", dict, {}, _clause
)

# The coordinator's wording of one message template (domain/messages); {} keeps the built-in one.
MESSAGE_TEMPLATE: DataSetting[dict[str, Any]] = DataSetting(
    "messages.template.{}", dict, {}, _message_wording
)

# Calendar: "" means this computer's zone, and an identity derived from the data.
TIME_ZONE: DataSetting[str] = DataSetting(
    "calendar.timezone", str, "", _time_zone, "time_zone", "Time zone of calendars"
)
CALENDAR_IDENTITY: DataSetting[str] = DataSetting("calendar.uid_domain", str, "")
# The coordinator's e-mail: calendar files name them (COORDINATOR_NAME) as the sessions'
# organiser ("" leaves the organiser out).
COORDINATOR_EMAIL: DataSetting[str] = DataSetting("calendar.coordinator_email", str, "", _email)

# Privacy
RETENTION_MONTHS: DataSetting[int] = DataSetting(
    "privacy.retention_months",
    int,
    24,
    _retention,
    "retention_months",
    "Months to keep ended pairs' data",
)
CONSENT_WORDING_VERSION: DataSetting[str] = DataSetting("privacy.consent_wording_version", str, "")

# Matching: a cohort's weights that differ from its kind's, and its reporting-line depth;
# matching.rules reads the content (it knows the rules).
MATCHING_RULES: DataSetting[dict[str, Any]] = DataSetting("matching.rules.{}", dict, {})
# The weights of every cohort of a kind (reverse, traditional, mutual) that differ from the
# built-in ones; a cohort's own weights override these.
MATCHING_KIND_WEIGHTS: DataSetting[dict[str, Any]] = DataSetting(
    "matching.kind.{}", dict, {}, _weights
)

# Import: the field chosen for each column, per file layout (a signature of its headers).
IMPORT_MAPPING: DataSetting[list[Any]] = DataSetting("import.mapping.{}", list, [], _mapping)

DECLARED: tuple[DataSetting[Any], ...] = (
    ORGANISATION_NAME,
    LOGO,
    PAGE_SIZE,
    COORDINATOR_NAME,
    COORDINATOR_CONTACT,
    SPONSOR_NAME,
    SPONSOR_TITLE,
    SMALLEST_GROUP,
    AGREEMENT_VERSION,
    AGREEMENT_CLAUSE,
    MESSAGE_TEMPLATE,
    TIME_ZONE,
    CALENDAR_IDENTITY,
    COORDINATOR_EMAIL,
    RETENTION_MONTHS,
    CONSENT_WORDING_VERSION,
    MATCHING_RULES,
    MATCHING_KIND_WEIGHTS,
    IMPORT_MAPPING,
)


def _stored(setting: DataSetting[Any]) -> Any:
    if setting.is_template:
        raise ValueError(f"Choose a member of {setting.key} with for_().")
    row = Setting.get_or_none(Setting.key == setting.key)
    if row is None:
        return None
    try:
        return json.loads(row.value)
    except ValueError:
        return None


def get(setting: DataSetting[T]) -> T:
    """The stored value, or the declared default if none is stored or it is not valid."""
    value = _stored(setting)
    if value is None or setting.problem(value):
        return setting.default
    return value  # type: ignore[no-any-return]


def put(setting: DataSetting[T], value: T) -> None:
    """Store ``value`` after checking it; a refused value raises ValidationError by key."""
    if setting.is_template:
        raise ValueError(f"Choose a member of {setting.key} with for_().")
    if problem := setting.problem(value):
        raise ValidationError({setting.key: problem})
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    # Update, else insert, inside one transaction: every SQL dialect says it the same way.
    with database_proxy.atomic():
        updated = Setting.update(value=encoded).where(Setting.key == setting.key).execute()
        if not updated:
            Setting.insert(key=setting.key, value=encoded).execute()


def reset(setting: DataSetting[Any]) -> None:
    """Forget the stored value, so the setting reads as its default again."""
    with database_proxy.atomic():
        Setting.delete().where(Setting.key == setting.key).execute()
