"""Row versions (migration 10): the database advances them on every update, on both stores."""

from __future__ import annotations

from datetime import datetime

import pytest

from revmentor_desktop.storage.migrations import VERSIONED_TABLES
from revmentor_desktop.storage.models import ALL_MODELS, Cohort, Pair, Person, VersionedModel

pytestmark = [pytest.mark.usefixtures("data_file"), pytest.mark.both_stores]
NOW = datetime(2026, 11, 2, 10, 0)


def _version(model: type[VersionedModel], row_id: int) -> int:
    return int(model.get_by_id(row_id).version)


def test_a_new_row_starts_at_version_one_and_each_update_advances_it() -> None:
    person = Person.create(name="Ada", created_at=NOW, updated_at=NOW)
    assert _version(Person, person.id) == 1
    person.job_title = "Analyst"
    person.save()
    Person.update(department="Finance").where(Person.id == person.id).execute()
    assert _version(Person, person.id) == 3


def test_a_statement_that_writes_an_older_version_still_moves_it_forward() -> None:
    cohort = Cohort.create(name="Reverse 2026", kind="reverse", created_at=NOW)
    Cohort.update(name="Reverse 2027").where(Cohort.id == cohort.id).execute()
    Cohort.update(version=1, name="Reverse 2026").where(Cohort.id == cohort.id).execute()
    assert _version(Cohort, cohort.id) == 3


def test_an_update_of_one_row_leaves_the_versions_of_others_alone() -> None:
    ada, bob = (Person.create(name=n, created_at=NOW, updated_at=NOW) for n in ("Ada", "Bob"))
    cohort = Cohort.create(name="Reverse 2026", kind="reverse", created_at=NOW)
    pair = Pair.create(cohort=cohort, mentor=ada, mentee=bob, direction="reverse", created_at=NOW)
    Pair.update(status="active").where(Pair.id == pair.id).execute()
    assert (_version(Pair, pair.id), _version(Person, ada.id), _version(Cohort, cohort.id)) == (
        2,
        1,
        1,
    )


def test_the_versioned_models_are_the_tables_migration_ten_versions() -> None:
    versioned = {m._meta.table_name for m in ALL_MODELS if issubclass(m, VersionedModel)}
    assert versioned == set(VERSIONED_TABLES)
