"""The built-in plans as written in resources/plans/: all of them load, in the library's order,
only when first used, and a mistake in a file is reported with its file, plan and field."""

from __future__ import annotations

import shutil
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from revmentor_desktop.domain.plans.library import (
    PlanFileError,
    builtin_plan,
    builtin_plans,
    load_plans,
)
from revmentor_desktop.domain.plans.session_plan import REVERSE, Stage
from tests.fresh_imports import run_fresh

REPOSITORY = Path(__file__).resolve().parents[3]
PLANS = REPOSITORY / "revmentor_desktop" / "resources" / "plans"


def test_every_plan_of_every_family_file_loads_in_the_library_order() -> None:
    index = tomllib.loads((PLANS / "library.toml").read_text("utf-8"))
    written = [
        plan["key"]
        for family in index["families"]
        for plan in tomllib.loads((PLANS / f"{family}.toml").read_text("utf-8"))["plan"]
    ]
    assert len(index["families"]) == 5
    assert sorted(written) == sorted(index["order"])
    assert [plan.key for plan in builtin_plans()] == index["order"]
    assert builtin_plans() is builtin_plans(), "the files are read once"


def test_a_plan_reads_as_written_with_wrapped_text_as_one_paragraph() -> None:
    plan = builtin_plan("generative-ai")
    assert plan is not None
    assert plan.title == "Generative AI for everyday work"
    assert plan.stage is Stage.TOPIC
    assert plan.cohort_kinds == REVERSE
    assert plan.aim == (
        "Try an AI assistant together on a real, harmless task, and agree where it helps, "
        "where it misleads, and what the organisation's rules allow."
    )
    assert plan.agenda[1].title == "A live try" and plan.agenda[1].share == 20
    assert builtin_plan("no-such-plan") is None


def test_the_plans_are_not_read_at_start_up_only_when_used() -> None:
    code = (
        "import revmentor_desktop.cli as cli, revmentor_desktop.domain.plans.catalogue; "
        "cli.build_parser(); "
        "from revmentor_desktop.domain.plans import library; "
        "print(library.builtin_plans.cache_info().currsize); "
        "library.builtin_plan('first-meeting'); "
        "print(library.builtin_plans.cache_info().currsize)"
    )
    assert run_fresh(code).split() == ["0", "1"]


def test_the_package_folder_is_read_through_importlib_resources() -> None:
    folder = resources.files("revmentor_desktop").joinpath("resources", "plans")
    assert load_plans(folder) == builtin_plans()


@pytest.fixture
def plans_copy(tmp_path: Path) -> Path:
    """A copy of the shipped plan files, to break one of them."""
    return Path(shutil.copytree(PLANS, tmp_path / "plans"))


def _edit(folder: Path, file_name: str, old: str, new: str) -> None:
    path = folder / file_name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN = {
    "a missing field": (
        "meetings.toml",
        'title = "The first meeting: getting to know each other"\n',
        "",
        "meetings.toml, plan 'first-meeting', field 'title': it is missing.",
    ),
    "an agenda step without minutes": (
        "meetings.toml",
        "minutes = 15\n",
        "",
        "meetings.toml, plan 'first-meeting', agenda step 3, field 'minutes': it is missing.",
    ),
    "a line that is not TOML": (
        "meetings.toml",
        'key = "first-meeting"',
        "key first-meeting",
        "meetings.toml is not valid TOML: Expected '=' after a key in a key/value pair "
        "(at line 7, column 5).",
    ),
    "an unknown stage": (
        "career_skills.toml",
        'stage = "topic"',
        'stage = "topics"',
        "career_skills.toml, plan 'stakeholder-management', field 'stage': 'topics' is not one "
        "of first, topic, midpoint, closing.",
    ),
    "a misspelt field": (
        "meetings.toml",
        "mentee_prepares = ",
        "mentee_prepare = ",
        "meetings.toml, plan 'first-meeting', field 'mentee_prepare': there is no such field (the "
        "fields are key, title, stage, cohort_kinds, focus_areas, aim, mentor_prepares, "
        "mentee_prepares, questions, keep_safe, task, agenda).",
    ),
    "minutes that are not a number": (
        "online_presence.toml",
        "minutes = 10",
        'minutes = "ten"',
        "online_presence.toml, plan 'social-media', agenda step 1, field 'minutes': 'ten' is not "
        "a whole number of minutes above 0.",
    ),
    "an unknown kind of cohort": (
        "digital_work.toml",
        'cohort_kinds = ["reverse", "mutual"]',
        'cohort_kinds = ["reverse", "mutal"]',
        "digital_work.toml, plan 'generative-ai', field 'cohort_kinds': 'mutal' is not one of "
        "reverse, traditional, mutual.",
    ),
    "a plan the library does not list": (
        "library.toml",
        '    "inclusion",\n',
        "",
        "library.toml, field 'order': 'inclusion' (a plan in workplace_culture.toml) is missing "
        "from it.",
    ),
    "a key two plans share": (
        "career_skills.toml",
        'key = "negotiation"',
        'key = "inclusion"',
        "career_skills.toml, plan 'inclusion', field 'key': another plan has it already, in "
        "workplace_culture.toml.",
    ),
}


@pytest.mark.parametrize(("file_name", "old", "new", "message"), BROKEN.values(), ids=BROKEN)
def test_a_broken_file_is_reported_with_its_file_plan_and_field(
    plans_copy: Path, file_name: str, old: str, new: str, message: str
) -> None:
    _edit(plans_copy, file_name, old, new)
    with pytest.raises(PlanFileError) as raised:
        load_plans(plans_copy)
    assert str(raised.value) == message


def test_a_missing_family_file_is_named(plans_copy: Path) -> None:
    (plans_copy / "career_skills.toml").unlink()
    with pytest.raises(PlanFileError, match=r"^career_skills\.toml cannot be read: "):
        load_plans(plans_copy)
