"""Gaps the held-out set showed (courtesy, questions, agenda, SMS words) and the speed helpers.

The speed helpers (``alternation``, ``ahead``, the ASCII ``fold`` shortcut) must never change
what matches: they are checked here against the plain forms.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from nudge.commands import (
    Agenda,
    AskWhat,
    Command,
    Complete,
    CreateReminder,
    Help,
    ListReminders,
    NextStep,
    Undo,
    Unknown,
)
from nudge.language import parse_when
from nudge.language.fold import _fold_char, fold
from nudge.language.intents import interpret
from nudge.language.lexicon import (
    MONTHS,
    NUMBER_WORDS,
    START,
    TOMORROW,
    WEEKDAY_NAMES,
    ahead,
    alternation,
)
from nudge.language.records import parse_record
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO, at_local


def _en(text: str) -> Command:
    return interpret(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)


def _fr(text: str, tz: str = PARIS) -> Command:
    now = NOW_PARIS if tz == PARIS else NOW_TORONTO
    return interpret(text, now=now, tz=tz, lang="fr", state=None)


WORD_LISTS = [
    sorted(WEEKDAY_NAMES, key=len, reverse=True),
    sorted(MONTHS, key=len, reverse=True),
    [w.replace(" ", r"\s+") for w in sorted(NUMBER_WORDS, key=len, reverse=True)],
    TOMORROW.split("|"),
    ["mon", "monday", "mo", "m", "a", "ab", "abc", "b"],  # prefixes, in both orders
    ["m", "mo", "mon", "monday"],
]


@pytest.mark.parametrize("words", WORD_LISTS)
def test_alternation_matches_exactly_like_the_plain_alternation(words: list[str]) -> None:
    plain = re.compile(rf"{START}(?:{'|'.join(words)})(?:s|\b)")
    tree = re.compile(rf"{START}{alternation('|'.join(words))}(?:s|\b)")
    pieces = [w.replace(r"\s+", " ") for w in words] + ["x", " ", "  ", "s", "-", "'", "2"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in tree.finditer(text)]
        assert bool(plain.fullmatch(text)) == bool(tree.fullmatch(text))


def test_alternation_keeps_regex_syntax_in_place() -> None:
    pattern = alternation(r"the\s+day|apres[-\s]?midi|today|tday")
    assert re.fullmatch(pattern, "apres-midi")
    assert re.fullmatch(pattern, "the  day")
    assert not re.fullmatch(pattern, "tod")


def test_ahead_is_only_a_lookahead() -> None:
    guard = re.compile(ahead("christmas|noel", spaced="on|a") + r"\w+")
    assert [m.group() for m in guard.finditer("a noel on xmas christmas")] == [
        "a",
        "noel",
        "on",
        "christmas",
    ]


def test_fold_ascii_shortcut_equals_the_character_fold() -> None:
    rng = random.Random(3)
    alphabet = [chr(code) for code in range(128)] + ["é", "À", "’", "¨"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert fold(text) == "".join(_fold_char(char) for char in text)


COMMANDS = [
    ("en", "help pls", Help()),
    ("en", "k next", NextStep()),
    ("en", "undo pls", Undo()),
    ("en", "done!! finally", Complete()),
    ("fr", "aide stp", Help()),
    ("fr", "mes rappels stp", ListReminders()),
    ("fr", "étape suivante stp", NextStep()),
    ("fr", "fait ✅", Complete()),
]


@pytest.mark.parametrize(("lang", "text", "expected"), COMMANDS)
def test_short_commands_wrapped_in_courtesy(lang: str, text: str, expected: Command) -> None:
    assert (_en(text) if lang == "en" else _fr(text)) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "do you think i should go to the gym tonight?"),
        ("en", "did i take my meds this morning?"),
        ("fr", "on se retrouve à 19h ?"),
        ("fr", "tu crois que je devrais aller au sport ce soir ?"),
        ("fr", "est ce que la pharmacie est ouverte demain ?"),
    ],
)
def test_a_question_without_a_remind_verb_is_no_reminder(lang: str, text: str) -> None:
    got = _en(text) if lang == "en" else _fr(text)
    assert isinstance(got, Unknown)


def test_a_remind_verb_in_a_question_still_asks_for_a_reminder() -> None:
    got = _en("can you remind me at 4 to call the school?")
    assert got == CreateReminder("call the school", at_local(TORONTO, 16))


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        ("en", "do i have anything friday?", date(2026, 11, 27)),
        ("en", "what do i have going on today", date(2026, 11, 24)),
        ("fr", "j'ai quoi de prévu vendredi ?", date(2026, 11, 27)),
        ("fr", "c quoi mon programme demain", date(2026, 11, 25)),
        ("fr", "c'est quoi mon horaire demain", date(2026, 11, 25)),
        ("fr", "est-ce que j'ai de quoi demain?", date(2026, 11, 25)),
    ],
)
def test_more_agenda_questions(lang: str, text: str, day: date) -> None:
    assert (_en(text) if lang == "en" else _fr(text)) == Agenda(day)


def test_sms_words_for_days_and_moments() -> None:
    assert _en("remind me weds to renew my bus pass") == CreateReminder(
        "renew my bus pass", at_local(TORONTO, 9, day=25)
    )
    assert _en("remind me sat morning to go to the market") == CreateReminder(
        "go to the market", at_local(TORONTO, 9, day=28)
    )
    assert _fr("rappelle moi la semaine pro d'appeler l'assurance") == CreateReminder(
        "appeler l'assurance", at_local(PARIS, 9, day=30)
    )
    assert _fr("rappelle moi ce week end de laver la voiture") == CreateReminder(
        "laver la voiture", at_local(PARIS, 9, day=28)
    )


def test_quebec_french() -> None:
    montreal = "America/Montreal"
    assert _fr("rappelle moi à soir de sortir le bac", montreal) == CreateReminder(
        "sortir le bac", at_local(montreal, 19)
    )
    assert _fr("rappelle moi dans une couple de minutes de fermer le rond", montreal) == (
        CreateReminder("fermer le rond", at_local(montreal, 10, 2))
    )


def test_apres_midi_is_the_afternoon_not_noon() -> None:
    assert _fr("rappelle moi en après-midi d'appeler la garderie") == CreateReminder(
        "appeler la garderie", at_local(PARIS, 15)
    )
    when = parse_when("après-midi", now=NOW_PARIS, tz=PARIS, lang="fr")
    assert when is None or when.at.hour != 12


def test_loose_english() -> None:
    assert _en("remind me at 9ish to go to bed") == CreateReminder(
        "go to bed", at_local(TORONTO, 21)
    )
    assert _en("remind me in half an hr to get off the couch") == CreateReminder(
        "get off the couch", at_local(TORONTO, 10, 30)
    )
    assert _en("remember me at 18h to take the medicine") == CreateReminder(
        "take the medicine", at_local(TORONTO, 18)
    )
    assert _en("can u remind me tmrw") == AskWhat(at_local(TORONTO, 9, day=25))
    assert _en("gym tmrw at 6am 💪") == CreateReminder("gym", at_local(TORONTO, 6, day=25))


def test_weekdays_listed_with_spaces_and_sms_every() -> None:
    got = _en("every mon wed fri at 7am gym")
    assert got == CreateReminder("gym", at_local(TORONTO, 7, day=25), "FREQ=WEEKLY;BYDAY=MO,WE,FR")
    got = _fr("rappelle moi de boire de l'eau ttes les 2h")
    assert isinstance(got, CreateReminder)
    assert got.rrule == "FREQ=HOURLY;INTERVAL=2"


def test_the_record_reports_the_reminders_own_time() -> None:
    text = "cant focus today. can you remind me at 3 to answer my emails"
    record = parse_record(text, now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert record["intent"] == "CreateReminder"
    assert record["when"] == "2026-11-24T15:00:00-05:00"
