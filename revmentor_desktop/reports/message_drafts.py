"""E-mail drafts: each planned message as a standard ``.eml`` file, with its attachment.

The drafts are marked unsent, so a mail program opens them ready to send: ``X-Unsent: 1`` makes
Outlook (Windows and Mac) and Apple Mail open the file as a new message, and
``X-Mozilla-Draft-Info`` makes Thunderbird treat it as a draft it can edit and send. Nothing is
sent from here: the app never connects to anything.

Making drafts takes two steps, so the window can draw in a worker thread: ``gather_drafts``
reads the data file (and issues the check-in forms it attaches); ``write_drafts`` only draws
the attachments and writes the files.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

from revmentor_desktop.domain import report_data, settings
from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.errors import DomainError
from revmentor_desktop.domain.messages.history import record_prepared
from revmentor_desktop.domain.messages.planning import (
    Message,
    MessagePlan,
    Recipient,
    issue_check_in_forms,
    plan_messages,
)
from revmentor_desktop.domain.messages.templates import Attachment
from revmentor_desktop.domain.outcomes.forms import FormToFill
from revmentor_desktop.reports import outcome_form, registry
from revmentor_desktop.reports.base import Progress
from revmentor_desktop.storage.files import write_atomically

DRAFT_SUFFIX = ".eml"
LONGEST_FILE_STEM = 100
# What Thunderbird writes in its own drafts: open the message as a draft to edit and send.
THUNDERBIRD_DRAFT = "internal/draft; vcard=0; receipt=0; DSN=0; uuencode=0"


@dataclass(frozen=True)
class PendingAttachment:
    """An attachment gathered and ready to draw: ``draw`` reads nothing from the data file."""

    file_name: str
    draw: Callable[[], bytes]
    media_type: str = "application/pdf"


@dataclass(frozen=True)
class DraftToWrite:
    message: Message
    sender: Address | None  # the coordinator, when the settings give their e-mail
    attachments: tuple[PendingAttachment, ...]


# Gathers one person's certificate: (pair id, person id, clock) -> the attachment to draw.
CertificateSource = Callable[[int, int, Clock], PendingAttachment]


class CertificatesUnavailable(DomainError):
    pass


def default_certificates() -> CertificateSource | None:
    """Where the thank-you message's certificates come from when the caller names no source:
    the person's own certificate of participation (reports/certificate.py)."""
    return _certificate


def _certificate(pair_id: int, person_id: int, clock: Clock) -> PendingAttachment:
    """One partner's certificate: gathered now, drawn when the draft is written."""
    document = registry.Document(
        registry.CERTIFICATES, report_data.certificate_data(pair_id, person_id, clock)
    )

    def draw() -> bytes:
        buffer = io.BytesIO()
        document.render(buffer)
        return buffer.getvalue()

    return PendingAttachment(document.file_name, draw)


def gather_drafts(
    plan: MessagePlan,
    clock: Clock = system_clock,
    certificates: CertificateSource | None = None,
) -> list[DraftToWrite]:
    """Every message of ``plan`` with its attachment gathered (reads the data file; a check-in
    form is issued here, as "Make questionnaire forms" issues it)."""
    attach = _attachments_for(plan, clock, certificates or default_certificates())
    sender = _sender()
    return [DraftToWrite(message, sender, attach(message.recipient)) for message in plan.messages]


def _attachments_for(
    plan: MessagePlan, clock: Clock, certificates: CertificateSource | None
) -> Callable[[Recipient], tuple[PendingAttachment, ...]]:
    kind = plan.template.attachment
    if kind is Attachment.AGREEMENT:
        agreements = {
            pair_id: _agreement(pair_id, clock)
            for pair_id in dict.fromkeys(m.recipient.pair_id for m in plan.messages)
        }
        return lambda recipient: (agreements[recipient.pair_id],)
    if kind is Attachment.CHECK_IN_FORM:
        forms = _check_in_forms(plan, clock)
        return lambda recipient: (forms[(recipient.pair_id, recipient.person_id)],)
    if kind is Attachment.CERTIFICATE:
        if certificates is None:
            raise CertificatesUnavailable(
                "Certificates of participation cannot be made here yet, so the thank-you "
                "message cannot attach them; nothing was written."
            )
        return lambda recipient: (certificates(recipient.pair_id, recipient.person_id, clock),)
    return lambda _recipient: ()


def _agreement(pair_id: int, clock: Clock) -> PendingAttachment:
    """The pair's agreement, drawn once for both partners."""
    document = registry.AGREEMENT.gather_document(pair_id, registry.Request(clock=clock))

    @functools.cache
    def draw() -> bytes:
        buffer = io.BytesIO()
        document.render(buffer)
        return buffer.getvalue()

    return PendingAttachment(document.file_name, draw)


def _check_in_forms(plan: MessagePlan, clock: Clock) -> dict[tuple[int, int], PendingAttachment]:
    """Each recipient's own check-in form, by (pair, person)."""
    head = report_data.letterhead(clock)
    return {
        key: _form_attachment(form, head)
        for key, form in issue_check_in_forms(plan.messages, clock).items()
    }


def _form_attachment(form: FormToFill, head: report_data.Letterhead) -> PendingAttachment:
    def draw() -> bytes:
        buffer = io.BytesIO()
        outcome_form.render_form(form, head, buffer)
        return buffer.getvalue()

    return PendingAttachment(outcome_form.form_file_name(form), draw)


def _sender() -> Address | None:
    email = settings.get(settings.COORDINATOR_EMAIL).strip()
    if not email:
        return None
    return Address(settings.get(settings.COORDINATOR_NAME).strip(), addr_spec=email)


def build_email(draft: DraftToWrite, when: datetime) -> EmailMessage:
    """The draft as a standard message: plain text, attachments, marked unsent."""
    recipient = draft.message.recipient
    message = EmailMessage(policy=policy.SMTP)
    if draft.sender is not None:
        message["From"] = draft.sender
    try:
        message["To"] = Address(recipient.name, addr_spec=recipient.email)
    except (ValueError, IndexError):
        raise DomainError(
            f"The e-mail address of {recipient.name}, “{recipient.email}”, cannot be used in a "
            "message; correct it on their record. Nothing was written."
        ) from None
    message["Subject"] = draft.message.subject
    message["Date"] = format_datetime(when.astimezone())
    message["X-Unsent"] = "1"
    message["X-Mozilla-Draft-Info"] = THUNDERBIRD_DRAFT
    message.set_content(draft.message.body)
    for attachment in draft.attachments:
        main, sub = attachment.media_type.split("/")
        message.add_attachment(
            attachment.draw(), maintype=main, subtype=sub, filename=attachment.file_name
        )
    return message


def draft_file_name(message: Message, taken: set[str]) -> str:
    """``Agnès-Dubois-introduction.eml``: the person and the template, safe in any folder; a
    second message for the same name gets ``-2``. ``taken`` is updated (compared case-blind,
    as Windows and macOS folders do)."""
    words = f"{message.recipient.name} {message.template}"
    kept = "".join(char if char.isalnum() or char in " -_" else " " for char in words)
    stem = ("-".join(kept.split()) or "message")[:LONGEST_FILE_STEM]
    name, number = f"{stem}{DRAFT_SUFFIX}", 1
    while name.casefold() in taken:
        number += 1
        name = f"{stem}-{number}{DRAFT_SUFFIX}"
    taken.add(name.casefold())
    return name


def write_drafts(
    drafts: Sequence[DraftToWrite],
    folder: Path,
    clock: Clock = system_clock,
    progress: Progress | None = None,
) -> list[Path]:
    """One ``.eml`` per draft in ``folder`` (each written whole or not at all); the paths."""
    when = clock()
    taken: set[str] = set()
    written = []
    for index, draft in enumerate(drafts):
        if progress is not None:
            progress(index, len(drafts))
        path = folder / draft_file_name(draft.message, taken)
        write_atomically(path, build_email(draft, when).as_bytes())
        written.append(path)
    return written


def mailto_url(message: Message) -> str:
    """A ``mailto:`` link for one message without attachments (a link cannot carry them)."""
    fields = f"subject={quote(message.subject)}&body={quote(message.body)}"
    return f"mailto:{quote(message.recipient.email, safe='@')}?{fields}"


@dataclass(frozen=True)
class PreparedDrafts:
    plan: MessagePlan
    written: tuple[Path, ...]


def prepare_drafts(
    template_name: str,
    pair_ids: Sequence[int],
    folder: Path,
    clock: Clock = system_clock,
    certificates: CertificateSource | None = None,
) -> PreparedDrafts:
    """Plan, gather, write and record in one go (the command line; the window runs the same
    steps with the drawing in a worker thread). Refusals come before anything is written."""
    plan = plan_messages(template_name, pair_ids)
    drafts = gather_drafts(plan, clock, certificates)
    written = write_drafts(drafts, folder, clock)
    record_prepared(plan.messages, clock)
    return PreparedDrafts(plan, tuple(written))
