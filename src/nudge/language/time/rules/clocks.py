"""Clock times in digits: "8pm", "8:30", "at 8", "20h15", "9:01:10 AM", "330 p.m.", "3ish".

The family's other forms live beside it: words in English (``clock_words``: "half past
six", "seven thirty p.m.", "8 tonight"), French (``clocks_fr``: "midi et demi", "onze
heures trois quarts") and time zones (``zones``: "4pm CET"); this module gathers them so
the grammar lists one family. A bare number is no time ("call 911", "3 kids"): a clock
needs "at"/"à", a colon, am/pm, "h" or a day beside it.
"""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c, rule, w
from nudge.language.time.rules import clock_words, clocks_fr, zones
from nudge.language.time.rules.clock_kit import (
    AT_EN,
    CLOCK,
    HOUR,
    HOUR12,
    MINUTE2,
    at_hour,
    clock,
    compact,
    english,
    hh_mm,
    meridiem,
    num,
    passing,
)

__all__ = ["BOTH", "EN", "FR", "clock"]


def _french_h(_ctx: Context, values: list[Any]) -> Time | None:
    return clock(values[0].value, values[1].value if len(values) > 1 else None)


def _seconds(ctx: Context, values: list[Any]) -> Time | None:
    """Form "4:30:15": a clock to the second."""
    time = hh_mm(ctx, values)
    fields = None if time is None else time.fields
    if fields is None or not 0 <= values[2].value <= 59:
        return None
    return Time(Fields(hour=fields.hour, minute=fields.minute, second=values[2].value,
                       flexible=fields.flexible))  # fmt: skip


def _ampm(_ctx: Context, values: list[Any]) -> Time | None:
    hour = meridiem(values[0].value, values[-1])
    return None if hour is None else clock(hour)


def _hh_mm_ampm(_ctx: Context, values: list[Any]) -> Time | None:
    hour = meridiem(values[0].value, values[-1])
    if hour is None:
        return None
    if len(values) == 4:  # with seconds
        return Time(Fields(hour=hour, minute=values[1].value, second=values[2].value))
    return clock(hour, values[1].value)


def _compact_ampm(ctx: Context, values: list[Any]) -> Time | None:
    """Form "330 p.m.", "1030am": hhmm then am|pm (hour 1–12)."""
    time = compact(ctx, values)
    fields = None if time is None else time.fields
    if fields is None or fields.hour is None:
        return None
    hour = meridiem(fields.hour, values[-1])
    return None if hour is None else clock(hour, fields.minute)


def _ish(ctx: Context, values: list[Any]) -> Time | None:
    """Form "3ish", "150ish": an hour (flexible in English) or hhmm, roughly."""
    number = values[0]
    if len(number.digits) in (3, 4):
        return compact(ctx, values)
    return clock(number.value, flexible=english(ctx, number)) if number.value <= 24 else None


_SECONDS = (c("int", HOUR), w(":", tight=True), c("int", MINUTE2, tight=True),
            w(":", tight=True), c("int", MINUTE2, tight=True))  # fmt: skip

_BOTH: list[Rule] = [
    *rule(
        "<hour>h (tight)",
        "time",
        c("int", HOUR),
        w("h", tight=True),
        make=_french_h,
        examples=("22h", "8h"),
    ),
    *rule(
        "<hour>h<minutes> (tight)",
        "time",
        c("int", HOUR),
        w("h", tight=True),
        c("int", MINUTE2, tight=True),
        make=_french_h,
        examples=("22h30",),
    ),
    *rule(
        "hh:mm",
        "time",
        c("int", HOUR),
        w(":", tight=True),
        c("int", MINUTE2, tight=True),
        make=hh_mm,
        examples=("8:30", "20:15", "08:00"),
    ),
    *rule("hh:mm:ss", "time", *_SECONDS, make=_seconds, examples=("4:30:15",)),
    *rule(
        "noon/midnight",
        "time",
        c("named_clock"),
        make=lambda _c, v: clock(v[0]),
        examples=("noon", "midi", "minuit", "mid day"),
    ),
    *rule("<clock> ish", "time", CLOCK, w("ish", tight=True), make=passing, examples=("9ish",)),
    *rule(
        "<hour> ish",
        "time",
        c("int", num(0, 2359, digits=True)),
        w("ish", tight=True),
        make=_ish,
        examples=("3ish", "150ish"),
    ),
]

_EN: list[Rule] = [
    *rule(
        "<hour> am|pm",
        "time",
        c("int", HOUR12),
        c("ampm"),
        make=_ampm,
        examples=("8pm", "8 pm", "7p", "11 a.m."),
    ),
    *rule(
        "<hh:mm> am|pm",
        "time",
        c("int", HOUR12),
        w(":", tight=True),
        c("int", MINUTE2, tight=True),
        c("ampm"),
        make=_hh_mm_ampm,
        examples=("8:30pm", "11:15 am"),
    ),
    *rule(
        "<hh:mm:ss> am|pm",
        "time",
        *_SECONDS,
        c("ampm"),
        make=_hh_mm_ampm,
        examples=("9:01:10 AM",),
    ),
    *rule(
        "<hh.mm> am|pm",
        "time",
        c("int", HOUR12),
        w(".", tight=True),
        c("int", MINUTE2, tight=True),
        c("ampm"),
        make=_hh_mm_ampm,
        examples=("8.30pm",),
    ),
    *rule(
        "<hhmm> am|pm",
        "time",
        c("int", num(100, 1259, digits=True)),
        c("ampm_full"),
        make=_compact_ampm,
        examples=("330 p.m.", "1030am"),
    ),
    *rule(
        "<noon> am|pm",
        "time",
        c("named_clock", lambda v: v == 12),
        c("ampm"),
        make=lambda _c, v: clock(12),
        examples=("12 noon",),
    ),
    *rule(
        "at <hour>",
        "time",
        w(*AT_EN),
        c("int", num(0, 23, digits=True)),
        make=at_hour,
        examples=("at 8", "@ 7", "around 3"),
    ),
    *rule(
        "at <hour word>",
        "time",
        w(*AT_EN),
        c("int", num(1, 12, digits=False)),
        make=at_hour,
        examples=("at eight",),
    ),
    *rule(
        "at <hhmm>",
        "time",
        w(*AT_EN),
        c("int", num(100, 2359, digits=True)),
        make=compact,
        examples=("at 830", "at 1545", "approximately 1030"),
    ),
    *rule(
        "at <hh mm>",
        "time",
        w(*AT_EN),
        c("int", HOUR),
        c("int", MINUTE2),
        make=hh_mm,
        examples=("at 2 30",),
    ),
    *rule(
        "at <hh.mm>",
        "time",
        w(*AT_EN),
        c("int", HOUR),
        w(".", tight=True),
        c("int", MINUTE2, tight=True),
        make=hh_mm,
        examples=("at 8.30",),
    ),
    *rule("at <clock>", "time", w(*AT_EN), CLOCK, make=passing, examples=("at 8pm", "around noon")),
]

BOTH: list[Rule] = [*_BOTH, *clock_words.BOTH, *clocks_fr.BOTH, *zones.BOTH]
EN: list[Rule] = [*_EN, *clock_words.EN, *clocks_fr.EN, *zones.EN]
FR: list[Rule] = [*clocks_fr.FR, *clock_words.FR, *zones.FR]
