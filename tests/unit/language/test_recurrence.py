from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nudge.language import parse_when
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO, at_local, local

# 2026-11-24 is a Tuesday.
WEEKLY = [
    ("every day at 8am", "FREQ=DAILY", at_local(TORONTO, 8, day=25)),
    ("everyday at 8pm", "FREQ=DAILY", at_local(TORONTO, 20)),
    ("daily at 7:30", "FREQ=DAILY", at_local(TORONTO, 7, 30, day=25)),
    ("every day at 8", "FREQ=DAILY", at_local(TORONTO, 8, day=25)),
    ("every day at 3", "FREQ=DAILY", at_local(TORONTO, 15)),
    ("at 9pm every day", "FREQ=DAILY", at_local(TORONTO, 21)),
    ("every day", "FREQ=DAILY", at_local(TORONTO, 9, day=25)),
    ("every evening", "FREQ=DAILY", at_local(TORONTO, 19)),
    ("every morning at 7", "FREQ=DAILY", at_local(TORONTO, 7, day=25)),
    ("every monday at 9", "FREQ=WEEKLY;BYDAY=MO", at_local(TORONTO, 9, day=30)),
    ("every Monday at 9am", "FREQ=WEEKLY;BYDAY=MO", at_local(TORONTO, 9, day=30)),
    ("every tuesday at 11", "FREQ=WEEKLY;BYDAY=TU", at_local(TORONTO, 11)),
    ("every tuesday at 9", "FREQ=WEEKLY;BYDAY=TU", local(TORONTO, 2026, 12, 1, 9, 0)),
    ("on mondays at 6pm", "FREQ=WEEKLY;BYDAY=MO", at_local(TORONTO, 18, day=30)),
    ("every mon and thu at 6pm", "FREQ=WEEKLY;BYDAY=MO,TH", at_local(TORONTO, 18, day=26)),
    ("weekdays at 7:30", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", at_local(TORONTO, 7, 30, day=25)),
    ("every weekend at 10am", "FREQ=WEEKLY;BYDAY=SA,SU", at_local(TORONTO, 10, day=28)),
]


@pytest.mark.parametrize(("text", "rule", "first"), WEEKLY)
def test_english_recurrences(text: str, rule: str, first: datetime) -> None:
    when = parse_when(text, now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert when is not None
    assert (when.rrule, when.at) == (rule, first)


FRENCH = [
    ("tous les jours à 8h", "FREQ=DAILY", at_local(PARIS, 8, day=25)),
    ("chaque jour à 20h", "FREQ=DAILY", at_local(PARIS, 20)),
    ("tous les soirs à 8h", "FREQ=DAILY", at_local(PARIS, 20)),
    ("tous les matins", "FREQ=DAILY", at_local(PARIS, 9, day=25)),
    ("tous les lundis à 9h", "FREQ=WEEKLY;BYDAY=MO", at_local(PARIS, 9, day=30)),
    ("chaque lundi à 9h", "FREQ=WEEKLY;BYDAY=MO", at_local(PARIS, 9, day=30)),
    ("tous les lundis et jeudis à 18h", "FREQ=WEEKLY;BYDAY=MO,TH", at_local(PARIS, 18, day=26)),
    ("en semaine à 7h30", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", at_local(PARIS, 7, 30, day=25)),
    ("à 8h tous les jours", "FREQ=DAILY", at_local(PARIS, 8, day=25)),
]


@pytest.mark.parametrize(("text", "rule", "first"), FRENCH)
def test_french_recurrences(text: str, rule: str, first: datetime) -> None:
    when = parse_when(text, now=NOW_PARIS, tz=PARIS, lang="fr")
    assert when is not None
    assert (when.rrule, when.at) == (rule, first)


def test_recurrence_span_covers_rule_and_time() -> None:
    text = "take meds every day at 8am please"
    when = parse_when(text, now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert when is not None
    assert text[when.span[0] : when.span[1]] == "every day at 8am"


def test_first_occurrence_in_a_dst_gap_moves_forward() -> None:
    now = local(TORONTO, 2026, 3, 7, 12, 0)
    when = parse_when("every day at 2:30am", now=now, tz=TORONTO, lang="en")
    assert when is not None
    assert when.at.astimezone(UTC) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
