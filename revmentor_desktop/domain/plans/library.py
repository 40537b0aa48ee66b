"""The built-in session plans in the order the library lists them, and one found by its key.

The plans are content, not code: they are written in ``resources/plans/``, one TOML file per
family of plans, where an editor or a translator can work on them (``library.toml`` there says
how, and in which order the library lists them). They are read once, when first needed, and
checked plainly: a mistake names the file, the plan and the field, so whoever edited the file
can put it right.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

from revmentor_desktop.domain.plans.agenda import AgendaItem
from revmentor_desktop.domain.plans.session_plan import SessionPlan, Stage
from revmentor_desktop.domain.vocabulary import CohortKind

INDEX_FILE = "library.toml"
PLAN_FIELDS = (
    "key",
    "title",
    "stage",
    "cohort_kinds",
    "focus_areas",
    "aim",
    "mentor_prepares",
    "mentee_prepares",
    "questions",
    "keep_safe",
    "task",
    "agenda",
)
STEP_FIELDS = ("title", "minutes", "detail")

Choice = TypeVar("Choice", bound=StrEnum)


class PlanFileError(ValueError):
    """A built-in plan file that cannot be used; the message names the file, plan and field."""


@functools.cache
def builtin_plans() -> tuple[SessionPlan, ...]:
    """The built-in plans in the library's order, read from the package on first use."""
    return load_plans(resources.files("revmentor_desktop").joinpath("resources", "plans"))


def builtin_plan(key: str) -> SessionPlan | None:
    return next((plan for plan in builtin_plans() if plan.key == key), None)


def load_plans(folder: Traversable) -> tuple[SessionPlan, ...]:
    """The plans of every family file that ``folder``'s index names, in the index's order."""
    index = _Place(INDEX_FILE)
    table = _read(folder, INDEX_FILE)
    order = _texts(table, "order", index)
    by_key: dict[str, tuple[str, SessionPlan]] = {}
    for family in _texts(table, "families", index):
        file_name = f"{family}.toml"
        for plan in _family(file_name, _read(folder, file_name)):
            if plan.key in by_key:
                raise _Place(file_name, f"plan '{plan.key}'").error(
                    "key", f"another plan has it already, in {by_key[plan.key][0]}"
                )
            by_key[plan.key] = (file_name, plan)
    _check_order(order, by_key, index)
    return tuple(by_key[key][1] for key in order)


def _read(folder: Traversable, file_name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(folder.joinpath(file_name).read_text("utf-8"))
    except OSError as error:
        raise PlanFileError(f"{file_name} cannot be read: {error.strerror or error}.") from error
    except tomllib.TOMLDecodeError as error:
        raise PlanFileError(f"{file_name} is not valid TOML: {error}.") from error


def _family(file_name: str, table: dict[str, Any]) -> list[SessionPlan]:
    plans = table.get("plan", [])
    if not isinstance(plans, list) or not plans:
        raise PlanFileError(f"{file_name} has no plans: each one starts with a [[plan]] line.")
    return [_plan(plan, file_name, number) for number, plan in enumerate(plans, 1)]


def _check_order(
    order: list[str], by_key: dict[str, tuple[str, SessionPlan]], index: _Place
) -> None:
    unknown = [key for key in order if key not in by_key]
    if unknown:
        raise index.error("order", f"no family file has a plan with the key '{unknown[0]}'")
    twice = [key for key in by_key if order.count(key) > 1]
    if twice:
        raise index.error("order", f"'{twice[0]}' is listed more than once")
    for key, (file_name, _) in by_key.items():
        if key not in order:
            raise index.error("order", f"'{key}' (a plan in {file_name}) is missing from it")


@dataclass(frozen=True)
class _Place:
    """Where a value was written: a file, a plan in it, a step of that plan's agenda."""

    file_name: str
    plan: str = ""  # "plan 'first-meeting'", or "plan 3" while its key is in doubt
    step: int = 0

    def error(self, field: str, problem: str) -> PlanFileError:
        where = [self.file_name]
        if self.plan:
            where.append(self.plan)
        if self.step:
            where.append(f"agenda step {self.step}")
        return PlanFileError(f"{', '.join(where)}, field '{field}': {problem}.")


def _plan(table: Any, file_name: str, number: int) -> SessionPlan:
    place = _Place(file_name, f"plan {number}")
    _check_table(table, "plan", place)
    key = _text(table, "key", place)
    place = _Place(file_name, f"plan '{key}'")
    _known_fields(table, PLAN_FIELDS, place)
    return SessionPlan(
        key=key,
        title=_text(table, "title", place),
        stage=_choice(_text(table, "stage", place), "stage", Stage, place),
        aim=_text(table, "aim", place),
        mentor_prepares=_text(table, "mentor_prepares", place),
        mentee_prepares=_text(table, "mentee_prepares", place),
        agenda=_agenda(table, place),
        questions=tuple(_texts(table, "questions", place)),
        keep_safe=_text(table, "keep_safe", place),
        task=_text(table, "task", place),
        focus_areas=tuple(_texts(table, "focus_areas", place, required=False)),
        cohort_kinds=frozenset(_cohort_kinds(table, place)),
    )


def _agenda(table: dict[str, Any], place: _Place) -> tuple[AgendaItem, ...]:
    steps = table.get("agenda")
    if not isinstance(steps, list) or not steps:
        raise place.error("agenda", "it has no steps: add a [[plan.agenda]] table for each")
    items = []
    for number, step in enumerate(steps, 1):
        where = _Place(place.file_name, place.plan, number)
        _check_table(step, "agenda", where)
        _known_fields(step, STEP_FIELDS, where)
        detail = _text(step, "detail", where) if "detail" in step else ""
        items.append(AgendaItem(_text(step, "title", where), _minutes(step, where), detail))
    return tuple(items)


def _check_table(table: Any, field: str, place: _Place) -> None:
    if not isinstance(table, dict):
        raise place.error(field, f"it must be a table: a line [[{field}]] followed by fields")


def _known_fields(table: dict[str, Any], fields: tuple[str, ...], place: _Place) -> None:
    for name in table:
        if name not in fields:
            raise place.error(name, f"there is no such field (the fields are {', '.join(fields)})")


def _text(table: dict[str, Any], field: str, place: _Place) -> str:
    if field not in table:
        raise place.error(field, "it is missing")
    return _as_text(table[field], field, place)


def _as_text(value: Any, field: str, place: _Place) -> str:
    """A text with its line breaks and runs of spaces made single spaces, as the files say."""
    if not isinstance(value, str) or not value.strip():
        raise place.error(field, "it must be a text, and not an empty one")
    return " ".join(value.split())


def _texts(table: dict[str, Any], field: str, place: _Place, *, required: bool = True) -> list[str]:
    if field not in table and not required:
        return []
    if not isinstance(table.get(field, []), list):
        raise place.error(field, 'it must be a list of texts: ["one", "two"]')
    values = table.get(field) or []
    if required and not values:
        raise place.error(field, "it is missing or empty")
    return [_as_text(value, field, place) for value in values]


def _choice(value: str, field: str, choices: type[Choice], place: _Place) -> Choice:
    try:
        return choices(value)
    except ValueError:
        allowed = ", ".join(choice.value for choice in choices)
        raise place.error(field, f"'{value}' is not one of {allowed}") from None


def _cohort_kinds(table: dict[str, Any], place: _Place) -> list[str]:
    kinds = _texts(table, "cohort_kinds", place, required=False)
    return [_choice(kind, "cohort_kinds", CohortKind, place).value for kind in kinds]


def _minutes(step: dict[str, Any], place: _Place) -> int:
    if "minutes" not in step:
        raise place.error("minutes", "it is missing")
    minutes = step["minutes"]
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
        raise place.error("minutes", f"{minutes!r} is not a whole number of minutes above 0")
    return minutes
