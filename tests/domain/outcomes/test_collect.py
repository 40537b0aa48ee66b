"""Collecting returned PDF forms: the round trip, every refusal, and nothing written when
something is refused."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import NameObject
from reportlab.pdfgen.canvas import Canvas

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.outcomes import collect, form_fields, forms
from revmentor_desktop.domain.outcomes.collect import Outcome
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.privacy import erasure
from revmentor_desktop.reports import outcome_form
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.server import ServerStore
from revmentor_desktop.storage.transfer import fingerprint
from tests.helpers.pdf_forms import fill, fill_form, flatten
from tests.reports.programme import build_programme, clock

RETURNED = datetime(2026, 7, 1, 9, 0)
AGNES_ANSWERS: dict[str, int | str] = {
    "checkin.meeting-as-planned": 1,
    "checkin.usefulness": 4,
    "checkin.comfort": 2,
    "checkin.for-the-coordinator": "Our meetings keep moving.\nCould you help us fix a slot?",
    "checkin.wants-help": 1,
}


def returned_clock() -> datetime:
    return RETURNED


class Issued:
    """A programme's check-in forms, written as PDFs into ``folder``."""

    def __init__(self, folder: Path, questionnaire: Questionnaire = Questionnaire.CHECKIN):
        self.programme = build_programme()
        self.forms = forms.issue_forms(self.programme.cohort_id, questionnaire, clock=clock)
        self.folder = folder
        self.paths = outcome_form.write_forms(
            self.forms, report_data.letterhead(clock), folder / "sent"
        )

    def of(self, name: str) -> tuple[forms.FormToFill, Path]:
        person = self.programme.names[name]
        index = next(i for i, form in enumerate(self.forms) if form.person_id == person)
        return self.forms[index], self.paths[index]

    def returned(self, name: str, answers: dict[str, int | str], file: str = "") -> Path:
        form, blank = self.of(name)
        target = self.folder / "back" / (file or blank.name)
        target.parent.mkdir(exist_ok=True)
        return fill_form(form, blank, target, answers)


@pytest.fixture
def issued(data_file: DataFile, tmp_path: Path) -> Iterator[Issued]:
    (tmp_path / "sent").mkdir()
    yield Issued(tmp_path)


def _digest(data_file: DataFile | ServerStore) -> object:
    """What the programme holds: a data file's bytes (everything written through to it), or
    each of a server database's tables, row by row."""
    if isinstance(data_file, ServerStore):
        return fingerprint(data_file.database)
    data_file.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(data_file.path.read_bytes()).hexdigest()


def _reopened(store: DataFile | ServerStore) -> DataFile | ServerStore:
    if isinstance(store, ServerStore):
        return ServerStore.open(store.url, store.database.database)
    return DataFile.open(store.path)


def _only(plan: collect.CollectionPlan) -> collect.ReturnedFile:
    assert len(plan.files) == 1
    return plan.files[0]


def test_filled_forms_come_back_as_answers_exactly_as_ticked_and_typed(issued: Issued) -> None:
    agnes = issued.returned("Agnès Dubois", AGNES_ANSWERS)
    issued.returned("Jörg Müller", {"checkin.usefulness": 5})
    plan = collect.plan_collection([agnes.parent])
    assert [file.outcome for file in plan.files] == [Outcome.RECORD, Outcome.RECORD]
    agnes_line = next(line for line in plan.lines() if line.startswith(agnes.name))
    assert "records 5 of 5 answers: Agnès Dubois, Check-in" in agnes_line

    assert collect.record(plan, returned_clock) == 2

    agnes_form, _ = issued.of("Agnès Dubois")
    assert forms.answers_of(agnes_form.form_id) == AGNES_ANSWERS
    jorg_form, _ = issued.of("Jörg Müller")
    recorded = forms.answers_of(jorg_form.form_id)
    assert recorded["checkin.usefulness"] == 5
    assert recorded["checkin.comfort"] is None, "a question left blank stays blank"
    assert forms.form_by_token(jorg_form.token).channel == forms.Channel.PDF
    assert forms.form_by_token(jorg_form.token).returned_at == RETURNED


def test_a_starting_form_round_trip_keeps_every_rating_and_focus_area(
    data_file: DataFile, tmp_path: Path
) -> None:
    (tmp_path / "sent").mkdir()
    starting = Issued(tmp_path, Questionnaire.STARTING)
    form, _ = starting.of("Jörg Müller")
    answers: dict[str, int | str] = {
        item.key: 1 + position % 5
        for position, item in enumerate(form.items)
        if form_fields.choices(item)
    }
    answers["starting.hopes"] = "Confidence with Teams – and less fear of the chat."
    returned = starting.returned("Jörg Müller", answers)
    collect.record(collect.plan_collection([returned]), returned_clock)
    assert forms.answers_of(form.form_id) == answers
    assert any(key.startswith("starting.focus-area:") for key in answers)


def test_a_refused_collection_records_nothing_and_leaves_the_file_byte_identical(
    issued: Issued, data_file: DataFile | ServerStore
) -> None:
    good = issued.returned("Agnès Dubois", AGNES_ANSWERS)
    bad = good.parent / "notes.pdf"
    bad.write_text("not a form")
    plan = collect.plan_collection([good, bad])
    before = _digest(data_file)
    with pytest.raises(collect.CollectionRefused, match="1 file refused"):
        collect.record(plan, returned_clock)
    assert _digest(data_file) == before
    agnes_form, _ = issued.of("Agnès Dubois")
    assert forms.form_by_token(agnes_form.token).returned_at is None


def test_leaving_out_refused_files_records_the_others(issued: Issued) -> None:
    good = issued.returned("Agnès Dubois", AGNES_ANSWERS)
    (good.parent / "notes.pdf").write_text("not a form")
    plan = collect.plan_collection([good.parent])
    assert collect.record(plan, returned_clock, leave_out_refused=True) == 1


def test_a_file_that_is_not_a_pdf_or_is_damaged_is_refused_saying_so(issued: Issued) -> None:
    folder = issued.folder
    text = folder / "answers.txt"
    text.write_text("usefulness: 4")
    _, blank = issued.of("Agnès Dubois")
    damaged = folder / "damaged.pdf"
    damaged.write_bytes(blank.read_bytes()[:400])
    assert "not a PDF file" in _only(collect.plan_collection([text])).reason
    refused = _only(collect.plan_collection([damaged]))
    assert refused.outcome is Outcome.REFUSED
    assert "damaged" in refused.reason


def test_a_form_from_another_data_file_is_refused(
    issued: Issued, data_file: DataFile | ServerStore, tmp_path: Path
) -> None:
    data_file.close()
    with DataFile.open(tmp_path / "other.revmentor", create=True):
        (tmp_path / "other").mkdir()
        (tmp_path / "other" / "sent").mkdir()
        other = Issued(tmp_path / "other")
        foreign = other.returned("Agnès Dubois", AGNES_ANSWERS)
    with _reopened(data_file):
        refused = _only(collect.plan_collection([foreign]))
    assert refused.outcome is Outcome.REFUSED
    assert "issued by another data file" in refused.reason


def test_an_unknown_or_altered_form_reference_is_refused(issued: Issued) -> None:
    returned = issued.returned("Agnès Dubois", AGNES_ANSWERS)
    altered = fill(returned, issued.folder / "altered.pdf", {form_fields.TOKEN_FIELD: "0ff1ce"})
    refused = _only(collect.plan_collection([altered]))
    assert "(0ff1ce) is not one this data file issued" in refused.reason


def test_fields_that_do_not_match_the_forms_questions_are_refused(issued: Issued) -> None:
    form, _ = issued.of("Agnès Dubois")
    forged = issued.folder / "forged.pdf"
    canvas = Canvas(str(forged))
    for name, value in (
        (form_fields.TOKEN_FIELD, form.token),
        (form_fields.ISSUER_FIELD, form.issuer),
        ("q01_deadbeef", "5"),
    ):
        canvas.acroForm.textfield(name=name, value=value, x=50, y=50)
    canvas.showPage()
    canvas.save()
    refused = _only(collect.plan_collection([forged]))
    assert refused.outcome is Outcome.REFUSED
    assert "do not match the form that was issued" in refused.reason
    assert "q01_deadbeef" in refused.reason


def test_a_form_sent_back_blank_is_refused(issued: Issued) -> None:
    _, blank = issued.of("Agnès Dubois")
    refused = _only(collect.plan_collection([blank]))
    assert refused.outcome is Outcome.REFUSED
    assert "Nothing is filled in" in refused.reason


def test_a_form_of_a_person_since_erased_is_refused(issued: Issued) -> None:
    returned = issued.returned("Agnès Dubois", AGNES_ANSWERS)
    erasure.erase_person(issued.programme.names["Agnès Dubois"], clock, scrub=False)
    refused = _only(collect.plan_collection([returned]))
    assert refused.outcome is Outcome.REFUSED
    assert "since been erased" in refused.reason


def test_a_flattened_form_is_refused_offering_hand_entry_for_its_person(issued: Issued) -> None:
    returned = issued.returned("Agnès Dubois", AGNES_ANSWERS)
    flat = flatten(returned, issued.folder / "flat.pdf")
    refused = _only(collect.plan_collection([flat]))
    assert refused.outcome is Outcome.REFUSED and refused.hand_entry
    assert "printed to PDF or flattened" in refused.reason
    assert "Type its answers in by hand, as for a paper form" in refused.reason
    assert refused.person_name == "Agnès Dubois"


def test_a_printed_form_without_fields_or_keywords_is_refused_offering_hand_entry(
    issued: Issued,
) -> None:
    _, blank = issued.of("Agnès Dubois")
    printed = flatten(blank, issued.folder / "printed.pdf", keep_metadata=False)
    refused = _only(collect.plan_collection([printed]))
    assert refused.hand_entry
    assert "no RevMentor form fields" in refused.reason


def test_two_files_answering_one_form_wait_for_the_coordinators_choice(
    issued: Issued, data_file: DataFile | ServerStore
) -> None:
    first = issued.returned("Agnès Dubois", AGNES_ANSWERS, "first.pdf")
    second = issued.returned("Agnès Dubois", {"checkin.usefulness": 1}, "second.pdf")
    plan = collect.plan_collection([first, second])
    assert [file.outcome for file in plan.files] == [Outcome.CHOOSE, Outcome.CHOOSE]
    assert "2 returned files answer it" in plan.files[0].reason
    before = _digest(data_file)
    with pytest.raises(collect.CollectionRefused, match="choose which answers to keep"):
        collect.record(plan, returned_clock)
    assert _digest(data_file) == before

    form, _ = issued.of("Agnès Dubois")
    collect.record(plan.choose(form.form_id, second), returned_clock)
    assert forms.answers_of(form.form_id)["checkin.usefulness"] == 1
    assert forms.answers_of(form.form_id)["checkin.comfort"] is None


def test_a_form_already_answered_keeps_its_answers_or_takes_the_files(issued: Issued) -> None:
    form, _ = issued.of("Agnès Dubois")
    forms.record_answers(form.form_id, {"checkin.usefulness": 2}, forms.Channel.PAPER, clock)
    returned = issued.returned("Agnès Dubois", AGNES_ANSWERS)
    plan = collect.plan_collection([returned])
    file = _only(plan)
    assert file.outcome is Outcome.CHOOSE
    assert "already recorded on 15 Jun 2026" in file.reason

    assert collect.record(plan.choose(form.form_id, None), returned_clock) == 0
    assert forms.answers_of(form.form_id)["checkin.usefulness"] == 2
    collect.record(plan.choose(form.form_id, returned), returned_clock)
    assert forms.answers_of(form.form_id) == AGNES_ANSWERS


def test_a_ticked_box_is_read_even_when_the_reader_left_the_groups_value_out(
    issued: Issued,
) -> None:
    returned = issued.returned("Agnès Dubois", {"checkin.usefulness": 3})
    writer = PdfWriter(clone_from=returned)
    for field in writer._root_object["/AcroForm"]["/Fields"]:
        field = field.get_object()
        if field.get("/V") == "/3":
            del field[NameObject("/V")]
    without_value = issued.folder / "without-value.pdf"
    writer.write(without_value)
    file = _only(collect.plan_collection([without_value]))
    assert file.answers["checkin.usefulness"] == 3
