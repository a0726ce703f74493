from __future__ import annotations

import pytest

from nudge.language import detect_locale


@pytest.mark.parametrize(
    "text",
    [
        "rappelle-moi d'appeler maman à 20h",
        "rappelle moi de sortir les poubelles dans 20 minutes",
        "Rappelle-moi DEMAIN",
        "demain 8h",
        "aide",
        "ajoute pain à ma liste",
        "c'est fait",
        "fini",
        "terminé",
        "mes rappels",
        "ma liste",
        "merci",
        "annule ça",
        "plus tard",
        "français",
        "2main 8h",
        "appeler la banque",
    ],
)
def test_french(text: str) -> None:
    assert detect_locale(text) == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "remind me to call mom in 20 minutes",
        "remind me",
        "call mom at 6pm",
        "add buy milk",
        "what's on my list",
        "my reminders",
        "done",
        "undo",
        "help",
        "tomorrow at 8am",
        "english",
        "thanks",
    ],
)
def test_english(text: str) -> None:
    assert detect_locale(text) == "en"


@pytest.mark.parametrize(
    "text",
    ["list", "ok", "OK", "8h", "8", "snooze", "todo", "", "   ", "🙂🙂", "?", "20:00", "Netflix"],
)
def test_unclear(text: str) -> None:
    assert detect_locale(text) is None
