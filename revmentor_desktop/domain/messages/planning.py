"""Filling a template for the partners of some pairs: one message per person, each with what
it attaches, and the people it cannot go to (no e-mail address) named rather than left out.

Planning only reads the data file. The reports layer draws the attachments and writes the
drafts (``reports.message_drafts``); ``history.record_prepared`` then notes what was prepared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from peewee import fn

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.dates import format_date
from revmentor_desktop.domain.errors import DomainError, NotFound, ValidationError
from revmentor_desktop.domain.health import HealthLevel, pair_health
from revmentor_desktop.domain.messages.placeholders import fill, placeholder_problem
from revmentor_desktop.domain.messages.templates import (
    Attachment,
    MessageTemplate,
    find_template,
)
from revmentor_desktop.domain.outcomes import checkins
from revmentor_desktop.domain.outcomes.forms import FormToFill, issue_forms
from revmentor_desktop.domain.outcomes.questions import Questionnaire
from revmentor_desktop.domain.vocabulary import PairStatus, SessionStatus, cadence_phrase, plural
from revmentor_desktop.storage.models import Cohort, Meeting, OutcomeForm, Pair, Person

MENTOR, MENTEE = "mentor", "mentee"
NOT_AGREED = "to be agreed"


@dataclass(frozen=True)
class Recipient:
    pair_id: int
    person_id: int
    name: str
    email: str  # "" when the data file has none
    role: str  # mentor / mentee, as in the pair
    role_label: str  # as the cohort calls it
    partner_name: str
    cohort_id: int


@dataclass(frozen=True)
class Message:
    """One filled-in message for one person; its attachment is drawn later, by kind."""

    recipient: Recipient
    template: str  # the template's name
    subject: str
    body: str
    attachment: Attachment


@dataclass(frozen=True)
class MessagePlan:
    template: MessageTemplate
    messages: tuple[Message, ...]  # for people with an e-mail address
    without_email: tuple[Recipient, ...]  # named to the coordinator, no draft written

    def missing_email_lines(self) -> list[str]:
        """One sentence per person without an address, saying what to do."""
        return [
            f"{person.name} ({person.role_label}, pair {person.pair_id}) has no e-mail address: "
            "no draft was written for them. Add their address on their record, then prepare "
            "again."
            for person in self.without_email
        ]


@dataclass(frozen=True)
class _PairFacts:
    pair: Pair
    cohort: Cohort
    last_held: date | None
    sessions_held: int


def first_name(name: str) -> str:
    """The first word of a name ("Agnes" of "Agnes Dubois"; "Agnes" of "Dubois, Agnes")."""
    given = name.split(",", 1)[1] if "," in name else name
    words = given.split()
    return words[0] if words else name.strip()


def _facts(pair_ids: Sequence[int]) -> list[_PairFacts]:
    pairs = {
        pair.id: pair
        for pair in Pair.select(Pair, Cohort).join(Cohort).where(Pair.id.in_(list(pair_ids)))
    }
    if missing := [pair_id for pair_id in pair_ids if pair_id not in pairs]:
        raise NotFound(f"There is no pair {missing[0]}; `revmentor` lists pairs by number.")
    held = {
        pair_id: (last, count)
        for pair_id, last, count in Meeting.select(
            Meeting.pair, fn.MAX(Meeting.starts_at), fn.COUNT(Meeting.id)
        )
        .where(Meeting.pair.in_(list(pair_ids)) & (Meeting.status == SessionStatus.HELD.value))
        .group_by(Meeting.pair)
        .tuples()
    }
    facts = []
    for pair_id in pair_ids:
        last, count = held.get(pair_id, (None, 0))
        last_day = last.date() if hasattr(last, "date") else _day(last)
        facts.append(_PairFacts(pairs[pair_id], pairs[pair_id].cohort, last_day, count))
    return facts


def _day(value: object) -> date | None:
    """A date from SQLite's text, as an aggregate returns it without peewee's conversion."""
    return date.fromisoformat(str(value)[:10]) if value else None


def _programme_values() -> dict[str, str]:
    """The values every message of a plan shares: the organisation and the coordinator."""
    return {
        "organisation": settings.get(settings.ORGANISATION_NAME).strip() or "our organisation",
        "coordinator_name": settings.get(settings.COORDINATOR_NAME).strip()
        or "The programme coordinator",
        "coordinator_contact": settings.get(settings.COORDINATOR_CONTACT).strip(),
    }


def _values(facts: _PairFacts, person: Person, partner: Person, role: str) -> dict[str, str]:
    cohort, pair = facts.cohort, facts.pair
    labels = {MENTOR: cohort.mentor_label, MENTEE: cohort.mentee_label}
    partner_role = MENTEE if role == MENTOR else MENTOR
    due = checkins.due_dates(cohort.id).get(Questionnaire.CHECKIN)
    return {
        "first_name": first_name(person.name),
        "full_name": person.name,
        "role": labels[role],
        "partner_name": partner.name,
        "partner_first_name": first_name(partner.name),
        "partner_role": labels[partner_role],
        "cohort": cohort.name,
        "start_date": format_date(pair.start_date, NOT_AGREED),
        "end_date": format_date(pair.end_date, NOT_AGREED),
        "due_date": format_date(due, "whenever suits you"),
        "cadence": cadence_phrase(cohort.cadence_days),
        "last_meeting": format_date(facts.last_held, "you started"),
        "sessions_held": plural(facts.sessions_held, "session"),
    }


def _checked(template: MessageTemplate) -> None:
    """Refuse a stored wording with an unknown placeholder (written by hand or an older
    version) before anything is written."""
    problems = {
        part: problem
        for part, text in (("subject", template.subject), ("body", template.body))
        if (problem := placeholder_problem(text, f"{part} of the “{template.name}” template"))
    }
    if problems:
        raise ValidationError(problems)


def _refuse_status(template: MessageTemplate, facts: list[_PairFacts]) -> None:
    for fact in facts:
        status = PairStatus(fact.pair.status)
        if status not in template.statuses:
            labels = [state.label.lower() for state in template.statuses]
            goes_to = " or ".join(
                [", ".join(labels[:-1]), labels[-1]] if len(labels) > 1 else labels
            )
            raise ValidationError(
                {
                    "pair": f"Pair {fact.pair.id} is {status.label.lower()}; the "
                    f"“{template.name}” message is for {goes_to} pairs. Nothing was written."
                }
            )


def plan_messages(template_name: str, pair_ids: Sequence[int]) -> MessagePlan:
    """The template filled in for both partners of each pair, in the order given.

    Refused (ValidationError, nothing written anywhere) for an unknown template, a wording
    with an unknown placeholder, or a pair the template is not for (a thank-you to a pair
    still meeting)."""
    template = find_template(template_name)
    _checked(template)
    facts = _facts(list(dict.fromkeys(pair_ids)))
    _refuse_status(template, facts)
    programme = _programme_values()
    messages: list[Message] = []
    without_email: list[Recipient] = []
    for fact in facts:
        pair = fact.pair
        for role, person, partner in (
            (MENTOR, pair.mentor, pair.mentee),
            (MENTEE, pair.mentee, pair.mentor),
        ):
            values = {**_values(fact, person, partner, role), **programme}
            recipient = Recipient(
                pair.id,
                person.id,
                person.name,
                (person.email or "").strip(),
                role,
                values["role"],
                partner.name,
                fact.cohort.id,
            )
            if not recipient.email:
                without_email.append(recipient)
                continue
            subject = " ".join(fill(template.subject, values).split())
            body = _tidy(fill(template.body, values))
            messages.append(Message(recipient, template.name, subject, body, template.attachment))
    return MessagePlan(template, tuple(messages), tuple(without_email))


def _tidy(body: str) -> str:
    """Lines without trailing spaces and no blank lines at the end (an empty contact line)."""
    return "\n".join(line.rstrip() for line in body.splitlines()).strip() + "\n"


def cohort_pairs(template_name: str, cohort_id: int, clock: Clock = system_clock) -> list[int]:
    """The pairs of a cohort a template goes to: those of its statuses and, for the nudges,
    those that need one (no first session yet; no session for longer than their rhythm)."""
    template = find_template(template_name)
    cohort = Cohort.get_or_none(Cohort.id == cohort_id)
    if cohort is None:
        raise NotFound("That cohort no longer exists.")
    statuses = [status.value for status in template.statuses]
    pair_ids = [
        pair_id
        for (pair_id,) in Pair.select(Pair.id)
        .where((Pair.cohort == cohort_id) & Pair.status.in_(statuses))
        .order_by(Pair.id)
        .tuples()
    ]
    if template.name in ("first-session", "stalled") and pair_ids:
        today = clock().date()
        facts = _facts(pair_ids)
        pair_ids = [fact.pair.id for fact in facts if _needs_nudge(template.name, fact, today)]
    return pair_ids


def _needs_nudge(name: str, fact: _PairFacts, today: date) -> bool:
    if name == "first-session":
        return fact.last_held is None
    health = pair_health(
        fact.pair.status, fact.pair.start_date, fact.last_held, fact.cohort.cadence_days, today
    )
    return fact.last_held is not None and health.level in (HealthLevel.AMBER, HealthLevel.RED)


def suggested_template(pair_id: int, clock: Clock = system_clock) -> str:
    """The template that fits a pair now: an introduction before it starts, a nudge when it
    has not met or stopped meeting, thanks when it is completed, else a check-in."""
    [fact] = _facts([pair_id])
    status = PairStatus(fact.pair.status)
    if status is PairStatus.COMPLETED:
        return "thanks"
    if status is PairStatus.ACTIVE and fact.last_held is None:
        return "first-session"
    if status is PairStatus.ACTIVE and _needs_nudge("stalled", fact, clock().date()):
        return "stalled"
    if status in (PairStatus.ACTIVE, PairStatus.PAUSED):
        return "check-in"
    return "introduction"


def issue_check_in_forms(
    messages: Sequence[Message], clock: Clock = system_clock
) -> dict[tuple[int, int], FormToFill]:
    """Each recipient's own check-in form by (pair, person), issued as "Make questionnaire
    forms" issues it (a form sent before and not answered is sent again as it was)."""
    wanted: dict[int, set[tuple[int, int]]] = {}  # cohort -> (pair, person)
    for message in messages:
        recipient = message.recipient
        wanted.setdefault(recipient.cohort_id, set()).add((recipient.pair_id, recipient.person_id))
    found: dict[tuple[int, int], FormToFill] = {}
    for cohort_id, keys in wanted.items():
        people = sorted({person_id for _pair_id, person_id in keys})
        issued = issue_forms(cohort_id, Questionnaire.CHECKIN, people, clock=clock)
        pair_of = dict(
            OutcomeForm.select(OutcomeForm.id, OutcomeForm.pair)
            .where(OutcomeForm.id.in_([form.form_id for form in issued]))
            .tuples()
        )
        for form in issued:
            if (key := (pair_of[form.form_id], form.person_id)) in keys:
                found[key] = form
    missing = [
        m.recipient for m in messages if (m.recipient.pair_id, m.recipient.person_id) not in found
    ]
    if missing:
        raise DomainError(
            f"{missing[0].name} (pair {missing[0].pair_id}) is not due a check-in form; "
            "nothing was written."
        )
    return found
