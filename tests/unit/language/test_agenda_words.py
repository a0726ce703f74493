"""Agenda questions said loosely: "anything tmrw?", "wut's on 2day", "j'ai-tu de quoi lundi"."""

from __future__ import annotations

from datetime import date

import pytest

from nudge.commands import Agenda, Command
from nudge.language.intents import interpret
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO

TODAY, TOMORROW = date(2026, 11, 24), date(2026, 11, 25)
WEDNESDAY, FRIDAY, SATURDAY, MONDAY = (date(2026, 11, d) for d in (25, 27, 28, 30))


def _en(text: str) -> Command:
    return interpret(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)


def _fr(text: str) -> Command:
    return interpret(text, now=NOW_PARIS, tz=PARIS, lang="fr", state=None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # "anything" + a day
        ("anything friday?", FRIDAY),
        ("any plans for tmrw", TOMORROW),
        ("is there anything on this weekend", SATURDAY),
        ("got anything planned monday", MONDAY),
        ("anything going on 2day?", TODAY),
        # SMS spellings of "what"
        ("wut do i have friday", FRIDAY),
        ("wat's on tomorow", TOMORROW),
        ("wht do i have planned monday", MONDAY),
        ("what've i got today", TODAY),
        # "look like"
        ("what does my day look like", TODAY),
        ("how's my schedule looking tmrw", TOMORROW),
        ("what does friday look like?", FRIDAY),
        ("hows tomorrow looking", TOMORROW),
        ("whats the day look like", TODAY),
    ],
)
def test_english_agenda_questions(text: str, day: date) -> None:
    assert _en(text) == Agenda(day)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("g koi demain", TOMORROW),
        ("jai kwa vendredi", FRIDAY),
        ("j'ai tu qqch de prévu lundi", MONDAY),
        ("jai-tu des trucs demain", TOMORROW),
        ("y a quoi demain", TOMORROW),
        ("y'a-tu de quoi vendredi ?", FRIDAY),
        ("il y a quoi de prévu lundi", MONDAY),
        ("qu'est-ce qu'il y a de prévu demain", TOMORROW),
        ("qu'est-ce que j'ai au programme vendredi", FRIDAY),
        ("kesk jai de prevu auj", TODAY),
        ("koi de prévu demain", TOMORROW),
        ("c koi mon horaire mercredi", WEDNESDAY),
    ],
)
def test_french_agenda_questions(text: str, day: date) -> None:
    assert _fr(text) == Agenda(day)


@pytest.mark.parametrize(
    "text",
    [
        "anything else?",
        "anything on?",
        "anything tomorrow is fine",
        "what does the sky look like",
        "how is your day going",
        "y a quoi ?",
        "y a quoi sur le menu",
        "remind me to check if there's anything on friday at 9am",
        "call mom later",
    ],
)
def test_other_questions_are_no_agenda(text: str) -> None:
    assert not isinstance(_en(text), Agenda)
    assert not isinstance(_fr(text), Agenda)
