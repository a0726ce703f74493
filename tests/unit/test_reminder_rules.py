"""What a reminder given by fields must be (features/reminders/rules.py), and quickly so."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from nudge.features.reminders.rules import problem_with, repeats_well

FIRST = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)  # Wed 9:00 in Toronto
NOW = FIRST - timedelta(hours=1)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY",
        "FREQ=WEEKLY;BYDAY=MO,WE",
        "FREQ=MINUTELY;INTERVAL=30",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",  # leap years
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",  # 2044
        "FREQ=DAILY;BYMONTH=2,3;BYMONTHDAY=31",
        "FREQ=DAILY;COUNT=3",
        "FREQ=DAILY;UNTIL=20271231T000000",
        "FREQ=HOURLY;INTERVAL=12;BYDAY=MO;BYHOUR=4,21",
    ],
)
def test_rules_the_scheduler_runs(rule: str) -> None:
    assert repeats_well(rule, first=FIRST, tz="America/Toronto")


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=SECONDLY",
        "FREQ=MINUTELY",  # every minute: more often than every 15
        "FREQ=DAILY;INTERVAL=0",  # dateutil would never move on
        "FREQ=DAILY;INTERVAL=99999",
        "freq=daily",
        "FREQ=DAILY;BYDAY=XX",
        "FREQ=MONTHLY;BYDAY=6MO",
        "FREQ=MONTHLY;BYMONTHDAY=0",
        "FREQ=YEARLY;BYMONTH=13",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",  # no such day: dateutil would seek to 9999
        "FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;BYMONTH=2,4;BYMONTHDAY=31",
        "FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=28",  # sub-daily on calendar days
        "FREQ=HOURLY;INTERVAL=12;BYHOUR=4",  # 9:00, 21:00, ...: never 4:00
        "FREQ=WEEKLY;BYWEEKNO=60",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6",
        "FREQ=DAILY;COUNT=1",  # no firing after the first
        "FREQ=DAILY;UNTIL=20271231T000000Z",  # UTC against local wall time: the scheduler fails
        "FREQ=DAILY;UNTIL=20261124T000000",  # ended before it starts
        "DTSTART:20260101T000000\nRRULE:FREQ=DAILY",
        "FREQ=DAILY;FREQ=WEEKLY",
        "",
    ],
)
def test_rules_refused(rule: str) -> None:
    started = time.perf_counter()
    assert not repeats_well(rule, first=FIRST, tz="America/Toronto")
    assert time.perf_counter() - started < 0.5  # refused before dateutil can spin


def test_the_problem_of_a_time_and_a_rule() -> None:
    tz = "America/Toronto"
    assert problem_with(at=FIRST, rrule="FREQ=DAILY", now=NOW, tz=tz) is None
    assert problem_with(at=NOW, rrule=None, now=NOW, tz=tz) == "time_passed"
    assert problem_with(at=NOW + timedelta(days=3700), rrule=None, now=NOW, tz=tz) == "too_far"
    assert problem_with(at=FIRST, rrule="FREQ=SECONDLY", now=NOW, tz=tz) == "invalid_rrule"
