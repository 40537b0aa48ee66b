"""Retention covers answers: a person offered for erasure once their last cohort is long over,
and erased, leaves no answer behind."""

from __future__ import annotations

from datetime import date, datetime

from revmentor_desktop.domain import privacy
from revmentor_desktop.domain.outcomes import forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Answer, OutcomeForm
from tests.reports.programme import build_programme, clock

# The programme's cohort ends on 18 Dec 2026; the default retention is 24 months.
LONG_AFTER = date(2029, 1, 2)


def test_erasing_the_people_retention_offers_removes_their_answers(data_file: DataFile) -> None:
    programme = build_programme()
    jorg = programme.names["Jörg Müller"]
    [form] = forms.issue_forms(programme.cohort_id, Questionnaire.CHECKIN, [jorg], clock=clock)
    note = "My partner rushes me"
    forms.record_answers(
        form.form_id,
        {"checkin.comfort": 2, "checkin.for-the-coordinator": note},
        forms.Channel.PAPER,
        clock,
    )
    assert privacy.people_due_for_erasure(today=date(2028, 12, 1)) == []
    offered = privacy.people_due_for_erasure(today=LONG_AFTER)
    assert jorg in [candidate.person_id for candidate in offered]
    for candidate in offered:
        privacy.erase_person(candidate.person_id, lambda: datetime(2029, 1, 2, 9))
    assert OutcomeForm.select().where(OutcomeForm.person == jorg).count() == 0
    assert Answer.select().where(Answer.text == note).count() == 0
    assert Answer.select().where(Answer.form == form.form_id).count() == 0
    assert privacy.access_export(jorg, clock)["questionnaires"] == []
