"""Repeating times: their first occurrence after now, found by ``dateutil.rrule``.

The rule is expanded on naive local wall time (as the scheduler does), from today at the
repeat's clock time: the user's hour for its part of day, else the day hour (09:00).
Hourly and minutely repeats start one interval from now, and at least 5 minutes away.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from dateutil.rrule import (
    DAILY,
    FR,
    MO,
    MONTHLY,
    SA,
    SU,
    TH,
    TU,
    WE,
    WEEKLY,
    YEARLY,
    rrule,
    weekday,
)

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


_FREQS: dict[str, Literal[0, 1, 2, 3, 4, 5, 6]] = {
    "YEARLY": YEARLY,
    "MONTHLY": MONTHLY,
    "WEEKLY": WEEKLY,
    "DAILY": DAILY,
}
_DAYS = {"MO": MO, "TU": TU, "WE": WE, "TH": TH, "FR": FR, "SA": SA, "SU": SU}


def _weekday(code: str) -> weekday:
    """An RRULE BYDAY entry ("MO", "1MO", "-1FR") as ``dateutil`` reads it."""
    day, n = _DAYS[code[-2:]], code[:-2]
    return day(int(n)) if n else day


def _first_rule(repeat: Repeat, start: datetime) -> rrule:
    """The rule whose first occurrence is the repeat's: every day it allows, from today.

    "every other week" and "every month" start at the next day hour ahead, "every other
    monday" on the coming Monday: the interval counts from the first occurrence. Built
    from the repeat's fields, as ``rrulestr`` would build it from the RRULE text of
    ``replace(repeat, interval=1, until=None)`` (with FREQ=DAILY unless by month or by an
    nth weekday), without writing that text and parsing it back.
    """
    if repeat.bymonth or any(day[0] in "-123456789" for day in repeat.byday):
        freq = _FREQS[repeat.freq]
    else:
        freq = DAILY
    return rrule(
        freq,
        dtstart=start,
        bymonth=repeat.bymonth or None,
        bymonthday=repeat.bymonthday or None,
        byweekday=[_weekday(code) for code in repeat.byday] or None,
    )


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
    found = _first_rule(repeat, start).after(now)
    if found is None:
        return None
    at = found
    grain = "minute" if repeat.clock is not None or repeat.part is not None else "day"
    return Moment(at, grain, "resolved", truncate(at, "day"))
