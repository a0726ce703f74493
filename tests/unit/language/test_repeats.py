"""Intervals, every other, monthly rules, and their expansion across DST changes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from nudge.language import parse_when
from nudge.scheduler.occurrences import next_after
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO, local

UNTIL_SIX = "FREQ=HOURLY;INTERVAL=2;UNTIL=20261124T180000"
LORD_HOWE = "Australia/Lord_Howe"
CASES = [
    ("en", "every 2 hours until 6pm", (11, 24, 12, 0), UNTIL_SIX),
    ("fr", "toutes les 2 heures jusqu'à 18h", (11, 24, 12, 0), UNTIL_SIX),
    ("en", "every 30 min", (11, 24, 10, 30), "FREQ=MINUTELY;INTERVAL=30"),
    ("en", "every hour", (11, 24, 11, 0), "FREQ=HOURLY"),
    ("en", "the 1st of every month", (12, 1, 9, 0), "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("fr", "le premier de chaque mois à 9h", (12, 1, 9, 0), "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("en", "every month on the 15th", (12, 15, 9, 0), "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("en", "every other week at 9am", (11, 25, 9, 0), "FREQ=WEEKLY;INTERVAL=2"),
    ("fr", "une semaine sur deux", (11, 25, 9, 0), "FREQ=WEEKLY;INTERVAL=2"),
    ("fr", "tous les 15 jours à 9h", (11, 25, 9, 0), "FREQ=WEEKLY;INTERVAL=2"),
    ("en", "every other monday at 8", (11, 30, 8, 0), "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
    ("fr", "un lundi sur deux à 8h", (11, 30, 8, 0), "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
    ("en", "every 3 days at 8pm", (11, 24, 20, 0), "FREQ=DAILY;INTERVAL=3"),
    ("en", "every saturday morning", (11, 28, 9, 0), "FREQ=WEEKLY;BYDAY=SA"),
    ("fr", "tous les lundis", (11, 30, 9, 0), "FREQ=WEEKLY;BYDAY=MO"),
    ("en", "every monday and thursday", (11, 26, 9, 0), "FREQ=WEEKLY;BYDAY=MO,TH"),
    ("en", "pay rent every 3rd", (12, 3, 9, 0), "FREQ=MONTHLY;BYMONTHDAY=3"),
    ("en", "every 15th of the month at 9", (12, 15, 9, 0), "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("en", "every 2nd day at 9", (11, 25, 9, 0), "FREQ=DAILY;INTERVAL=2"),
    ("en", "every third week", (11, 25, 9, 0), "FREQ=WEEKLY;INTERVAL=3"),
    ("fr", "chaque 3 du mois à 9h", (12, 3, 9, 0), "FREQ=MONTHLY;BYMONTHDAY=3"),
    ("fr", "tous les 1er du mois", (12, 1, 9, 0), "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("en", "every day at 7 except weekends", (11, 25, 7, 0), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("en", "daily except sat and sun", (11, 25, 9, 0), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("en", "every day at 8 but not on sundays", (11, 25, 8, 0),
     "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA"),
    ("fr", "tous les jours sauf le dimanche à 8h", (11, 25, 8, 0),
     "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA"),
    ("fr", "à 7h tous les jours sauf le weekend", (11, 25, 7, 0),
     "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("en", "every month on the last friday", (11, 27, 9, 0), "FREQ=MONTHLY;BYDAY=-1FR"),
    ("fr", "tous les mois le premier lundi à 8h", (12, 7, 8, 0), "FREQ=MONTHLY;BYDAY=1MO"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "moment", "rule"), CASES)
def test_repeating_times(
    lang: str, text: str, moment: tuple[int, int, int, int], rule: str
) -> None:
    tz, now = (PARIS, NOW_PARIS) if lang == "fr" else (TORONTO, NOW_TORONTO)
    when = parse_when(text, now=now, tz=tz, lang=lang)
    assert when is not None
    assert (when.at, when.rrule) == (local(tz, 2026, *moment), rule)


def test_intervals_below_five_minutes_are_not_rules() -> None:
    assert parse_when("every 1 min", now=NOW_TORONTO, tz=TORONTO, lang="en") is None


def _expand(rule: str, first: datetime, tz: str, count: int) -> list[datetime]:
    found, after = [first], first
    for _ in range(count - 1):
        nxt = next_after(rule, first=first, after=after, tz=tz)
        assert nxt is not None
        found.append(nxt)
        after = nxt
    return found


@pytest.mark.parametrize(
    ("tz", "now", "text", "lang"),
    [
        (TORONTO, local(TORONTO, 2027, 3, 12, 10, 0), "every day at 8am", "en"),
        (PARIS, local(PARIS, 2027, 3, 26, 10, 0), "tous les jours à 8h", "fr"),
        (LORD_HOWE, local(LORD_HOWE, 2026, 10, 2, 10, 0), "every day at 8am", "en"),
    ],
)  # fmt: skip
def test_a_daily_rule_keeps_its_wall_time_across_spring_forward(
    tz: str, now: datetime, text: str, lang: str
) -> None:
    when = parse_when(text, now=now, tz=tz, lang=lang)
    assert when is not None
    assert when.rrule == "FREQ=DAILY"
    times = _expand(when.rrule, when.at, tz, 4)
    assert [(t.hour, t.minute) for t in times] == [(8, 0)] * 4
    offsets = {t.utcoffset() for t in times}
    assert len(offsets) == 2  # the clocks changed in between, the wall time did not


def test_an_hourly_rule_until_six_stops_at_six() -> None:
    when = parse_when("every 2 hours until 6pm", now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert when is not None
    assert when.rrule is not None
    times, after = [when.at], when.at
    while (nxt := next_after(when.rrule, first=when.at, after=after, tz=TORONTO)) is not None:
        times.append(nxt)
        after = nxt
    assert [t.hour for t in times] == [12, 14, 16, 18]


def test_a_monthly_rule_fires_on_that_day_each_month() -> None:
    when = parse_when("the 1st of every month at 9am", now=NOW_TORONTO, tz=TORONTO, lang="en")
    assert when is not None
    assert when.rrule is not None
    times = _expand(when.rrule, when.at, TORONTO, 3)
    assert [(t.month, t.day, t.hour) for t in times] == [(12, 1, 9), (1, 1, 9), (2, 1, 9)]
    assert times[1] - times[0] == timedelta(days=31)
