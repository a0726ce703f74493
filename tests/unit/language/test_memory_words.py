"""Recall and forget said loosely; general questions ("what's the weather?") are no recall."""

from __future__ import annotations

import pytest

from nudge.commands import Command, Forget, Recall
from nudge.language.intents import interpret
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO


def _en(text: str) -> Command:
    return interpret(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)


def _fr(text: str) -> Command:
    return interpret(text, now=NOW_PARIS, tz=PARIS, lang="fr", state=None)


@pytest.mark.parametrize(
    ("text", "query"),
    [
        # who has something of mine: the thing is the query
        ("whos got my hdmi cable", "hdmi cable"),
        ("who borrowed my ladder?", "ladder"),
        ("who took my Tupperware", "Tupperware"),
        # "again" marks a fact asked back
        ("what's the dentist's name again", "dentist's name"),
        ("what was the alarm code again?", "alarm code"),
    ],
)
def test_english_recall_of_a_thing(text: str, query: str) -> None:
    assert _en(text) == Recall(query)


@pytest.mark.parametrize(
    "text",
    [
        "where did i leave the charger",
        "which shelf did i put the tax papers on",
        "who did i lend my ladder to?",
        "hmm where did i hide the gift",
        "what bay did i park in",
    ],
)
def test_english_recall_of_where_a_thing_went(text: str) -> None:
    understood = _en(text)
    assert isinstance(understood, Recall)
    assert understood.query


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("qui a emprunté mon escabeau", "escabeau"),
        ("qui avait mes clés de chalet ?", "clés de chalet"),
        ("comment s'appelle ma prof de yoga", "prof de yoga"),
        ("c'est quoi le nom du dentiste déjà", "nom du dentiste"),
        ("c'est quoi le code de l'alarme déjà ?", "code de l'alarme"),
    ],
)
def test_french_recall_of_a_thing(text: str, query: str) -> None:
    assert _fr(text) == Recall(query)


@pytest.mark.parametrize(
    "text",
    [
        "j'ai mis mes clés où",
        "à qui j'ai prêté mon vélo ?",
        "où est-ce que j'ai rangé le passeport",
        "j'ai stationné l'auto où déjà",
        "jai caché le cadeau où",
    ],
)
def test_french_recall_of_where_a_thing_went(text: str) -> None:
    assert isinstance(_fr(text), Recall)


@pytest.mark.parametrize(
    ("lang", "text", "query"),
    [
        ("en", "forget everything about my old address", "old address"),
        ("en", "please forget what i said about Karim", "Karim"),
        ("en", "forget anything you know about the wifi", "wifi"),
        ("fr", "oublie ce que je t'ai dit sur Karim", "Karim"),
        ("fr", "oublie tout sur le code du garage", "code du garage"),
        ("fr", "efface tout ce que tu sais à propos de mon ancien appart", "ancien appart"),
    ],
)
def test_forget_everything_about(lang: str, text: str, query: str) -> None:
    assert (_en(text) if lang == "en" else _fr(text)) == Forget(query)


@pytest.mark.parametrize(
    "text",
    [
        "what's the weather tomorrow?",
        "what's the weather like",
        "what's the best way to cook rice",
        "what's the time",
        "who is the president",
        "where is the nearest pharmacy",
        "what's the score",
        "did i take my meds this morning?",
        "wait what time did i say for the dentist",
        "who called",
        "call mom later",
    ],
)
def test_general_english_questions_are_no_recall(text: str) -> None:
    assert not isinstance(_en(text), (Recall, Forget))


@pytest.mark.parametrize(
    "text",
    [
        "c'est quoi la météo demain",
        "quelle est la meilleure pizzeria",
        "où est la pharmacie la plus proche",
        "qui a appelé",
        "j'ai mis la lessive",
        "oublie ça",
        "rappelle-moi de demander à Paul qui a ma perceuse demain à 9h",
    ],
)
def test_general_french_questions_are_no_recall(text: str) -> None:
    assert not isinstance(_fr(text), (Recall, Forget))
