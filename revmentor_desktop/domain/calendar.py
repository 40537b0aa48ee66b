"""Planned sessions as an .ics calendar that Outlook and Google Calendar update in place.

Each session keeps one UID for its whole life and carries its ``sequence`` column as SEQUENCE,
so importing the file again updates the events instead of duplicating them. Times are local
wall-clock times, written with the local time zone (and its VTIMEZONE definition).

Both partners are attendees (by name and e-mail address), so the calendar that imports the
file can invite them; the coordinator, when the data file knows their e-mail address, is the
organiser. A partner without an e-mail address cannot be an attendee (a calendar addresses
people by it): the event's description says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from revmentor_desktop import __version__, machine
from revmentor_desktop.domain import settings
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import NotFound
from revmentor_desktop.domain.identity import uid_domain
from revmentor_desktop.domain.namesakes import person_labels
from revmentor_desktop.domain.vocabulary import SessionStatus
from revmentor_desktop.storage.models import Meeting, Pair, Person


def local_zone_name() -> str:
    """The IANA name of this computer's time zone (the setting wins), else "UTC"."""
    configured = settings.get(settings.TIME_ZONE).strip()
    candidates = [configured, *machine.time_zone_names()]
    for name in candidates:
        if not name or not isinstance(name, str):
            continue
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        return name
    return "UTC"


def session_uid(session_id: int, domain: str) -> str:
    return f"session-{session_id}@{domain}.revmentor"


@dataclass(frozen=True)
class Contact:
    name: str
    email: str  # "" when not known


def _contacts() -> dict[int, Contact]:
    query = Person.select(Person.id, Person.name, Person.email).tuples()
    return {person_id: Contact(name, email or "") for person_id, name, email in query}


def _address(contact: Contact, **parameters: str) -> vCalAddress:
    """A calendar address: ``mailto:`` the e-mail, with the name (CN) and ``parameters``."""
    address = vCalAddress(f"mailto:{contact.email}")
    address.params["CN"] = vText(contact.name)
    for key, value in parameters.items():
        address.params[key] = vText(value)
    return address


def _organizer() -> Contact | None:
    email = settings.get(settings.COORDINATOR_EMAIL).strip()
    if not email:
        return None
    return Contact(settings.get(settings.COORDINATOR_NAME).strip() or email, email)


def _invite(event: Event, partners: tuple[Contact, Contact], organizer: Contact | None) -> str:
    """Add the partners as attendees; returns a note naming any who could not be added."""
    if organizer is not None:
        event.add("organizer", _address(organizer), encode=False)
    for partner in partners:
        if partner.email:
            invited = _address(
                partner, ROLE="REQ-PARTICIPANT", PARTSTAT="NEEDS-ACTION", RSVP="TRUE"
            )
            event.add("attendee", invited, encode=False)
    missing = [partner.name for partner in partners if not partner.email]
    if not missing:
        return ""
    return (
        f" Not invited: {' and '.join(missing)} (no e-mail address in RevMentor); "
        "invite them yourself."
    )


def _sessions(pair_id: int | None, cohort_id: int | None) -> list[Meeting]:
    query = (
        Meeting.select(Meeting, Pair)
        .join(Pair)
        .where(Meeting.status.in_([SessionStatus.PLANNED.value, SessionStatus.CANCELLED.value]))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if pair_id is not None:
        if not Pair.select().where(Pair.id == pair_id).exists():
            raise NotFound(f"There is no pair with number {pair_id}.")
        query = query.where(Meeting.pair == pair_id)
    if cohort_id is not None:
        query = query.where(Pair.cohort == cohort_id)
    return list(query)


def build_calendar(
    pair_id: int | None = None,
    cohort_id: int | None = None,
    zone_name: str | None = None,
    clock: Clock = system_clock,
) -> Calendar:
    """Planned sessions of a pair, a cohort or everything; cancelled ones say so (STATUS)."""
    zone_name = zone_name or local_zone_name()
    zone = ZoneInfo(zone_name)
    contacts = _contacts()
    organizer = _organizer()
    domain = uid_domain()
    stamp = clock().astimezone().astimezone(ZoneInfo("UTC"))
    calendar = Calendar()
    calendar.add("prodid", f"-//RevMentor Desktop {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Mentoring sessions")
    calendar.add("x-wr-timezone", zone_name)
    sessions = _sessions(pair_id, cohort_id)
    names = person_labels(
        {s.pair.mentor_id for s in sessions} | {s.pair.mentee_id for s in sessions}
    )
    if sessions:
        first = min(s.starts_at for s in sessions).date() - timedelta(days=366)
        last = max(s.starts_at for s in sessions).date() + timedelta(days=366)
        calendar.add_component(Timezone.from_tzid(zone_name, first_date=first, last_date=last))
    for session in sessions:
        pair = session.pair
        mentor, mentee = contacts[pair.mentor_id], contacts[pair.mentee_id]
        starts: datetime = session.starts_at.replace(tzinfo=zone)
        event = Event()
        event.add("uid", session_uid(session.id, domain))
        event.add("dtstamp", stamp)
        event.add("dtstart", starts)
        event.add("dtend", starts + timedelta(minutes=session.duration_minutes))
        event.add("sequence", session.sequence)
        summary = f"Mentoring: {names.get(pair.mentor_id, '')} & {names.get(pair.mentee_id, '')}"
        event.add("summary", summary)
        not_invited = _invite(event, (mentor, mentee), organizer)
        event.add("description", f"Mentoring session ({session.meeting_format}).{not_invited}")
        if session.status == SessionStatus.CANCELLED:
            event.add("status", "CANCELLED")
        else:
            event.add("status", "CONFIRMED")
        calendar.add_component(event)
    return calendar
