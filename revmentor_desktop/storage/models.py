"""Peewee models: the tables of a RevMentor data file (schema version 13).

The tables themselves are created by the numbered migrations in ``migrations.py``; these
classes describe them for queries. ``tests/storage/test_migrations.py`` checks both agree.

Every column is wrapped in its privacy class (``personal(...)``, ``private_note(...)``, ...; see
``personal_data.Privacy``): the access export, erasure and the exports read it from here.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    Database,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from revmentor_desktop.storage.personal_data import (
    confidential,
    derived,
    operational,
    personal,
    private_note,
)

database_proxy = DatabaseProxy()


@contextlib.contextmanager
def binding_models_to(database: Database) -> Iterator[Database]:
    """Point the models at ``database`` for the block, then back at what they used before."""
    previous = database_proxy.obj
    database_proxy.initialize(database)
    try:
        yield database
    finally:
        database_proxy.initialize(previous)


class TagListField(TextField):
    """A list of short labels (topics, focus areas) stored as a JSON array."""

    def db_value(self, value: list[str] | None) -> str:
        return json.dumps(list(value or []), ensure_ascii=False)

    def python_value(self, value: str | None) -> list[str]:
        if not value:
            return []
        loaded: Any = json.loads(value)
        return [str(item) for item in loaded]


class BaseModel(Model):
    id = operational(AutoField())  # Setting replaces it with its own key

    class Meta:
        database = database_proxy
        legacy_table_names = False


class VersionedModel(BaseModel):
    """A table whose rows carry a version: the database advances it on every update
    (migration 10), so the app reads it and never writes it."""

    version = operational(IntegerField(default=1))


class Person(VersionedModel):
    name = personal(TextField())
    search_key = derived(TextField(default=""))  # name, e-mail and department folded for search
    email = personal(TextField(null=True))
    email_key = derived(TextField(null=True, unique=True))  # lower-cased e-mail, for matching
    department = personal(TextField(default=""))
    job_title = personal(TextField(default=""))
    manager = personal(ForeignKeyField("self", null=True, backref="reports", on_delete="SET NULL"))
    hire_date = confidential(DateField(null=True))
    grade = confidential(IntegerField(null=True))  # higher is more senior
    location = confidential(TextField(default=""))
    meeting_format = personal(CharField(default="either"))
    consent_date = confidential(DateField(null=True))
    consent_wording = confidential(TextField(default=""))  # added in schema version 2
    archived = operational(BooleanField(default=False))
    coordinator_notes = private_note(TextField(default=""))
    created_at = operational(DateTimeField())
    updated_at = operational(DateTimeField())


class Skill(BaseModel):
    person = operational(ForeignKeyField(Person, backref="skills", on_delete="CASCADE"))
    direction = operational(CharField())  # "teach" or "learn"
    name = personal(TextField())

    class Meta:
        indexes = ((("person", "direction", "name"), True),)


class Cohort(VersionedModel):
    name = operational(TextField(unique=True))
    kind = operational(CharField())  # reverse / traditional / mutual
    start_date = operational(DateField(null=True))
    end_date = operational(DateField(null=True))
    cadence_days = operational(IntegerField(default=21))
    session_minutes = operational(IntegerField(default=60))
    mentor_label = operational(TextField(default="Mentor"))
    mentee_label = operational(TextField(default="Mentee"))
    archived = operational(BooleanField(default=False))
    created_at = operational(DateTimeField())
    # Where the cohort runs; on a server, a coordinator may be kept to the cohorts of one site.
    site = operational(TextField(default=""))


class Participation(VersionedModel):
    cohort = operational(ForeignKeyField(Cohort, backref="participations", on_delete="CASCADE"))
    person = operational(ForeignKeyField(Person, backref="participations", on_delete="CASCADE"))
    role = operational(CharField())  # mentor / mentee / both
    capacity = operational(IntegerField(default=1))  # how many mentees a mentor takes on

    class Meta:
        indexes = ((("cohort", "person"), True),)


class Pair(VersionedModel):
    cohort = operational(ForeignKeyField(Cohort, backref="pairs", on_delete="CASCADE"))
    mentor = operational(ForeignKeyField(Person, backref="pairs_as_mentor", on_delete="RESTRICT"))
    mentee = operational(ForeignKeyField(Person, backref="pairs_as_mentee", on_delete="RESTRICT"))
    direction = operational(CharField())  # reverse / traditional / mutual
    status = operational(CharField(default="proposed"))
    end_reason = private_note(TextField(default=""))
    start_date = operational(DateField(null=True))
    end_date = operational(DateField(null=True))
    focus_areas = operational(TagListField(default=list))  # labels counted in statistics
    agreement_signed = operational(DateField(null=True))
    coordinator_notes = private_note(TextField(default=""))
    shared_summary = personal(TextField(default=""))
    created_at = operational(DateTimeField())


class Goal(VersionedModel):
    pair = operational(ForeignKeyField(Pair, backref="goals", on_delete="CASCADE"))
    owner = operational(CharField(default="mentee"))  # mentee / mentor / both
    description = personal(TextField())
    progress = operational(IntegerField(default=0))  # percent
    position = operational(IntegerField(default=0))


class Meeting(VersionedModel):
    """A session of a pair. Named Meeting in code to avoid clashing with database sessions."""

    pair = operational(ForeignKeyField(Pair, backref="meetings", on_delete="CASCADE"))
    starts_at = operational(DateTimeField())
    duration_minutes = operational(IntegerField(default=60))
    meeting_format = operational(CharField(default="in person"))
    status = operational(CharField(default="planned"))  # planned / held / cancelled
    cancelled_by = operational(CharField(default=""))  # mentor / mentee / coordinator
    topics = operational(TagListField(default=list))  # labels counted in cohort reports
    mentor_takeaways = private_note(TextField(default=""))
    mentee_takeaways = private_note(TextField(default=""))
    notes = private_note(TextField(default=""))
    sequence = operational(IntegerField(default=0))  # grows on each edit (calendar exports)

    class Meta:
        table_name = "session"
        indexes = (
            (("pair", "status", "starts_at"), False),
            (("status", "pair", "starts_at"), False),
        )


class Erasure(BaseModel):
    """A person erased for privacy, recorded without personal data (re-applied after restores)."""

    person_id = operational(IntegerField())
    erased_at = operational(DateTimeField())


class AuditEntry(BaseModel):
    """One change to one row (storage/audit.py): written by triggers, never by the app, and
    never copied with the programme (each store keeps its own trail)."""

    table_name = operational(TextField())
    row_key = operational(TextField())
    action = operational(CharField())  # insert / update / delete
    columns = operational(TextField(default=""))  # the changed columns' names, comma-separated
    changed_by = operational(TextField(default=""))
    changed_at = operational(DateTimeField())
    # The record the row belongs to, when it is part of one (a person's skill): "person", "12".
    owner_table = operational(TextField(default=""))
    owner_key = operational(TextField(default=""))

    class Meta:
        table_name = "audit"


class Setting(BaseModel):
    """Settings that travel with the data file (organisation name, agreement wording, ...)."""

    key = operational(TextField(primary_key=True))
    value = operational(TextField())  # JSON


class PairConstraint(BaseModel):
    """A pair the coordinator locked (always keep) or forbade (never propose) for matching."""

    cohort = operational(ForeignKeyField(Cohort, on_delete="CASCADE"))
    mentor = operational(ForeignKeyField(Person, on_delete="CASCADE", backref="+"))
    mentee = operational(ForeignKeyField(Person, on_delete="CASCADE", backref="+"))
    kind = operational(CharField())  # locked / forbidden

    class Meta:
        indexes = ((("cohort", "mentor", "mentee"), True),)


class Question(BaseModel):
    """A question the coordinator added to a questionnaire, or their change to a built-in one
    (domain/outcomes/questions.py): empty wording and kind keep the built-in ones."""

    key = operational(TextField(unique=True))
    questionnaire = operational(CharField())  # starting / checkin / closing / ending-early
    wording = operational(TextField(default=""))
    answer_kind = operational(CharField(default=""))
    roles = operational(TagListField(default=list))  # empty: asked of both roles
    cohort_kinds = operational(TagListField(default=list))  # empty: asked in every kind
    position = operational(IntegerField(null=True))
    retired = operational(BooleanField(default=False))
    created_at = operational(DateTimeField())


class CheckInDate(BaseModel):
    """A date the coordinator set for a cohort's questionnaire (else derived from its dates)."""

    cohort = operational(ForeignKeyField(Cohort, backref="check_in_dates", on_delete="CASCADE"))
    questionnaire = operational(CharField())
    due_date = operational(DateField())

    class Meta:
        indexes = ((("cohort", "questionnaire"), True),)


class OutcomeForm(BaseModel):
    """One questionnaire for one person: issued (as a PDF form), then answered by any means."""

    questionnaire = operational(CharField())
    person = operational(ForeignKeyField(Person, backref="outcome_forms", on_delete="CASCADE"))
    cohort = operational(ForeignKeyField(Cohort, backref="outcome_forms", on_delete="CASCADE"))
    pair = operational(
        ForeignKeyField(Pair, null=True, backref="outcome_forms", on_delete="SET NULL")
    )
    role = operational(CharField())  # mentor / mentee, as in the pair
    due_date = operational(DateField(null=True))
    token = operational(TextField(unique=True))  # printed in the PDF: finds the form again
    issued_at = operational(DateTimeField(null=True))  # its PDF was made to be sent out
    returned_at = operational(DateTimeField(null=True))  # its answers were recorded
    channel = operational(CharField(default=""))  # pdf / paper / form tool
    handled_at = operational(DateTimeField(null=True))  # a concern it raised was dealt with
    created_at = operational(DateTimeField())

    class Meta:
        table_name = "outcome_form"
        indexes = ((("cohort", "questionnaire"), False),)


class Answer(BaseModel):
    """One answer on a form, with the question as it was asked: written blank when the form
    is issued, filled when it comes back."""

    form = operational(ForeignKeyField(OutcomeForm, backref="answers", on_delete="CASCADE"))
    question_key = operational(TextField())
    wording = operational(TextField())
    answer_kind = operational(CharField())
    dimension = operational(TextField(default=""))  # pairs before/after ratings
    position = operational(IntegerField(default=0))
    number = personal(IntegerField(null=True))  # a rating, a 0–10 score, 1/0 for yes/no
    text = private_note(TextField(default=""))  # free text: never in a shareable document


class Plan(BaseModel):
    """A session plan the coordinator added, or their version of a built-in one (same key):
    the built-in plans themselves ship with the app (resources/plans/)."""

    key = operational(TextField(unique=True))
    title = operational(TextField())
    stage = operational(CharField(default="topic"))  # first / topic / midpoint / closing
    aim = operational(TextField(default=""))
    mentor_prepares = operational(TextField(default=""))
    mentee_prepares = operational(TextField(default=""))
    questions = operational(TagListField(default=list))
    keep_safe = operational(TextField(default=""))
    task = operational(TextField(default=""))
    focus_areas = operational(TagListField(default=list))  # suggests the plan to pairs
    cohort_kinds = operational(TagListField(default=list))  # empty: fits every kind
    position = operational(IntegerField(null=True))
    retired = operational(BooleanField(default=False))
    created_at = operational(DateTimeField())


class PlanAgendaItem(BaseModel):
    """One step of a stored plan's agenda; ``share`` is its minutes in a 60-minute session,
    scaled to the cohort's session length when printed."""

    plan = operational(ForeignKeyField(Plan, backref="agenda", on_delete="CASCADE"))
    position = operational(IntegerField(default=0))
    title = operational(TextField())
    detail = operational(TextField(default=""))
    share = operational(IntegerField())

    class Meta:
        table_name = "plan_agenda_item"


class PairPlanItem(BaseModel):
    """One plan in a pair's plan, in the pair's order; ``session`` is the meeting that took
    it up (ticked off once that session is held)."""

    pair = operational(ForeignKeyField(Pair, backref="plan_items", on_delete="CASCADE"))
    plan_key = operational(TextField())
    position = operational(IntegerField(default=0))
    session = operational(
        ForeignKeyField(Meeting, null=True, backref="plan_items", on_delete="SET NULL")
    )

    class Meta:
        table_name = "pair_plan_item"


class PreparedMessage(BaseModel):
    """An e-mail draft prepared for one partner of a pair: which template, for whom, when.

    The message itself is not kept (its words and attachments stay in the draft the coordinator
    sends), so the history holds nothing a participant wrote or was told. Erasing the person
    cuts the link (``person`` is personal) and keeps the line: "prepared for the mentor"."""

    pair = operational(ForeignKeyField(Pair, backref="prepared_messages", on_delete="CASCADE"))
    person = personal(
        ForeignKeyField(Person, null=True, backref="prepared_messages", on_delete="SET NULL")
    )
    role = operational(CharField())  # mentor / mentee, as in the pair
    template = operational(TextField())  # the template's name, e.g. "introduction"
    prepared_at = operational(DateTimeField())

    class Meta:
        table_name = "prepared_message"


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Person,
    Skill,
    Cohort,
    Participation,
    Pair,
    Goal,
    Meeting,
    Erasure,
    Setting,
    PairConstraint,
    Question,
    CheckInDate,
    OutcomeForm,
    Answer,
    Plan,
    PlanAgendaItem,
    PairPlanItem,
    PreparedMessage,
)
