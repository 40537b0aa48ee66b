"""Prepared e-mails: standard .eml drafts that a mail program opens ready to send."""

from __future__ import annotations

import email
import io
from datetime import datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from pypdf import PdfReader

from revmentor_desktop.domain import pairs, settings
from revmentor_desktop.domain.clock import Clock
from revmentor_desktop.domain.errors import DomainError, ValidationError
from revmentor_desktop.domain.messages import planning
from revmentor_desktop.domain.messages.history import history_of
from revmentor_desktop.domain.privacy.erasure import erase_person
from revmentor_desktop.reports import message_drafts
from revmentor_desktop.reports.message_drafts import PendingAttachment, prepare_drafts
from tests.domain.messages.helpers import address_of, programme_with_addresses
from tests.reports.programme import NOW, clock

pytestmark = pytest.mark.usefixtures("data_file")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder for the drafts (the data file lives in ``tmp_path``)."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    return drafts


def read_draft(path: Path) -> EmailMessage:
    parsed = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def attachments(message: EmailMessage) -> list[tuple[str, str, bytes]]:
    return [
        (part.get_filename() or "", part.get_content_type(), part.get_content())
        for part in message.iter_attachments()
    ]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_an_introduction_is_a_draft_per_partner_with_the_agreement_attached(
    folder: Path,
) -> None:
    programme = programme_with_addresses()
    settings.put(settings.COORDINATOR_EMAIL, "maria.lopez@nordwind.example")
    prepared = prepare_drafts("introduction", [programme.pair_id], folder, clock)
    assert [path.name for path in prepared.written] == [
        "Agnès-Dubois-introduction.eml",
        "Jörg-Müller-introduction.eml",
    ]
    draft = read_draft(prepared.written[0])
    assert draft["To"].addresses[0].addr_spec == address_of("Agnès Dubois")
    assert draft["To"].addresses[0].display_name == "Agnès Dubois"
    assert draft["From"].addresses[0].addr_spec == "maria.lopez@nordwind.example"
    assert draft["Subject"] == "Meet your mentoring partner, Jörg Müller"
    assert draft["X-Unsent"] == "1"
    assert draft["Date"].datetime.replace(tzinfo=None) == NOW
    body = draft.get_body(preferencelist=("plain",))
    assert body is not None and body.get_content().startswith("Dear Agnès,")
    [(name, kind, data)] = attachments(draft)
    assert (name, kind) == ("Agreement-Agnès-Dubois-Jörg-Müller.pdf", "application/pdf")
    assert data.startswith(b"%PDF") and "Jörg Müller" in pdf_text(data)
    assert attachments(read_draft(prepared.written[1]))[0][2] == data


def test_preparing_records_the_pairs_history_without_the_words(folder: Path) -> None:
    programme = programme_with_addresses()
    prepare_drafts("stalled", [programme.pair_id], folder, clock)
    lines = history_of(programme.pair_id)
    assert [(line.template, line.person_name, line.prepared_at) for line in lines] == [
        ("stalled", "Jörg Müller", NOW),  # newest first: the last one written
        ("stalled", "Agnès Dubois", NOW),
    ]
    assert {line.template_title for line in lines} == {"A nudge for a pair that stopped meeting"}
    assert history_of(programme.quiet_pair_id) == []


def test_an_erased_person_leaves_a_history_line_without_their_name(folder: Path) -> None:
    programme = programme_with_addresses()
    prepare_drafts("stalled", [programme.pair_id], folder, clock)
    erase_person(programme.names["Jörg Müller"], clock, scrub=False)
    names = sorted(line.person_name for line in history_of(programme.pair_id))
    assert names == ["Agnès Dubois", "someone whose data was erased"]


def test_check_in_drafts_attach_each_persons_own_fillable_form(folder: Path) -> None:
    programme = programme_with_addresses()
    prepared = prepare_drafts("check-in", [programme.pair_id], folder, clock)
    forms = [attachments(read_draft(path))[0] for path in prepared.written]
    assert [name.rsplit("-", 1)[0] for name, _kind, _data in forms] == [
        "Check-in-Agnès-Dubois",
        "Check-in-Jörg-Müller",
    ]
    for (_name, kind, data), person in zip(forms, ("Agnès Dubois", "Jörg Müller"), strict=True):
        reader = PdfReader(io.BytesIO(data))
        assert kind == "application/pdf" and reader.get_fields()
        assert person in pdf_text(data)


def test_thanks_attach_the_certificate_from_the_source_given(folder: Path) -> None:
    programme = programme_with_addresses()
    pairs.change_status(programme.pair_id, "complete", clock=clock)
    asked: list[tuple[int, int]] = []

    def certificate(pair_id: int, person_id: int, _clock: Clock) -> PendingAttachment:
        asked.append((pair_id, person_id))
        return PendingAttachment(f"Certificate-{person_id}.pdf", lambda: b"%PDF-1.4 test")

    prepared = prepare_drafts("thanks", [programme.pair_id], folder, clock, certificate)
    mentor = programme.names["Agnès Dubois"]
    assert asked == [
        (programme.pair_id, mentor),
        (programme.pair_id, programme.names["Jörg Müller"]),
    ]
    [(name, kind, data)] = attachments(read_draft(prepared.written[0]))
    assert (name, kind, data) == (f"Certificate-{mentor}.pdf", "application/pdf", b"%PDF-1.4 test")


def test_thanks_attach_each_partners_own_certificate_of_participation(folder: Path) -> None:
    programme = programme_with_addresses()
    pairs.change_status(programme.pair_id, "complete", clock=clock)
    prepared = prepare_drafts("thanks", [programme.pair_id], folder, clock)
    for path, person in zip(prepared.written, ("Agnès Dubois", "Jörg Müller"), strict=True):
        [(name, kind, data)] = attachments(read_draft(path))
        assert kind == "application/pdf" and name.endswith(".pdf")
        printed = pdf_text(data)
        assert person in printed and "CERTIFICATE" in printed.upper()


def test_thanks_for_a_pair_not_completed_are_refused_with_nothing_written(folder: Path) -> None:
    programme = programme_with_addresses()
    with pytest.raises(DomainError, match="completed"):
        prepare_drafts("thanks", [programme.pair_id], folder, clock)
    assert list(folder.iterdir()) == [] and history_of(programme.pair_id) == []


def test_an_unknown_placeholder_writes_nothing(folder: Path) -> None:
    programme = programme_with_addresses()
    settings.put(settings.MESSAGE_TEMPLATE.for_("check-in"), {"body": "Dear {firstname},"})
    with pytest.raises(ValidationError, match=r"\{firstname\} is not a placeholder"):
        prepare_drafts("check-in", [programme.pair_id], folder, clock)
    assert list(folder.iterdir()) == [] and history_of(programme.pair_id) == []


def test_an_unknown_template_writes_nothing(folder: Path) -> None:
    programme = programme_with_addresses()
    with pytest.raises(ValidationError, match="The templates are introduction, first-session"):
        prepare_drafts("welcome", [programme.pair_id], folder, clock)
    assert list(folder.iterdir()) == []


def test_two_drafts_for_one_name_get_their_own_files() -> None:
    programme = programme_with_addresses()
    plan = planning.plan_messages("stalled", [programme.pair_id])
    taken: set[str] = set()
    names = [message_drafts.draft_file_name(plan.messages[0], taken) for _ in range(2)]
    assert names == ["Agnès-Dubois-stalled.eml", "Agnès-Dubois-stalled-2.eml"]


def test_a_file_name_keeps_only_safe_characters() -> None:
    programme = programme_with_addresses()
    [message, _] = planning.plan_messages("stalled", [programme.pair_id]).messages
    odd = planning.Recipient(**{**message.recipient.__dict__, "name": 'A/B:C*"D<E>|F?'})
    renamed = planning.Message(odd, *list(message.__dict__.values())[1:])
    assert message_drafts.draft_file_name(renamed, set()) == "A-B-C-D-E-F-stalled.eml"


def test_a_single_message_opens_as_a_mailto_link() -> None:
    programme = programme_with_addresses()
    [message, _] = planning.plan_messages("stalled", [programme.pair_id]).messages
    url = message_drafts.mailto_url(message)
    assert url.startswith(f"mailto:{address_of('Agnès Dubois')}?subject=Checking%20in")
    assert "body=Dear%20Agn%C3%A8s%2C" in url


def test_draft_dates_carry_the_local_offset() -> None:
    programme = programme_with_addresses()
    [message, _] = planning.plan_messages("stalled", [programme.pair_id]).messages
    draft = message_drafts.DraftToWrite(message, None, ())
    built = message_drafts.build_email(draft, datetime(2026, 6, 15, 10, 0))
    assert "From" not in built and built["Date"].endswith(
        datetime(2026, 6, 15, 10, 0).astimezone().strftime("%z")
    )


def test_an_access_export_lists_the_emails_prepared_for_the_person(folder: Path) -> None:
    from revmentor_desktop.domain.privacy.access import access_export, access_export_csv

    programme = programme_with_addresses()
    prepare_drafts("stalled", [programme.pair_id], folder, clock)
    exported = access_export(programme.names["Agnès Dubois"], clock)
    assert exported["emails_prepared"] == [
        {"message": "stalled", "pair": programme.pair_id, "prepared": "2026-06-15 10:00"}
    ]
    assert "E-mail prepared 1,message,stalled" in access_export_csv(exported).decode("utf-8-sig")
