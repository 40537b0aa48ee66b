"""Every column carries a privacy class, and what is derived from the classes is right."""

from __future__ import annotations

import pytest
from peewee import DateField, ForeignKeyField, IntegerField, TextField

from revmentor_desktop.storage.models import ALL_MODELS, BaseModel, Person, PreparedMessage
from revmentor_desktop.storage.personal_data import (
    Privacy,
    confidential,
    derived,
    erasure_values,
    operational,
    personal,
    personal_links_to,
    privacy_of,
    private_column_names,
    private_note,
    shown_to_the_person,
    unclassified_columns,
)


class Member(BaseModel):
    """A throwaway table (never created) with one column of each kind."""

    nickname = personal(TextField())
    email = personal(TextField(null=True))
    pronouns = personal(TextField(default="they"))
    tags = personal(TextField(default=lambda: "none"))
    birthday = confidential(DateField(null=True))
    diary = private_note(TextField(default=""))
    nickname_key = derived(TextField(default=""))
    mentor = personal(ForeignKeyField(Person, null=True))
    visits = operational(IntegerField(default=0))


class Forgotten(BaseModel):
    """A throwaway table whose author forgot two classes."""

    shoe_size = IntegerField(null=True)
    note = private_note(TextField(default=""))
    owner = ForeignKeyField(Person, null=True)


def test_every_column_of_every_table_has_a_privacy_class() -> None:
    missing = unclassified_columns(ALL_MODELS)
    assert missing == [], f"Declare a privacy class (storage/personal_data.py) for {missing}"


def test_a_column_without_a_class_is_named_as_table_and_column() -> None:
    assert unclassified_columns([*ALL_MODELS, Forgotten]) == [
        "forgotten.shoe_size",
        "forgotten.owner_id",
    ]


def test_row_numbers_are_classified_without_each_table_declaring_them() -> None:
    assert all(privacy_of(model._meta.primary_key) is not None for model in ALL_MODELS)
    assert privacy_of(Member.id) is Privacy.OPERATIONAL


def test_erasure_blanks_each_personal_column_to_null_or_its_default() -> None:
    values = {field.name: value for field, value in erasure_values(Member, nickname="#1").items()}
    assert values == {
        "nickname": "#1",  # cannot be blank, so the caller says what it becomes
        "email": None,
        "pronouns": "they",
        "tags": "none",
        "birthday": None,
        "diary": "",
        "nickname_key": "",
        "mentor": None,
    }


def test_erasure_refuses_a_personal_column_it_cannot_blank() -> None:
    with pytest.raises(ValueError, match=r"member\.nickname is personal"):
        erasure_values(Member)


def test_erasure_refuses_an_explicit_value_for_a_column_that_is_not_personal() -> None:
    with pytest.raises(ValueError, match="visits"):
        erasure_values(Member, nickname="#1", visits=0)


def test_exports_leave_out_confidential_columns_and_private_notes() -> None:
    assert private_column_names(Member) == ("birthday", "diary")


def test_the_access_export_shows_personal_columns_but_not_search_copies() -> None:
    shown = [field.name for field in shown_to_the_person(Member)]
    assert shown == ["nickname", "email", "pronouns", "tags", "birthday", "diary", "mentor"]


def test_personal_links_to_a_person_are_found_in_every_table() -> None:
    links = personal_links_to(Person, [*ALL_MODELS, Member])
    assert [(link.model, link.name) for link in links] == [
        (Person, "manager"),
        (PreparedMessage, "person"),  # erasure keeps the history line, without the person
        (Member, "mentor"),
    ]
