"""Durations and times counted from now or from another time.

"in 20 min", "dans 1h30", "in an hour and a half", "2 hours ago", "il y a 20 min",
"a week from tomorrow", "3 days after christmas", "3 fridays from now", "in 2 days".
Minutes and hours are real elapsed time (added in UTC across a DST change: ``read``
turns the wall time back through the zone); days and longer keep the wall clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Duration, Time, c, opt, rule, w
from nudge.language.time.values import Fixed, Grain, Shift, Span, step, truncate

MAX_AMOUNT = 10_000
_FINE = ("second", "minute", "hour")


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


def later(ctx: Context, duration: Duration) -> Fixed:
    """``duration`` after now: elapsed time for minutes and hours, calendar time beyond."""
    if duration.unit in _FINE:
        at = _elapsed(ctx, timedelta(**{f"{duration.unit}s": duration.amount}))
        return Fixed(
            Span.unit(
                truncate(at, duration.unit if duration.unit != "hour" else "minute"),
                "minute" if duration.unit != "second" else "second",
            )
        )
    start = truncate(ctx.now, "day") + step(duration.unit, duration.amount)
    return Fixed(Span.unit(start, "day"))


def _elapsed(ctx: Context, delta: timedelta) -> datetime:
    """Local wall time ``delta`` of real time after now (through UTC when a zone is known)."""
    zone = _zone(ctx)
    if zone is None:
        return ctx.now + delta
    aware = ctx.now.replace(tzinfo=zone)
    return (aware.astimezone(ZoneInfo("UTC")) + delta).astimezone(zone).replace(tzinfo=None)


def _zone(ctx: Context) -> ZoneInfo | None:
    return ZoneInfo(ctx.zone)


def _in(ctx: Context, values: list[Any]) -> Time:
    return Time(later(ctx, values[0]), elapsed=True)


def _ago(ctx: Context, values: list[Any]) -> Time:
    duration: Duration = values[0]
    negative = Duration(-duration.amount, duration.unit)
    if duration.unit in _FINE:
        at = _elapsed(ctx, -timedelta(**{f"{duration.unit}s": duration.amount}))
        return Time(Fixed(Span.unit(truncate(at, "minute"), "minute")), past=True)
    return Time(later(ctx, negative), past=True)


def _from_time(_ctx: Context, values: list[Any]) -> Time | None:
    """Form "a week from tomorrow", "3 days after christmas": a shift of another time."""
    duration, time = values[0], values[1]
    if duration.unit in _FINE and not time.fields:
        return Time(Shift(time.value, duration.amount, duration.unit), day=time.day)
    return Time(Shift(time.value, duration.amount, duration.unit), day=True)


def _before_time(_ctx: Context, values: list[Any]) -> Time:
    duration, time = values[0], values[1]
    return Time(Shift(time.value, -duration.amount, duration.unit), day=True)


def _time_in(ctx: Context, values: list[Any]) -> Time | None:
    """Form "thanksgiving in 9 months", "March in a year": that time, the duration later."""
    time, duration = values[0], values[1]
    if duration.unit in _FINE or time.fields is None or time.fields.has_clock:
        return None
    anchor = truncate(ctx.now, "day") + step(duration.unit, duration.amount)
    found = next(iter(time.value.future(anchor)), None)
    return None if found is None else Time(Fixed(found), day=True)


def _time_ago(ctx: Context, values: list[Any]) -> Time | None:
    time, duration = values[0], values[1]
    if duration.unit in _FINE or time.fields is None:
        return None
    anchor = truncate(ctx.now, "day") - step(duration.unit, duration.amount)
    found = next(iter(time.value.past(anchor + step("day"))), None)
    return None if found is None else Time(Fixed(found), day=True, past=True)


def _nth_from_now(ctx: Context, values: list[Any]) -> Time | None:
    """Form "3 fridays from now": the third Friday after today."""
    number, weekday = values[0], values[1]
    count = number.value
    if not 1 <= count <= 60:
        return None
    pattern = Fields(weekday=weekday)
    spans = [s for s in islice(pattern.future(ctx.now), count + 1) if s.start > ctx.now]
    return Time(Fixed(spans[count - 1]), day=True) if len(spans) >= count else None


_UNIT = c("unit")
_DURATION = c("duration")
_IN_EN = ("in", "within", "after")
_IN_FR = ("dans", "ds", "d'ici", "en")

BOTH: list[Rule] = [
    *rule(
        "<n> <unit>", "duration", c("int"), _UNIT, make=_duration, examples=("20 min", "2 hours")
    ),
    *rule(
        "a <unit>", "duration", c("article"), _UNIT, make=_duration, examples=("a week", "an hour")
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
        _DURATION,
        opt(w("and", "et")),
        _DURATION,
        make=_plus,
        examples=("1 hour 30 minutes", "2 heures et 15 minutes"),
    ),
    *rule(
        "<n>.<n> <unit>",
        "duration",
        c("int"),
        w(".", ",", tight=True),
        c("int", tight=True),
        _UNIT,
        make=_decimal,
        examples=("1.5 hours", "1,5 heure"),
    ),
]

EN: list[Rule] = [
    *rule(
        "in <duration>",
        "time",
        w(*_IN_EN),
        opt(w("about", "around", "like", "approx", "~", "roughly", "another")),
        _DURATION,
        make=_in,
        examples=("in 20 min", "in an hour"),
    ),
    *rule(
        "<duration> from now",
        "time",
        _DURATION,
        w("from"),
        w("now", "today"),
        make=_in,
        examples=("3 days from now",),
    ),
    *rule(
        "<duration> later", "time", _DURATION, w("later"), make=_in, examples=("20 minutes later",)
    ),
    *rule(
        "<duration> ago",
        "time",
        _DURATION,
        w("ago", "back", "earlier"),
        make=_ago,
        examples=("2 hours ago",),
    ),
    *rule(
        "half an hour",
        "duration",
        c("half"),
        w("an", "a"),
        _UNIT,
        make=_half_unit,
        examples=("half an hour",),
    ),
    *rule(
        "a half hour",
        "duration",
        w("a"),
        c("half"),
        _UNIT,
        make=_half_unit,
        examples=("a half hour",),
    ),
    *rule(
        "<duration> and a half",
        "duration",
        _DURATION,
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
        w("a"),
        c("half"),
        _UNIT,
        make=lambda ctx, v: _and_half(ctx, [Duration(v[0].value, v[2])]),
        examples=("2 and a half hours",),
    ),
    *rule(
        "<duration> from <time>",
        "time",
        _DURATION,
        w("from", "after"),
        c("time"),
        make=_from_time,
        examples=("a week from tomorrow", "3 days after christmas"),
    ),
    *rule(
        "<duration> before <time>",
        "time",
        _DURATION,
        w("before"),
        c("time"),
        make=_before_time,
        examples=("2 days before christmas",),
    ),
    *rule(
        "<time> in <duration>",
        "time",
        c("time"),
        w("in"),
        _DURATION,
        make=_time_in,
        prio=-1,
        examples=("thanksgiving in 9 months",),
    ),
    *rule(
        "<time> <duration> from now",
        "time",
        c("time"),
        _DURATION,
        w("from"),
        w("now"),
        make=_time_in,
        examples=("thanksgiving 9 months from now",),
    ),
    *rule(
        "<time> <duration> ago",
        "time",
        c("time"),
        _DURATION,
        w("ago"),
        make=_time_ago,
        examples=("thanksgiving 3 months ago",),
    ),
    *rule(
        "<n> <weekday>s from now",
        "time",
        c("int"),
        c("weekday"),
        w("from"),
        w("now", "today"),
        make=_nth_from_now,
        examples=("3 fridays from now",),
    ),
]

FR: list[Rule] = [
    *rule(
        "dans <duration>",
        "time",
        w(*_IN_FR),
        opt(w("environ", "genre", "~")),
        _DURATION,
        make=_in,
        examples=("dans 20 min", "d'ici 2 heures"),
    ),
    *rule(
        "il y a <duration>",
        "time",
        w("il"),
        w("y"),
        w("a"),
        _DURATION,
        make=_ago,
        examples=("il y a 20 min",),
    ),
    *rule(
        "<duration> plus tard",
        "time",
        _DURATION,
        w("plus"),
        w("tard"),
        make=_in,
        examples=("20 minutes plus tard",),
    ),
    *rule(
        "une demi-heure",
        "duration",
        opt(w("une")),
        c("half"),
        opt(w("-")),
        _UNIT,
        make=_half_unit,
        examples=("une demi-heure", "une demi heure"),
    ),
    *rule(
        "<duration> et demie",
        "duration",
        _DURATION,
        c("half"),
        make=_and_half,
        examples=("une heure et demie",),
    ),
    *rule(
        "3/4 d'heure",
        "duration",
        c("int"),
        w("/", tight=True),
        c("int", tight=True),
        w("d'"),
        c("unit", lambda u: u == "hour"),
        make=_fraction_hour,
        examples=("3/4 d'heure", "1/2h"),
    ),
    *rule(
        "trois quarts d'heure",
        "duration",
        c("int", lambda v: v.value == 3),
        w("quarts", "quart"),
        w("d'"),
        c("unit", lambda u: u == "hour"),
        make=lambda _c, _v: Duration(45, "minute"),
        examples=("trois quarts d'heure",),
    ),
    *rule(
        "un quart d'heure",
        "duration",
        c("quarter"),
        w("d'"),
        c("unit", lambda u: u == "hour"),
        make=lambda _c, _v: Duration(15, "minute"),
        examples=("un quart d'heure",),
    ),
    *rule(
        "<duration> apres <time>",
        "time",
        _DURATION,
        w("apres"),
        c("time"),
        make=_from_time,
        examples=("une semaine apres demain",),
    ),
    *rule(
        "<duration> avant <time>",
        "time",
        _DURATION,
        w("avant"),
        c("time"),
        make=_before_time,
        examples=("deux jours avant noel",),
    ),
]
