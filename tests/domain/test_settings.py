"""Settings of the data file: declared once, checked when stored, robust to bad stored values."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest

from revmentor_desktop.domain import settings
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.settings import DataSetting
from revmentor_desktop.storage.models import Setting

pytestmark = pytest.mark.usefixtures("data_file")

PACKAGE = Path(__file__).parents[2] / "revmentor_desktop"
SVG_LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10"><rect/></svg>'

# For every declared setting: a good value other than its default, and values it refuses.
EXAMPLES: dict[str, tuple[Any, list[Any]]] = {
    "documents.organisation_name": (
        "Nordwind Logistik GmbH",
        [42, None, ["Nordwind"], " ", "N" * 201],
    ),
    "documents.logo": (
        {"media_type": "image/svg+xml", "data": base64.b64encode(SVG_LOGO).decode()},
        [
            True,
            {"media_type": "image/png", "data": base64.b64encode(SVG_LOGO).decode()},
            {"media_type": "image/gif", "data": "R0lGODlh"},
            {"media_type": "image/svg+xml", "data": "not base64!"},
            {"media_type": "image/svg+xml"},
        ],
    ),
    "documents.page_size": ("letter", ["A5", 4]),
    "documents.coordinator_name": ("Maria López", [7, "M" * 201]),
    "documents.coordinator_contact": ("mentoring@nordwind.example · ext. 4711", [None]),
    "documents.sponsor_name": ("Dr. Katrin Weber", [7, "K" * 201]),
    "documents.sponsor_title": ("Chief Executive Officer", [None, "C" * 201]),
    "reports.anonymity_threshold": (8, [2, 51, "5", 5.0]),
    "documents.agreement_version": ("2.1", ["  ", 2.1]),
    "documents.agreement.{}": (
        {"heading": "Confidentiality", "body": "What is said stays here."},
        [{"heading": 3}, {"title": "x"}, "text"],
    ),
    "messages.template.{}": (
        {"subject": "Hello {first_name}", "body": "Dear {first_name},"},
        [{"subject": 3}, {"greeting": "Hi"}, "Hello"],
    ),
    "calendar.timezone": ("Europe/Berlin", ["Mars/Olympus", 1]),
    "calendar.uid_domain": ("3f9a0c1d22e4", [12]),
    "calendar.coordinator_email": ("maria.schmidt@example.org", ["Maria Schmidt", 3]),
    "privacy.retention_months": (36, [0, 241, "24", True]),
    "privacy.consent_wording_version": ("Consent form v2", [2]),
    "matching.rules.{}": ({"weights": {"department": "off"}}, [["department"], "off"]),
    "matching.kind.{}": (
        {"weights": {"skills": "medium"}},
        [{"weights": ["skills"]}, {"levels": 2}, {"weights": {"skills": 3}}],
    ),
    "import.mapping.{}": (["name", None, "email"], [[1, 2], {"name": 0}]),
}


def member(setting: DataSetting[Any]) -> DataSetting[Any]:
    return setting.for_("7") if setting.is_template else setting


def test_every_declared_setting_has_examples_here() -> None:
    assert sorted(setting.key for setting in settings.DECLARED) == sorted(EXAMPLES)


@pytest.mark.parametrize("setting", settings.DECLARED, ids=lambda setting: setting.key)
def test_every_setting_round_trips_and_reads_its_default_until_stored(
    setting: DataSetting[Any],
) -> None:
    good, _bad = EXAMPLES[setting.key]
    assert isinstance(setting.default, setting.kind)
    assert setting.problem(good) == ""
    settings.reset(member(setting))  # opening the file stores the calendar identity
    assert settings.get(member(setting)) == setting.default
    settings.put(member(setting), good)
    settings.put(member(setting), good)  # storing again updates the one row
    assert settings.get(member(setting)) == good
    assert Setting.select().where(Setting.key == member(setting).key).count() == 1
    settings.reset(member(setting))
    assert settings.get(member(setting)) == setting.default


@pytest.mark.parametrize("setting", settings.DECLARED, ids=lambda setting: setting.key)
def test_bad_values_are_refused_with_a_message_and_read_as_the_default(
    setting: DataSetting[Any],
) -> None:
    good, bad_values = EXAMPLES[setting.key]
    settings.put(member(setting), good)
    for bad in bad_values:
        with pytest.raises(ValidationError) as refused:
            settings.put(member(setting), bad)
        [message] = refused.value.problems.values()
        assert message.endswith(".") and len(message) > 20
        assert settings.get(member(setting)) == good, "a refused value leaves the stored one"
        # A value written by another program (or an older version) reads as the default.
        Setting.update(value=json.dumps(bad)).where(Setting.key == member(setting).key).execute()
        assert settings.get(member(setting)) == setting.default
        settings.put(member(setting), good)


def test_a_family_keeps_its_members_apart() -> None:
    settings.put(settings.MATCHING_RULES.for_(1), {"reporting_levels": 3})
    assert settings.get(settings.MATCHING_RULES.for_(2)) == {}
    with pytest.raises(ValueError, match="for_"):
        settings.get(settings.MATCHING_RULES)


def test_plain_messages_for_the_settings_a_person_types() -> None:
    with pytest.raises(ValidationError) as refused:
        settings.put(settings.PAGE_SIZE, "A5")
    assert refused.value.problems == {
        "documents.page_size": "Paper size “A5” is not known: choose A4 or Letter."
    }
    assert settings.RETENTION_MONTHS.problem(0) == "Keep data for between 1 month and 20 years."


def test_setting_keys_are_written_only_where_they_are_declared() -> None:
    """No module spells a setting's key (and so cannot read it with a default of its own)."""
    prefixes = {setting.key.split("{}")[0] for setting in settings.DECLARED}
    # A migration writes what the file held at its version, below the domain layer.
    allowed = {PACKAGE / "domain" / "settings.py", PACKAGE / "storage" / "migrations.py"}
    spelled = [
        f"{path.relative_to(PACKAGE)}: {prefix}"
        for path in PACKAGE.rglob("*.py")
        if path not in allowed
        for prefix in prefixes
        if re.search(rf"[\"']{re.escape(prefix)}", path.read_text(encoding="utf-8"))
    ]
    assert spelled == []


def test_every_setting_a_coordinator_changes_has_a_name_and_a_label() -> None:
    named = [setting for setting in settings.DECLARED if setting.name]
    assert len({setting.name for setting in named}) == len(named)
    assert all(setting.label and not setting.is_template for setting in named)
    # The default of a named setting is allowed, or means "not set yet" (an empty name).
    for setting in named:
        assert setting.problem(setting.default) == "" or setting.default == ""


def test_an_empty_organisation_name_is_refused_with_a_message() -> None:
    with pytest.raises(ValidationError) as refused:
        settings.put(settings.ORGANISATION_NAME, "   ")
    assert refused.value.problems == {
        "documents.organisation_name": "The organisation name cannot be empty."
    }
    assert settings.get(settings.ORGANISATION_NAME) == ""
