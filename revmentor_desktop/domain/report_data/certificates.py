"""What a certificate of participation says: who, in which role, with whom, and how much.

Each partner of a completed pair gets one, in the role the cohort calls them by: a reverse
mentor is named "Reverse mentor", because recognising the junior colleague who taught is half
the point of the programme. Pairs that are still running, or ended early, get none: the
refusal says why and what to do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from peewee import fn

from revmentor_desktop.domain import cohorts, settings
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import NotFound, RuleViolation
from revmentor_desktop.domain.queries import get_or_not_found
from revmentor_desktop.domain.report_data.pair_documents import kind_label, letterhead
from revmentor_desktop.domain.report_data.records import Letterhead
from revmentor_desktop.domain.vocabulary import PairStatus, SessionStatus, plural
from revmentor_desktop.storage.models import Cohort, Meeting, Pair, Person

SPONSOR_TITLE = "Programme sponsor"  # under a sponsor's name when no title is set
COORDINATOR_TITLE = "Programme coordinator"
DAYS_IN_MONTH = 365.25 / 12
NO_BREAK = "\u00a0"
ONE_HOUR_OR_LESS = ("1", "¼", "½", "¾")  # "½ hour together", not "½ hours"


@dataclass(frozen=True)
class Signatory:
    """Who signs the certificates: a name (may be blank: signed and named by hand) and title."""

    name: str
    title: str


@dataclass(frozen=True)
class CertificateData:
    """One person's certificate."""

    pair_id: int
    person_id: int
    name: str
    role_label: str  # as the cohort calls the role: "Reverse mentor", "Mentee"
    partner_name: str
    partner_role_label: str
    programme: str  # the cohort's name
    kind_label: str  # "Reverse mentoring"
    start_date: date | None
    end_date: date | None
    sessions_held: int
    minutes_held: int
    focus_areas: tuple[str, ...]

    @property
    def hours(self) -> str:
        """The hours spent in sessions, to the quarter hour: "4", "4½", "¾"."""
        whole, quarters = divmod(round(self.minutes_held / 15), 4)
        fraction = ("", "¼", "½", "¾")[quarters]
        return f"{whole:,}{fraction}" if whole or not fraction else fraction

    @property
    def period(self) -> str:
        """When the partnership ran, for a sentence: "from 9 Mar 2026 to 18 Dec 2026" (each
        date with no-break spaces, so that a line never ends inside one)."""
        start, end = (
            format_date(day).replace(" ", NO_BREAK) for day in (self.start_date, self.end_date)
        )
        if start and end:
            return f"from {start} to {end}"
        if start:
            return f"from {start}"
        return f"until {end}" if end else ""

    @property
    def months(self) -> int | None:
        """How many months the partnership ran (to the nearest), when both dates are known."""
        if self.start_date is None or self.end_date is None or self.end_date < self.start_date:
            return None
        return max(1, round((self.end_date - self.start_date).days / DAYS_IN_MONTH))

    @property
    def figures(self) -> tuple[tuple[str, str], ...]:
        """What the person did, in numbers: ("5", "sessions held"), ("4.5", "hours"), ..."""
        found = [
            (
                f"{self.sessions_held:,}",
                "session held" if self.sessions_held == 1 else "sessions held",
            ),
            (self.hours, "hour together" if self.hours in ONE_HOUR_OR_LESS else "hours together"),
        ]
        if (months := self.months) is not None:
            found.append((str(months), "month" if months == 1 else "months"))
        return tuple(found)


@dataclass(frozen=True)
class CertificateBatch:
    """Certificates printed together (one page each), with what every page shares."""

    letterhead: Letterhead
    certificates: tuple[CertificateData, ...]
    signatories: tuple[Signatory, ...]
    title: str  # the window's title and the file name: "Certificates – Reverse mentoring 2026"

    @property
    def contents(self) -> str:
        return plural(len(self.certificates), "certificate")


def signatories(head: Letterhead) -> tuple[Signatory, ...]:
    """The sponsor (the coordinator when no sponsor is set), and the coordinator beside them.

    With no one named, a sponsor's line is left to sign and name by hand.
    """
    sponsor = settings.get(settings.SPONSOR_NAME).strip()
    title = settings.get(settings.SPONSOR_TITLE).strip()
    coordinator = head.coordinator_name
    if not sponsor:
        if coordinator:
            return (Signatory(coordinator, title or COORDINATOR_TITLE),)
        return (Signatory("", title or SPONSOR_TITLE),)
    signing = [Signatory(sponsor, title or SPONSOR_TITLE)]
    if coordinator and coordinator.casefold() != sponsor.casefold():
        signing.append(Signatory(coordinator, COORDINATOR_TITLE))
    return tuple(signing)


def _held_sessions(pair_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """Sessions held and their minutes, by pair."""
    ids = list(pair_ids)
    query = (
        Meeting.select(Meeting.pair, fn.COUNT(Meeting.id), fn.SUM(Meeting.duration_minutes))
        .where(Meeting.pair.in_(ids) & (Meeting.status == SessionStatus.HELD.value))
        .group_by(Meeting.pair)
    )
    return {pair_id: (count, int(minutes or 0)) for pair_id, count, minutes in query.tuples()}


def _both_partners(
    pair: Pair, cohort: Cohort, mentor: Person, mentee: Person, held: tuple[int, int]
) -> tuple[CertificateData, CertificateData]:
    sessions, minutes = held

    def certificate(
        person: Person, role: str, partner: Person, partner_role: str
    ) -> CertificateData:
        return CertificateData(
            pair_id=pair.id,
            person_id=person.id,
            name=person.name,
            role_label=role,
            partner_name=partner.name,
            partner_role_label=partner_role,
            programme=cohort.name,
            kind_label=kind_label(cohort.kind),
            start_date=pair.start_date or cohort.start_date,
            end_date=pair.end_date or cohort.end_date,
            sessions_held=sessions,
            minutes_held=minutes,
            focus_areas=tuple(pair.focus_areas),
        )

    return (
        certificate(mentor, cohort.mentor_label, mentee, cohort.mentee_label),
        certificate(mentee, cohort.mentee_label, mentor, cohort.mentor_label),
    )


def _completed_pair(pair_id: int) -> tuple[Pair, Cohort, Person, Person]:
    pair = get_or_not_found(Pair, pair_id, "pair")
    mentor, mentee = Person.get_by_id(pair.mentor_id), Person.get_by_id(pair.mentee_id)
    if pair.status != PairStatus.COMPLETED:
        raise RuleViolation(_not_completed(pair_id, PairStatus(pair.status), mentor, mentee))
    return pair, Cohort.get_by_id(pair.cohort_id), mentor, mentee


def _not_completed(pair_id: int, status: PairStatus, mentor: Person, mentee: Person) -> str:
    who = f"Pair {pair_id} ({mentor.name} & {mentee.name})"
    if status is PairStatus.ENDED_EARLY:
        return (
            f"{who} ended early, so it has no certificates of participation: they are for "
            "pairs that completed the programme."
        )
    return (
        f"{who} is {status.label.lower()}, not completed: certificates of participation are "
        "for pairs that completed the programme. When the partners have finished, mark the "
        "pair completed (Pair ▸ Complete), then print its certificates."
    )


def _batch(
    certificates: Iterable[CertificateData], title: str, clock: Clock, locale_name: str | None
) -> CertificateBatch:
    head = letterhead(clock, locale_name)
    return CertificateBatch(head, tuple(certificates), signatories(head), title)


def certificates_for_pair(
    pair_id: int, clock: Clock = system_clock, locale_name: str | None = None
) -> CertificateBatch:
    """Both partners' certificates, the mentor's first."""
    pair, cohort, mentor, mentee = _completed_pair(pair_id)
    held = _held_sessions([pair_id]).get(pair_id, (0, 0))
    both = _both_partners(pair, cohort, mentor, mentee, held)
    return _batch(both, f"Certificates – {mentor.name} & {mentee.name}", clock, locale_name)


def certificate_data(
    pair_id: int, person_id: int, clock: Clock = system_clock, locale_name: str | None = None
) -> CertificateBatch:
    """One partner's certificate (to attach to a thank-you message, say)."""
    batch = certificates_for_pair(pair_id, clock, locale_name)
    mine = [item for item in batch.certificates if item.person_id == person_id]
    if not mine:
        partners = " & ".join(item.name for item in batch.certificates)
        raise NotFound(f"Person {person_id} is not a partner of pair {pair_id} ({partners}).")
    return CertificateBatch(
        batch.letterhead, tuple(mine), batch.signatories, f"Certificate – {mine[0].name}"
    )


def certificates_for_cohort(
    cohort_id: int, clock: Clock = system_clock, locale_name: str | None = None
) -> CertificateBatch:
    """A certificate for each partner of every completed pair of the cohort, by name."""
    cohort = cohorts.get_cohort_model(cohort_id)
    mentor, mentee = Person.alias("mentor"), Person.alias("mentee")
    query = (
        Pair.select(Pair, mentor, mentee)
        .join(mentor, on=(Pair.mentor == mentor.id))
        .switch(Pair)
        .join(mentee, on=(Pair.mentee == mentee.id))
        .where((Pair.cohort == cohort_id) & (Pair.status == PairStatus.COMPLETED.value))
    )
    completed = list(query)
    if not completed:
        raise NotFound(_none_completed(cohort))
    held = _held_sessions(pair.id for pair in completed)
    certificates = [
        certificate
        for pair in completed
        for certificate in _both_partners(
            pair, cohort, pair.mentor, pair.mentee, held.get(pair.id, (0, 0))
        )
    ]
    certificates.sort(key=lambda item: (item.name.casefold(), item.pair_id, item.person_id))
    return _batch(certificates, f"Certificates – {cohort.name}", clock, locale_name)


def _none_completed(cohort: Cohort) -> str:
    counts = (
        Pair.select(Pair.status, fn.COUNT(Pair.id))
        .where(Pair.cohort == cohort.id)
        .group_by(Pair.status)
        .tuples()
    )
    found = ", ".join(
        f"{count} {PairStatus(status).label.lower()}" for status, count in sorted(counts)
    )
    pairs_now = f" (its pairs: {found})" if found else " (it has no pairs yet)"
    return (
        f"The cohort “{cohort.name}” has no completed pairs{pairs_now}, so there is no one to "
        "print certificates of participation for yet. Mark each pair completed when the "
        "partners have finished (Pair ▸ Complete)."
    )
