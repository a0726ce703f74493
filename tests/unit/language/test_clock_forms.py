"""Clock forms: am/pm, noon and seconds said after a clock are never dropped (issue 10)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nudge.language.records import parse_record
from nudge.language.time.read import read

ZONE = "Etc/GMT+2"
NOW = datetime(2013, 2, 12, 4, 30, tzinfo=ZoneInfo(ZONE))  # Duckling's reference, a Tuesday


def _local(text: str, lang: str = "en") -> str | None:
    reading = read(text, now=NOW, tz=ZONE, lang=lang)
    if reading is None or reading.at is None:
        return None
    return reading.at.isoformat(timespec="seconds")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:01:10 AM", "2013-02-12T09:01:10"),
        ("a quarter past 8pm", "2013-02-12T20:15:00"),
        ("for a quarter past 8pm", "2013-02-12T20:15:00"),
        ("8 tonight", "2013-02-12T20:00:00"),
        ("eight tonight", "2013-02-12T20:00:00"),
        ("8 this evening", "2013-02-12T20:00:00"),
        ("9 tomorrow evening", "2013-02-13T21:00:00"),
        ("seven thirty p.m.", "2013-02-12T19:30:00"),
        ("nine fifty nine a m", "2013-02-12T09:59:00"),
        ("20 minutes to 2pm tomorrow", "2013-02-13T13:40:00"),
        ("3 oclock am", "2013-02-13T03:00:00"),
        ("7 in the morning", "2013-02-12T07:00:00"),
        ("3 in the AM", "2013-02-13T03:00:00"),
        ("early morning @ 3", "2013-02-13T03:00:00"),
        ("3ish pm", "2013-02-12T15:00:00"),
        ("15 minutes past 15h", "2013-02-12T15:15:00"),
        ("330 p.m.", "2013-02-12T15:30:00"),
        ("half three", "2013-02-12T15:30:00"),
        ("at 15 past noon", "2013-02-12T12:15:00"),
        ("a quarter past noon", "2013-02-12T12:15:00"),
        ("15 minutes past noon", "2013-02-12T12:15:00"),
        ("a quarter to noon", "2013-02-12T11:45:00"),
        ("15 to noon", "2013-02-12T11:45:00"),
        ("approximately 1030", "2013-02-12T10:30:00"),
        ("mid day", "2013-02-12T12:00:00"),
    ],
)
def test_english_clock_forms(text: str, expected: str) -> None:
    assert _local(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("midi moins cinq", "2013-02-12T11:55:00"),
        ("à quinze heures et quinze minutes", "2013-02-12T15:15:00"),
        ("15h passé de 15 minutes", "2013-02-12T15:15:00"),
        ("à quinze heures passé de trente minutes", "2013-02-12T15:30:00"),
        ("onze heures trois quarts", "2013-02-12T11:45:00"),
        ("minuit moins 10", "2013-02-12T23:50:00"),
    ],
)
def test_french_clock_forms(text: str, expected: str) -> None:
    assert _local(text, "fr") == expected


@pytest.mark.parametrize(
    "text",
    ["tonight at 2", "this evening at 2", "tonight @ 3:20", "this afternoon at 11",
     "this morning at 12", "evening at 2", "at 2 tonight", "at 2 friday evening",
     "friday evening at 2", "at 10 after lunch"],
)  # fmt: skip
def test_a_part_of_day_that_cannot_hold_the_clock_is_asked(text: str) -> None:
    """Neither the part's own hour (the clock dropped) nor a clock outside the part."""
    assert _local(text) is None
    record = parse_record(f"remind me {text} to call mom", now=NOW, tz=ZONE, lang="en")
    assert record["when"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("tonight at 8", "2013-02-12T20:00:00"), ("this afternoon at 3", "2013-02-12T15:00:00"),
     ("tonight at 12", "2013-02-13T00:00:00")],
)  # fmt: skip
def test_a_part_of_day_that_holds_the_clock_places_it(text: str, expected: str) -> None:
    assert _local(text) == expected


def test_a_count_before_tomorrow_is_no_clock() -> None:
    """ "take 2 tomorrow" is two pills, not 14:00: only a part of day makes the count a clock."""
    assert _local("take 2 tomorrow") == "2013-02-13T09:00:00"


def test_minutes_to_a_clock() -> None:
    """A count under 13 before "to <clock>" needs "minutes": "open 10 to 6pm" is a range."""
    assert _local("5 minutes to 8pm") == "2013-02-12T19:55:00"
    assert _local("twenty to 2pm") == "2013-02-12T13:40:00"


@pytest.mark.parametrize(
    "text", ["take 2 in the morning", "take 2 tomorrow morning", "3 in the morning"]
)
def test_a_small_number_before_a_part_may_be_a_count(text: str) -> None:
    """Two pills or 02:00? Asked: neither the part's hour nor the clock is set silently."""
    reading = read(text, now=NOW, tz=ZONE, lang="en")
    assert reading is None or reading.outcome == "ambiguous"


def test_a_number_the_part_cannot_hold_is_a_count() -> None:
    """ "take 1 tonight": no 01:00 in the evening, so one pill tonight."""
    assert _local("take 1 tonight") == "2013-02-12T19:00:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("walk 500 a day", None), ("meet at noon a block away", "2013-02-12T12:00:00"),
     ("twelve thirty am", "2013-02-13T00:30:00")],
)  # fmt: skip
def test_a_single_letter_decides_no_clock_said_in_words(text: str, expected: str | None) -> None:
    """ "a" and "p" are am/pm only right after a digit hour ("7p"), never after "500" or noon."""
    assert _local(text) == expected
