from __future__ import annotations

import time

from nudge.language import understand
from tests.unit.language.moments import NOW_TORONTO, TORONTO
from tests.unit.language.test_intents import ENGLISH_REMINDERS, FRENCH_REMINDERS, SIMPLE


def test_typical_phrases_take_well_under_a_millisecond() -> None:
    phrases = [text for text, _ in ENGLISH_REMINDERS + FRENCH_REMINDERS + SIMPLE]
    for text in phrases:  # warm the caches
        understand(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)
    rounds = 20
    started = time.perf_counter()
    for _ in range(rounds):
        for text in phrases:
            understand(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)
    average = (time.perf_counter() - started) / (rounds * len(phrases))
    assert average < 0.0005


def test_a_pathological_1600_character_message_stays_fast() -> None:
    bodies = ["8h " * 533, "in 2 hours and " * 106, "at 8" + " " * 1596, "🙂" * 1600]
    for body in bodies:
        started = time.perf_counter()
        understand(body, now=NOW_TORONTO, tz=TORONTO, lang="fr", state=None)
        assert time.perf_counter() - started < 0.05
