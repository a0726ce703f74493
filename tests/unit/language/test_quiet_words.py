"""Quiet hours said loosely: "stop texting me after 9pm", "m'écris pas après 22h", "dnd off"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

import pytest

from nudge.commands import Command, SetQuietHours, Unknown
from nudge.language.intents import interpret
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO

OFF = SetQuietHours(None, None)


def _en(text: str) -> Command:
    return interpret(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)


def _fr(text: str) -> Command:
    return interpret(text, now=NOW_PARIS, tz=PARIS, lang="fr", state=None)


@pytest.mark.parametrize(
    "text",
    [
        "no more quiet hours",
        "quiet hours: off pls",
        "get rid of my quiet hours",
        "dnd off",
        "i don't want quiet hours anymore",
        "switch off quiet mode",
    ],
)
def test_english_quiet_hours_off(text: str) -> None:
    assert _en(text) == OFF


@pytest.mark.parametrize(
    "text",
    [
        "pas d'heures calmes stp",
        "plus d'heures de silence",
        "je veux plus d'heures calmes",
        "heures calmes finies",
        "arrête le mode silencieux",
    ],
)
def test_french_quiet_hours_off(text: str) -> None:
    assert _fr(text) == OFF


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("stop messaging me after 10:30pm", time(22, 30), time(8)),
        ("can you stop texting me before 8am", time(22), time(8)),
        ("please don't txt me after 11", time(23), time(8)),
        ("no texting after 9pm", time(21), time(8)),
        ("do not disturb after 10pm", time(22), time(8)),
        ("dnd from 11pm to 6am", time(23), time(6)),
        ("quiet hours starting at 10pm", time(22), time(8)),
        ("quiet time from 9:30pm", time(21, 30), time(8)),
    ],
)
def test_english_quiet_hours(text: str, start: time, end: time) -> None:
    assert _en(text) == SetQuietHours(start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("m'envoie rien après 21h30", time(21, 30), time(8)),
        ("me texte pas avant 9h", time(22), time(9)),
        ("texte-moi pas après 23h stp", time(23), time(8)),
        ("ecris moi pas avant 7h", time(22), time(7)),
        ("dérange-moi pas après 22h", time(22), time(8)),
        ("ne me dérangez pas après 21h", time(21), time(8)),
        ("pas de textos à partir de 22h", time(22), time(8)),
        ("heures calmes dès 23h", time(23), time(8)),
    ],
)
def test_french_quiet_hours(text: str, start: time, end: time) -> None:
    assert _fr(text) == SetQuietHours(start, end)


@pytest.mark.parametrize(
    "text",
    ["stop", "STOP", "stop texting me", "quiet hours pls", "pas de messages à 14h"],
)
def test_no_quiet_hours_without_a_time_or_an_off(text: str) -> None:
    assert not isinstance(_en(text), SetQuietHours)
    assert not isinstance(_fr(text), SetQuietHours)


def test_a_bare_stop_stays_a_carrier_word() -> None:
    assert _en("STOP") == Unknown("STOP")


@pytest.mark.parametrize(
    "text",
    [
        "remind me to stop texting ex after 9pm",
        "call mom later",
        "rappelle-moi d'écrire à Paul après 18h",
        "are you still texting me after 9pm?",
    ],
)
def test_other_texts_set_no_quiet_hours(text: str) -> None:
    assert not isinstance(_en(text), SetQuietHours)
    assert not isinstance(_fr(text), SetQuietHours)


@pytest.mark.parametrize(
    ("say", "text", "start", "end"),
    [
        (_en, "quiet hours 10pm-7am", time(22), time(7)),  # was split at the "a" of "am"
        (_en, "quiet hours 10 pm-7 am", time(22), time(7)),
        (_en, "set quiet hours 23-7", time(23), time(7)),  # was a reminder on July 23
        (_en, "set my quiet hours to 10pm-7am", time(22), time(7)),
        (_en, "change quiet hours to 11pm to 6am", time(23), time(6)),
        (_fr, "mets mes heures calmes à 22h-7h", time(22), time(7)),
        (_fr, "change mes heures calmes 23h-6h30", time(23), time(6, 30)),
    ],
)
def test_quiet_hours_set_as_a_range_or_with_a_setting_verb(
    say: Callable[[str], Command], text: str, start: time, end: time
) -> None:
    assert say(text) == SetQuietHours(start, end)


@pytest.mark.parametrize("text", ["set a reminder", "make dinner at 7", "put the trash out at 8"])
def test_a_setting_verb_alone_is_no_quiet_hours(text: str) -> None:
    assert not isinstance(_en(text), SetQuietHours)
