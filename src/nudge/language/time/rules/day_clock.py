"""A day with a bare number after it, "on" before a date, "by" before a day: "tmrw 9 gym".

"Tomorrow at this time", "same time next week": that day at the clock it is now.

Right after a named day, a bare number is its clock time: "tomorrow 2" is 14:00 (on
another day 1–6 read as afternoon), "demain 9" 09:00, "tomorrow 715" 07:15. Alone the
same number stays no time ("I have 3 kids"), and so does one before a day: "take 2 tomorrow"
is two pills as often as 14:00 (a reminder whose task keeps such a number is asked about,
``language/leftovers``). "on" before a date is part of it, so the task keeps only its own
words, and so is "by" before a day ("submit the form by friday": on Friday).
"""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.compose import with_clock
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.rules.clocks import clock
from nudge.language.time.values import Cycle, Fixed, Span, step, truncate


def _named_day(time: Time) -> bool:
    """A day named without a clock ("tomorrow", "friday", "dec 3", "tonight")."""
    fields = time.fields
    has_clock = fields is not None and fields.has_clock
    return (
        (time.day or time.part is not None) and not has_clock and not time.elapsed and not time.past
    )


def _bare_clock(number: Num, ctx: Context) -> Time | None:
    """A bare number as a clock time: 1–12 (flexible in English), or 3–4 digits hhmm."""
    if not number.digits:
        return None
    if len(number.digits) in (3, 4):
        hour, minute = divmod(number.value, 100)
        return clock(hour, minute)
    return clock(number.value, flexible=ctx.lang == "en") if 1 <= number.value <= 12 else None


def _day_number(ctx: Context, values: list[Any]) -> Time | None:
    day, number = values[0], values[1]
    hour = _bare_clock(number, ctx)
    return None if hour is None else with_clock(day, hour, ctx)


def _same_time(ctx: Context, values: list[Any]) -> Time | None:
    """Form "tomorrow at this time", "same time next week": that day at the clock it is now."""
    day: Time = values[0]
    if day.part is not None:
        return None
    if isinstance(day.value, Cycle) and day.value.unit in ("week", "month", "year"):
        at = truncate(ctx.now, "minute") + step(day.value.unit, day.value.n)  # a week from now
        return Time(Fixed(Span.unit(at, "minute")), day=True, past=day.past)
    return with_clock(day, Time(Fields(hour=ctx.now.hour, minute=ctx.now.minute)), ctx)


def _some_day(time: Time) -> bool:
    """A day without a clock or part of day, a weekday said alone too ("same time friday")."""
    fields = time.fields
    weekday = fields is not None and fields.weekday is not None and not fields.has_clock
    return (_named_day(time) or weekday) and time.part is None


def _on_date(_ctx: Context, values: list[Any]) -> Time | None:
    time: Time = values[0]
    fields = time.fields
    return time if fields is not None and fields.month is not None else None


BOTH: list[Rule] = [
    *rule(
        "<day> <bare hour>",
        "time",
        c("time", _named_day),
        c("int"),
        make=_day_number,
        prio=-1,
        examples=("tmrw 9 gym", "demain 9 gym", "tomorrow 2 call mom", "tomorrow 715"),
    ),
]
_SAME_DAY = c("time", _some_day)
EN: list[Rule] = [
    *rule(
        "<day> at this time",
        "time",
        _SAME_DAY,
        opt(w("at", "around", "by")),
        opt(w("the")),
        w("this", "same"),
        w("time"),
        make=_same_time,
        examples=("tomorrow at this time", "monday same time"),
    ),
    *rule(
        "this time <day>",
        "time",
        opt(w("at", "around", "by")),
        opt(w("the")),
        w("this", "same"),
        w("time"),
        _SAME_DAY,
        make=lambda ctx, v: _same_time(ctx, [v[-1]]),
        examples=("this time tomorrow", "same time next week"),
    ),
    *rule("on <date>", "time", w("on"), c("time"), make=_on_date, examples=("dentist on Dec 3",)),
    *rule(
        "by <day>",
        "time",
        w("by"),
        _SAME_DAY,
        make=lambda _ctx, values: values[0],
        examples=("submit the form by friday", "by tomorrow"),
    ),
]
FR: list[Rule] = []
