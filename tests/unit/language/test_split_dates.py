"""A day and a clock time written apart are one time; the task keeps only its own words.

now = Tue 2026-11-24 10:00 America/Toronto for every case.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nudge.commands import Command, CreateReminder, RefusePast
from nudge.language import parse_when
from nudge.language.intents import interpret
from nudge.language.tasks import clean_task

TZ = "America/Toronto"
ZONE = ZoneInfo(TZ)
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=ZONE)


def _understand(text: str, lang: str) -> Command:
    return interpret(text, now=NOW, tz=TZ, lang=lang, state=None)


def _at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)


@pytest.mark.parametrize(
    ("lang", "text", "task", "at"),
    [
        ("en", "Dec 3 dentist at 10am", "dentist", _at(2026, 12, 3, 10)),
        ("en", "December 3 dentist at 10am", "dentist", _at(2026, 12, 3, 10)),
        ("en", "3/12 dentist at 10", "dentist", _at(2027, 3, 12, 10)),  # month/day, 10:00
        ("fr", "3/12 dentiste à 10h", "dentiste", _at(2026, 12, 3, 10)),  # day/month
        ("en", "friday dentist at 3pm", "dentist", _at(2026, 11, 27, 15)),
        ("fr", "demain dentiste à 15h", "dentiste", _at(2026, 11, 25, 15)),
        ("fr", "vendredi, dentiste à 15h", "dentiste", _at(2026, 11, 27, 15)),
        ("en", "at 3pm dentist friday", "dentist", _at(2026, 11, 27, 15)),
        ("en", "remind me Dec 3 dentist at 10am", "dentist", _at(2026, 12, 3, 10)),
        ("en", "friday call mom at 6", "call mom", _at(2026, 11, 27, 18)),  # another day: 1–6 pm
    ],
)
def test_a_day_and_a_clock_apart_are_one_time(
    lang: str, text: str, task: str, at: datetime
) -> None:
    assert _understand(text, lang) == CreateReminder(task, at, None)


def test_parse_when_combines_too() -> None:
    when = parse_when("Dec 3 dentist at 10am", now=NOW, tz=TZ, lang="en")
    assert when is not None
    assert (when.at, when.grain) == (_at(2026, 12, 3, 10), "hour")


def test_a_past_date_with_a_clock_is_refused() -> None:
    refused = RefusePast("dentist", _at(2026, 11, 20, 10), "hour")
    assert _understand("Nov 20 dentist at 10am", "en") == refused


@pytest.mark.parametrize(
    ("text", "at", "rrule"),
    [
        ("friday dentist in 20 min", _at(2026, 11, 24, 10, 20), None),  # relative: never paired
        ("dec 3 dentist. call mom at 3pm", _at(2026, 11, 24, 15), None),  # a sentence break
        ("friday at 3pm dentist tomorrow", _at(2026, 11, 27, 15), None),  # two days
    ],
)
def test_never_paired(text: str, at: datetime, rrule: str | None) -> None:
    when = parse_when(text, now=NOW, tz=TZ, lang="en")
    assert when is not None
    assert (when.at, when.rrule) == (at, rrule)


@pytest.mark.parametrize(
    ("lang", "text", "task", "at"),
    [
        ("en", "tmrw 9 gym", "gym", _at(2026, 11, 25, 9)),  # a day then a bare hour
        ("fr", "demain 9 gym", "gym", _at(2026, 11, 25, 9)),
        ("en", "tomorrow 2 call mom", "call mom", _at(2026, 11, 25, 14)),  # 1–6: afternoon
        ("en", "dentist on Dec 3 at 10am", "dentist", _at(2026, 12, 3, 10)),
        ("en", "dentist on Dec 3", "dentist", _at(2026, 12, 3, 9)),
        ("en", "remind me to turn the oven on at 6", "turn the oven on", _at(2026, 11, 24, 18)),
        ("en", "plan A at 3pm", "plan A", _at(2026, 11, 24, 15)),
    ],
)
def test_no_stray_words_in_the_task(lang: str, text: str, task: str, at: datetime) -> None:
    assert _understand(text, lang) == CreateReminder(task, at, None)


@pytest.mark.parametrize(
    ("raw", "task"),
    [
        ("dentist on the", "dentist on"),  # "the" goes, then "on" stays (a particle)
        ("dentiste à", "dentiste"),
        ("dentiste le", "dentiste"),
        ("gift for", "gift"),
        ("cadeau pour", "cadeau"),
        ("plan A", "plan A"),
        ("plan a", "plan a"),
    ],
)
def test_trailing_prepositions_are_cut(raw: str, task: str) -> None:
    assert clean_task(raw) == task


@pytest.mark.parametrize(
    ("text", "at", "rrule", "task"),
    [
        ("every friday gym at 6pm", _at(2026, 11, 27, 18), "FREQ=WEEKLY;BYDAY=FR", "gym"),
        ("every day take meds at 8am", _at(2026, 11, 25, 8), "FREQ=DAILY", "take meds"),
        ("tous les lundis sport à 18h", _at(2026, 11, 30, 18), "FREQ=WEEKLY;BYDAY=MO", "sport"),
    ],
)
def test_a_repeat_and_a_clock_written_apart_are_one_rule(
    text: str, at: datetime, rrule: str, task: str
) -> None:
    when = parse_when(text, now=NOW, tz=TZ, lang="en")
    assert when is not None
    assert (when.at, when.rrule) == (at, rrule)
    command = interpret(text, now=NOW, tz=TZ, lang="fr" if "lundis" in text else "en", state=None)
    assert isinstance(command, CreateReminder)
    assert (command.at, command.rrule, command.text) == (at, rrule, task)
