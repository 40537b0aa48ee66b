"""One voice: dates written one way in the window and the documents, counts in the right number,
and every undoable action saying what it did and how to undo it."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import cohorts, dates, edits, pairs, people, sessions
from revmentor_desktop.domain.vocabulary import agree, plural
from revmentor_desktop.reports.registry import KINDS
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.ui.dialogs.cohort_dialog import CohortDialog
from revmentor_desktop.ui.dialogs.pair_dialog import PairDialog
from revmentor_desktop.ui.models.formatting import follow_locale_dates, locale_date_order
from revmentor_desktop.ui.undo import EditStack
from revmentor_desktop.ui.views import record_dialogs
from revmentor_desktop.ui.views.pairs_view import PairsView
from tests.reports.helpers import pdf_text
from tests.ui import window_fixtures
from tests.ui.programme import START, MovableClock, Programme, build_programme

make_window = window_fixtures.make_window
MakeWindow = window_fixtures.MakeWindow
pytestmark = window_fixtures.IGNORE_OFFSCREEN_NOISE
WRONG_NUMBER = re.compile(r"\b1 (people|persons|cohorts|pairs|sessions|things|proposals|days)\b")


@pytest.fixture
def american_locale() -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    follow_locale_dates()
    yield
    QLocale.setDefault(QLocale.system())


def _column(view: PairsView, header: str) -> list[str]:
    column = [c.header for c in view.model.columns].index(header)
    return [view.model.index(row, column).data() for row in range(view.model.rowCount())]


# Dates


@pytest.mark.parametrize(
    ("language", "country", "order"),
    [
        (QLocale.Language.English, QLocale.Country.UnitedStates, dates.DateOrder.MONTH_DAY_YEAR),
        (QLocale.Language.English, QLocale.Country.UnitedKingdom, dates.DateOrder.DAY_MONTH_YEAR),
        (QLocale.Language.German, QLocale.Country.Germany, dates.DateOrder.DAY_MONTH_YEAR),
        (QLocale.Language.Swedish, QLocale.Country.Sweden, dates.DateOrder.YEAR_MONTH_DAY),
    ],
)
def test_the_window_takes_the_date_order_from_the_system_locale(
    qapp: object, language: QLocale.Language, country: QLocale.Country, order: dates.DateOrder
) -> None:
    assert locale_date_order(QLocale(language, country)) == order


def test_the_window_and_the_agreement_write_a_date_the_same_way(
    qtbot: QtBot, make_window: MakeWindow, american_locale: None
) -> None:
    programme: dict[str, Programme] = {}
    window = make_window(build=lambda: programme.setdefault("p", build_programme()))
    active = programme["p"].pair_ids["active"]
    window.show_view("pairs")
    view = window.current_view()
    assert isinstance(view, PairsView)
    started = "Mar 2, 2026"  # START, in the American order
    assert started in _column(view, "Started")

    dialog = PairDialog(window.context, pair_id=active, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.start_date.edit.text() == started

    document = KINDS["agreement"].gather_document(active)
    buffer = io.BytesIO()
    document.render(buffer)
    assert f"Start date {started}" in pdf_text(buffer.getvalue())


# Counts


def test_plural_counts_one_and_many() -> None:
    assert [plural(n, "cohort") for n in (0, 1, 2)] == ["0 cohorts", "1 cohort", "2 cohorts"]
    assert [plural(n, "person") for n in (1, 1500)] == ["1 person", "1,500 people"]
    assert plural(1, "older backup") == "1 older backup"
    assert f"{plural(1, 'row')} {agree('have problems', 1)}" == "1 row has problems"


def _one_of_each() -> Programme:
    """One cohort, one pair with one planned session, one thing to look at: every count is 1."""
    clock = MovableClock(START)
    cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"), clock)
    programme = Programme(cohort_id)
    for name, role in (("Ada Lovelace", "mentor"), ("Bo Svensson", "mentee")):
        draft = people.PersonDraft(name, consent_date=START.date())
        programme.person_ids[name] = people.add_person(draft, clock)
        cohorts.enrol(cohort_id, programme.person_ids[name], role)
    ids = programme.person_ids
    pair = edits.create_pair(
        pairs.PairDraft(
            cohort_id, ids["Ada Lovelace"], ids["Bo Svensson"], agreement_signed=START.date()
        ),
        clock,
    )
    assert pair.created_id is not None
    programme.pair_ids["proposed"] = pair.created_id
    sessions.add_session(sessions.SessionDraft(pair.created_id, START), clock)
    return programme


def test_no_count_of_one_reads_as_many(qtbot: QtBot, make_window: MakeWindow) -> None:
    programme: dict[str, Programme] = {}
    window = make_window(build=lambda: programme.setdefault("p", _one_of_each()))
    shown = []
    for name in ("today", "people", "cohorts", "pairs", "sessions"):
        window.show_view(name)
        if name == "people":  # one of the two, once the search has run
            window.current_view().search.setText("Ada")  # type: ignore[attr-defined]
            qtbot.waitUntil(lambda: window.status_bar.counts_label.text() == "1 person")
        shown.append(window.status_bar.counts_label.text())
    shown.append(window.stack.views["today"].heading.text())  # type: ignore[attr-defined]
    dialog = CohortDialog(window.context, programme["p"].cohort_id, window)
    qtbot.addWidget(dialog)
    assert dialog.participants is not None
    shown.append(dialog.participants.counts.text())
    assert shown[:5] == ["1 thing needs attention", "1 person", "1 cohort", "1 pair", "1 session"]
    assert [text for text in shown if WRONG_NUMBER.search(text)] == []


# Status messages


def _accept_as_it_opens(dialog: QDialog) -> bool:
    dialog.accept()
    dialog.deleteLater()
    return dialog.result() == QDialog.DialogCode.Accepted


def test_an_undoable_action_says_what_it_did_and_how_to_undo_it(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_dialogs, "run_dialog", _accept_as_it_opens)  # start today
    programme: dict[str, Programme] = {}
    window = make_window(build=lambda: programme.setdefault("p", build_programme()))
    window.show_view("pairs")
    window.current_view().select_ids([programme["p"].pair_ids["proposed"]])  # type: ignore[attr-defined]
    window.actions.pair_status["activate"].trigger()
    assert window.statusBar().currentMessage() == "Pair activated — Ctrl+Z to undo"
    window.actions.undo.trigger()
    assert window.statusBar().currentMessage() == ("Undone: Pair activated — Ctrl+Shift+Z to redo")
    window.actions.redo.trigger()
    assert window.statusBar().currentMessage() == "Pair activated — Ctrl+Z to undo"


def test_every_kind_of_edit_says_what_it_did(data_file: DataFile, qtbot: QtBot) -> None:
    programme = build_programme()
    ids, clock = programme.person_ids, MovableClock(START)
    stack = EditStack()
    said: list[str] = []
    stack.message.connect(said.append)
    cohort = cohorts.get_cohort(programme.cohort_id)
    made = [
        edits.add_person(people.PersonDraft("Grace  Hopper"), clock),
        edits.update_person(ids["Xavi Puig"], people.get_person(ids["Xavi Puig"]).draft, clock),
        edits.set_archived([ids["Xavi Puig"]], True),
        edits.set_archived([ids["Xavi Puig"]], False),
        edits.update_cohort(programme.cohort_id, cohort),
        edits.enrol(programme.cohort_id, [ids["Xavi Puig"]], "mentee"),
        edits.withdraw(programme.cohort_id, ids["Xavi Puig"]),
        edits.change_pair_status(programme.pair_ids["active"], "pause", clock=clock),
        edits.add_session(sessions.SessionDraft(programme.pair_ids["active"], START), clock),
        edits.delete_sessions(programme.session_ids),
        edits.delete_pair(programme.pair_ids["proposed"]),
        edits.add_cohort(cohorts.CohortDraft("Mutual 2027", kind="mutual"), clock),
    ]
    new_cohort = made[-1].created_id
    assert new_cohort is not None
    before_start = START - timedelta(days=3)
    held_before = sessions.SessionDraft(programme.pair_ids["active"], before_start, status="held")
    made += [
        edits.set_cohort_archived(new_cohort, True),
        edits.set_cohort_archived(new_cohort, False),
        edits.delete_cohort(new_cohort),
        edits.add_session(held_before, clock, move_pair_start=True),
    ]
    for edit in made:
        stack.push(edit)
    assert said == [
        "Grace Hopper added — Ctrl+Z to undo",
        "Xavi Puig saved — Ctrl+Z to undo",
        "1 person archived — Ctrl+Z to undo",
        "1 person restored from the archive — Ctrl+Z to undo",
        "Cohort “Reverse 2026” saved — Ctrl+Z to undo",
        "1 person enrolled — Ctrl+Z to undo",
        "Withdrawn from the cohort — Ctrl+Z to undo",
        "Pair paused — Ctrl+Z to undo",
        "Session logged — Ctrl+Z to undo",
        "1 session deleted — Ctrl+Z to undo",
        "Pair deleted — Ctrl+Z to undo",
        "Cohort “Mutual 2027” added — Ctrl+Z to undo",
        "Cohort “Mutual 2027” archived — Ctrl+Z to undo",
        "Cohort “Mutual 2027” restored — Ctrl+Z to undo",
        "Cohort “Mutual 2027” deleted — Ctrl+Z to undo",
        "Session logged; the pair's start date moved — Ctrl+Z to undo",
    ]
    stack.deleteLater()
