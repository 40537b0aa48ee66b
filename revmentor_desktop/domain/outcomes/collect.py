"""Collecting returned PDF forms: read each file, say what it will record or why it cannot,
then record every accepted file in one transaction.

Reading only reads (``plan_collection``), so the window and ``revmentor collect-forms
--dry-run`` show the plan before anything is written. A form answered twice (already
recorded, or two returned files) is recorded only once the coordinator has chosen which
answers to keep (``CollectionPlan.choose``). Recording goes through ``forms.record_answers``,
the one checked way answers are written.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import DomainError, ValidationError
from revmentor_desktop.domain.outcomes import form_fields, forms
from revmentor_desktop.domain.outcomes.form_fields import Identifiers
from revmentor_desktop.domain.outcomes.questions import FormItem, Questionnaire
from revmentor_desktop.domain.privacy.erasure import is_erased
from revmentor_desktop.domain.vocabulary import plural
from revmentor_desktop.storage.models import database_proxy

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
HAND_ENTRY = "type its answers in by hand, as for a paper form"


class Outcome(StrEnum):
    RECORD = "record"  # its answers will be recorded
    CHOOSE = "choose"  # the form was answered twice: the coordinator picks the answers to keep
    REFUSED = "refused"  # nothing from this file will be recorded; ``reason`` says why


@dataclass(frozen=True)
class ReturnedFile:
    """One returned file and what collecting it does."""

    path: Path
    outcome: Outcome
    reason: str = ""  # why refused, or why a choice is needed
    form_id: int | None = None
    person_name: str = ""
    questionnaire: Questionnaire | None = None
    answers: Mapping[str, forms.AnswerValue] = field(default_factory=dict)
    item_count: int = 0
    recorded_on: datetime | None = None  # the form already has answers from this day
    hand_entry: bool = False  # printed or flattened: its answers can only be typed in

    @property
    def answered(self) -> int:
        return sum(value is not None for value in self.answers.values())

    @property
    def records(self) -> str:
        """What the file records, in words: "6 of 8 answers: Agnès Dubois, Starting point"."""
        if self.form_id is None or self.questionnaire is None:
            return ""
        answered = f"{self.answered} of {plural(self.item_count, 'answer')}"
        return f"{answered}: {self.person_name}, {self.questionnaire.title}"

    def describe(self) -> str:
        """The plan's line for this file."""
        if self.outcome is Outcome.RECORD:
            return f"{self.path.name}: records {self.records}"
        if self.outcome is Outcome.CHOOSE:
            return f"{self.path.name}: {self.records}. {self.reason}"
        return f"{self.path.name}: refused. {self.reason}"


@dataclass(frozen=True)
class CollectionPlan:
    """What collecting the files will do. ``kept`` holds the coordinator's choice for each
    form answered twice: the file whose answers to keep, or None for the answers already
    recorded."""

    files: tuple[ReturnedFile, ...]
    kept: Mapping[int, Path | None] = field(default_factory=dict)

    @property
    def refused(self) -> list[ReturnedFile]:
        return [file for file in self.files if file.outcome is Outcome.REFUSED]

    def answered_twice(self) -> dict[int, list[ReturnedFile]]:
        """The files of each form answered twice, by form."""
        twice: dict[int, list[ReturnedFile]] = {}
        for file in self.files:
            if file.outcome is Outcome.CHOOSE and file.form_id is not None:
                twice.setdefault(file.form_id, []).append(file)
        return twice

    def undecided(self) -> list[int]:
        """The forms answered twice whose answers the coordinator has not chosen yet."""
        return [form_id for form_id in self.answered_twice() if form_id not in self.kept]

    def choose(self, form_id: int, keep: Path | None) -> CollectionPlan:
        """The plan with the answers of ``keep`` chosen for the form (None: those recorded)."""
        files = self.answered_twice().get(form_id, [])
        if keep is not None and keep not in {file.path for file in files}:
            raise ValueError(f"{keep} does not answer form {form_id}.")
        if keep is None and not any(file.recorded_on for file in files):
            raise ValueError(f"Form {form_id} has no answers recorded yet to keep.")
        return replace(self, kept={**self.kept, form_id: keep})

    def to_record(self) -> list[ReturnedFile]:
        """The files whose answers recording will store, chosen ones included."""
        chosen = set(self.kept.values())
        return [
            file
            for file in self.files
            if file.outcome is Outcome.RECORD
            or (file.outcome is Outcome.CHOOSE and file.path in chosen)
        ]

    def lines(self) -> list[str]:
        return [file.describe() for file in self.files]


class CollectionRefused(DomainError):
    """Nothing was recorded: a file was refused, or a choice is still to be made."""


def returned_files(paths: Iterable[Path]) -> list[Path]:
    """The files to collect: each file named, and the PDFs in each folder named, once each."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ".pdf"))
        else:
            found.append(path)
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path.absolute(), None)
    return list(unique)


def plan_collection(paths: Iterable[Path]) -> CollectionPlan:
    """Read every returned file and say what it will record or why not. Only reads."""
    with database_proxy.atomic():
        issuer = forms.data_file_identity()
        files = [_planned(path, issuer) for path in returned_files(paths)]
    return CollectionPlan(tuple(_with_second_answers(files)))


def _planned(path: Path, issuer: str) -> ReturnedFile:
    try:
        read = _read_pdf(path)
    except _Unreadable as problem:
        return ReturnedFile(path, Outcome.REFUSED, str(problem))
    fields, identifiers = read
    if identifiers is None:
        return ReturnedFile(
            path,
            Outcome.REFUSED,
            "It has no RevMentor form fields: it is not one of our questionnaire forms, or it "
            f"was printed or flattened, which removes the fields. If it is one, {HAND_ENTRY}.",
            hand_entry=True,
        )
    if identifiers.issuer != issuer:
        return ReturnedFile(
            path,
            Outcome.REFUSED,
            f"It was issued by another data file (identity {identifiers.issuer}, this file's "
            f"is {issuer}). Collect it into the file that made it.",
        )
    row = forms.form_by_token(identifiers.token)
    if row is None:
        return ReturnedFile(path, Outcome.REFUSED, _unknown_reason(identifiers))
    if identifiers.person_id not in (None, row.person_id):
        return ReturnedFile(
            path,
            Outcome.REFUSED,
            "Its hidden identifiers do not agree with each other: it was altered. "
            "Send the person a fresh form.",
        )
    form = forms.form_to_fill(row.id)
    found = replace(
        ReturnedFile(path, Outcome.RECORD),
        form_id=row.id,
        person_name=form.person_name,
        questionnaire=form.questionnaire,
        item_count=len(form.items),
        recorded_on=row.returned_at,
    )
    if not fields:
        reason = (
            "Its form fields are gone: it was printed to PDF or flattened, so its answers "
            f"cannot be read. {HAND_ENTRY[0].upper()}{HAND_ENTRY[1:]}."
        )
        return replace(found, outcome=Outcome.REFUSED, reason=reason, hand_entry=True)
    try:
        answers = _answers(form.items, fields)
        forms.checked_answers(row.id, answers)
    except _Altered as problem:
        return replace(found, outcome=Outcome.REFUSED, reason=str(problem))
    except ValidationError as problem:
        return replace(
            found, outcome=Outcome.REFUSED, reason=f"An answer cannot be kept: {problem}"
        )
    if not any(value is not None for value in answers.values()):
        return replace(
            found,
            outcome=Outcome.REFUSED,
            reason="Nothing is filled in: it is the form as it was sent. Ask the person to fill "
            "it in and save it before sending it back.",
        )
    return replace(found, answers=answers)


def _unknown_reason(identifiers: Identifiers) -> str:
    if identifiers.person_id is not None and is_erased(identifiers.person_id):
        return (
            "It was sent to a person who has since been erased, so their answers are not "
            "recorded. Delete the file."
        )
    return (
        f"Its form reference ({identifiers.token}) is not one this data file issued: the form "
        "was altered, or comes from a copy of the file. Send the person a fresh form."
    )


class _Unreadable(Exception):
    pass


class _Altered(Exception):
    pass


def _read_pdf(path: Path) -> tuple[dict[str, object], Identifiers | None]:
    """The item fields' values and the identifiers of a returned PDF."""
    try:
        with path.open("rb") as stream:
            if stream.read(len(PDF_MAGIC)) != PDF_MAGIC:
                raise _Unreadable("It is not a PDF file.")
            stream.seek(0)
            reader = PdfReader(stream)
            values = _field_values(reader)
            metadata = reader.metadata or {}
            keywords = str(metadata.get("/Keywords", "") or "")
    except OSError as problem:
        raise _Unreadable(f"It cannot be read: {problem.strerror or problem}.") from problem
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as problem:
        # pypdf raises more than its own errors on a damaged file.
        log.info("Returned form %s is damaged: %r", path, problem)
        raise _Unreadable(
            "It is damaged and cannot be read as a PDF. Ask the person to save and send it again."
        ) from problem
    identifiers = _identifiers(values) or form_fields.identifiers_from_keywords(keywords)
    item_fields = {
        name: value for name, value in values.items() if name not in form_fields.IDENTIFIER_FIELDS
    }
    return item_fields, identifiers


def _field_values(reader: PdfReader) -> dict[str, object]:
    """Each form field's value by name. Our forms' fields are flat (no field inside another),
    so they are read straight from the form's list: pypdf's ``get_fields`` builds every
    field's whole description and took half the time of collecting."""
    form = reader.trailer["/Root"].get("/AcroForm")
    if form is None:
        return {}
    values: dict[str, object] = {}
    for reference in form.get_object().get("/Fields", []):
        field = reference.get_object()
        name = field.get("/T")
        if name is None:
            continue
        value = field.get("/V")
        if value is None and "/Kids" in field:  # a reader that ticked a box but left no value
            value = next(
                (
                    kid.get_object().get("/AS")
                    for kid in field["/Kids"]
                    if kid.get_object().get("/AS") not in (None, "/Off")
                ),
                None,
            )
        values[str(name)] = value
    return values


def _identifiers(values: Mapping[str, object]) -> Identifiers | None:
    token = str(values.get(form_fields.TOKEN_FIELD) or "")
    issuer = str(values.get(form_fields.ISSUER_FIELD) or "")
    if not token or not issuer:
        return None
    person = str(values.get(form_fields.PERSON_FIELD) or "")
    return Identifiers(token, issuer, int(person) if person.isdigit() else None)


def _answers(
    items: Iterable[FormItem], fields: Mapping[str, object]
) -> dict[str, forms.AnswerValue]:
    """The answers by item key, or ``_Altered`` when the fields are not the form's own."""
    by_field = {form_fields.field_name(item): item for item in items}
    unknown = sorted(set(fields) - set(by_field))
    missing = sorted(set(by_field) - set(fields))
    if unknown or missing:
        raise _Altered(
            "Its questions do not match the form that was issued (fields "
            f"{', '.join(unknown + missing)}): it was altered. Send the person a fresh form."
        )
    answers: dict[str, forms.AnswerValue] = {}
    for name, item in by_field.items():
        answers[item.key] = _value(item, fields[name])
    return answers


def _value(item: FormItem, raw: object) -> forms.AnswerValue:
    choices = form_fields.choices(item)
    if not choices:
        text = str(raw or "").strip()
        return text or None
    chosen = str(raw or "").lstrip("/")
    if chosen in ("", "Off"):
        return None
    number = next((choice.number for choice in choices if choice.value == chosen), None)
    if number is None:
        raise _Altered(
            f"The answer “{chosen}” to “{item.wording}” is not one of the form's boxes: "
            "it was altered. Send the person a fresh form."
        )
    return number


def _with_second_answers(files: list[ReturnedFile]) -> list[ReturnedFile]:
    """Files answering a form already answered, or answered by another file too, become
    choices."""
    counts: dict[int, int] = {}
    for file in files:
        if file.outcome is Outcome.RECORD and file.form_id is not None:
            counts[file.form_id] = counts.get(file.form_id, 0) + 1
    planned = []
    for file in files:
        if file.outcome is not Outcome.RECORD or file.form_id is None:
            planned.append(file)
            continue
        reasons = []
        if file.recorded_on is not None:
            reasons.append(
                f"answers were already recorded on {format_date(file.recorded_on.date())}"
            )
        if counts[file.form_id] > 1:
            reasons.append(f"{counts[file.form_id]} returned files answer it")
        if reasons:
            reason = (
                f"The form was answered twice ({'; '.join(reasons)}): choose which answers to keep."
            )
            file = replace(file, outcome=Outcome.CHOOSE, reason=reason)
        planned.append(file)
    return planned


def record(
    plan: CollectionPlan, clock: Clock = system_clock, *, leave_out_refused: bool = False
) -> int:
    """Record the plan's answers in one transaction (all or nothing); the number of forms.

    Refuses (``CollectionRefused``, nothing written) while a form answered twice awaits a
    choice, and when a file was refused unless ``leave_out_refused``.
    """
    if plan.refused and not leave_out_refused:
        raise CollectionRefused(
            f"Nothing was recorded: {plural(len(plan.refused), 'file')} refused. Take "
            f"{'it' if len(plan.refused) == 1 else 'them'} out of the collection and try again."
        )
    if undecided := plan.undecided():
        raise CollectionRefused(
            f"Nothing was recorded: choose which answers to keep for "
            f"{plural(len(undecided), 'form')} answered twice."
        )
    files = plan.to_record()
    with database_proxy.atomic():
        for file in files:
            assert file.form_id is not None
            try:
                forms.record_answers(
                    file.form_id,
                    file.answers,
                    forms.Channel.PDF,
                    clock,
                    replace_answered=file.recorded_on is not None or file.outcome is Outcome.CHOOSE,
                )
            except DomainError as problem:
                raise CollectionRefused(
                    f"Nothing was recorded: {file.path.name}: {problem}"
                ) from problem
    return len(files)
