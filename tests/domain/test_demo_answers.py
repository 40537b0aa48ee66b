"""The demo's questionnaires: most people answer, some do not, ratings move modestly (a few
down), exactly one concern, and the same seed gives the same answers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from revmentor_desktop.domain.demo import generate_demo
from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.figures import outcome_figures
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Answer, Cohort, OutcomeForm

TODAY = date(2026, 11, 25)


@pytest.fixture
def demo(data_file: DataFile) -> None:
    generate_demo(people=150, seed=7, today=TODAY)


def test_most_forms_come_back_and_some_do_not(demo: None) -> None:
    for questionnaire in (Questionnaire.STARTING, Questionnaire.CHECKIN, Questionnaire.CLOSING):
        sent = OutcomeForm.select().where(OutcomeForm.questionnaire == questionnaire.value)
        returned = sent.where(OutcomeForm.returned_at.is_null(False)).count()
        assert 0.6 < returned / sent.count() < 0.95, questionnaire
    unanswered = OutcomeForm.get(OutcomeForm.returned_at.is_null())
    assert all(value is None for value in forms.answers_of(unanswered.id).values())


def test_every_returned_form_passes_the_checks_answers_get_when_recorded(demo: None) -> None:
    for form in OutcomeForm.select().where(OutcomeForm.returned_at.is_null(False)):
        forms.checked_answers(form.id, forms.answers_of(form.id))  # raises on a bad answer


def test_ratings_move_modestly_and_a_few_go_down(demo: None) -> None:
    changes = [
        line for cohort in Cohort.select() for line in outcome_figures([cohort.id]).shown_changes
    ]
    assert changes, "the demo shows before/after figures somewhere"
    mean_change = sum(line.mean_change or 0 for line in changes) / len(changes)
    assert 0.3 <= mean_change <= 1.0
    assert any((line.worse or 0) > 0 for line in changes)


def test_exactly_one_answer_raises_a_concern_and_it_comes_with_a_private_note(demo: None) -> None:
    low = list(
        Answer.select()
        .where(Answer.question_key.in_(["checkin.comfort", "checkin.usefulness"]))
        .where(Answer.number <= 2)
    )
    notes = list(
        Answer.select().where((Answer.answer_kind == "private-text") & (Answer.text != ""))
    )
    help_wanted = Answer.select().where(
        (Answer.question_key == "checkin.wants-help") & (Answer.number == 1)
    )
    assert len(low) == 1 and len(notes) == 1 and not help_wanted.exists()
    assert low[0].form_id == notes[0].form_id
    assert OutcomeForm.get_by_id(low[0].form_id).handled_at is None


def _answers(path: Path, seed: int) -> list[tuple]:
    with DataFile.open(path, create=True):
        generate_demo(people=60, seed=seed, today=TODAY)
        return list(
            Answer.select(
                Answer.form, Answer.question_key, Answer.number, Answer.text, OutcomeForm.token
            )
            .join(OutcomeForm)
            .order_by(Answer.id)
            .tuples()
        )


def test_the_same_seed_gives_the_same_answers(tmp_path: Path) -> None:
    first = _answers(tmp_path / "first.revmentor", 3)
    assert first == _answers(tmp_path / "again.revmentor", 3)
    assert first != _answers(tmp_path / "other.revmentor", 4)
