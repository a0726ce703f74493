"""Nested walks are bounded as a whole: no message can keep a worker busy for minutes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nudge.language import parse_when
from nudge.language.time.fields import Fields
from nudge.language.time.values import Intersect, WalkTooLong, bounded_walk

NOW = datetime(2030, 1, 29, 4, 51, 48, tzinfo=UTC)


def test_an_empty_nested_intersection_stops_at_the_budget() -> None:
    friday, saturday = Fields(weekday=4), Fields(weekday=5)
    never = Intersect(Intersect(friday, saturday), Intersect(friday, saturday))
    with pytest.raises(WalkTooLong), bounded_walk(budget=1_000):
        list(never.future(NOW.replace(tzinfo=None)))


def test_without_a_budget_set_the_walk_is_only_bounded_per_series() -> None:
    friday_at_8 = Intersect(Fields(weekday=4), Fields(hour=8))
    assert next(iter(friday_at_8.future(NOW.replace(tzinfo=None)))).start.weekday() == 4


def test_repeated_words_that_name_no_time_give_no_time() -> None:
    """Found by hypothesis: this phrase walked for minutes before the budget."""
    now = NOW.replace(microsecond=244701, fold=1)
    text = "friday friday friday midnight midnight midnight"
    assert parse_when(text, now=now, tz="Australia/Lord_Howe", lang="en") is None
