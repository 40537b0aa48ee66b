"""Peewee models: the tables of a RevMentor data file (schema version 4).

The tables themselves are created by the numbered migrations in ``migrations.py``; these
classes describe them for queries. ``tests/storage/test_migrations.py`` checks both agree.
"""

from __future__ import annotations

import json
from typing import Any

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


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
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Person(BaseModel):
    name = TextField()
    search_key = TextField(default="")  # name, e-mail and department folded for search
    email = TextField(null=True)
    email_key = TextField(null=True, unique=True)  # lower-cased e-mail, for matching
    department = TextField(default="")
    job_title = TextField(default="")
    manager = ForeignKeyField("self", null=True, backref="reports", on_delete="SET NULL")
    hire_date = DateField(null=True)
    grade = IntegerField(null=True)  # higher is more senior
    location = TextField(default="")
    meeting_format = CharField(default="either")
    consent_date = DateField(null=True)
    consent_wording = TextField(default="")  # added in schema version 2
    archived = BooleanField(default=False)
    coordinator_notes = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()


class Skill(BaseModel):
    person = ForeignKeyField(Person, backref="skills", on_delete="CASCADE")
    direction = CharField()  # "teach" or "learn"
    name = TextField()

    class Meta:
        indexes = ((("person", "direction", "name"), True),)


class Cohort(BaseModel):
    name = TextField(unique=True)
    kind = CharField()  # reverse / traditional / mutual
    start_date = DateField(null=True)
    end_date = DateField(null=True)
    cadence_days = IntegerField(default=21)
    session_minutes = IntegerField(default=60)
    mentor_label = TextField(default="Mentor")
    mentee_label = TextField(default="Mentee")
    archived = BooleanField(default=False)
    created_at = DateTimeField()


class Participation(BaseModel):
    cohort = ForeignKeyField(Cohort, backref="participations", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="participations", on_delete="CASCADE")
    role = CharField()  # mentor / mentee / both
    capacity = IntegerField(default=1)  # how many mentees a mentor takes on

    class Meta:
        indexes = ((("cohort", "person"), True),)


class Pair(BaseModel):
    cohort = ForeignKeyField(Cohort, backref="pairs", on_delete="CASCADE")
    mentor = ForeignKeyField(Person, backref="pairs_as_mentor", on_delete="RESTRICT")
    mentee = ForeignKeyField(Person, backref="pairs_as_mentee", on_delete="RESTRICT")
    direction = CharField()  # reverse / traditional / mutual
    status = CharField(default="proposed")
    end_reason = TextField(default="")
    start_date = DateField(null=True)
    end_date = DateField(null=True)
    focus_areas = TagListField(default=list)
    agreement_signed = DateField(null=True)
    coordinator_notes = TextField(default="")
    shared_summary = TextField(default="")
    created_at = DateTimeField()


class Goal(BaseModel):
    pair = ForeignKeyField(Pair, backref="goals", on_delete="CASCADE")
    owner = CharField(default="mentee")  # mentee / mentor / both
    description = TextField()
    progress = IntegerField(default=0)  # percent
    position = IntegerField(default=0)


class Meeting(BaseModel):
    """A session of a pair. Named Meeting in code to avoid clashing with database sessions."""

    pair = ForeignKeyField(Pair, backref="meetings", on_delete="CASCADE")
    starts_at = DateTimeField()
    duration_minutes = IntegerField(default=60)
    meeting_format = CharField(default="in person")
    status = CharField(default="planned")  # planned / held / cancelled
    cancelled_by = CharField(default="")  # mentor / mentee / coordinator
    topics = TagListField(default=list)
    mentor_takeaways = TextField(default="")
    mentee_takeaways = TextField(default="")
    notes = TextField(default="")
    sequence = IntegerField(default=0)  # grows on each edit (calendar exports)

    class Meta:
        table_name = "session"
        indexes = (
            (("pair", "status", "starts_at"), False),
            (("status", "pair", "starts_at"), False),
        )


class Erasure(BaseModel):
    """A person erased for privacy, recorded without personal data (re-applied after restores)."""

    person_id = IntegerField()
    erased_at = DateTimeField()


class Setting(BaseModel):
    """Settings that travel with the data file (organisation name, agreement wording, ...)."""

    key = TextField(primary_key=True)
    value = TextField()  # JSON


class PairConstraint(BaseModel):
    """A pair the coordinator locked (always keep) or forbade (never propose) for matching."""

    cohort = ForeignKeyField(Cohort, on_delete="CASCADE")
    mentor = ForeignKeyField(Person, on_delete="CASCADE", backref="+")
    mentee = ForeignKeyField(Person, on_delete="CASCADE", backref="+")
    kind = CharField()  # locked / forbidden

    class Meta:
        indexes = ((("cohort", "mentor", "mentee"), True),)


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
)
