"""The plan library as the coordinator sees it: the built-in plans merged with their own.

A ``plan`` row with a built-in plan's key replaces that plan's words (the coordinator edited
it); a row with another key is a plan they added or duplicated. Retiring keeps the plan (pairs
that have it keep it) but no longer suggests or lists it as current.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import NotFound, ValidationError
from revmentor_desktop.domain.plans.agenda import AgendaItem
from revmentor_desktop.domain.plans.library import builtin_plan, builtin_plans
from revmentor_desktop.domain.plans.session_plan import SessionPlan, Stage
from revmentor_desktop.domain.text import fold
from revmentor_desktop.storage.models import Plan as PlanRow
from revmentor_desktop.storage.models import PlanAgendaItem, database_proxy

LONGEST_TITLE = 120
LONGEST_TEXT = 1500
MOST_AGENDA_ITEMS = 12


@dataclass(frozen=True)
class PlanDraft:
    """A plan's words as the editor holds them; ``agenda`` shares are minutes at 60."""

    title: str
    stage: str = Stage.TOPIC.value
    aim: str = ""
    mentor_prepares: str = ""
    mentee_prepares: str = ""
    agenda: tuple[AgendaItem, ...] = ()
    questions: tuple[str, ...] = ()
    keep_safe: str = ""
    task: str = ""
    focus_areas: tuple[str, ...] = ()
    cohort_kinds: tuple[str, ...] = ()


def draft_of(plan: SessionPlan) -> PlanDraft:
    return PlanDraft(
        title=plan.title,
        stage=plan.stage.value,
        aim=plan.aim,
        mentor_prepares=plan.mentor_prepares,
        mentee_prepares=plan.mentee_prepares,
        agenda=plan.agenda,
        questions=plan.questions,
        keep_safe=plan.keep_safe,
        task=plan.task,
        focus_areas=plan.focus_areas,
        cohort_kinds=tuple(sorted(plan.cohort_kinds)),
    )


def all_plans(include_retired: bool = False) -> list[SessionPlan]:
    """Every plan in the library's order: built-ins first as shipped, then the added ones."""
    rows = {row.key: row for row in PlanRow.select()}
    agendas = _agendas([row.id for row in rows.values()])
    merged: list[SessionPlan] = []
    for index, builtin in enumerate(builtin_plans()):
        row = rows.pop(builtin.key, None)
        if row is None:
            merged.append(replace(builtin, position=index * 10))
        else:
            merged.append(_from_row(row, agendas.get(row.id, ()), builtin=True, default=index * 10))
    for row in sorted(rows.values(), key=lambda each: each.id):
        merged.append(_from_row(row, agendas.get(row.id, ()), builtin=False, default=10_000))
    ordered = sorted(merged, key=lambda plan: plan.position)
    return [plan for plan in ordered if include_retired or not plan.retired]


def _agendas(plan_ids: list[int]) -> dict[int, tuple[AgendaItem, ...]]:
    found: dict[int, list[AgendaItem]] = {}
    if not plan_ids:
        return {}
    query = (
        PlanAgendaItem.select()
        .where(PlanAgendaItem.plan.in_(plan_ids))
        .order_by(PlanAgendaItem.position, PlanAgendaItem.id)
    )
    for item in query:
        found.setdefault(item.plan_id, []).append(AgendaItem(item.title, item.share, item.detail))
    return {key: tuple(items) for key, items in found.items()}


def _from_row(
    row: PlanRow, agenda: tuple[AgendaItem, ...], *, builtin: bool, default: int
) -> SessionPlan:
    return SessionPlan(
        key=row.key,
        title=row.title,
        stage=Stage(row.stage),
        aim=row.aim,
        mentor_prepares=row.mentor_prepares,
        mentee_prepares=row.mentee_prepares,
        agenda=agenda,
        questions=tuple(row.questions),
        keep_safe=row.keep_safe,
        task=row.task,
        focus_areas=tuple(row.focus_areas),
        cohort_kinds=frozenset(row.cohort_kinds),
        builtin=builtin,
        changed=builtin,
        retired=bool(row.retired),
        position=row.position if row.position is not None else default + row.id,
    )


def plans_by_key(include_retired: bool = True) -> dict[str, SessionPlan]:
    return {plan.key: plan for plan in all_plans(include_retired)}


def find_plan(name: str) -> SessionPlan:
    """A plan by its key or its title (case and accents ignored); retired ones included."""
    wanted = fold(" ".join(name.split()))
    for plan in all_plans(include_retired=True):
        if wanted in (fold(plan.key), fold(plan.title)):
            return plan
    known = ", ".join(plan.key for plan in all_plans())
    raise NotFound(f"There is no session plan called “{name}”. The plans are: {known}.")


def validate_plan(draft: PlanDraft, key: str | None = None) -> dict[str, str]:
    """Problems by field, in words for the editor."""
    problems: dict[str, str] = {}
    title = " ".join(draft.title.split())
    if not title:
        problems["title"] = "Give the plan a title."
    elif len(title) > LONGEST_TITLE:
        problems["title"] = f"Keep the title under {LONGEST_TITLE} characters ({len(title)})."
    elif any(fold(plan.title) == fold(title) and plan.key != key for plan in all_plans(True)):
        problems["title"] = f"Another plan is already called “{title}”: choose another title."
    if draft.stage not in {stage.value for stage in Stage}:
        problems["stage"] = "Choose first meeting, topic, mid-point review or closing meeting."
    if not draft.agenda:
        problems["agenda"] = "Add at least one agenda step."
    elif len(draft.agenda) > MOST_AGENDA_ITEMS:
        problems["agenda"] = f"Keep the agenda to {MOST_AGENDA_ITEMS} steps at most."
    elif any(not item.title.strip() for item in draft.agenda):
        problems["agenda"] = "Give every agenda step a title (or remove the empty one)."
    elif any(item.share <= 0 for item in draft.agenda):
        problems["agenda"] = "Give every agenda step at least one minute."
    for name in ("aim", "mentor_prepares", "mentee_prepares", "keep_safe", "task"):
        if len(getattr(draft, name)) > LONGEST_TEXT:
            problems[name] = f"Keep this under {LONGEST_TEXT} characters."
    return problems


def _checked(draft: PlanDraft, key: str | None) -> PlanDraft:
    problems = validate_plan(draft, key)
    if problems:
        raise ValidationError(problems)
    return replace(
        draft,
        title=" ".join(draft.title.split()),
        questions=tuple(q.strip() for q in draft.questions if q.strip()),
        focus_areas=tuple(a.strip() for a in draft.focus_areas if a.strip()),
    )


def _write(row: PlanRow, draft: PlanDraft) -> None:
    row.title = draft.title
    row.stage = draft.stage
    row.aim = draft.aim.strip()
    row.mentor_prepares = draft.mentor_prepares.strip()
    row.mentee_prepares = draft.mentee_prepares.strip()
    row.questions = list(draft.questions)
    row.keep_safe = draft.keep_safe.strip()
    row.task = draft.task.strip()
    row.focus_areas = list(draft.focus_areas)
    row.cohort_kinds = sorted(draft.cohort_kinds)
    row.save()
    PlanAgendaItem.delete().where(PlanAgendaItem.plan == row.id).execute()
    for position, item in enumerate(draft.agenda):
        PlanAgendaItem.create(
            plan=row.id,
            position=position,
            title=item.title.strip(),
            detail=item.detail.strip(),
            share=item.share,
        )


def _row_for(key: str, clock: Clock) -> PlanRow:
    """The stored row of ``key``, made from the built-in plan the first time it changes."""
    row = PlanRow.get_or_none(PlanRow.key == key)
    if row is not None:
        return row
    builtin = builtin_plan(key)
    if builtin is None:
        raise NotFound(f"There is no session plan {key!r}.")
    row = PlanRow(key=key, title=builtin.title, created_at=clock())
    _write(row, draft_of(builtin))
    return row


def save_plan(key: str, draft: PlanDraft, clock: Clock = system_clock) -> None:
    """Change a plan's words (a built-in plan keeps its key: pairs that have it follow)."""
    draft = _checked(draft, key)
    with database_proxy.atomic():
        _write(_row_for(key, clock), draft)


def add_plan(draft: PlanDraft, clock: Clock = system_clock) -> str:
    """Add a plan at the end of the library; returns its key."""
    draft = _checked(draft, None)
    with database_proxy.atomic():
        row = PlanRow(key=f"pending-{clock().timestamp()}", title=draft.title, created_at=clock())
        _write(row, draft)
        row.key = f"plan-{row.id}"
        row.save()
    return str(row.key)


def duplicate_plan(key: str, clock: Clock = system_clock) -> str:
    """A copy of a plan, titled "… (copy)", to change without touching the original."""
    original = find_plan(key)
    titles = {fold(plan.title) for plan in all_plans(True)}
    title, number = f"{original.title} (copy)", 2
    while fold(title) in titles:
        title, number = f"{original.title} (copy {number})", number + 1
    return add_plan(replace(draft_of(original), title=title), clock)


def set_retired(key: str, retired: bool, clock: Clock = system_clock) -> None:
    """Retire a plan (kept for the pairs that have it, no longer suggested) or bring it back."""
    with database_proxy.atomic():
        row = _row_for(key, clock)
        row.retired = retired
        row.save()


def reset_to_builtin(key: str) -> None:
    """Go back to the words the app ships with for a built-in plan."""
    if builtin_plan(key) is None:
        raise ValidationError({"title": "Only a built-in plan has words to go back to."})
    with database_proxy.atomic():
        PlanRow.delete().where(PlanRow.key == key).execute()


def current_keys(keys: Iterable[str]) -> list[str]:
    """Those of ``keys`` that name a plan in the library (a deleted one is skipped)."""
    known = plans_by_key()
    return [key for key in keys if key in known]
