"""``revmentor match``: proposals and the unmatched on stdout; --apply creates the pairs."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from revmentor_desktop.cli import main
from revmentor_desktop.domain import cohorts, pairs, people
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.lock import WriterLock

NOW = datetime(2026, 3, 2, 9, 0)


def _clock() -> datetime:
    return NOW


def _consenting(name: str, **fields: Any) -> int:
    """A new person who has given consent; their id."""
    draft = people.PersonDraft(name, consent_date=date(2026, 1, 1), **fields)
    return people.add_person(draft, _clock)


def _programme(path: Path) -> None:
    with DataFile.open(path, create=True):
        boss = _consenting("Hana Boss", grade=9, learns=["AI"])
        ana = _consenting("Ana Ortiz", grade=2, teaches=["AI"], manager_id=boss)
        ben = _consenting("Ben Li", grade=3, teaches=["ai"])
        zoe = _consenting("Zoë Park", grade=1, learns=["AI"])
        cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"), _clock)
        for mentor in (ana, ben):
            cohorts.enrol(cohort_id, mentor, "mentor")
        for mentee in (boss, zoe):
            cohorts.enrol(cohort_id, mentee, "mentee")


def test_match_prints_proposals_and_unmatched_and_changes_nothing(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _programme(data_path)

    assert main(["--data", str(data_path), "match", "--cohort", "reverse 2026"]) == 0

    out = capsys.readouterr().out
    assert "Matching for “Reverse 2026” (reverse mentoring): 1 proposal, 2 unmatched" in out
    assert "Ben Li → Hana Boss   score" in out
    assert "shared topics: AI" in out
    assert "Reporting line" in out
    assert "Zoë Park (mentee): no eligible mentor: of 2 mentors, 2 are more senior than them" in out
    assert (
        "Ana Ortiz (mentor): no eligible mentee: of 2 mentees, 1 is in their reporting line "
        "and 1 is less senior than them" in out
    )
    assert "Add --apply" in out
    with DataFile.open(data_path):
        assert pairs.list_pairs() == []


def test_match_apply_creates_proposed_pairs(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _programme(data_path)

    assert main(["--data", str(data_path), "match", "--cohort", "Reverse 2026", "--apply"]) == 0

    assert "Created 1 pair with status proposed." in capsys.readouterr().out
    with DataFile.open(data_path):
        (pair,) = pairs.list_pairs()
        assert (pair.mentor_name, pair.mentee_name, pair.status) == (
            "Ben Li",
            "Hana Boss",
            "proposed",
        )
    assert main(["--data", str(data_path), "match", "--cohort", "Reverse 2026"]) == 0
    assert "0 proposals" in capsys.readouterr().out


def test_match_unknown_cohort_is_a_problem_with_the_data(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _programme(data_path)

    assert main(["--data", str(data_path), "match", "--cohort", "Nope"]) == 1

    assert "There is no cohort called “Nope”. Known cohorts: Reverse 2026." in (
        capsys.readouterr().err
    )


def test_match_does_not_load_scipy_until_it_runs() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import revmentor_desktop.cli as c; c.build_parser(); "
        "import revmentor_desktop.domain.matching; "
        "print('scipy' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_match_why_explains_a_blocked_pair(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _programme(data_path)

    arguments = ["--data", str(data_path), "match", "--cohort", "Reverse 2026"]
    assert main([*arguments, "--why", "ana ortiz", "Hana Boss"]) == 0

    out = capsys.readouterr().out
    assert "Ana Ortiz → Hana Boss: score" in out
    assert (
        "Never proposed, because:\n  Reporting line (mandatory): Hana Boss is Ana Ortiz's manager"
        in out
    )
    assert main([*arguments, "--why", "Nobody", "Hana Boss"]) == 1
    assert "“Nobody” is not enrolled in “Reverse 2026”." in capsys.readouterr().err


def test_match_proposes_while_the_window_holds_the_file_but_apply_refuses(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _programme(data_path)
    arguments = ["--data", str(data_path), "match", "--cohort", "Reverse 2026"]

    with WriterLock(data_path):  # what the open window holds
        assert main(arguments) == 0
        assert "Ben Li → Hana Boss   score" in capsys.readouterr().out
        assert main([*arguments, "--why", "Ana Ortiz", "Hana Boss"]) == 0
        assert "Never proposed, because:" in capsys.readouterr().out

        assert main([*arguments, "--apply"]) == 1
        err = capsys.readouterr().err
        assert "is already open for changes by" in err
        assert "Close RevMentor there first" in err

    with DataFile.open(data_path):
        assert pairs.list_pairs() == []


def _with_namesakes(path: Path) -> None:
    """The programme, plus a second Zoë Park enrolled as a mentee and a Ben Li who is not."""
    _programme(path)
    with DataFile.open(path):
        (cohort_id,) = [row.id for row in cohorts.list_cohorts()]
        for name, department, email in (
            ("Zoë Park", "Sales", "zoe.park@example.org"),
            ("Ben Li", "IT", ""),
        ):
            (person_id,) = [row.id for row in people.list_people() if row.name == name]
            draft = people.get_person(person_id).draft
            draft.department, draft.email = department, email
            people.update_person(person_id, draft, _clock)
        other_zoe = _consenting(
            "Zoë Park", email="zoe.park2@example.org", department="IT", learns=["AI"]
        )
        cohorts.enrol(cohort_id, other_zoe, "mentee")
        people.add_person(people.PersonDraft("Ben Li", department="Finance"), _clock)


def test_match_why_takes_an_email_and_lists_namesakes_with_theirs(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_namesakes(data_path)
    arguments = ["--data", str(data_path), "match", "--cohort", "Reverse 2026"]

    assert main([*arguments, "--why", "ben li", "ZOE.PARK2@example.org"]) == 0
    assert "Ben Li (IT) → Zoë Park (IT): score" in capsys.readouterr().out

    assert main([*arguments, "--why", "Ben Li", "zoe park"]) == 1
    assert capsys.readouterr().err == (
        "revmentor: “zoe park” could be any of 2 people:\n"
        "  Zoë Park <zoe.park@example.org> (Sales)\n"
        "  Zoë Park <zoe.park2@example.org> (IT)\n"
        "Give the e-mail address of the one you mean instead of the name.\n"
    )


def _namesakes(path: Path) -> None:
    """Two mentors called Sam Lee; the mentee wants Excel, which only one of them teaches."""
    with DataFile.open(path, create=True):
        cohort_id = cohorts.add_cohort(cohorts.CohortDraft("Reverse 2026"), _clock)
        for name, email, grade, teaches, learns, role in (
            ("Sam Lee", "sam.lee@example.org", 1, ["Excel"], [], "mentor"),
            ("Sam Lee", "sam.lee2@example.org", 2, ["Canva"], [], "mentor"),
            ("Pat Boss", "pat.boss@example.org", 9, [], ["Excel", "TikTok"], "mentee"),
            ("Kim Chief", "kim.chief@example.org", 8, [], ["Python"], "mentee"),
        ):
            fields = {"email": email, "grade": grade, "teaches": teaches, "learns": learns}
            cohorts.enrol(cohort_id, _consenting(name, **fields), role)


def test_match_scores_out_of_100_lists_gates_and_marks_pairs_covering_nothing(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _namesakes(data_path)

    assert main(["--data", str(data_path), "match", "--cohort", "Reverse 2026"]) == 0

    out = capsys.readouterr().out
    assert "2 proposals, 0 unmatched, average score" in out
    assert "Mandatory: Seniority direction, Reporting line" in out
    assert "1 proposal covers none of the topics the mentee wants to learn" in out
    # Two mentors share the name: each is named with what tells them apart, here the e-mail.
    assert "Sam Lee (sam.lee@example.org) → Pat Boss   score 60/100\n" in out
    assert (
        "Sam Lee (sam.lee2@example.org) → Kim Chief   score 35/100  [covers none of the topic "
        "Kim Chief wants to learn]" in out
    )
    assert "      Skills fit              25/50  1 of 2 wanted topics covered" in out
    assert (
        "      Seniority direction    passed  Sam Lee (sam.lee@example.org) is less senior "
        "(grade 1 vs 9)" in out
    )


def test_match_why_takes_e_mail_addresses_and_says_when_a_name_is_shared(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _namesakes(data_path)
    arguments = ["--data", str(data_path), "match", "--cohort", "Reverse 2026", "--why"]

    assert main([*arguments, "SAM.LEE2@example.org", "pat.boss@example.org"]) == 0

    out = capsys.readouterr().out
    assert out.startswith("Sam Lee (sam.lee2@example.org) → Pat Boss: score 35/100\n")
    assert "  covers none of the 2 topics Pat Boss wants to learn\n" in out
    assert "Allowed by every mandatory rule." in out
    assert main([*arguments, "Sam Lee", "Pat Boss"]) == 1
    assert capsys.readouterr().err == (
        "revmentor: “Sam Lee” could be any of 2 people:\n"
        "  Sam Lee <sam.lee@example.org>\n"
        "  Sam Lee <sam.lee2@example.org>\n"
        "Give the e-mail address of the one you mean instead of the name.\n"
    )
    assert main([*arguments, "nobody@example.org", "Pat Boss"]) == 1
    assert "“nobody@example.org” is not enrolled in “Reverse 2026”." in capsys.readouterr().err


def test_match_weight_saves_the_cohorts_weights_and_proposes_with_them(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _namesakes(data_path)
    arguments = ["--data", str(data_path), "match", "--cohort", "Reverse 2026"]

    assert (
        main([*arguments, "--weight", "skills=low", "location=off", "--weight", "history=high"])
        == 0
    )

    out = capsys.readouterr().out
    assert out.startswith("Rules saved for “Reverse 2026”:\n")
    assert (
        "  Score out of 100: Skills fit 11 (low), Different department 11 (low), "
        "Meeting format 22 (medium), Not paired before 56 (high)" in out
    )
    assert "No pair was created. Add --apply" in out
    assert main(arguments) == 0
    assert "Skills fit 11 (low)" in capsys.readouterr().out  # kept for the cohort

    assert (
        main([*arguments, "--weight", "skills=default", "location=default", "history=default"]) == 0
    )
    assert "Skills fit 50 (high)" in capsys.readouterr().out


def test_match_weight_refuses_an_unknown_rule_or_level_as_a_wrong_command_line(
    data_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _namesakes(data_path)
    arguments = ["--data", str(data_path), "match", "--cohort", "Reverse 2026", "--weight"]

    with pytest.raises(SystemExit) as exit_info:
        main([*arguments, "distance=low"])
    assert exit_info.value.code == 2
    assert "“distance=low” is not RULE=LEVEL with a known rule." in capsys.readouterr().err

    with pytest.raises(SystemExit):
        main([*arguments, "skills=lots"])
    assert "“lots” is not a level for skills. Levels: mandatory, high" in (capsys.readouterr().err)
    with WriterLock(data_path):  # the open window: changing the weights waits for it
        assert main([*arguments, "skills=low"]) == 1
    assert "is already open for changes by" in capsys.readouterr().err
