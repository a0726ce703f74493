"""Being stuck said loosely → BreakDown(task): "i keep putting off X", "par où commencer pour X"."""

from __future__ import annotations

import pytest

from nudge.commands import BreakDown
from nudge.language.stuck_words import break_down
from nudge.language.tasks import Message


def _stuck(text: str) -> BreakDown | None:
    found = break_down(Message.of(text))
    assert found is None or isinstance(found, BreakDown)
    return found


@pytest.mark.parametrize(
    ("text", "task"),
    [
        # feeling stuck, with a word of how much
        ("im really stuck on the budget spreadsheet", "the budget spreadsheet"),
        ("i feel so overwhelmed by my inbox", "my inbox"),
        ("ugh, i'm totally blocked on the grant report", "the grant report"),
        # putting it off
        ("ugh i've been avoiding my inbox for weeks", "my inbox"),
        ("i keep procrastinating on the dishes lol", "the dishes"),
        ("i keep putting off calling the bank. can you help", "calling the bank"),
        # not knowing where to start
        ("idk where to start with the move", "the move"),
        ("i don't know where to start on my thesis", "my thesis"),
        ("how do i even start my portfolio", "my portfolio"),
        # asking for steps
        ("could you split up planning the party into small steps", "planning the party"),
        ("pls break down my tax return into tiny steps", "my tax return"),
        ("help me get going on the laundry", "the laundry"),
        ("i need help getting started on my resume", "my resume"),
        ("give me baby steps for cleaning the fridge", "cleaning the fridge"),
    ],
)
def test_english_stuck_phrasings(text: str, task: str) -> None:
    assert _stuck(text) == BreakDown(task)


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("chu tellement bloquée sur mon mémoire", "mon mémoire"),
        ("je me sens submergé par la paperasse", "la paperasse"),
        ("j'arrive pas à me lancer dans le ménage", "le ménage"),
        ("je repousse mes impôts depuis des semaines", "mes impôts"),
        ("peux-tu découper le rangement du garage en petites étapes", "le rangement du garage"),
        ("j'ai du mal à commencer mon rapport", "mon rapport"),
        ("jsais pas comment m'y prendre pour le déménagement", "le déménagement"),
        ("aidez-moi à m'y mettre pour la lessive stp", "la lessive"),
    ],
)
def test_french_stuck_phrasings(text: str, task: str) -> None:
    assert _stuck(text) == BreakDown(task)


def test_coaching_phrasings_still_work() -> None:
    assert _stuck("i'm stuck on my taxes") == BreakDown("my taxes")
    assert _stuck("je bloque sur le rapport") == BreakDown("le rapport")


@pytest.mark.parametrize(
    "text",
    [
        "can you break it into steps",
        "i'm so stuck lol",
        "i'm stuck in traffic",
        "je suis bloquée dans le trafic",
        "remind me to break down the boxes at 5",
        "please break down the boxes at 5",
        "can you break down the boxes tomorrow",
        "call mom later",
        "how do i use this",
        "je sais pas",
        "i keep forgetting my keys",
    ],
)
def test_no_breakdown(text: str) -> None:
    assert _stuck(text) is None
