"""Times said of the past are understood as past, at the day or moment meant.

Said on Tuesday 2013-02-12 at 04:30 (Duckling's reference time), zone Etc/GMT+2. A past
reading keeps its time, so the reply can say which one it was.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from nudge.language.time.read import read
from tests.unit.language.moments import DUCKLING_NOW as NOW
from tests.unit.language.moments import DUCKLING_ZONE as ZONE
from tests.unit.language.moments import duckling_wall as _wall


def _past(text: str) -> datetime:
    reading = read(text, now=NOW, tz=ZONE, lang="en")
    assert reading is not None, text
    assert reading.outcome == "past", (text, reading.outcome)
    assert reading.moment is not None
    return reading.moment.start if reading.moment.grain == "day" else reading.moment.at


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("yesterday", "2013-02-11"),
        ("the day before yesterday", "2013-02-10"),
        ("last sunday", "2013-02-10"),
        ("last tuesday", "2013-02-05"),
        ("sunday from last week", "2013-02-10"),  # weeks run Monday to Sunday
        ("last week's sunday", "2013-02-10"),
        ("monday of this week", "2013-02-11"),
        ("Sunday, Feb 10", "2013-02-10"),
        ("20th of the previous month", "2013-01-20"),
        ("2 thursdays ago", "2013-01-31"),
        ("2 thursdays back", "2013-01-31"),
        ("a week ago", "2013-02-05"),
        ("a fortnight ago", "2013-01-29"),
        ("three months ago", "2012-11-12"),
        ("10/31/1974", "1974-10-31"),
        ("10/31/74", "1974-10-31"),  # two digits: not more than ten years ahead
        ("10-31-74", "1974-10-31"),
        ("10.31.1974", "1974-10-31"),
        ("31/Oct/1974", "1974-10-31"),
        ("31-Oct-74", "1974-10-31"),
        ("31st Oct 1974", "1974-10-31"),
        ("thanksgiving 3 months ago", "2012-11-22"),  # the first one from then on
        ("thanksgiving 1 year ago", "2012-11-22"),
        ("the closest xmas to today", "2012-12-25"),
        ("last thanksgiving", "2012-11-22"),
        ("last easter", "2012-04-08"),
        ("the 3rd closest xmas to today", "2011-12-25"),
    ],
)
def test_past_days(text: str, day: str) -> None:
    assert _past(text).date().isoformat() == day


@pytest.mark.parametrize(
    ("text", "at"),
    [("7 days ago", _wall(2013, 2, 5, 4, 30)), ("14 days Ago", _wall(2013, 1, 29, 4, 30))],
)
def test_days_ago_keep_the_time_of_day(text: str, at: datetime) -> None:
    reading = read(text, now=NOW, tz=ZONE, lang="en")
    assert reading is not None
    assert reading.outcome == "past"
    assert reading.at == at


def test_a_clock_on_a_past_day() -> None:
    assert _past("day before yesterday 8am") == _wall(2013, 2, 10, 8, 0)


def test_a_near_two_digit_year_is_this_century() -> None:
    reading = read("12/25/20", now=NOW, tz=ZONE, lang="en")
    assert reading is not None
    assert reading.moment is not None
    assert reading.moment.start.date().isoformat() == "2020-12-25"


def test_two_fridays_before_christmas_is_no_past_count() -> None:
    reading = read("2 fridays before christmas", now=NOW, tz=ZONE, lang="en")
    assert reading is None or reading.outcome != "past"
