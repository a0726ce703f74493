"""Times counted from now: fractions of an hour, "hence", "more", "in 15", "15'", '1"'.

Said on Tuesday 2013-02-12 at 04:30 (Duckling's reference time), zone Etc/GMT+2.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from nudge.language.time.read import read
from tests.unit.language.moments import DUCKLING_NOW as NOW
from tests.unit.language.moments import DUCKLING_ZONE as ZONE
from tests.unit.language.moments import duckling_wall as _wall


def _ahead(text: str) -> datetime | None:
    reading = read(text, now=NOW, tz=ZONE, lang="en")
    if reading is None:
        return None
    assert reading.outcome == "resolved", text
    return reading.at


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("in 1/2h", (5, 0)),
        ("in 1/2 h", (5, 0)),
        ("in 1/2 hour", (5, 0)),
        ("in 3/4h", (5, 15)),
        ("in 3/4 hour", (5, 15)),
        ("in three-quarters of an hour", (5, 15)),
        ("in 2 and an half hours", (7, 0)),
        ("in 2 more minutes", (4, 32)),
        ("in a pair of minutes", (4, 32)),
        ("in 1'", (4, 31)),
        ("in 15'", (4, 45)),
        ("in 15", (4, 45)),
        ("remind me in 15", (4, 45)),
        ("remind me in 15 to call mom", (4, 45)),
    ],
)
def test_minutes_from_now(text: str, at: tuple[int, int]) -> None:
    assert _ahead(text) == _wall(2013, 2, 12, *at)


def test_seconds_from_now() -> None:
    reading = read('in 1"', now=NOW, tz=ZONE, lang="en")
    assert reading is not None
    assert reading.moment is not None
    assert reading.moment.at == _wall(2013, 2, 12, 4, 30, 1)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("7 days hence", "2013-02-19"),
        ("a fortnight hence", "2013-02-26"),
        ("a week hence", "2013-02-19"),
        ("three months hence", "2013-05-12"),
    ],
)
def test_hence_is_from_now(text: str, day: str) -> None:
    at = _ahead(text)
    assert at is not None
    assert (at.date().isoformat(), at.hour, at.minute) == (day, 4, 30)  # the time of day kept


@pytest.mark.parametrize(
    "text",
    ["put it in 3 boxes", "split it in 2", "born in 1985", "in 15 people", "all in 1", "in 5 or 6"],
)
def test_a_bare_number_after_in_counts_something_else(text: str) -> None:
    reading = read(text, now=NOW, tz=ZONE, lang="en")
    assert reading is None or reading.node.rule != "in <n> (minutes)"


def test_a_fraction_after_in_is_no_date() -> None:
    assert _ahead("in 3/4h") == _wall(2013, 2, 12, 5, 15)  # not March 4th
