"""Pairing agreements: what they say, for whom, and how they are laid out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from revmentor_desktop.domain import agreement_text, report_data
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.reports.agreement import render_agreements
from revmentor_desktop.storage.database import DataFile
from tests.reports.helpers import page_count, page_texts, pdf_text
from tests.reports.programme import GOAL, build_programme, clock

CLAUSE_HEADINGS = (
    "Purpose",
    "Focus areas and goals",
    "How we meet",
    "Duration and review",
    "Confidentiality",
    "Privacy while learning technology",
    "Ending the partnership",
    "What the coordinator records",
    "Signatures",
)


def _render(batch: report_data.AgreementBatch) -> bytes:
    buffer = io.BytesIO()
    render_agreements(batch, buffer)
    return buffer.getvalue()


def test_one_agreement_names_parties_dates_goals_and_every_clause(data_file: DataFile) -> None:
    programme = build_programme()
    text = pdf_text(_render(report_data.agreement_for_pair(programme.pair_id, clock)))
    for expected in (
        "Nordwind Logistik GmbH",
        "Reverse mentoring agreement",
        "Reverse mentoring 2026",
        "REVERSE MENTOR",
        "Agnès Dubois",
        "Digital marketing associate",
        "MENTEE",
        "Jörg Müller",
        "Chief Financial Officer",
        "Version 1.0",
        "Issued 15 Jun 2026",
        "2 Mar 2026 – 18 Dec 2026",
        "9 Mar 2026",  # the pair's start
        "18 Dec 2026",
        "29 Jul 2026",  # the mid-point review: 142 of the 284 days from 9 March
        "Every 3 weeks",
        "About 60 minutes",
        "Microsoft Teams, LinkedIn",
        GOAL,  # printed exactly, "<b>" and "&" included
        "Post on LinkedIn once a month",
        "Understand the budget cycle",
        "☐ 1 ☐ 2 ☐ 3 ☐ 4 ☐ 5",
        "Ground rules for reverse mentoring",
        "never an assessment",
        "Passwords, PINs and sign-in codes are never shared",
        "does not record what was said",
        "Signature",
        "Programme coordinator".upper(),
        "Page 1 of",
    ):
        assert expected in text, expected
    for number, heading in enumerate(CLAUSE_HEADINGS[:4], start=1):
        assert f"{number}. {heading}" in text
    assert all(heading in text for heading in CLAUSE_HEADINGS)
    assert "10. Signatures" in text


def test_review_date_is_half_way() -> None:
    from datetime import date

    assert report_data.review_date(date(2026, 3, 9), date(2026, 12, 18)) == date(2026, 7, 29)
    assert report_data.review_date(date(2026, 3, 9), None) is None


def test_mutual_partners_are_both_learning_partners(data_file: DataFile) -> None:
    programme = build_programme(kind="mutual")
    text = pdf_text(_render(report_data.agreement_for_pair(programme.pair_id, clock)))
    assert "Mutual mentoring agreement" in text
    assert text.count("LEARNING PARTNER") >= 4  # two party cards and two signature blocks
    assert "both colleagues are learning partners" in text
    assert "Ground rules for reverse mentoring" not in text
    assert "Ground rules" in text
    assert "Understand the budget cycle" in text  # the first partner's goal is there too


def test_a_cohort_batch_starts_each_pair_on_a_new_page_and_restarts_numbering(
    data_file: DataFile,
) -> None:
    programme = build_programme(extra_pairs=3)
    batch = report_data.agreements_for_cohort(programme.cohort_id, clock)
    assert len(batch.agreements) == 5  # the two ended-early pairs need no agreement
    data = _render(batch)
    pages = page_texts(data)
    firsts = [index for index, page in enumerate(pages) if "Page 1 of" in page]
    assert len(firsts) == 5
    for index in firsts:
        assert "Reverse mentoring agreement" in pages[index]
    per_agreement = firsts[1] - firsts[0]
    assert f"Page {per_agreement} of {per_agreement}" in pages[firsts[1] - 1]
    assert page_count(data) == sum(1 for page in pages if "Page " in page)


def test_progress_is_reported_per_agreement(data_file: DataFile) -> None:
    programme = build_programme(extra_pairs=2)
    seen: list[tuple[int, int]] = []
    render_agreements(
        report_data.agreements_for_cohort(programme.cohort_id, clock),
        io.BytesIO(),
        progress=lambda index, total: seen.append((index, total)),
    )
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4)]


def test_stopping_from_progress_writes_nothing(data_file: DataFile, tmp_path: Path) -> None:
    programme = build_programme()
    target = tmp_path / "out" / "agreements.pdf"
    target.parent.mkdir()

    def stop(index: int, total: int) -> None:
        if index == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        render_agreements(
            report_data.agreements_for_cohort(programme.cohort_id, clock), target, stop
        )
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


def test_edited_wording_and_placeholders(data_file: DataFile) -> None:
    programme = build_programme()
    agreement_text.set_clause(
        "confidentiality",
        "What stays between us",
        "$mentor and $mentee keep it private. A typo like $nonsense stays as typed.\n\n"
        "- First point\n- Second point\n  continues here",
    )
    text = pdf_text(_render(report_data.agreement_for_pair(programme.pair_id, clock)))
    assert "5. What stays between us" in text
    assert "Agnès Dubois and Jörg Müller keep it private" in text
    assert "$nonsense stays as typed" in text
    assert "Second point continues here" in text
    agreement_text.reset_clause("confidentiality")
    text = pdf_text(_render(report_data.agreement_for_pair(programme.pair_id, clock)))
    assert "5. Confidentiality" in text


def test_clause_bodies_split_into_paragraphs_and_bullets() -> None:
    blocks = agreement_text.paragraphs("One\nline.\n\nIntro:\n- a\n  b\n- c\n\nEnd.")
    assert blocks == [
        ("text", ["One line."]),
        ("text", ["Intro:"]),
        ("bullets", ["a b", "c"]),
        ("text", ["End."]),
    ]


def test_every_kind_has_every_clause() -> None:
    for kind in ("reverse", "traditional", "mutual"):
        keys = agreement_text.clause_keys(kind)
        assert all(key in agreement_text.DEFAULT_CLAUSES for key in keys)
        assert len(keys) == 10


def test_unknown_pair_and_empty_cohort_are_clear_errors(data_file: DataFile) -> None:
    with pytest.raises(NotFound, match="no pair with number 404"):
        report_data.agreement_for_pair(404, clock)
    from revmentor_desktop.domain import cohorts

    empty = cohorts.add_cohort(cohorts.CohortDraft("Empty"), clock)
    with pytest.raises(NotFound, match="no open pairs"):
        report_data.agreements_for_cohort(empty, clock)
