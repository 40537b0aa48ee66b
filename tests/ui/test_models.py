"""The table models: valid for Qt, lazy, and sorted and filtered by the query."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from revmentor_desktop.domain import people
from revmentor_desktop.domain.people import PeopleQuery
from revmentor_desktop.domain.queries import FIRST_PAGE
from revmentor_desktop.domain.sessions import SessionQuery
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.models.attention_model import TARGET_KIND_ROLE, AttentionModel
from revmentor_desktop.ui.models.cohorts_model import CohortsModel
from revmentor_desktop.ui.models.id_table_model import BATCH_SIZE, ID_ROLE, Column, IdTableModel
from revmentor_desktop.ui.models.pairs_model import PairsModel
from revmentor_desktop.ui.models.participants_model import ParticipantsModel
from revmentor_desktop.ui.models.people_model import PeopleModel
from revmentor_desktop.ui.models.sessions_model import SessionsModel
from tests.storage.helpers import insert_people
from tests.ui.programme import START, MovableClock, Programme, build_programme

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def programme(data_file: DataFile) -> Programme:
    return build_programme()


def _column_texts(model: IdTableModel, header: str) -> list[str]:  # type: ignore[type-arg]
    column = [c.header for c in model.columns].index(header)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_every_model_passes_the_model_tester(qtmodeltester, programme: Programme) -> None:
    clock = MovableClock(START + timedelta(days=40))
    models = [
        PeopleModel(),
        CohortsModel(),
        PairsModel(clock=clock),
        SessionsModel(),
        ParticipantsModel(programme.cohort_id),
        AttentionModel(clock),
    ]
    for model in models:
        model.refresh()
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model, force_py=True)


def test_people_are_sorted_in_the_query(programme: Programme) -> None:
    model = PeopleModel()
    model.refresh()
    names = _column_texts(model, "Name")
    assert names == sorted(names)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.query.sort_by == "department"
    departments = _column_texts(model, "Department")
    assert departments == sorted(departments, reverse=True)


def test_an_unsortable_column_leaves_the_order_alone(programme: Programme) -> None:
    model = PeopleModel()
    model.refresh()
    before = model.ids
    model.sort([c.header for c in model.columns].index("Manager"), Qt.SortOrder.DescendingOrder)
    assert model.ids == before
    assert model.query.sort_by == "name"


def test_search_ignores_accents_and_case(programme: Programme) -> None:
    model = PeopleModel(PeopleQuery(search="zoe"))
    model.refresh()
    assert _column_texts(model, "Name") == ["Zoë Martin"]


def test_rows_are_fetched_only_for_what_is_shown(data_file: DataFile) -> None:
    for number in range(BATCH_SIZE * 3):
        people.add_person(people.PersonDraft(f"Person {number:04}"))
    fetched: list[int] = []

    def fetch_rows(ids: list[int]) -> dict[int, people.PersonRow]:
        fetched.extend(ids)
        return people.people_rows(ids)

    columns: list[Column[people.PersonRow]] = [Column("Name", lambda row: row.name, "name")]
    model = IdTableModel(columns, PeopleQuery(), people.people_ids, fetch_rows)
    model.refresh()
    assert model.rowCount() == BATCH_SIZE * 3
    assert fetched == []
    assert model.index(BATCH_SIZE + 5, 0).data() == f"Person {BATCH_SIZE + 5:04}"
    assert len(fetched) == BATCH_SIZE
    assert model.index(BATCH_SIZE + 6, 0).data(ID_ROLE) == model.ids[BATCH_SIZE + 6]
    assert len(fetched) == BATCH_SIZE


def test_a_list_longer_than_a_page_shows_its_first_rows_and_reads_on_when_scrolled(
    qtmodeltester, data_file: DataFile
) -> None:
    insert_people(data_file.path, FIRST_PAGE * 2 + 7)
    model = PeopleModel()
    model.refresh()

    assert model.rowCount() == FIRST_PAGE * 2 + 7
    assert model.index(0, 0).data() == "Person 0"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Person 999"
    last = model.rowCount() - 1
    assert model.index(last, 0).data() == "Person 0"
    assert model.row_of(model.index(last, 0).data(ID_ROLE)) == last
    qtmodeltester.check(model, force_py=True)


def test_pair_health_shows_as_a_dot_with_the_reason(programme: Programme) -> None:
    clock = MovableClock(START + timedelta(days=1))
    model = PairsModel(clock=clock)
    model.refresh()
    row = model.row_of(programme.pair_ids["active"])
    assert row is not None
    health = model.index(row, 0)
    assert health.data() == "On track"
    assert health.data(Qt.ItemDataRole.DecorationRole) is not None
    clock.advance(45)
    model.refresh()
    assert model.index(row, 0).data() == "Stalled"
    assert "more than three times" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    proposed = model.row_of(programme.pair_ids["proposed"])
    assert model.index(proposed, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_pair_status_reads_as_the_health_column_and_documents_say_it(
    programme: Programme,
) -> None:
    model = PairsModel(clock=MovableClock(START + timedelta(days=1)))
    model.refresh()
    status = [c.header for c in model.columns].index("Status")
    shown = {
        name: model.index(model.row_of(pair_id), status).data()
        for name, pair_id in programme.pair_ids.items()
    }
    assert shown == {"active": "Active", "proposed": "Proposed"}  # not "active", "proposed"


def test_sessions_filter_by_status(programme: Programme) -> None:
    model = SessionsModel(SessionQuery(status="planned"))
    model.refresh()
    assert model.rowCount() == 0
    model.set_query(SessionQuery(status="held"))
    assert model.ids == programme.session_ids


def test_participants_are_people_of_the_cohort(programme: Programme) -> None:
    model = ParticipantsModel(programme.cohort_id)
    model.refresh()
    assert "Xavi Puig" not in _column_texts(model, "Name")
    assert set(model.ids) == set(programme.person_ids.values()) - {
        programme.person_ids["Xavi Puig"]
    }


def test_attention_items_point_at_records(programme: Programme) -> None:
    model = AttentionModel(MovableClock(START + timedelta(days=40)))
    model.refresh()
    targets = set()
    for row in range(model.rowCount()):
        heading = model.index(row, 0)
        assert heading.data(ID_ROLE) is None
        for child in range(model.rowCount(heading)):
            index = model.index(child, 0, heading)
            targets.add((index.data(TARGET_KIND_ROLE), index.data(ID_ROLE)))
    assert ("pair", programme.pair_ids["active"]) in targets
    assert ("pair", programme.pair_ids["proposed"]) in targets
    assert ("cohort", programme.cohort_id) in targets


def test_today_groups_are_headings_with_counts_over_their_items(programme: Programme) -> None:
    model = AttentionModel(MovableClock(START + timedelta(days=50)))
    model.refresh()
    headings = [model.index(row, 0) for row in range(model.rowCount())]
    assert [heading.data() for heading in headings] == [
        "Needs you now (1)",
        "Stalled (1)",
        "Check-ins and forms overdue (1)",
        "Agreements to sign (1)",
        "People without a pair (1)",
    ]
    stalled = headings[1]
    assert [model.index(0, column, stalled).data() for column in range(3)] == [
        "Urgent",
        "Ada Lovelace & Bo Svensson",
        "No meeting for 49 days — they planned to meet every 2 weeks",
    ]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "What needs doing"
