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
from nudge.language.time.kit import Time, c, rule, w
from nudge.language.time.rules.dates import (  # noqa: F401 - shared with days_fr
    _ANY_DATE,
    _DAY_NUM,
    _day_month,
    _day_of_month,
    _merge_weekday,
)
from nudge.language.time.values import Cycle, Fixed, Span, truncate


def _day_word(ctx: Context, values: list[Any]) -> Time:
    offset, part = values[0]
    from nudge.language.time.parts import part_value

    day = Cycle("day", offset, ctx.now)
    if part is None:
        return Time(day, day=True, past=offset < 0)
    span = part_value(part, ctx)
    from nudge.language.time.values import Intersect

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
            "this weekend",
            "time",
            w("this", "the", "on", "over", "for"),
            w(*_WEEKEND),
            make=_weekend,
            examples=("this weekend", "on the weekend"),
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
