"""Time forms people text that the second held-out set showed missing.

Compact and spaced clocks ("at 830", "at 2 30"), digit fractions ("10 past 6"), French
"moins le quart" with digits, fractions of an hour ("1/2h", "3/4 d'heure"), Québec "une
couple d'heures" and "aux deux semaines", weekdays as "jours de semaine", the "evry" typo.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from nudge.language import parse_when
from nudge.language.records import local_now, parse_record
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO, at_local

ENGLISH = [
    ("at 830", at_local(TORONTO, 20, 30), None),  # flexible like "at 8:30": 20:30 at 10:00
    ("@ 1045", at_local(TORONTO, 10, 45), None),
    ("at 2 30", at_local(TORONTO, 14, 30), None),
    ("at 8 30 pm", at_local(TORONTO, 20, 30), None),
    ("tomorrow 715", at_local(TORONTO, 7, 15, day=25), None),
    ("at 10 past 6", at_local(TORONTO, 18, 10), None),
    ("at 5 to 6", at_local(TORONTO, 17, 55), None),
    ("half past 7", at_local(TORONTO, 19, 30), None),
    ("evry night", at_local(TORONTO, 19), "FREQ=DAILY"),
    ("evrey day at 8", at_local(TORONTO, 8, day=25), "FREQ=DAILY"),
]

FRENCH = [
    ("à 7h moins le quart", at_local(PARIS, 6, 45, day=25), None),
    ("à 20h moins 10", at_local(PARIS, 19, 50), None),
    ("dans 1/2h", at_local(PARIS, 10, 30), None),
    ("dans 3/4 d'heure", at_local(PARIS, 10, 45), None),
    ("dans trois quarts d'heure", at_local(PARIS, 10, 45), None),
    ("dans une couple d'heures", at_local(PARIS, 12), None),
    (
        "aux deux semaines le jeudi à 10h",
        at_local(PARIS, 10, day=26),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
    ),
    ("aux 2 semaines", at_local(PARIS, 9, day=25), "FREQ=WEEKLY;INTERVAL=2"),
    (
        "tous les jours de semaine à 8h",
        at_local(PARIS, 8, day=25),
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    ),
    (
        "les jours de semaine à 7h30",
        at_local(PARIS, 7, 30, day=25),
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    ),
    ("tous les jours à 8h", at_local(PARIS, 8, day=25), "FREQ=DAILY"),
]


@pytest.mark.parametrize(("text", "expected", "rrule"), ENGLISH)
def test_english_forms(text: str, expected: datetime, rrule: str | None) -> None:
    when = parse_when(text, now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert when is not None, text
    assert (when.at, when.rrule) == (expected, rrule)


@pytest.mark.parametrize(("text", "expected", "rrule"), FRENCH)
def test_french_forms(text: str, expected: datetime, rrule: str | None) -> None:
    when = parse_when(text, now=NOW_PARIS, tz=PARIS, lang="fr")
    assert when is not None, text
    assert (when.at, when.rrule) == (expected, rrule)


@pytest.mark.parametrize(
    "text",
    ["call 911", "buy 2 30 packs", "room 1204", "pour 1030", "in 2026", "on va aux toilettes"],
)
def test_numbers_without_at_are_no_clock(text: str) -> None:
    assert parse_when(text, now=NOW_TORONTO, tz=TORONTO, lang="en") is None


def test_an_agenda_record_gives_its_day_even_for_today() -> None:
    now = local_now("2026-11-24T10:00", TORONTO)
    today = parse_record("what's on today", now=now, tz=TORONTO, lang="en")
    assert (today["intent"], today["when"], today["grain"]) == (
        "Agenda",
        "2026-11-24T00:00:00-05:00",
        "day",
    )
    tonight = parse_record("what's on for tonight", now=now, tz=TORONTO, lang="en")
    assert tonight["when"] == "2026-11-24T19:00:00-05:00"


def test_an_hour_without_at_after_until_ends_an_interval() -> None:
    # it used to raise inside the clock reader (no preposition group in that pattern)
    when = parse_when("every 2 hours until 6", now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert when is not None
    assert (when.at, when.rrule) == (
        at_local(TORONTO, 12),
        "FREQ=HOURLY;INTERVAL=2;UNTIL=20261124T180000",
    )


@pytest.mark.parametrize(
    ("text", "lang", "minutes"),
    [("in seventeen minutes", "en", 17), ("in nineteen min", "en", 19),
     ("dans dix-sept minutes", "fr", 17), ("dans dix neuf minutes", "fr", 19),
     ("dans dix huit minutes", "fr", 18)],
)  # fmt: skip
def test_every_teen_reads_as_a_number(text: str, lang: str, minutes: int) -> None:
    now, tz = (NOW_PARIS, PARIS) if lang == "fr" else (NOW_TORONTO, TORONTO)
    when = parse_when(text, now=now, tz=tz, lang=lang)
    assert when is not None, text
    assert when.at == at_local(tz, 10, minutes)
