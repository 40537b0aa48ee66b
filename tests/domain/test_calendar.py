"""Calendar files: VTIMEZONE, stable UIDs and SEQUENCE, parsed back with icalendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from revmentor_desktop.domain import calendar, identity, pairs, people, sessions, settings
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.services import exports
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.reading import open_for_reading
from tests.domain.test_export import build_programme

CLOCK = lambda: datetime(2026, 10, 1, 9, 0)  # noqa: E731


def ics(**query: Any) -> bytes:
    """The calendar file's bytes, as written to disk (parsed back below to check them)."""
    return calendar.build_calendar(**query).to_ical()


def events(data: bytes) -> list:  # type: ignore[type-arg]
    return Calendar.from_ical(data).walk("VEVENT")


def test_pair_calendar_parses_back_with_uids_sequence_and_timezone(data_file: DataFile) -> None:
    programme = build_programme(data_file)
    data = ics(pair_id=programme.pair_ids[0], zone_name="Europe/Dublin", clock=CLOCK)
    parsed = Calendar.from_ical(data)
    zones = parsed.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/Dublin"]
    found = events(data)
    domain = calendar.uid_domain()
    assert [str(event["UID"]) for event in found] == [
        f"session-{programme.session_ids[0]}@{domain}.revmentor",
        f"session-{programme.session_ids[1]}@{domain}.revmentor",
    ]
    first = found[0]
    assert int(first["SEQUENCE"]) == 1  # the session was edited once
    start = first.decoded("DTSTART")
    assert start == datetime(2026, 10, 5, 15, 0, tzinfo=ZoneInfo("Europe/Dublin"))
    assert first.decoded("DTEND") - start == timedelta(minutes=60)
    assert str(first["SUMMARY"]) == "Mentoring: Mateo Ferreira & Uma Sato"


def test_uids_stay_the_same_and_sequence_grows_on_edits(data_file: DataFile) -> None:
    programme = build_programme(data_file)
    before = events(ics(cohort_id=programme.cohort_id, clock=CLOCK))
    draft = sessions.SessionDraft(programme.pair_ids[1], datetime(2026, 10, 8, 10, 0))
    sessions.update_session(programme.session_ids[2], draft, clock=CLOCK)
    after = events(ics(cohort_id=programme.cohort_id, clock=CLOCK))
    assert [str(e["UID"]) for e in before] == [str(e["UID"]) for e in after]
    assert [int(e["SEQUENCE"]) for e in after] == [1, 1, 0]
    assert identity.ensure_uid_domain() == calendar.uid_domain()  # storing keeps it the same
    again = events(ics(cohort_id=programme.cohort_id, clock=CLOCK))
    assert [str(e["UID"]) for e in again] == [str(e["UID"]) for e in after]


def test_cancelled_sessions_are_marked_cancelled(data_file: DataFile) -> None:
    programme = build_programme(data_file)
    draft = sessions.SessionDraft(
        programme.pair_ids[1],
        datetime(2026, 10, 7, 14, 30),
        status="cancelled",
        cancelled_by="mentor",
    )
    sessions.update_session(programme.session_ids[2], draft, clock=CLOCK)
    found = events(ics(pair_id=programme.pair_ids[1], clock=CLOCK))
    assert [str(event["STATUS"]) for event in found] == ["CANCELLED"]


def test_unknown_pair(data_file: DataFile) -> None:
    with pytest.raises(NotFound, match="There is no pair with number 99"):
        ics(pair_id=99)


def test_written_atomically_from_a_read_only_view(data_path: Path, tmp_path: Path) -> None:
    with DataFile.open(data_path, create=True) as opened:
        programme = build_programme(opened)
        with open_for_reading(data_path):
            count = exports.write_calendar(tmp_path / "pair.ics", pair_id=programme.pair_ids[0])
    assert count == 2
    assert len(events((tmp_path / "pair.ics").read_bytes())) == 2


def test_local_zone_name_is_a_real_zone(data_file: DataFile) -> None:
    ZoneInfo(calendar.local_zone_name())


def _attendees(event: Any) -> list[tuple[str, dict[str, str]]]:
    found = event.get("ATTENDEE", [])
    found = found if isinstance(found, list) else [found]
    return [(str(address), dict(address.params)) for address in found]


def test_both_partners_are_invited_by_name_and_e_mail(data_file: DataFile) -> None:
    programme = build_programme(data_file)
    first = events(ics(pair_id=programme.pair_ids[0], clock=CLOCK))[0]
    invited = {"ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}
    assert _attendees(first) == [
        ("mailto:mateo.ferreira@northwind-co.example", {"CN": "Mateo Ferreira", **invited}),
        ("mailto:uma.sato@northwind-co.example", {"CN": "Uma Sato", **invited}),
    ]
    assert "ORGANIZER" not in first  # the coordinator's address is not known
    assert str(first["DESCRIPTION"]) == "Mentoring session (in person)."


def test_the_coordinator_organises_once_their_address_is_known(data_file: DataFile) -> None:
    programme = build_programme(data_file)
    settings.put(settings.COORDINATOR_NAME, "Maria Schmidt")
    settings.put(settings.COORDINATOR_EMAIL, "maria.schmidt@northwind-co.example")
    first = events(ics(pair_id=programme.pair_ids[0], clock=CLOCK))[0]
    organizer = first["ORGANIZER"]
    assert str(organizer) == "mailto:maria.schmidt@northwind-co.example"
    assert organizer.params["CN"] == "Maria Schmidt"


def test_a_partner_without_an_e_mail_address_is_named_in_the_description(
    data_file: DataFile,
) -> None:
    programme = build_programme(data_file)
    mentee = pairs.get_pair(programme.pair_ids[0]).mentee_id
    draft = people.get_person(mentee).draft
    people.update_person(mentee, replace(draft, email=""), clock=CLOCK)
    first = events(ics(pair_id=programme.pair_ids[0], clock=CLOCK))[0]
    assert [address for address, _params in _attendees(first)] == [
        "mailto:mateo.ferreira@northwind-co.example"
    ]
    assert str(first["DESCRIPTION"]) == (
        "Mentoring session (in person). Not invited: Uma Sato (no e-mail address in "
        "RevMentor); invite them yourself."
    )
    # Attendees never change the identity or the version of an event.
    assert str(first["UID"]).startswith(f"session-{programme.session_ids[0]}@")
    assert int(first["SEQUENCE"]) == 1
