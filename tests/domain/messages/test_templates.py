"""Message templates: placeholders declared once, the coordinator's wording checked and kept,
and a template filled in for each partner of a pair."""

from __future__ import annotations

import pytest

from revmentor_desktop.domain import edits, settings
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.messages import planning, templates
from revmentor_desktop.domain.messages.placeholders import PLACEHOLDERS, fill, placeholders_in
from revmentor_desktop.domain.messages.templates import BUILT_IN
from revmentor_desktop.storage.models import Setting
from tests.domain.messages.helpers import NO_ADDRESS, programme_with_addresses

pytestmark = pytest.mark.usefixtures("data_file")


@pytest.mark.parametrize("name", list(BUILT_IN))
def test_built_in_templates_use_only_declared_placeholders(name: str) -> None:
    template = BUILT_IN[name]
    used = placeholders_in(template.subject) + placeholders_in(template.body)
    assert used and set(used) <= set(PLACEHOLDERS)


def test_a_placeholder_fills_and_double_braces_write_a_brace() -> None:
    assert fill("Hi {first_name} {{not this}}", {"first_name": "Agnès"}) == "Hi Agnès {not this}"


def test_a_template_with_an_unknown_placeholder_is_refused_naming_it_and_the_known_ones() -> None:
    with pytest.raises(ValidationError) as refused:
        templates.save_template("introduction", "Hello {frist_name}", "Dear {first_name},")
    message = refused.value.problems["subject"]
    assert "{frist_name} is not a placeholder" in message
    assert "{first_name}" in message and "{coordinator_contact}" in message
    assert templates.is_default("introduction")
    assert not Setting.select().where(Setting.key.startswith("messages.")).exists()


def test_an_unbalanced_brace_is_refused_in_plain_words() -> None:
    with pytest.raises(ValidationError, match=r"has no partner"):
        templates.save_template("thanks", "Thank you {first_name", "Dear {first_name},")


def test_an_unknown_template_name_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ValidationError) as refused:
        templates.find_template("welcome")
    assert refused.value.problems["template"] == (
        "There is no message template called “welcome”. The templates are introduction, "
        "first-session, stalled, check-in, thanks."
    )


def test_the_coordinators_wording_is_kept_and_reset_to_the_default() -> None:
    default = BUILT_IN["stalled"]
    edit = edits.change_message_template("stalled", "Shall we pick up again?", default.body)
    changed = templates.find_template("stalled")
    assert (changed.subject, changed.body) == ("Shall we pick up again?", default.body)
    stored = settings.get(settings.MESSAGE_TEMPLATE.for_("stalled"))
    assert stored == {"subject": "Shall we pick up again?", "body": ""}  # only what differs
    edits.undo(edit)
    assert templates.is_default("stalled")
    edits.redo(edit)
    edits.reset_message_template("stalled")
    assert templates.find_template("stalled").subject == default.subject


def test_each_partner_gets_the_template_filled_in_with_their_own_facts() -> None:
    programme = programme_with_addresses()
    plan = planning.plan_messages("introduction", [programme.pair_id])
    agnes, jorg = plan.messages
    assert agnes.recipient.name == "Agnès Dubois" and jorg.recipient.name == "Jörg Müller"
    assert agnes.subject == "Meet your mentoring partner, Jörg Müller"
    assert agnes.body.startswith("Dear Agnès,\n\nI am delighted to introduce you to Jörg Müller")
    assert "Starting: 9 Mar 2026" in agnes.body
    assert agnes.body.endswith("Maria López\nmentoring@nordwind.example · ext. 4711\n")
    assert "Dear Jörg," in jorg.body and "{" not in jorg.body


def test_people_without_an_address_are_named_not_skipped_silently() -> None:
    programme = programme_with_addresses()
    plan = planning.plan_messages("first-session", [programme.quiet_pair_id])
    assert [m.recipient.name for m in plan.messages] == ["Siobhán Ó Súilleabháin"]
    [line] = plan.missing_email_lines()
    assert line.startswith(f"{NO_ADDRESS} (Mentee, pair {programme.quiet_pair_id}) has no e-mail")


def test_a_stored_wording_with_an_unknown_placeholder_is_refused_before_planning() -> None:
    programme = programme_with_addresses()
    settings.put(settings.MESSAGE_TEMPLATE.for_("stalled"), {"subject": "Hi {nickname}"})
    with pytest.raises(ValidationError, match=r"\{nickname\} is not a placeholder"):
        planning.plan_messages("stalled", [programme.pair_id])


def test_a_message_for_other_pairs_is_refused_for_this_one() -> None:
    programme = programme_with_addresses()
    with pytest.raises(ValidationError, match=r"is active; the “thanks” message is for completed"):
        planning.plan_messages("thanks", [programme.pair_id])


def test_a_cohort_nudge_goes_to_the_pairs_that_need_it() -> None:
    programme = programme_with_addresses()
    not_met = planning.cohort_pairs("first-session", programme.cohort_id)
    assert programme.quiet_pair_id in not_met and programme.pair_id not in not_met
    assert planning.cohort_pairs("thanks", programme.cohort_id) == []


def test_the_suggested_template_follows_the_pair() -> None:
    programme = programme_with_addresses()
    assert planning.suggested_template(programme.quiet_pair_id) == "first-session"


def test_first_names() -> None:
    assert planning.first_name("Agnès Dubois") == "Agnès"
    assert planning.first_name("Dubois, Agnès") == "Agnès"
    assert planning.first_name("김민준") == "김민준"
