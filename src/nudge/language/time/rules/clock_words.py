"""English clock times in words: "half past six", "a quarter to noon", "seven thirty p.m.".

Counting from an hour takes a clock as well as a number ("a quarter past 8pm" is 20:15,
"15 to noon" 11:45), so am/pm or noon said after the hour is never dropped. Am/pm said
after any flexible clock decides it ("3 o'clock am", "nine fifty nine a m"). A bare hour
before a day's part is its clock ("8 tonight", "9 tomorrow evening"), but a small one
(1–4) may be a count ("take 2 tomorrow morning"): both readings are kept, so it is asked.
A part of day that cannot hold the clock said with it ("tonight at 2", "this morning at
12") is a question, not the part alone: dropping the clock would be a reminder at a time
never said.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.compose import in_part, with_clock
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.parts import part_value
from nudge.language.time.rules.clock_kit import (
    CLOCK,
    HOUR12,
    HOUR_CLOCK,
    at_hour,
    clock,
    meridiem,
    num,
    past,
    to,
)
from nudge.language.time.values import Cycle, Grain, Intersect, Span


@dataclass(frozen=True, slots=True)
class Unsure:
    """A time said two ways that disagree ("tonight at 2"): it names nothing, so the app asks."""

    @property
    def grain(self) -> Grain:
        """Said at the hour."""
        return "hour"

    def future(self, ref: datetime) -> Iterator[Span]:
        """No span."""
        return iter(())

    def past(self, ref: datetime) -> Iterator[Span]:
        """No span."""
        return iter(())


def _hour_words(ctx: Context, values: list[Any]) -> Time | None:
    hour, minute = values[0], values[1]
    if hour.digits or minute.digits or not 1 <= hour.value <= 12 or not 10 <= minute.value <= 59:
        return None
    return clock(hour.value, minute.value, flexible=ctx.lang == "en")


def _oh_minute(ctx: Context, values: list[Any]) -> Time | None:
    hour, minute = values[0], values[1]
    if hour.digits or minute.digits or not 1 <= minute.value <= 9:
        return None
    return clock(hour.value, minute.value, flexible=ctx.lang == "en")


def _clock_ampm(_ctx: Context, values: list[Any]) -> Time | None:
    """Form "seven thirty p.m.", "3 o'clock am": am|pm decides a clock said without it."""
    fields: Fields = values[0].fields
    if fields.hour is None:
        return None
    hour = meridiem(fields.hour, values[1])
    if hour is None:
        return None
    return Time(Fields(hour=hour, minute=fields.minute, second=fields.second))


def _half_hour(ctx: Context, values: list[Any]) -> Time | None:
    """British "half three": half past the hour."""
    return past(ctx, [30, values[1]])


def named_day(time: Any) -> bool:
    """Today, tonight or tomorrow, maybe with a part of day, without a clock."""
    if not isinstance(time, Time) or time.past or time.elapsed:
        return False
    value = time.value
    if isinstance(value, Intersect):
        value = value.outer
    return isinstance(value, Cycle) and value.unit == "day" and value.n >= 0


def _hour_day(ctx: Context, values: list[Any]) -> Time | None:
    """Form "8 tonight", "nine tomorrow evening": a bare hour 1–12 before a day's part.

    Never before a day alone: "take 2 tomorrow" is two pills, not 14:00.
    """
    number: Num = values[0]
    hour = clock(number.value, flexible=ctx.lang == "en")
    return None if hour is None else with_clock(values[1], hour, ctx)


COUNTS = range(1, 5)  # "take 2 tomorrow morning": a small number before a part may be a count


def _count_day(_ctx: Context, values: list[Any]) -> Time | None:
    """The rival of "2 tomorrow morning" read as a count: the day's part alone (so: asked)."""
    return values[1] if values[0].value in COUNTS else None


def _count_part(ctx: Context, values: list[Any]) -> Time | None:
    """The rival of "2 in the morning" read as a count: the part alone (so: asked)."""
    if values[0].value not in COUNTS:
        return None
    span = part_value(values[1], ctx)
    return None if span is None else Time(span, part=values[1])


def _hour_part(ctx: Context, values: list[Any]) -> Time | None:
    """Form "3 in the morning": a bare hour placed in a part of day."""
    hour = clock(values[0].value, flexible=True)
    fields = None if hour is None else hour.fields
    placed = None if fields is None else in_part(fields, values[1], ctx)
    return None if placed is None else Time(placed)


def _part_at(ctx: Context, values: list[Any]) -> Time | None:
    """Form "early morning @ 3": the clock inside the part (else a question, ``Unsure``)."""
    fields = values[1].fields
    placed = None if fields is None else in_part(fields, values[0], ctx)
    return Time(Unsure()) if placed is None else Time(placed)


def _clash(ctx: Context, values: list[Any]) -> Time | None:
    """A part of day and a clock it cannot hold: no time (``Unsure``), so the app asks."""
    day, time = (values[0], values[1]) if values[0].part else (values[1], values[0])
    if day.part is None or with_clock(day, time, ctx) is not None:
        return None
    return Time(Unsure(), day=True)


_BARE_HOUR = c("int", num(1, 12))
_PART_DAY = c("time", lambda t: named_day(t) and t.part is not None)
_PARTED = c("time", lambda t: t.part is not None and not t.past and not t.elapsed and (
    t.fields is None or not t.fields.has_clock))  # fmt: skip
_UNDECIDED = c("time", lambda t: t.fields is not None and not t.fields.has_date and (
    t.fields.flexible or t.fields.hour == 12 and t.fields.minute is not None))  # fmt: skip

BOTH: list[Rule] = []
FR: list[Rule] = []

EN: list[Rule] = [
    *rule(
        "<clock> am|pm",
        "time",
        _UNDECIDED,
        c("ampm_full"),
        make=_clock_ampm,
        examples=("seven thirty p.m.", "3 o'clock am", "3ish pm", "nine fifty nine a m"),
    ),
    *rule(
        "<clock> in the am|pm",
        "time",
        _UNDECIDED,
        w("in"),
        w("the"),
        c("ampm_full"),
        make=_clock_ampm,
        examples=("at 3 in the AM",),
    ),
    *rule(
        "<hour> in the am|pm",
        "time",
        _BARE_HOUR,
        w("in"),
        w("the"),
        c("ampm_full"),
        make=lambda _c, v: None if (h := meridiem(v[0].value, v[1])) is None else clock(h),
        examples=("3 in the AM",),
    ),
    *rule(
        "<hour> in the <part>",
        "time",
        _BARE_HOUR,
        w("in"),
        w("the"),
        c("part"),
        make=_hour_part,
        examples=("7 in the morning", "8 in the evening"),
    ),
    *rule(
        "<count> in the <part>",
        "time",
        _BARE_HOUR,
        w("in"),
        w("the"),
        c("part"),
        make=_count_part,
        examples=("take 2 in the morning",),
    ),
    *rule(
        "[early] <part> at <clock>",
        "time",
        opt(w("early", "late")),
        c("part", lambda p: p in ("morning", "afternoon", "evening")),
        CLOCK,
        make=_part_at,
        examples=("early morning @ 3", "morning at 7"),
    ),
    *rule(
        "<hour> <part day>",
        "time",
        _BARE_HOUR,
        _PART_DAY,
        make=_hour_day,
        prio=-1,
        examples=("8 tonight", "eight tonight", "8 this evening", "9 tomorrow evening"),
    ),
    *rule(
        "<count> <part day>",
        "time",
        _BARE_HOUR,
        _PART_DAY,
        make=_count_day,
        prio=-1,
        examples=("take 2 tomorrow morning",),
    ),
    *rule(
        "<part day> at <clock> (clash)",
        "time",
        _PARTED,
        CLOCK,
        make=_clash,
        examples=("tonight at 2", "this morning at 12"),
    ),
    *rule(
        "<clock> <part day> (clash)",
        "time",
        CLOCK,
        _PARTED,
        make=_clash,
        examples=("at 2 tonight", "at 2 friday evening"),
    ),
    *rule(
        "<hour> o'clock",
        "time",
        c("int", HOUR12),
        w("o'clock", "oclock"),
        make=at_hour,
        examples=("8 o'clock", "eight o'clock"),
    ),
    *rule(
        "<hour> o clock",
        "time",
        c("int", HOUR12),
        w("o"),
        w("clock"),
        make=at_hour,
        examples=("eight o clock",),
    ),
    *rule(
        "half <hour>",
        "time",
        c("half"),
        c("int", HOUR12),
        make=_half_hour,
        prio=-1,
        examples=("half three", "half 6"),
    ),
    *rule(
        "half past <hour>",
        "time",
        c("half"),
        w("past", "after"),
        c("int", HOUR12),
        make=past,
        examples=("half past six",),
    ),
    *rule(
        "half past <clock>",
        "time",
        c("half"),
        w("past", "after"),
        HOUR_CLOCK,
        make=past,
        examples=("half past noon", "half past 6pm"),
    ),
    *rule(
        "quarter past <hour>",
        "time",
        c("quarter"),
        w("past", "after"),
        c("int", HOUR12),
        make=past,
        examples=("quarter past 9", "a quarter after five"),
    ),
    *rule(
        "quarter past <clock>",
        "time",
        c("quarter"),
        w("past", "after"),
        HOUR_CLOCK,
        make=past,
        examples=("a quarter past noon", "a quarter past 8pm"),
    ),
    *rule(
        "quarter to <hour>",
        "time",
        c("quarter"),
        w("to", "of", "till", "til", "before"),
        c("int", HOUR12),
        make=to,
        examples=("quarter to nine", "a quarter of 5"),
    ),
    *rule(
        "quarter to <clock>",
        "time",
        c("quarter"),
        w("to", "of", "till", "til", "before"),
        HOUR_CLOCK,
        make=to,
        examples=("a quarter to noon", "quarter to 9pm"),
    ),
    *rule(
        "<minutes> past <hour>",
        "time",
        c("int", num(1, 59)),
        opt(w("minutes", "mins", "min")),
        w("past", "after"),
        c("int", HOUR12),
        make=past,
        examples=("10 past 6", "twenty after 4"),
    ),
    *rule(
        "<minutes> past <clock>",
        "time",
        c("int", num(1, 59)),
        opt(w("minutes", "mins", "min")),
        w("past", "after"),
        HOUR_CLOCK,
        make=past,
        examples=("15 past noon", "15 minutes past 15h"),
    ),
    *rule(
        "<minutes> to <hour>",
        "time",
        c("int", num(1, 59)),
        opt(w("minutes", "mins", "min")),
        w("to", "till", "til", "before"),
        c("int", HOUR12),
        make=to,
        examples=("10 to 6",),
    ),
    *rule(
        "<minutes> to <clock>",
        "time",
        c("int", num(13, 59)),
        w("to", "till", "til", "before"),
        HOUR_CLOCK,
        make=to,
        examples=("15 to noon", "twenty to 2pm"),
    ),
    *rule(
        "<n> minutes to <clock>",
        "time",
        c("int", num(1, 59)),
        w("minutes", "mins", "min"),
        w("to", "till", "til", "before"),
        HOUR_CLOCK,
        make=to,
        examples=("20 minutes to 2pm", "5 minutes to noon"),
    ),
    *rule(
        "<hour word> <minute word>",
        "time",
        c("int"),
        opt(w("-")),
        c("int"),
        make=_hour_words,
        prio=-1,
        examples=("ten thirty", "eight fifteen", "ten-thirty"),
    ),
    *rule(
        "<hour word> oh <minute>",
        "time",
        c("int"),
        opt(w("-")),
        w("oh", "o", "ou", "zero"),
        opt(w("-")),
        c("int"),
        make=_oh_minute,
        examples=("twelve oh three",),
    ),
]
