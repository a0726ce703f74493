"""Amounts of time: "20 min", "an hour and a half", "1h30", "a fortnight", "3/4 h".

A duration is no time by itself: ``relative.py`` counts it from now or from another time.
"""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.kit import Duration, c, opt, rule, w
from nudge.language.time.values import Grain

MAX_AMOUNT = 10_000


def _duration(_ctx: Context, values: list[Any]) -> Duration | None:
    number, unit = values[0], values[1]
    amount = number.value if isinstance(number, Num) else int(number)
    return Duration(amount, unit) if 0 < amount <= MAX_AMOUNT else None


def _half_unit(_ctx: Context, values: list[Any]) -> Duration | None:
    unit = values[-1]
    halves = {
        "hour": Duration(30, "minute"),
        "minute": Duration(30, "second"),
        "day": Duration(12, "hour"),
    }
    return halves.get(unit)


def _and_half(_ctx: Context, values: list[Any]) -> Duration | None:
    base: Duration = values[0]
    if base.unit == "hour":
        return Duration(base.amount * 60 + 30, "minute")
    if base.unit == "minute":
        return Duration(base.amount * 60 + 30, "second")
    if base.unit == "day":
        return Duration(base.amount * 24 + 12, "hour")
    return None


def _hours_minutes(_ctx: Context, values: list[Any]) -> Duration | None:
    hours, minutes = values[0], values[1]
    if not 0 <= minutes.value < 60:
        return None
    return Duration(hours.value * 60 + minutes.value, "minute")


def _plus(_ctx: Context, values: list[Any]) -> Duration | None:
    a, b = values[0], values[1]
    ma, mb = a.minutes(), b.minutes()
    if ma is None or mb is None or ma <= mb:
        return None
    return Duration(ma + mb, "minute")


def _fortnight(_ctx: Context, values: list[Any]) -> Duration:
    count = values[0].value if len(values) > 1 else 1
    return Duration(values[-1] * count, "day")


def _fraction_hour(_ctx: Context, values: list[Any]) -> Duration | None:
    top, bottom = values[0].value, values[1].value
    if bottom not in (2, 4) or not 0 < top < bottom:
        return None
    return Duration(60 * top // bottom, "minute")


def _decimal(_ctx: Context, values: list[Any]) -> Duration | None:
    whole, part, unit = values[0], values[1], values[2]
    if len(part.digits) != 1 or unit not in ("hour", "day", "minute"):
        return None
    per: dict[str, tuple[int, Grain]] = {
        "hour": (60, "minute"),
        "day": (24, "hour"),
        "minute": (60, "second"),
    }
    factor, finer_unit = per[unit]
    return Duration(whole.value * factor + factor * part.value // 10, finer_unit)


UNIT = c("unit")
DURATION = c("duration")


BOTH: list[Rule] = [
    *rule("<n> <unit>", "duration", c("int"), UNIT, make=_duration, examples=("20 min", "2 hours")),
    *rule(
        "a <unit>", "duration", c("article"), UNIT, make=_duration, examples=("a week", "an hour")
    ),
    *rule(
        "a quarter of an hour",
        "duration",
        c("quarter"),
        opt(w("of")),
        opt(w("an")),
        c("unit", lambda u: u == "hour"),
        make=lambda _c, _v: Duration(15, "minute"),
        examples=("a quarter of an hour", "quarter hour"),
    ),
    *rule(
        "<n><unit>",
        "duration",
        c("int"),
        c("unit", tight=True),
        make=_duration,
        examples=("20min", "2h"),
    ),
    *rule(
        "<n> fortnights",
        "duration",
        c("int"),
        c("fortnight"),
        make=_fortnight,
        examples=("2 fortnights",),
    ),
    *rule(
        "a fortnight",
        "duration",
        opt(c("article")),
        c("fortnight"),
        make=lambda _c, v: Duration(v[-1], "day"),
        examples=("a fortnight", "quinze jours"),
    ),
    *rule(
        "<n>h<mm> (duration)",
        "duration",
        c("int"),
        w("h", tight=True),
        c("int", tight=True),
        make=_hours_minutes,
        examples=("1h30",),
    ),
    *rule(
        "<duration> <duration>",
        "duration",
        DURATION,
        opt(w("and", "et")),
        DURATION,
        make=_plus,
        examples=("1 hour 30 minutes", "2 heures et 15 minutes"),
    ),
    *rule(
        "<n>.<n> <unit>",
        "duration",
        c("int"),
        w(".", ",", tight=True),
        c("int", tight=True),
        UNIT,
        make=_decimal,
        examples=("1.5 hours", "1,5 heure"),
    ),
]

EN: list[Rule] = [
    *rule(
        "half an hour",
        "duration",
        c("half"),
        w("an", "a"),
        UNIT,
        make=_half_unit,
        examples=("half an hour",),
    ),
    *rule(
        "a half hour",
        "duration",
        w("a"),
        c("half"),
        UNIT,
        make=_half_unit,
        examples=("a half hour",),
    ),
    *rule(
        "<duration> and a half",
        "duration",
        DURATION,
        w("and"),
        w("a"),
        c("half"),
        make=_and_half,
        examples=("an hour and a half",),
    ),
    *rule(
        "<n> and a half <unit>",
        "duration",
        c("int"),
        w("and"),
        w("a", "an"),
        c("half"),
        UNIT,
        make=lambda ctx, v: _and_half(ctx, [Duration(v[0].value, v[2])]),
        examples=("2 and a half hours", "2 and an half hours"),
    ),
    *rule(
        "<n>/<n> hour",
        "duration",
        c("int"),
        w("/", tight=True),
        c("int", tight=True),
        opt(w("of")),
        opt(w("an", "a")),
        c("unit", lambda u: u == "hour"),
        make=_fraction_hour,
        examples=("1/2h", "3/4 hour", "3/4 of an hour"),
    ),
    *rule(
        "three quarters of an hour",
        "duration",
        c("int", lambda v: v.value == 3),
        opt(w("-")),
        w("quarters", "quarter"),
        opt(w("of")),
        opt(w("an", "a")),
        c("unit", lambda u: u == "hour"),
        make=lambda _c, _v: Duration(45, "minute"),
        examples=("three-quarters of an hour", "3 quarters of an hour"),
    ),
    *rule(
        "<n> more <unit>",
        "duration",
        c("int"),
        w("more", "extra"),
        UNIT,
        make=_duration,
        examples=("2 more minutes", "a few more days"),
    ),
    *rule(
        "<n>' (minutes)",
        "duration",
        c("int", lambda v: bool(v.digits)),
        w("'", tight=True),
        make=lambda ctx, v: _duration(ctx, [v[0], "minute"]),
        examples=("15'",),
    ),
    *rule(
        '<n>" (seconds)',
        "duration",
        c("int", lambda v: bool(v.digits)),
        w('"', tight=True),
        make=lambda ctx, v: _duration(ctx, [v[0], "second"]),
        examples=('30"',),
    ),
]

FR: list[Rule] = []  # French durations are in relative.py
