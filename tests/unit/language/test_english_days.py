"""English day words and dates: "now", bare "sun"/"sat", "Thu 15th", "the ides of march",
"the closest monday to oct 5th", "last week's sunday", "upcoming two days", "31/Oct/1974".

Said on Tuesday 2013-02-12 at 04:30 (Duckling's reference time), zone Etc/GMT+2.
"""

from __future__ import annotations

import pytest

from nudge.language.records import parse_record
from nudge.language.time.read import read
from tests.unit.language.moments import DUCKLING_NOW as NOW
from tests.unit.language.moments import DUCKLING_ZONE as ZONE
from tests.unit.language.moments import duckling_wall as _wall


def _day(text: str) -> tuple[str, str] | None:
    """The day a text names (its outcome too), or None when it names none."""
    reading = read(text, now=NOW, tz=ZONE, lang="en")
    if reading is None or reading.moment is None:
        return None
    return reading.moment.start.date().isoformat(), reading.outcome


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("sun", "2013-02-17"),
        ("sun.", "2013-02-17"),
        ("sat", "2013-02-16"),
        ("thu.", "2013-02-14"),
        ("mon.", "2013-02-18"),
        ("Thu 15th", "2013-08-15"),  # the next Thursday that is a 15th
        ("friday the 13th", "2013-09-13"),
        ("the ides of march", "2013-03-15"),
        ("ides of may", "2013-05-15"),
        ("the ides of june", "2013-06-13"),
        ("the closest Monday to Oct 5th", "2013-10-07"),
        ("the second closest Mon to October fifth", "2013-09-30"),
        ("upcoming two days", "2013-02-14"),
        ("2 upcoming days", "2013-02-14"),
        ("the upcoming 2 weeks", "2013-02-25"),
        ("next week's friday", "2013-02-22"),
        ("31/Oct/2013", "2013-10-31"),
        ("31-Oct", "2013-10-31"),
        ("thanksgiving in 9 months", "2013-11-28"),
        ("thanksgiving in a year", "2014-11-27"),
    ],
)
def test_days_ahead(text: str, day: str) -> None:
    assert _day(text) == (day, "resolved")


def test_an_abbreviation_that_is_a_word_is_a_day_only_alone() -> None:
    assert _day("the sun is out") is None
    assert _day("sat on the couch") is None
    assert _day("on sat") == ("2013-02-16", "resolved")


def test_now_is_a_time_only_as_the_whole_message() -> None:
    for text in ("now", "right now", "just now", "at the moment", "ATM", "now!"):
        reading = read(text, now=NOW, tz=ZONE, lang="en")
        assert reading is not None, text
        assert reading.outcome == "resolved"
        assert reading.at == _wall(2013, 2, 12, 4, 30)
    assert read("I'm in Paris now", now=NOW, tz=ZONE, lang="en") is None
    assert read("not now", now=NOW, tz=ZONE, lang="en") is None


def test_at_this_time_alone_is_today() -> None:
    assert _day("at this time") == ("2013-02-12", "resolved")


def test_a_whole_message_now_is_reported_to_the_second() -> None:
    record = parse_record("now", now=NOW, tz=ZONE, lang="en")
    assert (record["when"], record["grain"]) == ("2013-02-12T04:30:00-02:00", "second")


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("tomorrow at this time", (2013, 2, 13, 4, 30)),
        ("remind me this time tomorrow", (2013, 2, 13, 4, 30)),
        ("same time friday", (2013, 2, 15, 4, 30)),
        ("same time tuesday", (2013, 2, 19, 4, 30)),  # the clock is not ahead today
        ("this time next week", (2013, 2, 19, 4, 30)),  # a week from now, not next Monday
        ("at the same time next month", (2013, 3, 12, 4, 30)),
    ],
)
def test_a_day_at_this_time_is_that_day_at_the_clock_it_is_now(
    text: str, at: tuple[int, int, int, int, int]
) -> None:
    reading = read(text, now=NOW, tz=ZONE, lang="en")
    assert reading is not None
    assert reading.outcome == "resolved"
    assert reading.at == NOW.replace(*at, tzinfo=None)
