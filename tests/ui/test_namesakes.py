"""Two people called Alex Kim: every list, Today, the pickers and the matching assistant show
what tells them apart, and nothing more for people whose name is their own."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import cohorts, pairs, people, sessions
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.context import AppContext
from revmentor_desktop.ui.dialogs.enrol_dialog import EnrolPeopleDialog
from revmentor_desktop.ui.dialogs.match_review_dialog import MatchReviewDialog
from revmentor_desktop.ui.dialogs.pair_dialog import PairDialog
from revmentor_desktop.ui.dialogs.person_dialog import PersonDialog
from revmentor_desktop.ui.models.attention_model import SUBJECT_COLUMN, AttentionModel
from revmentor_desktop.ui.models.match_model import MENTEE, MENTOR
from revmentor_desktop.ui.models.pairs_model import PairsModel
from revmentor_desktop.ui.models.participants_model import ParticipantsModel
from revmentor_desktop.ui.models.people_model import PeopleModel
from revmentor_desktop.ui.models.sessions_model import SessionsModel
from revmentor_desktop.ui.undo import EditStack
from tests.ui import window_fixtures
from tests.ui.programme import START, MovableClock

make_window = window_fixtures.make_window
MakeWindow = window_fixtures.MakeWindow
pytestmark = [
    window_fixtures.IGNORE_OFFSCREEN_NOISE,
    pytest.mark.qt_log_ignore(r"This plugin does not support"),
]
FINANCE_KIM, IT_KIM = "Alex Kim (Finance)", "Alex Kim (IT)"
LATER = START + timedelta(days=60)  # the pair's only session was long ago: Today flags it


def build_kims() -> dict[str, int]:
    """Alex Kim of Finance mentors Alex Kim of IT (they met once); Ana Ortiz mentors Bo Li;
    another cohort has nobody yet."""
    clock = MovableClock(START)
    cohort_id = cohorts.add_cohort(
        cohorts.CohortDraft("Reverse 2026", start_date=START.date(), cadence_days=14), clock
    )
    ids = {"cohort": cohort_id}
    for key, name, department, role in (
        ("finance", "Alex Kim", "Finance", "mentor"),
        ("it", "Alex Kim", "IT", "mentee"),
        ("ana", "Ana Ortiz", "IT", "mentor"),
        ("bo", "Bo Li", "Sales", "mentee"),
    ):
        draft = people.PersonDraft(
            name, department=department, email=f"{key}@example.org", consent_date=START.date()
        )
        ids[key] = people.add_person(draft, clock)
        cohorts.enrol(cohort_id, ids[key], role)
    ids["kims"] = pairs.create_pair(
        pairs.PairDraft(cohort_id, ids["finance"], ids["it"], START.date()), clock
    )
    pairs.change_status(ids["kims"], "activate", clock=clock)
    held = sessions.SessionDraft(ids["kims"], START + timedelta(days=1), status="held")
    sessions.add_session(held, MovableClock(START + timedelta(days=2)))
    ids["others"] = pairs.create_pair(pairs.PairDraft(cohort_id, ids["ana"], ids["bo"]), clock)
    ids["elsewhere"] = cohorts.add_cohort(cohorts.CohortDraft("Traditional 2026"), clock)
    return ids


def column(model: QAbstractItemModel, header: str) -> list[str]:
    """The texts of the column under ``header``, top to bottom."""
    number = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == header
    )
    return [model.index(row, number).data() for row in range(model.rowCount())]


def combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(index) for index in range(combo.count())]


def test_the_people_and_pairs_lists_tell_the_alex_kims_apart(make_window: MakeWindow) -> None:
    window = make_window(MovableClock(LATER), build=build_kims)

    window.show_view("people")
    assert column(window.current_view().model, "Name") == [
        FINANCE_KIM,
        IT_KIM,
        "Ana Ortiz",
        "Bo Li",
    ]
    window.show_view("pairs")
    pairs_model = window.current_view().model
    listed = zip(column(pairs_model, "Mentor"), column(pairs_model, "Mentee"), strict=True)
    assert sorted(listed) == [
        (FINANCE_KIM, IT_KIM),
        ("Ana Ortiz", "Bo Li"),
    ]


def test_today_tells_the_alex_kims_apart(make_window: MakeWindow) -> None:
    window = make_window(MovableClock(LATER), build=build_kims)

    model = window.stack.views["today"].model
    headings = [model.index(row, 0) for row in range(model.rowCount())]
    subjects = {
        model.index(row, SUBJECT_COLUMN, heading).data()
        for heading in headings
        for row in range(model.rowCount(heading))
    }

    assert f"{FINANCE_KIM} & {IT_KIM}" in subjects  # their pair needs a nudge
    assert "Ana Ortiz & Bo Li" in subjects  # their agreement is not signed


@pytest.fixture
def context(data_file: DataFile, qtbot: QtBot) -> AppContext:
    return AppContext(EditStack(), lambda: LATER)


def test_the_pickers_tell_the_alex_kims_apart(qtbot: QtBot, context: AppContext) -> None:
    ids = build_kims()

    person = PersonDialog(context, ids["bo"])
    qtbot.addWidget(person)
    pair = PairDialog(context, cohort_id=ids["cohort"])
    qtbot.addWidget(pair)

    assert combo_texts(person.manager) == [
        "No manager recorded",
        FINANCE_KIM,
        IT_KIM,
        "Ana Ortiz",
    ]
    assert combo_texts(pair.mentee) == [IT_KIM, "Bo Li"]
    pair.mentee.setCurrentIndex(pair.mentee.findData(ids["it"]))
    pair.cohort.setCurrentIndex(pair.cohort.findData(ids["elsewhere"]))
    assert pair.mentee.currentText() == f"{IT_KIM} (not in this cohort)"

    enrol = EnrolPeopleDialog(context, "Traditional 2026", ("Mentor", "Mentee"), set())
    qtbot.addWidget(enrol)
    listed = [enrol.people.item(row) for row in range(enrol.people.count())]
    assert [item.text() for item in listed] == [FINANCE_KIM, IT_KIM, "Ana Ortiz", "Bo Li"]
    enrol.search.setText("sales")  # the department still finds people, though not shown
    assert [item.text() for item in listed if not item.isHidden()] == ["Bo Li"]


def test_the_matching_assistant_tells_the_alex_kims_apart(
    qtbot: QtBot, context: AppContext
) -> None:
    ids = build_kims()
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Second round"), context.clock)
    for key, role in (("finance", "mentor"), ("ana", "mentor"), ("it", "mentee")):
        cohorts.enrol(cohort_id, ids[key], role)

    dialog = MatchReviewDialog(context, cohort_id)
    qtbot.addWidget(dialog)

    (proposal,) = range(dialog.model.rowCount())
    assert dialog.model.index(proposal, MENTOR).data() in {FINANCE_KIM, "Ana Ortiz"}
    assert dialog.model.index(proposal, MENTEE).data() == IT_KIM
    assert IT_KIM in dialog.detail.mentee_view.toPlainText()


def test_the_models_stay_valid_with_namesakes(qtmodeltester, context: AppContext) -> None:
    ids = build_kims()
    models = [
        PeopleModel(),
        PairsModel(clock=context.clock),
        SessionsModel(),
        ParticipantsModel(ids["cohort"]),
        AttentionModel(context.clock),
    ]
    for model in models:
        model.refresh()
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model, force_py=True)
    sessions_model = models[2]
    assert (column(sessions_model, "Mentor"), column(sessions_model, "Mentee")) == (
        [FINANCE_KIM],
        [IT_KIM],
    )
    assert column(models[3], "Name") == [FINANCE_KIM, IT_KIM, "Ana Ortiz", "Bo Li"]
