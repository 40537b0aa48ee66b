"""Questionnaire forms: fillable on screen, complete on paper, and recognisable when returned."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from revmentor_desktop.domain import report_data
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.outcomes import form_fields, forms
from revmentor_desktop.domain.outcomes.questions import AnswerKind, Questionnaire
from revmentor_desktop.reports import outcome_form
from revmentor_desktop.storage.database import DataFile
from tests.reports.programme import build_programme, clock


def _issued(questionnaire: Questionnaire) -> tuple[list[forms.FormToFill], int]:
    programme = build_programme()
    issued = forms.issue_forms(programme.cohort_id, questionnaire, clock=clock)
    agnes = programme.names["Agnès Dubois"]
    return issued, agnes


def _agnes_form(questionnaire: Questionnaire, folder: Path) -> tuple[forms.FormToFill, Path]:
    """Agnès's form of ``questionnaire``, written to a PDF in ``folder``."""
    issued, agnes = _issued(questionnaire)
    form = next(form for form in issued if form.person_id == agnes)
    path = folder / "form.pdf"
    outcome_form.render_form(form, report_data.letterhead(clock), path)
    return form, path


def _printed_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_a_form_prints_who_it_is_for_and_every_answer_with_its_words(
    data_file: DataFile, tmp_path: Path
) -> None:
    form, path = _agnes_form(Questionnaire.CLOSING, tmp_path)
    printed = _printed_text(path)
    for words in (
        "Nordwind Logistik GmbH",
        "Closing questionnaire",
        "Agnès Dubois",
        "Jörg Müller",
        "Reverse mentor",
        "Reverse mentoring 2026",
        format_date(form.due_date),
        " ".join(Questionnaire.CLOSING.introduction.split()[:8]),
        form.token,
    ):
        assert words in printed, words
    for label in ("Not at all", "Completely", "Slightly confident", "Very confident"):
        assert label in printed
    assert " ".join(str(number) for number in range(11)) in printed


def test_each_choice_is_a_radio_group_with_every_scale_point_and_text_is_multi_line(
    data_file: DataFile, tmp_path: Path
) -> None:
    form, path = _agnes_form(Questionnaire.CLOSING, tmp_path)
    fields = PdfReader(path).get_fields()
    for item in form.items:
        field = fields[form_fields.field_name(item)]
        if item.answer_kind is AnswerKind.RATING:
            assert field["/_States_"] == ["/1", "/2", "/3", "/4", "/5"]
        elif item.answer_kind is AnswerKind.RECOMMEND:
            assert field["/_States_"] == [f"/{number}" for number in range(11)]
        else:
            assert field["/FT"] == "/Tx" and field["/Ff"] & 4096, "multi-line text"
    assert len(fields) == len(form.items) + len(form_fields.IDENTIFIER_FIELDS)


def test_a_form_carries_its_token_issuer_and_person_in_hidden_fields_and_keywords(
    data_file: DataFile, tmp_path: Path
) -> None:
    form, path = _agnes_form(Questionnaire.CHECKIN, tmp_path)
    reader = PdfReader(path)
    fields = reader.get_fields()
    assert fields[form_fields.TOKEN_FIELD]["/V"] == form.token
    assert fields[form_fields.ISSUER_FIELD]["/V"] == forms.data_file_identity()
    assert fields[form_fields.PERSON_FIELD]["/V"] == str(form.person_id)
    assert fields[form_fields.TOKEN_FIELD]["/Ff"] & 1, "read-only"
    assert form_fields.identifiers_from_keywords(reader.metadata["/Keywords"]) == (
        form_fields.Identifiers(form.token, form.issuer, form.person_id)
    )
    yes_no = next(item for item in form.items if item.answer_kind is AnswerKind.YES_NO)
    assert fields[form_fields.field_name(yes_no)]["/_States_"] == ["/yes", "/no"]
    assert "Yes" in _printed_text(path) and "No" in _printed_text(path)


def test_a_cohorts_forms_are_one_file_each_named_for_the_person_and_questionnaire(
    data_file: DataFile, tmp_path: Path
) -> None:
    issued, _ = _issued(Questionnaire.STARTING)
    written = outcome_form.write_forms(issued, report_data.letterhead(clock), tmp_path)
    assert len(written) == len(issued) == len(set(written))
    agnes = next(path for path in written if "Agn" in path.name)
    assert agnes.name.startswith("Starting-point-Agnès-Dubois")
    tokens = {PdfReader(path).get_fields()[form_fields.TOKEN_FIELD]["/V"] for path in written}
    assert tokens == {form.token for form in issued}


def test_the_combined_print_has_every_form_and_no_fields(
    data_file: DataFile, tmp_path: Path
) -> None:
    issued, _ = _issued(Questionnaire.CHECKIN)
    path = tmp_path / "all.pdf"
    outcome_form.render_forms_for_printing(issued, report_data.letterhead(clock), path)
    reader = PdfReader(path)
    assert not reader.get_fields()
    printed = _printed_text(path)
    assert all(form.token in printed for form in issued)
    assert len(reader.pages) >= len(issued)
