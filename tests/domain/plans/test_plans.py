"""Session plans: minutes that add up, suggestions that follow the pair, progress, undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from revmentor_desktop.domain import cohorts, edits, sessions
from revmentor_desktop.domain.errors import NotFound, ValidationError
from revmentor_desktop.domain.plans import catalogue, pair_plans
from revmentor_desktop.domain.plans.agenda import AgendaItem, scale_minutes, timed
from revmentor_desktop.domain.plans.library import builtin_plans
from revmentor_desktop.domain.plans.session_plan import Stage
from tests.reports.programme import NOW, build_programme, clock

pytestmark = pytest.mark.usefixtures("data_file")

SESSION_LENGTHS = (15, 30, 45, 50, 60, 75, 90, 100, 120, 7, 61)


@pytest.mark.parametrize("plan", builtin_plans(), ids=lambda plan: plan.key)
@pytest.mark.parametrize("length", SESSION_LENGTHS)
def test_every_built_in_agenda_adds_up_to_the_session(plan: object, length: int) -> None:
    steps = timed(plan.agenda, length)  # type: ignore[attr-defined]
    assert sum(step.minutes for step in steps) == length
    assert all(step.minutes > 0 for step in steps)


def test_minutes_come_in_fives_when_the_session_allows_and_keep_proportions() -> None:
    assert scale_minutes([10, 20, 30], 90) == [15, 30, 45]
    assert scale_minutes([10, 20, 30], 60) == [10, 20, 30]
    assert scale_minutes([1, 1, 1], 10) == [4, 3, 3]
    assert scale_minutes([50, 5, 5], 15) == [5, 5, 5]  # every step keeps a five
    assert scale_minutes([50, 5, 5], 14) == [12, 1, 1]
    assert sum(scale_minutes([7, 13, 40], 47)) == 47


def test_there_are_at_least_14_built_in_plans_each_complete() -> None:
    assert len(builtin_plans()) >= 14
    assert len({plan.key for plan in builtin_plans()}) == len(builtin_plans())
    for plan in builtin_plans():
        assert sum(item.share for item in plan.agenda) == 60, plan.key
        for words in (plan.aim, plan.mentor_prepares, plan.mentee_prepares, plan.keep_safe):
            assert len(words) > 40, plan.key
        assert plan.task and len(plan.questions) >= 3, plan.key
    stages = [plan.stage for plan in builtin_plans()]
    assert {Stage.FIRST, Stage.MIDPOINT, Stage.CLOSING} <= set(stages)


def test_suggested_plans_follow_focus_areas_and_the_cohort_length() -> None:
    plans = catalogue.all_plans()
    security = pair_plans.suggest_plan(["Spotting phishing"], "reverse", 8, plans)
    assert len(security) == 8
    assert security[0] == "first-meeting" and security[-1] == "closing-meeting"
    assert security[4] == "midpoint-review"
    assert security[1] == "online-security"
    ai_first = pair_plans.suggest_plan(["Prompting AI assistants", "LinkedIn"], "reverse", 6, plans)
    assert ai_first[1:3] == ["generative-ai", "social-media"]
    short = pair_plans.suggest_plan(["LinkedIn"], "reverse", 2, plans)
    assert short == ["first-meeting", "closing-meeting"]
    classic = pair_plans.suggest_plan(["Negotiation"], "traditional", 5, plans)
    assert classic[1] == "negotiation"
    assert "generative-ai" not in pair_plans.suggest_plan([], "traditional", 24, plans)


def test_a_pair_gets_a_plan_for_its_cohort_length_and_its_focus_areas() -> None:
    programme = build_programme()
    keys = pair_plans.give_suggested_plan(programme.pair_id)  # Teams & LinkedIn
    # 2 Mar to 18 Dec 2026 every 21 days: 13 meetings.
    assert len(keys) == 13
    assert keys[1:3] == ["collaboration-tools", "social-media"]
    assert pair_plans.progress(programme.pair_id).label == "0 of 13 plan items"


def test_a_session_logged_against_a_plan_item_moves_the_pairs_progress() -> None:
    programme = build_programme()
    pair_plans.arrange(programme.pair_id, ["first-meeting", "generative-ai", "closing-meeting"])
    first = pair_plans.next_item(programme.pair_id)
    draft = sessions.SessionDraft(
        programme.pair_id, NOW - timedelta(days=1), 60, status="held", plan_item_id=first
    )
    edit = edits.add_session(draft, clock)
    assert pair_plans.progress(programme.pair_id).label == "1 of 3 plan items"
    assert pair_plans.next_item(programme.pair_id) != first
    assert sessions.get_session(edit.created_id).plan_item_id == first  # type: ignore[arg-type]
    edits.undo(edit)
    assert pair_plans.progress(programme.pair_id).label == "0 of 3 plan items"
    assert [entry.plan_key for entry in pair_plans.pair_plan(programme.pair_id)] == [
        "first-meeting",
        "generative-ai",
        "closing-meeting",
    ]
    edits.redo(edit)
    assert pair_plans.progress(programme.pair_id).done == 1


def test_a_planned_session_holds_its_item_but_counts_once_held() -> None:
    programme = build_programme()
    pair_plans.arrange(programme.pair_id, ["first-meeting", "closing-meeting"])
    item = pair_plans.next_item(programme.pair_id)
    draft = sessions.SessionDraft(
        programme.pair_id, NOW + timedelta(days=3), 60, status="planned", plan_item_id=item
    )
    session_id = sessions.add_session(draft, clock)
    assert pair_plans.progress(programme.pair_id).done == 0
    held = replace(draft, starts_at=NOW - timedelta(hours=2), status="held")
    edits.update_session(session_id, held, clock)
    assert pair_plans.progress(programme.pair_id).done == 1
    # An edit that does not mention the plan item leaves it taken up.
    untouched = replace(held, notes="Went well", plan_item_id=sessions.PLAN_ITEM_UNCHANGED)
    sessions.update_session(session_id, untouched, clock)
    assert pair_plans.progress(programme.pair_id).done == 1


def test_an_item_of_another_pair_is_refused() -> None:
    programme = build_programme()
    pair_plans.arrange(programme.quiet_pair_id, ["first-meeting"])
    other = pair_plans.next_item(programme.quiet_pair_id)
    draft = sessions.SessionDraft(
        programme.pair_id, NOW - timedelta(days=1), 60, status="held", plan_item_id=other
    )
    with pytest.raises(ValidationError):
        sessions.add_session(draft, clock)


def test_reordering_keeps_the_sessions_that_took_items_up() -> None:
    programme = build_programme()
    pair_plans.arrange(programme.pair_id, ["first-meeting", "inclusion", "closing-meeting"])
    item = pair_plans.next_item(programme.pair_id)
    sessions.add_session(
        sessions.SessionDraft(programme.pair_id, NOW, 60, status="held", plan_item_id=item), clock
    )
    edit = edits.arrange_pair_plan(programme.pair_id, ["inclusion", "first-meeting"])
    entries = pair_plans.pair_plan(programme.pair_id)
    assert [entry.plan_key for entry in entries] == ["inclusion", "first-meeting"]
    assert entries[1].done
    edits.undo(edit)
    assert len(pair_plans.pair_plan(programme.pair_id)) == 3


def test_editing_a_built_in_plan_is_undoable_and_keeps_its_key() -> None:
    plan = catalogue.find_plan("generative-ai")
    draft = replace(catalogue.draft_of(plan), title="AI assistants at work")
    edit = edits.save_plan(plan.key, draft, clock)
    assert catalogue.find_plan("AI assistants at work").key == "generative-ai"
    edits.undo(edit)
    assert catalogue.find_plan("generative-ai").title == plan.title
    assert not catalogue.find_plan("generative-ai").changed
    edits.redo(edit)
    assert catalogue.find_plan("generative-ai").title == "AI assistants at work"


def test_add_duplicate_retire_and_undo() -> None:
    draft = catalogue.PlanDraft(
        "Budget season",
        agenda=(AgendaItem("Numbers", 30), AgendaItem("Questions", 30)),
        focus_areas=("Budgeting",),
    )
    added = edits.add_plan(draft, clock)
    assert catalogue.find_plan("Budget season").builtin is False
    copy = edits.duplicate_plan("first-meeting", clock)
    duplicate = catalogue.find_plan("The first meeting: getting to know each other (copy)")
    assert duplicate.agenda == catalogue.find_plan("first-meeting").agenda
    retired = edits.set_plan_retired("inclusion", True, clock)
    assert "inclusion" not in {plan.key for plan in catalogue.all_plans()}
    assert "inclusion" not in pair_plans.suggest_plan(
        ["Inclusion"], "reverse", 10, catalogue.all_plans()
    )
    for edit in (retired, copy, added):
        edits.undo(edit)
    assert len(catalogue.all_plans()) == len(builtin_plans())
    with pytest.raises(NotFound):
        catalogue.find_plan("Budget season")


def test_a_plan_without_agenda_or_title_is_refused_in_words() -> None:
    with pytest.raises(ValidationError) as refused:
        catalogue.add_plan(catalogue.PlanDraft("  "), clock)
    assert refused.value.problems["title"] == "Give the plan a title."
    assert "agenda" in refused.value.problems
    with pytest.raises(ValidationError) as taken:
        catalogue.add_plan(
            catalogue.PlanDraft("Negotiation", agenda=(AgendaItem("Talk", 60),)), clock
        )
    assert "already called" in taken.value.problems["title"]


def test_an_unknown_plan_name_names_the_known_ones() -> None:
    with pytest.raises(NotFound) as refused:
        catalogue.find_plan("Underwater basket weaving")
    assert "first-meeting" in str(refused.value) and "closing-meeting" in str(refused.value)


def test_deleting_a_pair_takes_its_plan_and_undo_brings_it_back() -> None:
    programme = build_programme()
    pair_plans.arrange(programme.quiet_pair_id, ["first-meeting", "closing-meeting"])
    edit = edits.delete_pair(programme.quiet_pair_id)
    edits.undo(edit)
    assert pair_plans.plan_keys(programme.quiet_pair_id) == ["first-meeting", "closing-meeting"]


def test_a_cohort_without_dates_plans_the_default_number_of_meetings() -> None:
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Undated"), lambda: datetime(2026, 1, 1))
    cohort = cohorts.get_cohort_model(cohort_id)
    assert pair_plans.meetings_in_cohort(cohort) == pair_plans.DEFAULT_MEETINGS
