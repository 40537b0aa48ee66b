"""Adding, loading, saving, deleting and archiving a cohort. Its participants are saved with
it in one go, and a save is checked against the version the editing dialog loaded."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from revmentor_desktop.domain import limits
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.cohorts.participants import (
    enrolment_refusal,
    remove_enrolment,
    saved_enrolments,
    withdrawal_refusal,
    write_enrolment,
)
from revmentor_desktop.domain.cohorts.records import (
    CohortDraft,
    Enrolment,
    get_cohort_model,
    settings_of,
)
from revmentor_desktop.domain.conflicts import Loaded, load, refuse_if_moved
from revmentor_desktop.domain.errors import DomainError, ValidationError
from revmentor_desktop.domain.vocabulary import CohortKind, agree, plural
from revmentor_desktop.storage.models import (
    Cohort,
    Meeting,
    Pair,
    PairConstraint,
    Participation,
    database_proxy,
)


def validate_cohort(draft: CohortDraft, cohort_id: int | None = None) -> dict[str, str]:
    problems: dict[str, str] = {}
    name = draft.name.strip()
    if not name:
        problems["name"] = "Enter a name for the cohort, such as “Reverse mentoring 2027”."
    else:
        clash = Cohort.select().where(fn.lower(Cohort.name) == name.lower())
        if cohort_id is not None:
            clash = clash.where(Cohort.id != cohort_id)
        if clash.exists():
            problems["name"] = f"There is already a cohort called “{name}”."
    if draft.kind not in {kind.value for kind in CohortKind}:
        problems["kind"] = "Choose reverse, traditional or mutual mentoring."
    if draft.start_date and draft.end_date and draft.end_date <= draft.start_date:
        problems["end_date"] = "The end date must come after the start date."
    if not 1 <= draft.cadence_days <= 365:
        problems["cadence_days"] = "Meet at least once a year and at most daily (1–365 days)."
    if not 10 <= draft.session_minutes <= 480:
        problems["session_minutes"] = "A session lasts between 10 minutes and 8 hours."
    if draft.participants is not None and (
        refusals := _participant_refusals(cohort_id, draft.participants)
    ):
        problems["participants"] = " ".join(str(refusal) for refusal in refusals)
    return {**problems, **limits.too_long(draft, limits.COHORT)}


def _apply(cohort: Cohort, draft: CohortDraft) -> None:
    default_mentor, default_mentee = CohortKind(draft.kind).default_role_labels
    cohort.name = draft.name.strip()
    cohort.kind = draft.kind
    cohort.start_date = draft.start_date
    cohort.end_date = draft.end_date
    cohort.cadence_days = draft.cadence_days
    cohort.session_minutes = draft.session_minutes
    cohort.mentor_label = draft.mentor_label.strip() or default_mentor
    cohort.mentee_label = draft.mentee_label.strip() or default_mentee
    cohort.site = draft.site.strip()


def add_cohort(draft: CohortDraft, clock: Clock = system_clock) -> int:
    """Create the cohort and enrol its participants, all or nothing."""
    with database_proxy.atomic():
        problems = validate_cohort(draft)
        if problems:
            raise ValidationError(problems)
        cohort = Cohort(created_at=clock())
        _apply(cohort, draft)
        cohort.save()
        _save_participants(int(cohort.id), draft.participants)
    return int(cohort.id)


def update_cohort(
    cohort_id: int, draft: CohortDraft, base: Loaded[CohortDraft] | None = None
) -> None:
    """Save the cohort's details and, when the draft lists them, exactly these participants;
    refused with ``EditConflict`` when ``base`` is older than the stored row."""
    with database_proxy.atomic():
        refuse_if_moved(
            Cohort,
            cohort_id,
            base,
            draft,
            lambda: get_cohort(cohort_id),
            "cohort",
            item_keys={"participants": _enrolled_person},
        )
        cohort = get_cohort_model(cohort_id)
        problems = validate_cohort(draft, cohort_id)
        if problems:
            raise ValidationError(problems)
        _apply(cohort, draft)
        cohort.save()
        _save_participants(cohort_id, draft.participants)


def _enrolled_person(enrolment: Enrolment) -> int:
    return enrolment.person_id


def _enrolment_changes(
    cohort_id: int | None, wanted: list[Enrolment]
) -> tuple[list[Enrolment], list[int]]:
    """Who ``wanted`` enrols or changes, and who it leaves out, compared with what is saved."""
    saved = saved_enrolments(cohort_id)
    wanted_ids = {enrolment.person_id for enrolment in wanted}
    changed = [enrolment for enrolment in wanted if saved.get(enrolment.person_id) != enrolment]
    return changed, [person_id for person_id in saved if person_id not in wanted_ids]


def _participant_refusals(cohort_id: int | None, wanted: list[Enrolment]) -> list[DomainError]:
    changed, withdrawn = _enrolment_changes(cohort_id, wanted)
    refusals = [
        refusal
        for enrolment in changed
        if (refusal := enrolment_refusal(cohort_id, enrolment)) is not None
    ]
    if cohort_id is not None:
        refusals += [
            refusal
            for person_id in withdrawn
            if (refusal := withdrawal_refusal(cohort_id, person_id)) is not None
        ]
    return refusals


def _save_participants(cohort_id: int, wanted: list[Enrolment] | None) -> None:
    """Exactly ``wanted`` enrolled, inside the caller's transaction; the cohort's own save
    has advanced its version already (once, not once per person)."""
    if wanted is None:
        return
    changed, withdrawn = _enrolment_changes(cohort_id, wanted)
    for person_id in withdrawn:
        remove_enrolment(cohort_id, person_id)
    for enrolment in changed:
        write_enrolment(cohort_id, enrolment)


@dataclass(frozen=True)
class CohortContents:
    """What deleting a cohort takes with it; the people themselves stay."""

    name: str
    enrolments: int
    pairs: int
    sessions: int
    decisions: int  # locked and forbidden pairs of the matching assistant

    def deletion_question(self, undo_key: str) -> str:
        """The sentence that asks before deleting, naming everything that goes and the key
        (``undo_key``, as the window binds it) that brings it back."""
        parts = []
        if self.enrolments:
            parts.append(f"its {plural(self.enrolments, 'enrolment')}")
        if self.pairs:
            with_sessions = f" with {plural(self.sessions, 'session')}" if self.sessions else ""
            parts.append(plural(self.pairs, "pair") + with_sessions)
        if self.decisions:
            parts.append(plural(self.decisions, "matching decision"))
        if not parts:
            return f"Delete “{self.name}”? Nobody is enrolled in it yet. {undo_key} undoes this."
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        # One kind of thing agrees with its count; a list of kinds is plural.
        things = self.enrolments + self.pairs + self.decisions if len(parts) == 1 else len(parts)
        return (
            f"Delete “{self.name}”? {listed[0].upper()}{listed[1:]} {agree('go with it', things)}."
            f" People stay. {undo_key} undoes this."
        )


def cohort_contents(cohort_id: int) -> CohortContents:
    """Count what hangs off the cohort: enrolments, pairs, their sessions, matching decisions."""
    cohort = get_cohort_model(cohort_id)
    pair_ids = Pair.select(Pair.id).where(Pair.cohort == cohort_id)
    return CohortContents(
        name=cohort.name,
        enrolments=Participation.select().where(Participation.cohort == cohort_id).count(),
        pairs=pair_ids.count(),
        sessions=Meeting.select().where(Meeting.pair.in_(pair_ids)).count(),
        decisions=PairConstraint.select().where(PairConstraint.cohort == cohort_id).count(),
    )


def delete_cohort(cohort_id: int) -> None:
    """Delete the cohort; the database takes its enrolments, pairs, sessions and locks along."""
    with database_proxy.atomic():
        get_cohort_model(cohort_id)
        Cohort.delete().where(Cohort.id == cohort_id).execute()


def set_archived(cohort_ids: list[int], archived: bool) -> None:
    """Archive (hide from lists and pickers) or restore cohorts; nothing else changes."""
    with database_proxy.atomic():
        Cohort.update(archived=archived).where(Cohort.id.in_(cohort_ids)).execute()


def is_archived(cohort_id: int) -> bool | None:
    """Whether the cohort is archived; None when there is no such cohort (any more)."""
    cohort = Cohort.get_or_none(Cohort.id == cohort_id)
    return None if cohort is None else bool(cohort.archived)


def load_cohort(cohort_id: int) -> Loaded[CohortDraft]:
    """The cohort as an editing dialog loads it: with the version its save is checked against."""
    return load(Cohort, cohort_id, lambda: get_cohort(cohort_id))


def get_cohort(cohort_id: int) -> CohortDraft:
    cohort = get_cohort_model(cohort_id)
    return CohortDraft(
        **settings_of(cohort), participants=list(saved_enrolments(cohort_id).values())
    )
