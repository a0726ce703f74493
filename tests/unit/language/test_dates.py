"""Dates, weekdays, vague parts of the day, holidays and calendar months."""

from __future__ import annotations

from datetime import datetime

import pytest

from nudge.language import When, parse_when
from nudge.language.dayparts import DayParts
from nudge.language.time.matches import find_when
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO, local


def _en(text: str, now: datetime = NOW_TORONTO) -> When | None:
    return parse_when(text, now=now, tz=TORONTO, lang="en")


def _fr(text: str, now: datetime = NOW_PARIS) -> When | None:
    return parse_when(text, now=now, tz=PARIS, lang="fr")


# Now is Tuesday 2026-11-24 10:00.
ENGLISH = [
    ("friday at 3", (11, 27, 15, 0), "hour"),
    ("Friday at 3pm", (11, 27, 15, 0), "hour"),
    ("at 3pm on friday", (11, 27, 15, 0), "hour"),
    ("friday", (11, 27, 9, 0), "day"),
    ("friday evening", (11, 27, 19, 0), "hour"),
    ("next tuesday", (12, 1, 9, 0), "day"),
    ("tuesday", (12, 1, 9, 0), "day"),
    ("tuesday at 3", (11, 24, 15, 0), "hour"),
    ("tuesday at 9am", (12, 1, 9, 0), "hour"),
    ("next tuesday at 10am", (12, 1, 10, 0), "hour"),
    ("on the 3rd", (12, 3, 9, 0), "day"),
    ("on the 30th at 2pm", (11, 30, 14, 0), "hour"),
    ("Dec 3", (12, 3, 9, 0), "day"),
    ("December 3rd at 10am", (12, 3, 10, 0), "hour"),
    ("3rd of december", (12, 3, 9, 0), "day"),
    ("12/3", (12, 3, 9, 0), "day"),
    ("2026-12-03", (12, 3, 9, 0), "day"),
    ("next week", (11, 30, 9, 0), "day"),
    ("next month", (12, 1, 9, 0), "day"),
    ("this weekend", (11, 28, 9, 0), "day"),
    ("after lunch", (11, 24, 13, 30), "minute"),
    ("tomorrow after work", (11, 25, 17, 30), "minute"),
    ("before bed", (11, 24, 22, 0), "hour"),
    ("friday after lunch", (11, 27, 13, 30), "minute"),
    ("in a month", (12, 24, 10, 0), "minute"),
    ("in 2 days at 9am", (11, 26, 9, 0), "hour"),
    ("christmas eve", (12, 24, 9, 0), "day"),
]
FRENCH = [
    ("vendredi à 15h", (11, 27, 15, 0), "hour"),
    ("vendredi soir", (11, 27, 19, 0), "hour"),
    ("mardi prochain", (12, 1, 9, 0), "day"),
    ("mardi prochain à 10h", (12, 1, 10, 0), "hour"),
    ("le 3", (12, 3, 9, 0), "day"),
    ("le 1er", (12, 1, 9, 0), "day"),
    ("le 3 décembre à 10h", (12, 3, 10, 0), "hour"),
    ("le 3 decembre a 10h", (12, 3, 10, 0), "hour"),
    ("3/12", (12, 3, 9, 0), "day"),
    ("le 24/12 à 18h", (12, 24, 18, 0), "hour"),
    ("la semaine prochaine", (11, 30, 9, 0), "day"),
    ("ce week-end", (11, 28, 9, 0), "day"),
    ("après manger", (11, 24, 13, 30), "minute"),
    ("demain après le boulot", (11, 25, 17, 30), "minute"),
    ("avant de dormir", (11, 24, 22, 0), "hour"),
    ("dans 2 mois", (1, 24, 10, 0), "minute"),
    ("à noël", (12, 25, 9, 0), "day"),
]


def _at(tz: str, moment: tuple[int, int, int, int]) -> datetime:
    month, day, hour, minute = moment
    return local(tz, 2027 if month < 11 else 2026, month, day, hour, minute)


@pytest.mark.parametrize(("text", "moment", "grain"), ENGLISH)
def test_english_dates(text: str, moment: tuple[int, int, int, int], grain: str) -> None:
    when = _en(text)
    assert when is not None
    assert (when.at, when.grain) == (_at(TORONTO, moment), grain)


@pytest.mark.parametrize(("text", "moment", "grain"), FRENCH)
def test_french_dates(text: str, moment: tuple[int, int, int, int], grain: str) -> None:
    when = _fr(text)
    assert when is not None
    assert (when.at, when.grain) == (_at(PARIS, moment), grain)


def test_numeric_dates_follow_the_locale_order() -> None:
    english = parse_when("3/12", now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert english is not None
    assert english.at == local(TORONTO, 2027, 3, 12, 9, 0)


def test_a_date_that_just_passed_is_past_not_next_year() -> None:
    assert _en("nov 20") is None
    found = find_when("nov 20", now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert found is not None  # found, but past: refused kindly, naming it
    assert found.when is None
    assert found.passed is not None
    assert found.passed.at == local(TORONTO, 2026, 11, 20, 9, 0)
    when = _en("jan 5")
    assert when is not None
    assert when.at == local(TORONTO, 2027, 1, 5, 9, 0)


def test_parts_of_the_day_are_configurable() -> None:
    parts = DayParts(after_lunch=(14, 0), evening=(20, 30))
    for text, expected in [("after lunch", (14, 0)), ("tonight", (20, 30))]:
        best = find_when(text, now=NOW_TORONTO, tz=TORONTO, lang="en", parts=parts)
        assert best is not None
        assert best.when is not None
        assert (best.when.at.hour, best.when.at.minute) == expected


def test_words_that_look_like_dates_are_not() -> None:
    for text in ["the sun is out", "mon code", "sam is here", "le 06 12 34 56 78"]:
        assert _fr(text) is None, text
