"""Certificates of participation: only completed pairs, both partners, the right figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from revmentor_desktop.domain import pairs, report_data, settings
from revmentor_desktop.domain.errors import NotFound, RuleViolation
from revmentor_desktop.domain.report_data import Signatory
from revmentor_desktop.storage.database import DataFile
from tests.reports.programme import Programme, build_programme, clock


@pytest.fixture
def programme(data_file: DataFile) -> Programme:
    built = build_programme()
    pairs.change_status(built.pair_id, "complete", clock=clock)
    return built


def test_both_partners_get_one_in_their_own_role_with_what_they_did(
    programme: Programme,
) -> None:
    batch = report_data.certificates_for_pair(programme.pair_id, clock)

    mentor, mentee = batch.certificates
    assert (mentor.name, mentor.role_label) == ("Agnès Dubois", "Reverse mentor")
    assert (mentee.name, mentee.role_label) == ("Jörg Müller", "Mentee")
    assert (mentor.partner_name, mentor.partner_role_label) == ("Jörg Müller", "Mentee")
    assert (mentee.partner_name, mentee.partner_role_label) == ("Agnès Dubois", "Reverse mentor")
    for certificate in (mentor, mentee):
        # Five sessions were logged, one cancelled: 60 + 45 + 45 + 60 minutes were held.
        assert certificate.sessions_held == 4
        assert certificate.hours == "3½"
        assert certificate.focus_areas == ("Microsoft Teams", "LinkedIn")
        assert certificate.programme == "Reverse mentoring 2026"
        assert certificate.kind_label == "Reverse mentoring"
        assert certificate.start_date == date(2026, 3, 9)
        assert certificate.end_date == clock().date()  # completing the pair ended it today
        assert certificate.figures == (
            ("4", "sessions held"),
            ("3½", "hours together"),
            ("3", "months"),
        )
    assert batch.letterhead.organisation_name == "Nordwind Logistik GmbH"
    assert batch.title == "Certificates – Agnès Dubois & Jörg Müller"


def test_a_pair_still_running_or_ended_early_is_refused_with_what_to_do(
    programme: Programme,
) -> None:
    with pytest.raises(RuleViolation) as active:
        report_data.certificates_for_pair(programme.quiet_pair_id, clock)
    message = str(active.value)
    assert f"Pair {programme.quiet_pair_id} (Siobhán Ó Súilleabháin & Mehmet Yılmaz)" in message
    assert "is active, not completed" in message
    assert "Pair ▸ Complete" in message

    ended_early = pairs.list_pairs(pairs.PairQuery(status="ended early"), clock)[0].id
    with pytest.raises(RuleViolation, match="ended early, so it has no certificates"):
        report_data.certificates_for_pair(ended_early, clock)
    with pytest.raises(NotFound, match="There is no pair with number 999"):
        report_data.certificates_for_pair(999, clock)


def test_a_cohort_batch_holds_only_the_partners_of_completed_pairs_by_name(
    programme: Programme,
) -> None:
    other = pairs.list_pairs(pairs.PairQuery(search="Person 00"), clock)[0].id
    pairs.change_status(other, "complete", clock=clock)

    batch = report_data.certificates_for_cohort(programme.cohort_id, clock)

    assert [item.name for item in batch.certificates] == [
        "Agnès Dubois",
        "Jörg Müller",
        "Person 00",
        "Person 01",
    ]
    assert {item.pair_id for item in batch.certificates} == {programme.pair_id, other}
    quiet = [item for item in batch.certificates if item.pair_id == other]
    assert [(item.sessions_held, item.hours, item.focus_areas) for item in quiet] == [
        (0, "0", ()),
        (0, "0", ()),
    ]
    assert batch.contents == "4 certificates"


def test_a_cohort_without_completed_pairs_is_refused_with_its_pairs_counted(
    data_file: DataFile,
) -> None:
    built = build_programme()
    with pytest.raises(NotFound) as refused:
        report_data.certificates_for_cohort(built.cohort_id, clock)
    message = str(refused.value)
    assert "“Reverse mentoring 2026” has no completed pairs" in message
    assert "(its pairs: 5 active, 2 ended early)" in message


def test_one_persons_certificate_for_a_thank_you_message(programme: Programme) -> None:
    mentee_id = programme.names["Jörg Müller"]
    batch = report_data.certificate_data(programme.pair_id, mentee_id, clock)
    [certificate] = batch.certificates
    assert (certificate.name, certificate.role_label) == ("Jörg Müller", "Mentee")
    assert batch.title == "Certificate – Jörg Müller"

    stranger = programme.names["Lonely Person"]
    with pytest.raises(NotFound, match=f"Person {stranger} is not a partner of pair"):
        report_data.certificate_data(programme.pair_id, stranger, clock)


def test_a_mutual_cohort_names_both_as_learning_partners(data_file: DataFile) -> None:
    built = build_programme(kind="mutual")
    pairs.change_status(built.pair_id, "complete", clock=clock)
    batch = report_data.certificates_for_pair(built.pair_id, clock)
    assert [item.role_label for item in batch.certificates] == ["Learning partner"] * 2


@pytest.mark.parametrize(
    ("sponsor", "title", "coordinator", "expected"),
    [
        ("", "", "Maria Lopez", (Signatory("Maria Lopez", "Programme coordinator"),)),
        ("", "", "", (Signatory("", "Programme sponsor"),)),
        (
            "Dr. Katrin Weber",
            "Chief Executive Officer",
            "Maria Lopez",
            (
                Signatory("Dr. Katrin Weber", "Chief Executive Officer"),
                Signatory("Maria Lopez", "Programme coordinator"),
            ),
        ),
        ("Maria Lopez", "", "Maria Lopez", (Signatory("Maria Lopez", "Programme sponsor"),)),
    ],
)
def test_the_sponsor_signs_with_the_coordinator_beside_them(
    programme: Programme,
    sponsor: str,
    title: str,
    coordinator: str,
    expected: tuple[Signatory, ...],
) -> None:
    for setting, value in (
        (settings.SPONSOR_NAME, sponsor),
        (settings.SPONSOR_TITLE, title),
        (settings.COORDINATOR_NAME, coordinator),
    ):
        settings.put(setting, value)
    assert report_data.certificates_for_pair(programme.pair_id, clock).signatories == expected


def test_hours_are_counted_to_the_quarter_hour(programme: Programme) -> None:
    [certificate] = report_data.certificate_data(
        programme.pair_id, programme.names["Agnès Dubois"], clock
    ).certificates
    minutes = {0: "0", 20: "¼", 50: "¾", 60: "1", 95: "1½", 100: "1¾", 600: "10", 60_000: "1,000"}
    for held, hours in minutes.items():
        assert replace(certificate, minutes_held=held).hours == hours
    assert replace(certificate, minutes_held=30).figures[1] == ("½", "hour together")
    assert replace(certificate, minutes_held=0).figures[1] == ("0", "hours together")
