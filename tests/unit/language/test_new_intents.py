"""Agenda, time zone, quiet hours, memory and coaching intents, and reminders said loosely."""

from __future__ import annotations

from datetime import date, time

import pytest

from nudge.commands import (
    Agenda,
    AskWhat,
    BreakDown,
    Command,
    CreateReminder,
    Forget,
    NextStep,
    Recall,
    RefusePast,
    Remember,
    SetQuietHours,
    SetTimezone,
    Unknown,
)
from nudge.language.intents import interpret
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO, at_local


def _en(text: str) -> Command:
    return interpret(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)


def _fr(text: str) -> Command:
    return interpret(text, now=NOW_PARIS, tz=PARIS, lang="fr", state=None)


TODAY, TOMORROW, FRIDAY = date(2026, 11, 24), date(2026, 11, 25), date(2026, 11, 27)

CASES = [
    ("en", "what's on today", Agenda(TODAY)),
    ("en", "what do I have tomorrow?", Agenda(TOMORROW)),
    ("en", "what's on friday", Agenda(FRIDAY)),
    ("en", "today", Agenda(TODAY)),
    ("fr", "qu'est-ce que j'ai aujourd'hui", Agenda(TODAY)),
    ("fr", "j'ai quoi demain", Agenda(TOMORROW)),
    ("fr", "quoi de prévu vendredi", Agenda(FRIDAY)),
    ("en", "I'm in Paris now", SetTimezone("Europe/Paris")),
    ("en", "just landed in london", SetTimezone("Europe/London")),
    ("en", "set my timezone to Europe/Paris", SetTimezone("Europe/Paris")),
    ("fr", "je suis à Montréal", SetTimezone("America/Toronto")),
    ("fr", "fuseau horaire: America/Vancouver", SetTimezone("America/Vancouver")),
    ("en", "don't text me after 10pm", SetQuietHours(time(22), time(8))),
    ("en", "don't text me after 11", SetQuietHours(time(23), time(8))),
    ("en", "dont text me before 9am", SetQuietHours(time(22), time(9))),
    ("en", "no texts between 11pm and 7am", SetQuietHours(time(23), time(7))),
    ("en", "turn off quiet hours", SetQuietHours(None, None)),
    ("fr", "pas de messages avant 8h stp", SetQuietHours(time(22), time(8))),
    ("fr", "heures calmes 22h-7h", SetQuietHours(time(22), time(7))),
    ("en", "remember my locker code is 4512", Remember("my locker code is 4512")),
    ("fr", "retiens que le code du casier est 4512", Remember("le code du casier est 4512")),
    ("en", "what's my locker code?", Recall("locker code")),
    ("fr", "c'est quoi mon code de casier", Recall("code de casier")),
    ("en", "forget my locker code", Forget("locker code")),
    ("fr", "oublie mon code de casier", Forget("code de casier")),
    ("en", "I'm stuck on my taxes", BreakDown("my taxes")),
    ("fr", "je bloque sur le rapport", BreakDown("le rapport")),
    ("fr", "découpe ranger la cuisine", BreakDown("ranger la cuisine")),
    ("en", "next", NextStep()),
    ("fr", "étape suivante", NextStep()),
    ("fr", "suivant", NextStep()),
    ("en", "forget it", Unknown("forget it")),
    ("en", "I'm in a meeting", Unknown("I'm in a meeting")),
    ("en", "yesterday", RefusePast("", at_local(TORONTO, 9, day=23), "day")),
    ("en", "remember to call mom at 5", CreateReminder("call mom", at_local(TORONTO, 17))),
    (
        "en",
        "call the vet friday morning",
        CreateReminder("call the vet", at_local(TORONTO, 9, day=27)),
    ),
    (
        "en",
        "tomorrow remind me to pay rent",
        CreateReminder("pay rent", at_local(TORONTO, 9, day=25)),
    ),
    ("en", "tonight at 8 call grandpa", CreateReminder("call grandpa", at_local(TORONTO, 20))),
    (
        "en",
        "so tired. remind me at 9pm to go to bed",
        CreateReminder("go to bed", at_local(TORONTO, 21)),
    ),
    (
        "fr",
        "Max chez le véto vendredi à 14h, rappelle-moi",
        CreateReminder("Max chez le véto", at_local(PARIS, 14, day=27)),
    ),
    ("fr", "ce soir 20h appeler papi", CreateReminder("appeler papi", at_local(PARIS, 20))),
    ("en", "remind me friday at 3", AskWhat(at_local(TORONTO, 15, day=27))),
    ("en", "my appointment is at 3", Unknown("my appointment is at 3")),
    ("fr", "je t'appelle à 18h", Unknown("je t'appelle à 18h")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_intents(lang: str, text: str, expected: Command) -> None:
    assert (_fr(text) if lang == "fr" else _en(text)) == expected


@pytest.mark.parametrize("text", ["STOP", "stop", "cancel", "ARRET", "unsubscribe", "end"])
def test_carrier_words_never_become_commands(text: str) -> None:
    assert _en(text) == Unknown(text)


def test_recurring_reminders_keep_their_rule() -> None:
    command = _fr("rappelle-moi de payer le loyer le premier de chaque mois")
    assert command == CreateReminder(
        "payer le loyer", at_local(PARIS, 9, day=1).replace(month=12), "FREQ=MONTHLY;BYMONTHDAY=1"
    )
