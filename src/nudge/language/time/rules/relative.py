"""Times counted from now or from another time (the durations are in ``durations.py``).

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

from nudge.language.time.chart import Context, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Duration, Time, c, opt, rule, w
from nudge.language.time.rules.durations import (
    DURATION,
    UNIT,
    _and_half,
    _fraction_hour,
    _half_unit,
)
from nudge.language.time.values import Fixed, Shift, Span, step, truncate

_FINE = ("second", "minute", "hour")
MINUTES_ALONE = (5, 90)  # "in 15" is minutes; "in 2" or "in 2013" is not


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
    return Time(later(ctx, negative), past=True, elapsed=True)  # "a week ago": at this hour


def _from_time(_ctx: Context, values: list[Any]) -> Time | None:
    """Form "a week from tomorrow", "3 days after christmas": a shift of another time."""
    duration, time = values[0], values[1]
    if duration.unit in _FINE and not time.fields:
        return Time(Shift(time.value, duration.amount, duration.unit), day=time.day)
    return Time(Shift(time.value, duration.amount, duration.unit), day=True)


def _before_time(_ctx: Context, values: list[Any]) -> Time:
    duration, time = values[0], values[1]
    return Time(Shift(time.value, -duration.amount, duration.unit), day=True)


def _calendar_day(time: Time) -> bool:
    """A date, month or holiday without a clock ("march", "thanksgiving"), not a latent one."""
    fields = time.fields
    if time.latent or fields is not None and fields.has_clock:
        return False
    return fields is not None or time.value.grain == "day"


def _time_in(ctx: Context, values: list[Any]) -> Time | None:
    """Form "thanksgiving in 9 months", "March in a year": that time, the duration later."""
    time, duration = values[0], values[1]
    if duration.unit in _FINE or not _calendar_day(time):
        return None
    anchor = truncate(ctx.now, "day") + step(duration.unit, duration.amount)
    found = next(iter(time.value.future(anchor)), None)
    return None if found is None else Time(Fixed(found), day=True)


def _time_ago(ctx: Context, values: list[Any]) -> Time | None:
    """Form "thanksgiving 3 months ago": the first one from that long ago on, if it is past."""
    time, duration = values[0], values[1]
    if duration.unit in _FINE or not _calendar_day(time):
        return None
    anchor = truncate(ctx.now, "day") - step(duration.unit, duration.amount)
    found = next(iter(time.value.future(anchor)), None)  # the first one from then on
    if found is None or found.start >= truncate(ctx.now, "day"):
        return None
    return Time(Fixed(found), day=True, past=True)


def _nth_ago(ctx: Context, values: list[Any]) -> Time | None:
    """Form "2 thursdays ago": the second Thursday before today."""
    number, weekday = values[0], values[1]
    count = number.value
    if not 1 <= count <= 60:
        return None
    today = truncate(ctx.now, "day")
    back = (today.weekday() - weekday) % 7 or 7
    day = today - timedelta(days=back + 7 * (count - 1))
    return Time(Fixed(Span.unit(day, "day")), day=True, past=True)


def _in_minutes(ctx: Context, values: list[Any]) -> Time | None:
    """Form "remind me in 15": a bare number after "in" is minutes.

    ``surroundings`` checks that nothing the number could count follows it.
    """
    number = values[0]
    if not number.digits or not MINUTES_ALONE[0] <= number.value <= MINUTES_ALONE[1]:
        return None
    return _in(ctx, [Duration(number.value, "minute")])


def _nth_from_now(ctx: Context, values: list[Any]) -> Time | None:
    """Form "3 fridays from now": the third Friday after today."""
    number, weekday = values[0], values[1]
    count = number.value
    if not 1 <= count <= 60:
        return None
    pattern = Fields(weekday=weekday)
    spans = [s for s in islice(pattern.future(ctx.now), count + 1) if s.start > ctx.now]
    return Time(Fixed(spans[count - 1]), day=True) if len(spans) >= count else None


_IN_EN = ("in", "within", "after")
_IN_FR = ("dans", "ds", "d'ici", "en")

BOTH: list[Rule] = []  # durations are in durations.py

EN: list[Rule] = [
    *rule(
        "in <duration>",
        "time",
        w(*_IN_EN),
        opt(w("about", "around", "like", "approx", "~", "roughly", "another")),
        DURATION,
        make=_in,
        examples=("in 20 min", "in an hour"),
    ),
    *rule(
        "<duration> from now",
        "time",
        DURATION,
        w("from"),
        w("now", "today"),
        make=_in,
        examples=("3 days from now",),
    ),
    *rule(
        "<duration> later",
        "time",
        DURATION,
        w("later", "hence"),
        make=_in,
        examples=("20 minutes later", "7 days hence"),
    ),
    *rule(
        "<duration> ago",
        "time",
        DURATION,
        w("ago", "back", "earlier"),
        make=_ago,
        examples=("2 hours ago",),
    ),
    *rule(
        "<duration> from <time>",
        "time",
        DURATION,
        w("from", "after"),
        c("time"),
        make=_from_time,
        examples=("a week from tomorrow", "3 days after christmas"),
    ),
    *rule(
        "<duration> before <time>",
        "time",
        DURATION,
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
        DURATION,
        make=_time_in,
        prio=-1,
        examples=("thanksgiving in 9 months",),
    ),
    *rule(
        "<time> <duration> from now",
        "time",
        c("time"),
        DURATION,
        w("from"),
        w("now"),
        make=_time_in,
        examples=("thanksgiving 9 months from now",),
    ),
    *rule(
        "<time> <duration> ago",
        "time",
        c("time"),
        DURATION,
        w("ago"),
        make=_time_ago,
        examples=("thanksgiving 3 months ago",),
    ),
    *rule(
        "<n> <weekday>s ago",
        "time",
        c("int"),
        c("weekday"),
        w("ago", "back"),
        make=_nth_ago,
        examples=("2 thursdays ago", "2 thursdays back"),
    ),
    *rule(
        "in <n> (minutes)",
        "time",
        w("in"),
        c("int"),
        make=_in_minutes,
        prio=-1,
        examples=("remind me in 15",),
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
        DURATION,
        make=_in,
        examples=("dans 20 min", "d'ici 2 heures"),
    ),
    *rule(
        "il y a <duration>",
        "time",
        w("il"),
        w("y"),
        w("a"),
        DURATION,
        make=_ago,
        examples=("il y a 20 min",),
    ),
    *rule(
        "<duration> plus tard",
        "time",
        DURATION,
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
        UNIT,
        make=_half_unit,
        examples=("une demi-heure", "une demi heure"),
    ),
    *rule(
        "<duration> et demie",
        "duration",
        DURATION,
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
        DURATION,
        w("apres"),
        c("time"),
        make=_from_time,
        examples=("une semaine apres demain",),
    ),
    *rule(
        "<duration> avant <time>",
        "time",
        DURATION,
        w("avant"),
        c("time"),
        make=_before_time,
        examples=("deux jours avant noel",),
    ),
]
