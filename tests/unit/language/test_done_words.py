"""'done' with words: which messages name a finished task, and which do not."""

from datetime import UTC, datetime

import pytest

from nudge.commands import Complete
from nudge.language import understand

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def _understand(text: str, lang: str = "en") -> object:
    return understand(text, now=NOW, tz="America/Toronto", lang=lang, state=None)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("done with the dentist", "dentist"),
        ("dentist done", "dentist"),
        ("taxes are done", "taxes"),
        ("I'm done with laundry", "laundry"),
        ("call mom done", "call mom"),
        ("j'ai fini les impôts", "impots"),
        ("fini le dentiste", "dentiste"),
        ("la vaisselle est faite", "la vaisselle"),
    ],
)
def test_done_with_words(text: str, words: str) -> None:
    assert _understand(text) == Complete(None, words)


@pytest.mark.parametrize("text", ["done", "all done", "done for today", "c'est fait"])
def test_plain_done_still_means_the_last_reminder(text: str) -> None:
    assert _understand(text) == Complete(None)


@pytest.mark.parametrize(
    "text",
    ["what is done", "remind me when the laundry is done", "done at 8", "fini dans 5 min"],
)
def test_questions_and_times_are_not_done_with_words(text: str) -> None:
    result = _understand(text)
    assert not (isinstance(result, Complete) and result.words)
