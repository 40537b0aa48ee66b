"""Access requests: everything RevMentor holds about one person, as JSON and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Mapping
from datetime import date, datetime
from typing import Any

from peewee import CharField, Field, ForeignKeyField, Model, TextField

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.privacy.common import person_or_not_found
from revmentor_desktop.storage.models import (
    Answer,
    Cohort,
    Goal,
    Meeting,
    OutcomeForm,
    Pair,
    Participation,
    Person,
    PreparedMessage,
    Skill,
)
from revmentor_desktop.storage.personal_data import shown_to_the_person


def _iso(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _readable(row: Model, field: Field) -> Any:
    if isinstance(field, ForeignKeyField):
        related = getattr(row, field.name)
        return related.name if related is not None else ""
    value = getattr(row, field.name)
    if value is None and isinstance(field, CharField | TextField):
        return ""
    return _iso(value)


def _about_the_person(
    row: Model, skip: Collection[str] = (), rename: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The row's columns declared personal in storage/models.py, so a new one is never left
    out; ``skip`` leaves out what belongs to someone else, ``rename`` says whose it is."""
    rename = rename or {}
    return {
        rename.get(field.name, field.name): _readable(row, field)
        for field in shown_to_the_person(type(row))
        if field.name not in skip
    }


def _sessions(pair: Pair, as_mentor: bool) -> list[dict[str, Any]]:
    own, partners = ("mentor", "mentee") if as_mentor else ("mentee", "mentor")
    return [
        {
            "starts_at": _iso(meeting.starts_at),
            "duration_minutes": meeting.duration_minutes,
            "format": meeting.meeting_format,
            "status": meeting.status,
            "topics": list(meeting.topics),
            # The partner's reflections are theirs, not this person's.
            **_about_the_person(
                meeting,
                skip=(f"{partners}_takeaways",),
                rename={f"{own}_takeaways": "my_takeaways"},
            ),
        }
        for meeting in Meeting.select().where(Meeting.pair == pair.id).order_by(Meeting.starts_at)
    ]


def _pairs(person_id: int) -> list[dict[str, Any]]:
    pairs = []
    for pair in Pair.select().where((Pair.mentor == person_id) | (Pair.mentee == person_id)):
        as_mentor = pair.mentor_id == person_id
        partner = person_or_not_found(pair.mentee_id if as_mentor else pair.mentor_id)
        goals = Goal.select().where(Goal.pair == pair.id).order_by(Goal.position)
        pairs.append(
            {
                "cohort": pair.cohort.name,
                "role": "mentor" if as_mentor else "mentee",
                "partner": partner.name,
                "status": pair.status,
                "start_date": _iso(pair.start_date),
                "end_date": _iso(pair.end_date),
                "focus_areas": list(pair.focus_areas),
                "agreement_signed": _iso(pair.agreement_signed),
                **_about_the_person(pair),
                "goals": [
                    {"owner": goal.owner, **_about_the_person(goal), "progress": goal.progress}
                    for goal in goals
                ],
                "sessions": _sessions(pair, as_mentor),
            }
        )
    return pairs


def _questionnaires(person_id: int) -> list[dict[str, Any]]:
    """Every questionnaire the person was sent, with each question as asked and their answer."""
    forms = (
        OutcomeForm.select(OutcomeForm, Cohort)
        .join(Cohort)
        .where(OutcomeForm.person == person_id)
        .order_by(OutcomeForm.created_at, OutcomeForm.id)
    )
    return [
        {
            "questionnaire": form.questionnaire,
            "cohort": form.cohort.name,
            "due_date": _iso(form.due_date),
            "sent": _iso(form.issued_at),
            "answered": _iso(form.returned_at),
            "answers": [
                {
                    "question": answer.wording,
                    "answer": answer.number if answer.number is not None else answer.text,
                }
                for answer in Answer.select()
                .where(Answer.form == form.id)
                .order_by(Answer.position)
            ],
        }
        for form in forms
    ]


def access_export(person_id: int, clock: Clock = system_clock) -> dict[str, Any]:
    """Everything RevMentor holds about one person, for an access request."""
    person = person_or_not_found(person_id)
    skills = {"teaches": [], "learns": []}
    for skill in Skill.select().where(Skill.person == person_id).order_by(Skill.id):
        skills["teaches" if skill.direction == "teach" else "learns"].append(skill.name)
    cohorts = [
        {"cohort": p.cohort.name, "role": p.role, "capacity": p.capacity}
        for p in Participation.select(Participation, Cohort)
        .join(Cohort)
        .where(Participation.person == person_id)
    ]
    return {
        "exported_at": clock().isoformat(timespec="seconds"),
        "person": {
            **_about_the_person(person),
            "archived": bool(person.archived),
            "record_created": _iso(person.created_at),
            "record_updated": _iso(person.updated_at),
            "direct_reports": Person.select().where(Person.manager == person_id).count(),
        },
        "skills": skills,
        "cohorts": cohorts,
        "pairs": _pairs(person_id),
        "questionnaires": _questionnaires(person_id),
        "emails_prepared": _emails_prepared(person_id),
    }


def _emails_prepared(person_id: int) -> list[dict[str, Any]]:
    """Which e-mails were prepared for the person and when (their words are not kept)."""
    return [
        {"message": row.template, "pair": row.pair_id, "prepared": _iso(row.prepared_at)}
        for row in PreparedMessage.select()
        .where(PreparedMessage.person == person_id)
        .order_by(PreparedMessage.prepared_at, PreparedMessage.id)
    ]


def access_export_csv(data: dict[str, Any]) -> bytes:
    """The same content as a readable three-column table (section, item, value)."""
    from revmentor_desktop.domain.exporting import neutralise

    rows: list[tuple[str, str, Any]] = []
    for key, value in data["person"].items():
        rows.append(("Person", key, value))
    for key, values in data["skills"].items():
        rows.append(("Skills", key, "; ".join(values)))
    for number, cohort in enumerate(data["cohorts"], start=1):
        for key, value in cohort.items():
            rows.append((f"Cohort {number}", key, value))
    for number, pair in enumerate(data["pairs"], start=1):
        for key, value in pair.items():
            if key == "goals":
                for goal_number, goal in enumerate(value, start=1):
                    text = f"{goal['description']} ({goal['progress']}%, {goal['owner']})"
                    rows.append((f"Pair {number}", f"goal {goal_number}", text))
            elif key == "sessions":
                for session_number, session in enumerate(value, start=1):
                    for session_key, session_value in session.items():
                        shown = (
                            "; ".join(session_value)
                            if isinstance(session_value, list)
                            else session_value
                        )
                        rows.append((f"Pair {number} session {session_number}", session_key, shown))
            else:
                shown = "; ".join(value) if isinstance(value, list) else value
                rows.append((f"Pair {number}", key, shown))
    for number, form in enumerate(data.get("questionnaires", []), start=1):
        section = f"Questionnaire {number}"
        rows += [(section, key, value) for key, value in form.items() if key != "answers"]
        rows += [(section, answer["question"], answer["answer"]) for answer in form["answers"]]
    for number, prepared in enumerate(data.get("emails_prepared", []), start=1):
        rows += [(f"E-mail prepared {number}", key, value) for key, value in prepared.items()]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Section", "Item", "Value"])
    for section, key, value in rows:
        shown = "" if value is None else value
        writer.writerow([section, key.replace("_", " "), neutralise(shown)])
    return buffer.getvalue().encode("utf-8-sig")
