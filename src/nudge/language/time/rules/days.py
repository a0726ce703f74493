"""Days: "tomorrow", "friday", "next tuesday", "last sunday", "this weekend".

Conventions (see ``docs/understanding.md``):

* "next <weekday>" is the one in the coming week, never tomorrow: "next wednesday" said on
  a Tuesday is eight days away; "this wednesday" is tomorrow. "<weekday> after next" skips
  one more.

Dates ("march 3", "3/12") are in ``dates.py``; the names French rules share are kept here.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from nudge.language.time.chart import Context, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.holidays import Holiday
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.parts import part_value
from nudge.language.time.rules.dates import _ANY_DATE as _ANY_DATE  # shared with days_fr
from nudge.language.time.rules.dates import _DAY_NUM as _DAY_NUM
from nudge.language.time.rules.dates import _day_month as _day_month
from nudge.language.time.rules.dates import _day_of_month as _day_of_month
from nudge.language.time.rules.dates import _merge_weekday as _merge_weekday
from nudge.language.time.values import Cycle, Fixed, Intersect, Span, truncate


def _day_word(ctx: Context, values: list[Any]) -> Time:
    offset, part = values[0]
    day = Cycle("day", offset, ctx.now)
    if part is None:
        return Time(day, day=True, past=offset < 0)
    span = part_value(part, ctx)
    return Time(Intersect(day, span), part=part, day=True, past=offset < 0) if span else Time(day)


def _weekday(_ctx: Context, values: list[Any]) -> Time:
    return Time(Fields(weekday=values[0]))


def _on_weekday(_ctx: Context, values: list[Any]) -> Time:
    return Time(Fields(weekday=values[0]))


def _this_weekday(ctx: Context, values: list[Any]) -> Time:
    """Form "this wednesday": the coming one (today if it is that day)."""
    weekday = values[0]
    today = truncate(ctx.now, "day")
    ahead = (weekday - today.weekday()) % 7
    return Time(Fixed(Span.unit(today + timedelta(days=ahead), "day")), day=True)


def _next_weeks(ctx: Context, values: list[Any]) -> Time:
    """English "next wednesday": that day of next week (Monday to Sunday)."""
    weekday = values[-1]
    monday = truncate(ctx.now, "week") + timedelta(days=7)
    return Time(Fixed(Span.unit(monday + timedelta(days=weekday), "day")), day=True)


def _coming(ctx: Context, values: list[Any]) -> Time:
    """French "mercredi prochain": the coming one, never today."""
    weekday = values[0]
    today = truncate(ctx.now, "day")
    ahead = (weekday - today.weekday()) % 7 or 7
    return Time(Fixed(Span.unit(today + timedelta(days=ahead), "day")), day=True)


def _last_weekday(ctx: Context, values: list[Any]) -> Time:
    weekday = values[-1]
    today = truncate(ctx.now, "day")
    back = (today.weekday() - weekday) % 7 or 7
    return Time(Fixed(Span.unit(today - timedelta(days=back), "day")), day=True, past=True)


def _after_next(ctx: Context, values: list[Any]) -> Time:
    weekday = values[0]
    today = truncate(ctx.now, "day")
    ahead = (weekday - today.weekday()) % 7 or 7
    return Time(Fixed(Span.unit(today + timedelta(days=ahead + 7), "day")), day=True)


def _dir_cycle(ctx: Context, values: list[Any]) -> Time:
    direction, unit = values[0], values[1]
    return Time(Cycle(unit, direction, ctx.now), day=True, past=direction < 0)


BOTH: list[Rule] = [
    *rule(
        "today|tomorrow|tonight",
        "time",
        c("day"),
        make=_day_word,
        examples=("tomorrow", "demain", "tonight", "hier"),
    ),
    *rule("<weekday>", "time", c("weekday"), make=_weekday, examples=("friday", "vendredi")),
]

EN: list[Rule] = [
    *rule("on <weekday>", "time", w("on"), c("weekday"), make=_on_weekday, examples=("on friday",)),
    *rule(
        "this <weekday>",
        "time",
        w("this"),
        c("weekday"),
        make=_this_weekday,
        examples=("this wednesday",),
    ),
    *rule(
        "next <weekday>",
        "time",
        w("next", "nxt"),
        c("weekday"),
        make=_next_weeks,
        examples=("next tuesday",),
    ),
    *rule(
        "this coming <weekday>",
        "time",
        w("this"),
        w("coming"),
        c("weekday"),
        make=_this_weekday,
        examples=("this coming friday",),
    ),
    *rule(
        "coming <weekday>",
        "time",
        w("coming", "upcoming"),
        c("weekday"),
        make=_this_weekday,
        examples=("coming friday",),
    ),
    *rule(
        "last <weekday>",
        "time",
        w("last", "past", "previous"),
        c("weekday"),
        make=_last_weekday,
        examples=("last sunday",),
    ),
    *rule(
        "<weekday> after next",
        "time",
        c("weekday"),
        w("after"),
        w("next"),
        make=_after_next,
        examples=("friday after next",),
    ),
    *rule(
        "this|next|last week|month|year",
        "time",
        c("dir"),
        c("unit", lambda u: u in ("week", "month", "year", "day")),
        make=_dir_cycle,
        examples=("next week", "last month"),
    ),
    *rule(
        "the following week",
        "time",
        w("the"),
        c("dir", lambda d: d == 1),
        c("unit", lambda u: u in ("week", "month", "year")),
        make=_dir_cycle,
        examples=("the following week",),
    ),
]


def _weekday_of_week(ctx: Context, values: list[Any]) -> Time:
    """Form "sunday from last week", "last week's sunday": that day of that Monday–Sunday week."""
    weekday, direction = values[0], values[1]
    monday = truncate(ctx.now, "week") + timedelta(days=7 * direction)
    day = monday + timedelta(days=weekday)
    return Time(Fixed(Span.unit(day, "day")), day=True, past=day < truncate(ctx.now, "day"))


def _last_holiday(ctx: Context, values: list[Any]) -> Time | None:
    """Form "last thanksgiving", "last easter": the latest one before today."""
    found = next(iter(values[0].value.past(truncate(ctx.now, "day"))), None)
    return None if found is None else Time(Fixed(found), day=True, past=True)


def _upcoming(ctx: Context, values: list[Any]) -> Time | None:
    """Form "upcoming two days", "2 upcoming weeks": the day (week…) that many ahead."""
    number, unit = values[0], values[1]
    if not 1 <= number.value <= 60:
        return None
    return Time(Cycle(unit, number.value, ctx.now), day=True)


_CYCLE_UNIT = c("unit", lambda u: u in ("day", "week", "month", "year"))


def _weekend(ctx: Context, values: list[Any]) -> Time:
    """Form "this weekend", "ce week-end": the coming Saturday (today on a Saturday)."""
    today = truncate(ctx.now, "day")
    ahead = (5 - today.weekday()) % 7 if today.weekday() != 6 else 0
    weeks = 7 * values[0] if values and values[0] == 1 else 0
    return Time(Fixed(Span.unit(today + timedelta(days=ahead + weeks), "day")), day=True)


_WEEKEND = ("weekend", "wknd", "wkend", "week-end")
EN.extend(
    [
        *rule(
            "<weekday> of|from <dir> week",
            "time",
            c("weekday"),
            w("of", "from"),
            c("dir"),
            w("week"),
            make=_weekday_of_week,
            examples=("sunday from last week", "monday of this week"),
        ),
        *rule(
            "<dir> week's <weekday>",
            "time",
            c("dir"),
            w("week", "weeks"),
            w("'s", "'"),
            c("weekday"),
            make=lambda ctx, v: _weekday_of_week(ctx, [v[1], v[0]]),
            examples=("last week's sunday", "next week's friday"),
        ),
        *rule(
            "last <holiday>",
            "time",
            w("last", "previous"),
            c("time", lambda t: isinstance(t.value, Holiday)),
            make=_last_holiday,
            examples=("last thanksgiving", "last easter"),
        ),
        *rule(
            "upcoming <n> <unit>",
            "time",
            opt(w("the")),
            w("upcoming"),
            c("int"),
            _CYCLE_UNIT,
            make=_upcoming,
            examples=("upcoming two days", "the upcoming 2 weeks"),
        ),
        *rule(
            "<n> upcoming <unit>",
            "time",
            c("int"),
            w("upcoming"),
            _CYCLE_UNIT,
            make=_upcoming,
            examples=("2 upcoming days",),
        ),
        *rule(
            "this weekend",
            "time",
            opt(w("on", "over", "for", "by")),
            w("this", "the", "on", "over", "for"),
            w(*_WEEKEND),
            make=_weekend,
            examples=("this weekend", "on the weekend", "over this weekend"),
        ),
        *rule(
            "next weekend",
            "time",
            c("dir", lambda d: d == 1),
            w(*_WEEKEND),
            make=_weekend,
            examples=("next weekend",),
        ),
        *rule(
            "this week end",
            "time",
            w("this"),
            w("week"),
            w("end"),
            make=_weekend,
            examples=("this week end",),
        ),
    ]
)


FR: list[Rule] = []  # in days_fr.py
