"""The message templates: built-in wording written for this app, and the coordinator's own.

Each template is known by a short name (the command line's ``--template``) and says what it
attaches. The coordinator may reword a template's subject and body; only what differs from the
built-in wording is stored (in the data file's settings), so Reset to default is forgetting it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.messages.placeholders import placeholder_problem
from revmentor_desktop.domain.vocabulary import PairStatus

LONGEST_SUBJECT = 200
LONGEST_BODY = 10_000
SHORT_LINE = 60  # a line of the built-in wording this short is kept on its own


class Attachment(StrEnum):
    """What goes with a message: nothing, or a document made for the pair or the person."""

    NONE = "none"
    AGREEMENT = "agreement"  # the pair's agreement, the same PDF for both partners
    CHECK_IN_FORM = "check-in form"  # the person's own fillable questionnaire
    CERTIFICATE = "certificate"  # the person's certificate of participation


@dataclass(frozen=True)
class MessageTemplate:
    name: str
    title: str  # as lists show it
    purpose: str  # when to use it, one sentence
    subject: str
    body: str
    attachment: Attachment
    statuses: tuple[PairStatus, ...]  # the pairs of a cohort it goes to


_SIGN_OFF = """
With best wishes,
{coordinator_name}
{coordinator_contact}
"""


def _unwrapped(body: str) -> str:
    """The wording as a mail program should wrap it: the lines of a paragraph joined (they are
    broken here only to fit the source), short lines (facts, a sign-off) kept as they are."""
    paragraphs = []
    for paragraph in body.strip().split("\n\n"):
        lines = paragraph.split("\n")
        long_lines = any(len(line) > SHORT_LINE for line in lines)
        paragraphs.append(" ".join(lines) if long_lines else paragraph)
    return "\n\n".join(paragraphs)


def _template(
    name: str,
    title: str,
    purpose: str,
    subject: str,
    body: str,
    attachment: Attachment,
    *statuses: PairStatus,
) -> MessageTemplate:
    text = _unwrapped(body.strip() + "\n" + _SIGN_OFF)
    return MessageTemplate(name, title, purpose, subject, text, attachment, statuses)


BUILT_IN: dict[str, MessageTemplate] = {
    template.name: template
    for template in (
        _template(
            "introduction",
            "Introducing a new pair",
            "Tells each partner who they are paired with; their agreement is attached.",
            "Meet your mentoring partner, {partner_name}",
            """
Dear {first_name},

I am delighted to introduce you to {partner_name}, your partner in {cohort}. You take part as
{role}, and {partner_first_name} as {partner_role}.

Please get in touch with each other in the next few days and find a time for a first meeting.
An hour somewhere quiet, or on a video call, is plenty to get to know each other and agree how
you would like to work together.

Your pairing agreement is attached. Have a read before you meet, talk it through at your first
meeting and sign it together. It sets out what stays between the two of you, how often you
mean to meet and how either of you can end the partnership at any time, without fault.

Your partner: {partner_name} ({partner_role})
Starting: {start_date}
Meeting: {cadence}

If anything is unclear, or the pairing does not feel right, just reply to this e-mail.
""",
            Attachment.AGREEMENT,
            PairStatus.PROPOSED,
            PairStatus.ACTIVE,
        ),
        _template(
            "first-session",
            "A nudge before the first session",
            "For a pair that has not met yet: a friendly reminder to book the first meeting.",
            "Your first meeting with {partner_first_name}",
            """
Dear {first_name},

A quick, friendly note: I have not yet seen a first meeting between you and {partner_name} in
{cohort}, and the first one is often the hardest to get into the diary.

Could you suggest two or three times to {partner_first_name} this week? Thirty minutes is
enough to start: say what each of you hopes to get from the programme and agree when to meet
next. There is no need to prepare anything else.

If something is getting in the way, whether it is time, the format or the pairing itself,
reply to me and we will sort it out together, in confidence.
""",
            Attachment.NONE,
            PairStatus.ACTIVE,
        ),
        _template(
            "stalled",
            "A nudge for a pair that stopped meeting",
            "For a pair that has not met for a while (Today lists them): an invitation to "
            "pick up again, or to talk.",
            "Checking in: how are things with {partner_first_name}?",
            """
Dear {first_name},

I hope you are well. I noticed that no session between you and {partner_name} has been
logged since {last_meeting}. That is completely normal: diaries fill up, and mentoring is
often the first thing to slip.

Could you find half an hour with {partner_first_name} in the next two weeks? Even a short
catch-up keeps things going, and you had planned to meet {cadence}.

If it is not working for you, that is fine too. Reply to me and we can change how you meet,
take a break, or end the partnership without fault. Nobody will hold it against either of you.
""",
            Attachment.NONE,
            PairStatus.ACTIVE,
        ),
        _template(
            "check-in",
            "Check-in questionnaire",
            "Sends each partner their own fillable check-in questionnaire.",
            "{cohort}: a five-minute check-in",
            """
Dear {first_name},

You are well into your partnership with {partner_name}, and this is a good moment to take
stock. Attached is a short questionnaire just for you: it takes about five minutes.

Open it in any PDF reader, fill it in, save it and send it back to me as a reply to this
e-mail. If you prefer paper, print it, tick the boxes and hand it to me.

Your answers help us see what the programme gives people and what to improve. Figures are
only ever reported for groups of people, never for you alone, and anything you write in the
boxes stays with me. You can leave out any question.

Please send it back by: {due_date}
""",
            Attachment.CHECK_IN_FORM,
            PairStatus.PROPOSED,
            PairStatus.ACTIVE,
            PairStatus.PAUSED,
        ),
        _template(
            "thanks",
            "Thank you, with the certificate",
            "Thanks each partner of a completed pair; their certificate is attached.",
            "Thank you for taking part in {cohort}",
            """
Dear {first_name},

Your partnership with {partner_name} in {cohort} has come to an end, and I want to say thank
you. Over {sessions_held} you gave each other time, attention and honesty, and that is what
makes mentoring work.

Attached is your certificate of participation as {role}. I hope you will keep some of the
conversations going, and that you will tell colleagues what you got from it.

If you have a moment, I would love to hear what worked and what we could do better next time:
just reply to this e-mail.
""",
            Attachment.CERTIFICATE,
            PairStatus.COMPLETED,
        ),
    )
}


def template_names() -> tuple[str, ...]:
    return tuple(BUILT_IN)


def _unknown_template(name: str) -> ValidationError:
    known = ", ".join(template_names())
    return ValidationError(
        {"template": f"There is no message template called “{name}”. The templates are {known}."}
    )


def default_template(name: str) -> MessageTemplate:
    """The built-in wording of ``name``; an unknown name is refused, naming the known ones."""
    if name not in BUILT_IN:
        raise _unknown_template(name)
    return BUILT_IN[name]


def find_template(name: str) -> MessageTemplate:
    """The template ``name`` as the coordinator last worded it (or the built-in wording)."""
    default = default_template(name)
    stored = settings.get(settings.MESSAGE_TEMPLATE.for_(name))
    subject = str(stored.get("subject") or "").strip() or default.subject
    body = str(stored.get("body") or "").strip() or default.body
    return MessageTemplate(
        default.name,
        default.title,
        default.purpose,
        subject,
        body,
        default.attachment,
        default.statuses,
    )


def all_templates() -> list[MessageTemplate]:
    return [find_template(name) for name in template_names()]


def wording_problems(subject: str, body: str) -> dict[str, str]:
    """What is wrong with a template's wording, by part ("subject", "body"); {} when fine."""
    problems: dict[str, str] = {}
    for part, text, longest in (
        ("subject", subject, LONGEST_SUBJECT),
        ("body", body, LONGEST_BODY),
    ):
        if not text.strip():
            problems[part] = f"The {part} cannot be empty; reset it to the default instead."
        elif len(text) > longest:
            problems[part] = f"The {part} is {len(text):,} characters long; keep it to {longest:,}."
        elif "\n" in text.strip() and part == "subject":
            problems[part] = "The subject must be one line."
        elif problem := placeholder_problem(text, part):
            problems[part] = problem
    return problems


def save_template(name: str, subject: str, body: str) -> None:
    """Store the coordinator's wording of ``name``; refused (nothing stored) when it names a
    placeholder that is not declared. Wording equal to the default is not stored."""
    default = default_template(name)
    if problems := wording_problems(subject, body):
        raise ValidationError(problems)
    stored = {
        "subject": "" if subject.strip() == default.subject else subject.strip(),
        "body": "" if body.strip() == default.body else body.strip(),
    }
    setting = settings.MESSAGE_TEMPLATE.for_(name)
    if stored["subject"] or stored["body"]:
        settings.put(setting, stored)
    else:
        settings.reset(setting)


def reset_template(name: str) -> None:
    default_template(name)  # refuses an unknown name
    settings.reset(settings.MESSAGE_TEMPLATE.for_(name))


def is_default(name: str) -> bool:
    template = find_template(name)
    default = default_template(name)
    return (template.subject, template.body) == (default.subject, default.body)
