"""Repeating times: their first occurrence after now, found by ``dateutil.rrule``.

The rule is expanded on naive local wall time (as the scheduler does), from today at the
repeat's clock time: the user's hour for its part of day, else the day hour (09:00).
Hourly and minutely repeats start one interval from now, and at least 5 minutes away.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from dateutil.rrule import rrulestr

from nudge.language.time.chart import Context
from nudge.language.time.kit import Repeat
from nudge.language.time.parts import default_time
from nudge.language.time.resolve import Moment
from nudge.language.time.values import truncate

MIN_INTERVAL_MINUTES = 5


def start_of(repeat: Repeat, ctx: Context) -> tuple[int, int]:
    """The (hour, minute) each occurrence fires at."""
    clock = repeat.clock
    if clock is not None and clock.hour is not None:
        return clock.hour, clock.minute or 0
    if repeat.part is not None:
        return default_time(repeat.part, ctx)
    return ctx.parts.of("day")


def _first_rule(repeat: Repeat) -> str:
    """The rule whose first occurrence is the repeat's: every day it allows, from today.

    "every other week" and "every month" start at the next day hour ahead, "every other
    monday" on the coming Monday: the interval counts from the first occurrence.
    """
    if repeat.bymonth or any(day[0] in "-123456789" for day in repeat.byday):
        return replace(repeat, interval=1, until=None).rrule()
    return replace(repeat, freq="DAILY", interval=1, until=None).rrule()


def first_time(repeat: Repeat, ctx: Context) -> Moment | None:
    """The first occurrence strictly after now, or None when the rule has none."""
    now = ctx.now
    if repeat.freq in ("HOURLY", "MINUTELY"):
        unit = 60 if repeat.freq == "HOURLY" else 1
        minutes = max(repeat.interval * unit, MIN_INTERVAL_MINUTES)
        at = truncate(now, "minute") + timedelta(minutes=minutes)
        return Moment(at, "minute", "resolved", at)
    hour, minute = start_of(repeat, ctx)
    start = truncate(now, "day").replace(hour=hour, minute=minute)
    found = rrulestr(_first_rule(repeat), dtstart=start).after(now)
    if found is None:
        return None
    at = found
    grain = "minute" if repeat.clock is not None or repeat.part is not None else "day"
    return Moment(at, grain, "resolved", truncate(at, "day"))
