"""One date format for people: the locale's order, English month names, no strftime."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from revmentor_desktop.domain import dates
from revmentor_desktop.domain.dates import (
    DateOrder,
    format_date,
    format_datetime,
    format_day,
    format_day_and_month,
    format_near_day,
)

PACKAGE = Path(__file__).resolve().parents[2] / "revmentor_desktop"
DAY = date(2027, 3, 9)


@pytest.mark.parametrize(
    ("sample", "order"),
    [
        ("22/11/2033", DateOrder.DAY_MONTH_YEAR),  # en_GB, fr_FR
        ("22.11.33", DateOrder.DAY_MONTH_YEAR),  # de_DE
        ("11/22/33", DateOrder.MONTH_DAY_YEAR),  # en_US
        ("2033-11-22", DateOrder.YEAR_MONTH_DAY),  # sv_SE, en_CA
        ("2033年11月22日", DateOrder.YEAR_MONTH_DAY),  # ja_JP (glibc)
        ("٢٢‏/١١‏/٢٠٣٣", DateOrder.DAY_MONTH_YEAR),  # Arabic digits: the default order
    ],
)
def test_the_order_is_read_from_the_locale_s_short_date(sample: str, order: DateOrder) -> None:
    assert dates.order_of_sample(sample) == order


@pytest.mark.parametrize(
    ("order", "written"),
    [
        (DateOrder.DAY_MONTH_YEAR, "9 Mar 2027"),
        (DateOrder.MONTH_DAY_YEAR, "Mar 9, 2027"),
        (DateOrder.YEAR_MONTH_DAY, "2027-03-09"),
    ],
)
def test_a_date_is_written_in_the_chosen_order(order: DateOrder, written: str) -> None:
    dates.use_date_order(order)
    assert format_date(DAY) == written
    assert format_datetime(datetime(2027, 3, 9, 14, 5)) == f"Tue {written}, 14:05"
    assert format_day(DAY) == f"Tuesday, {written}"


@pytest.mark.parametrize(
    ("order", "this_year", "last_year"),
    [
        (DateOrder.DAY_MONTH_YEAR, "9 Mar", "9 Mar 2026"),
        (DateOrder.MONTH_DAY_YEAR, "Mar 9", "Mar 9, 2026"),
        (DateOrder.YEAR_MONTH_DAY, "Mar 9", "2026-03-09"),
    ],
)
def test_a_day_near_today_leaves_out_this_year(
    order: DateOrder, this_year: str, last_year: str
) -> None:
    dates.use_date_order(order)
    today = date(2027, 11, 30)
    assert format_day_and_month(DAY, today) == this_year
    assert format_day_and_month(DAY.replace(year=2026), today) == last_year
    assert format_near_day(DAY, today) == f"Tue {this_year}"


def test_an_unknown_date_reads_as_the_caller_s_word() -> None:
    assert format_date(None) == ""
    assert format_date(None, "to be agreed") == "to be agreed"


def test_month_names_stay_english_whatever_the_process_locale() -> None:
    """strftime would write "Mär" under a German LC_TIME; the app's words are English."""
    assert [format_date(date(2027, month, 1)).split()[1] for month in (1, 5, 12)] == [
        "Jan",
        "May",
        "Dec",
    ]


def test_no_module_writes_dates_with_strftime_names() -> None:
    """Month and weekday names (%a %A %b %B) only come from ``dates``, so every date a
    person reads has the same shape."""
    hand_written = re.compile(r"%[aAbB]")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hand_written.search(line)
    ]
    assert offenders == []
