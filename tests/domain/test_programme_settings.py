"""The programme's settings as a coordinator changes them: logo, paper, wording, weights, undo."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from revmentor_desktop.domain import agreement_text, edits, paper, programme_settings, settings
from revmentor_desktop.domain.cohorts import CohortDraft, add_cohort
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.logo import MAX_LOGO_PIXELS, Logo, read_logo
from revmentor_desktop.domain.matching.rules import Rule, Weight
from revmentor_desktop.domain.matching.saved_rules import default_settings, rule_settings
from revmentor_desktop.domain.programme_settings import CohortWeights, find_entry, load
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.storage.database import DataFile
from tests.domain.logos import SVG_LOGO, jpeg_logo, png_logo

# ---------------------------------------------------------------------------------------------
# The logo


def test_a_logo_is_recognised_by_its_content_not_its_name(tmp_path: Path) -> None:
    for data, name, media_type, described in (
        (png_logo(400, 120), "logo.jpg", "image/png", "PNG image, 2 KB, 400 × 120 pixels"),
        (jpeg_logo(200, 100), "logo.png", "image/jpeg", "JPEG image, 1 KB, 200 × 100 pixels"),
        (SVG_LOGO, "logo.txt", "image/svg+xml", "SVG drawing, 1 KB"),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        logo = read_logo(path)
        assert (logo.media_type, logo.data) == (media_type, data)
        assert logo.describe().startswith(described.split(",")[0])
        assert Logo.from_setting(logo.as_setting()) == logo


def refusal(path: Path) -> str:
    with pytest.raises(ValidationError) as refused:
        read_logo(path)
    return refused.value.problems["logo"]


def test_a_file_that_is_not_an_image_is_refused_in_plain_words(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Our logo is blue.")
    assert refusal(notes) == (
        "“notes.txt” is not a PNG, JPEG or SVG image; choose the logo as one of those."
    )
    other_xml = tmp_path / "feed.xml"
    other_xml.write_text("<?xml version='1.0'?><rss/>")
    assert "is not a PNG, JPEG or SVG image" in refusal(other_xml)
    broken = tmp_path / "broken.png"
    broken.write_bytes(png_logo()[:200])
    assert refusal(broken).startswith("“broken.png” looks like a PNG image but cannot be read")
    assert refusal(tmp_path / "gone.png") == f"There is no file {tmp_path / 'gone.png'}."


def test_a_5_mb_logo_is_refused_with_the_limit_in_the_message(tmp_path: Path) -> None:
    big = tmp_path / "poster.png"
    big.write_bytes(png_logo()[:100] + b"\0" * 5_000_000)
    assert refusal(big) == (
        "“poster.png” is 5.0 MB; a logo can be at most 1 MB. Save it smaller: about 1000 "
        "pixels across is plenty."
    )


def test_a_logo_of_too_many_pixels_is_refused(tmp_path: Path) -> None:
    wide = tmp_path / "wide.png"
    wide.write_bytes(png_logo(MAX_LOGO_PIXELS + 1, 10))
    assert f"is {MAX_LOGO_PIXELS + 1} × 10 pixels" in refusal(wide)


# ---------------------------------------------------------------------------------------------
# Paper


@pytest.fixture
def locale_of(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def set_locale(lang: str, paper_locale: str = "") -> None:
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.setenv("LANG", lang)
        if paper_locale:
            monkeypatch.setenv("LC_PAPER", paper_locale)
        else:
            monkeypatch.delenv("LC_PAPER", raising=False)

    return set_locale


def test_paper_follows_the_locale_until_chosen_then_the_file_remembers(
    data_file: DataFile, locale_of
) -> None:  # type: ignore[no-untyped-def]
    locale_of("en_US.UTF-8")
    assert paper.page_size() == "Letter" and paper.chosen_page_size() == ""
    locale_of("en_US.UTF-8", paper_locale="de_DE.UTF-8")  # LC_PAPER says which paper
    assert paper.page_size() == "A4"
    locale_of("en_CA.UTF-8")
    old = load()
    assert old.page_size == ""
    programme_settings.apply(old, replace(old, page_size="Letter"))  # the locale's own choice
    locale_of("de_DE.UTF-8")  # the file moves to a German computer
    assert paper.page_size() == "Letter"
    assert load().page_size == "Letter"


def test_the_c_locale_gives_a4_not_american_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setattr(paper.locale, "setlocale", lambda _category: "C.UTF-8")
    assert paper.system_locale_name() is None
    assert paper.locale_page_size() == "A4"
    monkeypatch.setattr(paper.locale, "setlocale", lambda _category: "English_Canada.1252")
    assert paper.locale_page_size() == "Letter"


# ---------------------------------------------------------------------------------------------
# Agreement wording and its version


@pytest.mark.parametrize(
    ("version", "after"),
    [
        ("1.0", "1.1"),
        ("1.9", "1.10"),
        ("v2", "v3"),
        ("2024-03 (draft)", "2024-04 (draft)"),
        ("A", "A.1"),
    ],
)
def test_the_version_goes_up_by_its_last_number(version: str, after: str) -> None:
    assert agreement_text.next_version(version) == after


def test_the_version_goes_up_once_when_the_wording_changes(data_file: DataFile) -> None:
    old = load()
    assert old.agreement_version == "1.0"
    goals, records = old.clauses["goals"], old.clauses["records"]
    new = old.with_clause(replace(goals, body="We pick two goals.")).with_clause(
        replace(records, heading="Records")
    )
    assert programme_settings.next_agreement_version(old, new) == "1.1"
    programme_settings.apply(old, new)
    again = load()
    assert again.agreement_version == "1.1"
    assert again.clauses["goals"].body == "We pick two goals."
    assert again.clauses["goals"].heading == goals.heading
    assert again.clauses["records"].heading == "Records"
    programme_settings.apply(again, replace(again, organisation_name="Nordwind"))
    assert load().agreement_version == "1.1", "a change outside the wording keeps the version"
    agreement_text.reset_clause("goals")
    assert agreement_text.is_default("goals")
    assert load().agreement_version == "1.2", "going back to the default wording is a change"
    agreement_text.save_wording({"records": load().clauses["records"]})
    assert load().agreement_version == "1.2", "storing the same wording is no change"


def test_a_version_typed_with_new_wording_is_kept(data_file: DataFile) -> None:
    old = load()
    new = replace(
        old.with_clause(replace(old.clauses["ending"], body="Either of us may stop.")),
        agreement_version="2.0",
    )
    programme_settings.apply(old, new)
    assert load().agreement_version == "2.0"


def test_an_empty_clause_is_refused_with_the_clauses_name(data_file: DataFile) -> None:
    old = load()
    new = old.with_clause(replace(old.clauses["confidentiality"], body="  "))
    assert programme_settings.problems(old, new) == {
        "agreement.confidentiality": "The wording of “Confidentiality” cannot be empty; reset it "
        "to the default instead."
    }


def test_the_agreement_says_the_anonymity_threshold_in_words(data_file: DataFile) -> None:
    from revmentor_desktop.domain.report_data import agreement_for_pair
    from tests.reports.programme import build_programme, clock

    programme = build_programme()
    old = load()
    programme_settings.apply(
        old, replace(old, anonymity_threshold=8, coordinator_name="Maria López")
    )
    agreement = agreement_for_pair(programme.pair_id, clock).agreements[0]
    words = {
        clause.key: " ".join(item for block in clause.blocks for item in block.items)
        for clause in agreement.clauses
    }
    assert "groups of fewer than eight people" in words["records"]
    assert "by telling the programme coordinator, Maria López." in words["ending"]


# ---------------------------------------------------------------------------------------------
# Matching weights per kind and per cohort


def test_a_cohort_follows_its_kinds_weights_unless_it_sets_its_own(data_file: DataFile) -> None:
    first = add_cohort(CohortDraft("Reverse 2027", "reverse"))
    second = add_cohort(CohortDraft("Reverse 2028", "reverse"))
    old = load()
    assert old.kind_weights[CohortKind.REVERSE][Rule.LOCATION] is Weight.LOW
    new = old.with_weight(CohortKind.REVERSE, Rule.LOCATION, Weight.HIGH).with_cohort(
        CohortWeights(second, "Reverse 2028", CohortKind.REVERSE, {Rule.LOCATION: Weight.OFF})
    )
    programme_settings.apply(old, new)
    assert rule_settings(first, "reverse").weight(Rule.LOCATION) is Weight.HIGH
    assert rule_settings(second, "reverse").weight(Rule.LOCATION) is Weight.OFF
    assert default_settings("traditional").weight(Rule.LOCATION) is Weight.LOW
    assert load() == new


def test_weights_that_cannot_work_are_refused(data_file: DataFile) -> None:
    mutual = add_cohort(CohortDraft("Mutual 2027", "mutual"))
    old = load()
    new = old.with_cohort(replace(old.cohort(mutual), own={Rule.SENIORITY: Weight.HIGH}))
    assert programme_settings.problems(old, new) == {
        f"matching.cohort.{mutual}": "Mutual mentoring has no seniority direction: its "
        "seniority rule stays off."
    }
    silent = old
    for rule in Rule:
        silent = silent.with_weight(CohortKind.TRADITIONAL, rule, Weight.OFF)
    assert programme_settings.problems(old, silent) == {
        "matching.traditional": "At least one matching rule must count, or every pairing "
        "scores the same."
    }


# ---------------------------------------------------------------------------------------------
# Everything at once, undone and redone


def changed_everywhere(old: programme_settings.ProgrammeSettings, cohort_id: int):  # type: ignore[no-untyped-def]
    return replace(
        old.with_clause(replace(old.clauses["meetings"], heading="When we meet"))
        .with_weight(CohortKind.MUTUAL, Rule.SKILLS, Weight.LOW)
        .with_cohort(replace(old.cohort(cohort_id), own={Rule.HISTORY: Weight.OFF})),
        organisation_name="Nordwind Logistik GmbH",
        page_size="Letter",
        coordinator_name="Maria López",
        coordinator_contact="mentoring@nordwind.example",
        sponsor_name="Dr. Katrin Weber",
        sponsor_title="Chief Executive Officer",
        anonymity_threshold=7,
        retention_months=36,
        time_zone="Europe/Berlin",
        logo=Logo("image/png", png_logo()),
    )


def test_all_settings_round_trip_through_the_data_file_and_undo_as_one_edit(
    data_path: Path,
) -> None:
    with DataFile.open(data_path, create=True):
        cohort_id = add_cohort(CohortDraft("Reverse 2027", "reverse"))
        old = load()
        new = changed_everywhere(old, cohort_id)
        edit = edits.change_settings(old, new)
        assert edit.description == "Change programme settings"
        expected = replace(new, agreement_version="1.1")
        assert load() == expected
    with DataFile.open(data_path):  # the settings travel in the file
        assert load() == expected
        edits.undo(edit)
        assert load() == old
        assert settings.get(settings.LOGO) == {}
        edits.redo(edit)
        assert load() == expected


def test_a_change_with_a_problem_is_refused_whole(data_file: DataFile) -> None:
    old = load()
    new = replace(old, organisation_name="Nordwind", anonymity_threshold=1)
    with pytest.raises(ValidationError) as refused:
        edits.change_settings(old, new)
    assert refused.value.problems == {
        "anonymity_threshold": "Reports can hide groups of fewer than 3 to 50 people; 1 is "
        "outside that range."
    }
    assert load() == old


def test_one_change_is_named_for_what_changed(data_file: DataFile) -> None:
    old = load()
    edit = edits.change_settings(old, replace(old, coordinator_name="Maria López"))
    assert edit.description == "Change coordinator's name"


# ---------------------------------------------------------------------------------------------
# Entries by name


def test_entries_name_every_setting_once(data_file: DataFile) -> None:
    add_cohort(CohortDraft("Mutual 2027", "mutual"))
    current = load()
    names = [entry.name for entry in programme_settings.entries(current)]
    assert len(names) == len(set(names))
    assert {"organisation_name", "logo", "page_size", "anonymity_threshold"} <= set(names)
    assert "agreement.goals.body" in names and "matching.reverse.skills" in names
    assert "matching.mutual.seniority" not in names


def test_an_unknown_name_or_a_bad_value_says_what_would_do(data_file: DataFile) -> None:
    current = load()
    with pytest.raises(ValidationError, match=r"no setting called “organisation”\. Did you mean"):
        find_entry(current, "organisation")
    entry = find_entry(current, "anonymity-threshold")
    with pytest.raises(ValidationError) as refused:
        entry.parse(current, "five")
    assert refused.value.problems == {
        "anonymity_threshold": "Smallest group shown in reports is a whole number, not “five”."
    }
    with pytest.raises(ValidationError, match="“loud” is not a weight: choose one of mandatory"):
        find_entry(current, "matching.reverse.skills").parse(current, "loud")
