"""Where the user is, in words → SetTimezone; a place Nudge does not know → AskTimezone."""

from __future__ import annotations

import pytest

from nudge.commands import AskTimezone, Command, SetTimezone
from nudge.language import whereabouts
from nudge.language.intents import interpret
from nudge.language.zones import place_name, zone_for
from tests.unit.language.first_words import first_words
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO


def _en(text: str) -> Command:
    return interpret(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)


def _fr(text: str) -> Command:
    return interpret(text, now=NOW_PARIS, tz=PARIS, lang="fr", state=None)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        # arriving, being back
        ("just got to boston", "America/New_York"),
        ("im back in paris", "Europe/Paris"),
        ("i just arrived in chicago", "America/Chicago"),
        ("we're finally here in lisbon lol", "Europe/Lisbon"),
        ("currently in tokyo till sunday", "Asia/Tokyo"),
        ("im in NYC for a bit", "America/New_York"),
        # a zone word somewhere in the message
        ("flying out tmrw, timezone europe/berlin pls", "Europe/Berlin"),
        ("switch my tz to America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("put me on mountain time", "America/Denver"),
        ("i'm on pacific time now", "America/Vancouver"),
        ("set my time zone to Eastern Standard Time", "America/Toronto"),
        ("my timezone is central", "America/Chicago"),
    ],
)
def test_english_places_and_zones(text: str, zone: str) -> None:
    assert _en(text) == SetTimezone(zone)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("chus rendu à Vancouver", "America/Vancouver"),
        ("chui rendue a montreal", "America/Toronto"),
        ("je suis de retour à Lyon", "Europe/Paris"),
        ("je suis bien arrivée à Dakar", "Africa/Dakar"),
        ("on est à Québec pour la semaine", "America/Toronto"),
        ("je suis au Japon", "Asia/Tokyo"),
        ("mets mon fuseau à l'heure du Pacifique", "America/Vancouver"),
        ("passe-moi à l'heure des Rocheuses stp", "America/Denver"),
        ("change le fuseau horaire pour Asia/Seoul", "Asia/Seoul"),
        ("mon fuseau horaire c'est l'heure normale de l'Est", "America/Toronto"),
        ("fuseau : HNE", "America/Toronto"),
    ],
)
def test_french_places_and_zones(text: str, zone: str) -> None:
    assert _fr(text) == SetTimezone(zone)


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "I moved to Springfield", "Springfield"),
        ("en", "just landed in reykjavik", "Reykjavik"),
        ("en", "set my timezone to saint-jovite", "Saint-Jovite"),
        ("en", "relocated to Moose Jaw", "Moose Jaw"),
        ("en", "arrived in Tuktoyaktuk!", "Tuktoyaktuk"),
        ("fr", "je viens d'arriver à Tadoussac", "Tadoussac"),
        ("fr", "chu rendue à Gaspé", "Gaspe"),
        ("fr", "mets mon fuseau horaire à l'heure de Kinshasa-Est", "Kinshasa-Est"),
    ],
)
def test_a_place_nudge_does_not_know_gets_a_question(lang: str, text: str, place: str) -> None:
    understood = _en(text) if lang == "en" else _fr(text)
    assert understood == AskTimezone(place)


@pytest.mark.parametrize(
    "text",
    [
        "I'm in a meeting",
        "im at work",
        "i'm in bed lol",
        "just got to work",
        "got to go",
        "back to normal",
        "im at central",
        "my timezone is wrong",
        "je suis à la maison",
        "chu au travail",
        "je suis en réunion",
        "je suis à la réunion",
        "je suis en retard",
        "je suis au centre",
        "je viens d'arriver au bureau",
        "chu rendue à l'école",
        "mon fuseau horaire est faux",
        "passe à l'heure d'été",
        "call mom later",
        "remind me to undo the tent at 5",
    ],
)
def test_no_place_no_zone_and_no_question(text: str) -> None:
    for understood in (_en(text), _fr(text)):
        assert not isinstance(understood, (SetTimezone, AskTimezone)), (text, understood)


@pytest.mark.parametrize(
    ("words", "zone"),
    [
        ("heure de l'est", "America/Toronto"),
        ("l'heure du pacifique", "America/Vancouver"),
        ("eastern time", "America/Toronto"),
        ("the central time", "America/Chicago"),
        ("asia/tokyo", "Asia/Tokyo"),
        ("america/port-au-prince", "America/Port-au-Prince"),
        ("new-york", "America/New_York"),
    ],
)
def test_zone_words(words: str, zone: str) -> None:
    assert zone_for(words) == zone


def test_bare_zone_names_need_a_zone_word() -> None:
    assert zone_for("pacific") is None
    assert zone_for("pacific", named=True) == "America/Vancouver"
    assert zone_for("centre") is None  # "je suis au centre"
    assert zone_for("america/nowhere") is None
    assert place_name("l'heure de springfield") == "springfield"


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_question_s_example_is_understood(locale: str) -> None:
    from nudge.texts.catalog import render

    example = render(locale, "timezone_unknown", text="X").split('"')[1]
    understood = _en(example) if locale == "en" else _fr(example)
    assert isinstance(understood, SetTimezone)


def test_every_first_word_of_a_whereabouts_sentence_is_listed() -> None:
    assert first_words(whereabouts._HERE) <= whereabouts._HERE_FIRST
