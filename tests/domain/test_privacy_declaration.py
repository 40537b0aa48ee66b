"""The access export, erasure and the exports follow the privacy class of each column.

Every personal column of a person's rows is filled with a recognisable value first, by type, so
a personal column added later is covered by these tests without editing them.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from revmentor_desktop.domain import exporting, privacy
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Goal, Meeting, Pair, Person, TagListField
from revmentor_desktop.storage.personal_data import (
    Privacy,
    columns_of,
    personal_columns,
    private_column_names,
    shown_to_the_person,
)
from tests.domain.test_export import build_programme, person_id

UMA = "uma.sato@northwind-co.example"
DOCS = Path(__file__).parents[2] / "docs" / "export-format.md"


def sample_value(field: Field, row: Model) -> Any:
    """A value no fixture holds, so the tests can find it (and miss it) again."""
    if isinstance(field, ForeignKeyField):
        target = field.rel_model
        return target.select(target.id).where(target.id != row.id).order_by(target.id).first().id
    if isinstance(field, TagListField):
        return [f"Uma's {field.name}"]
    if isinstance(field, CharField | TextField):
        return f"Uma's {field.name}"
    if isinstance(field, DateTimeField):
        return datetime(2011, 4, 1, 9, 30)
    if isinstance(field, DateField):
        return date(2011, 4, 1)
    if isinstance(field, BooleanField):
        return True
    if isinstance(field, IntegerField):
        return 7
    raise TypeError(f"Give a sample value for {type(field).__name__} ({field.name}).")


def fill_personal_columns(rows: list[Model]) -> None:
    for row in rows:
        model = type(row)
        values = {field: sample_value(field, row) for field in personal_columns(model)}
        model.update(values).where(model.id == row.id).execute()


def umas_rows(uma_id: int) -> tuple[Person, Pair, list[Meeting], list[Goal]]:
    uma = Person.get_by_id(uma_id)
    pair = Pair.get(Pair.mentee == uma.id)
    meetings = list(Meeting.select().where(Meeting.pair == pair.id))
    goals = list(Goal.select().where(Goal.pair == pair.id))
    return uma, pair, meetings, goals


def fill_umas_rows() -> int:
    """Fill every personal column of Uma's rows; returns her row number (her e-mail changes)."""
    uma, pair, meetings, goals = umas_rows(person_id(UMA))
    fill_personal_columns([uma, pair, *meetings, *goals])
    return int(uma.id)


def is_blank(value: Any) -> bool:
    return value in (None, "", [])


def test_every_personal_column_is_in_the_persons_access_export(data_file: DataFile) -> None:
    build_programme(data_file)
    uma_id = fill_umas_rows()
    data = privacy.access_export(uma_id)
    for field in shown_to_the_person(Person):
        assert not is_blank(data["person"].get(field.name)), field.name
    assert data["person"]["manager"] == Person.get_by_id(uma_id).manager.name
    (pair,) = data["pairs"]
    for field in shown_to_the_person(Pair):
        assert not is_blank(pair.get(field.name)), field.name
    for goal in pair["goals"]:
        for field in shown_to_the_person(Goal):
            assert goal[field.name] == f"Uma's {field.name}"
    for session in pair["sessions"]:
        # Uma is the mentee: her own reflections, not her mentor's.
        assert session["my_takeaways"] == "Uma's mentee_takeaways"
        assert "Uma's mentor_takeaways" not in session.values()
        others = [f for f in shown_to_the_person(Meeting) if not f.name.endswith("_takeaways")]
        for field in others:
            assert session[field.name] == f"Uma's {field.name}"


def test_every_personal_column_is_blank_after_erasure(data_path: Path) -> None:
    with DataFile.open(data_path, create=True) as opened:
        build_programme(opened)
        uma, pair, meetings, goals = umas_rows(fill_umas_rows())
        result = privacy.erase_person(uma.id, scrub=False)
        after = Person.get_by_id(uma.id)
        for field in personal_columns(Person):
            if field.name in ("name", "search_key"):  # the placeholder, so lists still read
                assert result.placeholder.lower() in getattr(after, field.name).lower()
            else:
                assert getattr(after, field.name) in (None, field.default), field.name
        for row in [pair, *meetings]:
            model = type(row)
            erased = model.get_by_id(row.id)
            for field in personal_columns(model):
                assert is_blank(getattr(erased, field.name)), f"{model.__name__}.{field.name}"
        assert Goal.select().where(Goal.id.in_([goal.id for goal in goals])).count() == 0


def test_shareable_exports_hold_no_private_or_derived_column(data_file: DataFile) -> None:
    build_programme(data_file)
    fill_umas_rows()
    for export, model in (
        (exporting.people_csv, Person),
        (exporting.pairs_csv, Pair),
        (exporting.sessions_csv, Meeting),
    ):
        kept_back = set(private_column_names(model))
        derived = {field.name for field in columns_of(model, Privacy.DERIVED)}
        shareable_headers = set(export(False).decode("utf-8-sig").splitlines()[0].split(","))
        assert shareable_headers.isdisjoint(kept_back | derived), model.__name__
        private_headers = set(export(True).decode("utf-8-sig").splitlines()[0].split(","))
        assert kept_back <= private_headers, model.__name__
    shareable = json.dumps(exporting.everything(False), default=str)
    private = json.dumps(exporting.everything(True), default=str)
    private_texts = [
        sample_value(field, Person())
        for model in (Person, Pair, Meeting)
        for field in columns_of(model, Privacy.CONFIDENTIAL, Privacy.PRIVATE_NOTE)
        if isinstance(field, CharField | TextField)
    ]
    assert "Uma's coordinator_notes" in private_texts
    for text in private_texts:
        assert text not in shareable
        assert text in private


def test_the_export_format_document_lists_the_declared_private_fields() -> None:
    documented = {
        record: re.findall(r"`(\w+)`", fields)
        for record, fields in re.findall(
            r"^\| (person|pair|session)\s*\|(.*)\|$", DOCS.read_text(), flags=re.MULTILINE
        )
    }
    assert documented == {
        "person": list(private_column_names(Person)),
        "pair": list(private_column_names(Pair)),
        "session": list(private_column_names(Meeting)),
    }
