"""Clock times in words ("at eight", "half past six", "huit heures et quart")."""

from __future__ import annotations

from datetime import datetime

import pytest

from nudge.commands import AskWhen, CreateReminder
from nudge.language import parse_when, understand
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO, at_local

ENGLISH = [
    # a flexible hour, like "at 8": at 10:00, 8 is 20:00 today
    ("at eight", at_local(TORONTO, 20), "hour"),
    ("at eleven", at_local(TORONTO, 11), "hour"),
    ("at eight thirty", at_local(TORONTO, 20, 30), "minute"),
    ("at six oh five", at_local(TORONTO, 18, 5), "minute"),
    ("at seven forty-five", at_local(TORONTO, 19, 45), "minute"),
    ("eight o'clock", at_local(TORONTO, 20), "hour"),
    ("eight o clock", at_local(TORONTO, 20), "hour"),
    ("at eight am", at_local(TORONTO, 8, day=25), "hour"),
    ("six thirty pm", at_local(TORONTO, 18, 30), "minute"),
    ("half past six", at_local(TORONTO, 18, 30), "minute"),
    ("at a quarter past ten", at_local(TORONTO, 10, 15), "minute"),
    ("quarter to nine", at_local(TORONTO, 20, 45), "minute"),
    ("ten past five", at_local(TORONTO, 17, 10), "minute"),
    ("twenty to one", at_local(TORONTO, 12, 40), "minute"),
    ("quarter to one", at_local(TORONTO, 12, 45), "minute"),
    # on another day a flexible 1-6 is afternoon, 7-11 morning (as with digits)
    ("tomorrow at eight", at_local(TORONTO, 8, day=25), "hour"),
    ("tomorrow at three", at_local(TORONTO, 15, day=25), "hour"),
    ("friday at eight", at_local(TORONTO, 8, day=27), "hour"),
    ("tonight at nine", at_local(TORONTO, 21), "hour"),
    ("at eight in the evening", at_local(TORONTO, 20), "hour"),
]

FRENCH = [
    ("à huit heures", at_local(PARIS, 8, day=25), "hour"),
    ("huit heures", at_local(PARIS, 8, day=25), "hour"),
    ("à huit heures et quart", at_local(PARIS, 8, 15, day=25), "minute"),
    ("à huit heures et demie", at_local(PARIS, 8, 30, day=25), "minute"),
    ("quinze heures trente", at_local(PARIS, 15, 30), "minute"),
    ("à quinze heures quarante-cinq", at_local(PARIS, 15, 45), "minute"),
    ("neuf heures moins le quart", at_local(PARIS, 8, 45, day=25), "minute"),
    ("vingt et une heures", at_local(PARIS, 21), "hour"),
    ("vers dix-huit heures", at_local(PARIS, 18), "hour"),
    ("à une heure", at_local(PARIS, 1, day=25), "hour"),
    ("demain à sept heures du matin", at_local(PARIS, 7, day=25), "hour"),
    ("à huit heures du soir", at_local(PARIS, 20), "hour"),
    ("à deux heures de l'après-midi", at_local(PARIS, 14), "hour"),
    ("vendredi à quatorze heures", at_local(PARIS, 14, day=27), "hour"),
]


@pytest.mark.parametrize(("text", "expected", "grain"), ENGLISH)
def test_english_clock_times_in_words(text: str, expected: datetime, grain: str) -> None:
    when = parse_when(text, now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert when is not None, text
    assert (when.at, when.grain) == (expected, grain)


@pytest.mark.parametrize(("text", "expected", "grain"), FRENCH)
def test_french_clock_times_in_words(text: str, expected: datetime, grain: str) -> None:
    when = parse_when(text, now=NOW_PARIS, tz=PARIS, lang="fr")
    assert when is not None, text
    assert (when.at, when.grain) == (expected, grain)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("buy a six pack", "en"),  # the article "a", not "à"
        ("remind me at one point", "en"),
        ("at two of them", "en"),
        ("for two hours", "en"),
        ("pendant deux heures", "fr"),
        ("depuis trois heures", "fr"),
        ("deux heures de ménage", "fr"),
        ("pour deux heures", "fr"),
        ("une heure avant", "fr"),
        ("one more thing", "en"),
        ("someone phoned", "en"),
    ],
)
def test_numbers_that_are_no_clock_time(text: str, lang: str) -> None:
    now, tz = (NOW_PARIS, PARIS) if lang == "fr" else (NOW_TORONTO, TORONTO)
    assert parse_when(text, now=now, tz=tz, lang=lang) is None


def _reminder(text: str, lang: str) -> object:
    now, tz = (NOW_PARIS, PARIS) if lang == "fr" else (NOW_TORONTO, TORONTO)
    return understand(text, now=now, tz=tz, lang=lang, state=None)


def test_a_reminder_with_a_clock_in_words_keeps_its_task() -> None:
    command = _reminder("remind me to take the chicken out at quarter to five", "en")
    assert command == CreateReminder("take the chicken out", at_local(TORONTO, 16, 45), None)
    command = _reminder("rappelle-moi à huit heures de prendre mes médicaments", "fr")
    assert command == CreateReminder("prendre mes médicaments", at_local(PARIS, 8, day=25), None)
    command = _reminder("rappelle-moi à huit heures et quart de partir", "fr")
    assert command == CreateReminder("partir", at_local(PARIS, 8, 15, day=25), None)


def test_a_day_and_a_clock_in_words_are_one_time() -> None:
    command = _reminder("every day at eight take meds", "en")
    assert isinstance(command, CreateReminder)
    assert (command.at, command.rrule) == (at_local(TORONTO, 8, day=25), "FREQ=DAILY")
    command = _reminder("friday at eight dentist", "en")
    assert command == CreateReminder("dentist", at_local(TORONTO, 8, day=27), None)


def test_a_number_that_is_no_time_leaves_the_reminder_asking_when() -> None:
    assert _reminder("remind me at one point to call", "en") == AskWhen("at one point to call")
