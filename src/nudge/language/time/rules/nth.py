"""Days counted inside another time: "first monday of next month", "closest monday to oct 5".

Also "the last day of the month", "20th of next month"; "the end of the month" (or of the
year) is its last day: a reminder for it comes that day, at the day hour.

Nth-of counts inside each container ("the last friday of the month"); "<ordinal> day of
<time>" counts days; "closest" counts days by their distance from a date, the earlier first
on a tie.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.values import Cycle, DaysOf, Fixed, NthOf, truncate


def nth_of(ctx: Context, values: list[Any]) -> Time | None:
    """Form "first monday of next month", "le 2e mardi de janvier", "last friday of the month"."""
    n, weekday, outer = values[0], values[1], values[2]
    if n == 0 or abs(n) > 5:
        return None
    return Time(NthOf(n, Fields(weekday=weekday), outer.value), day=True)


def nth_day_of(ctx: Context, values: list[Any]) -> Time | None:
    """Form "the 20th day of next month", "last day of the month"."""
    n, outer = values[0], values[1]
    if n == 0 or abs(n) > 31:
        return None
    return _nth_days(n, outer)


def _nth_days(n: int, outer: Time) -> Time:
    """The ``n``-th day of each of ``outer``'s spans (``n < 0``: from the end)."""
    return Time(DaysOf(n, outer.value), day=True)


def _ordinal_of(ctx: Context, values: list[Any]) -> Time | None:
    """Form "20th of next month", "the 20 of this month": a day number in a month."""
    number, outer = values[0], values[1]
    day = number if isinstance(number, int) else number.value
    if outer.value.grain != "month" or not 1 <= day <= 31:
        return None
    return _nth_days(day, outer)


def _this_month(ctx: Context, _values: list[Any]) -> Time:
    return Time(Cycle("month", 0, ctx.now), day=True)


def _closest(ctx: Context, values: list[Any]) -> Time | None:
    """Form "the (2nd) closest monday to oct 5th", "the closest xmas to today".

    The times of the series nearest the anchor's next span, by distance from its start; on a
    tie the earlier comes first.
    """
    n, target, anchor = (values if len(values) == 3 else [1, *values])[:3]
    if not 1 <= n <= CLOSEST_MAX:
        return None
    found = next(iter(anchor.value.future(ctx.now)), None)
    if found is None:
        return None
    at = found.start
    near = [*islice(target.value.future(at), n), *islice(target.value.past(at), n)]
    near = sorted(
        {span.start: span for span in near}.values(), key=lambda s: (abs(s.start - at), s.start)
    )
    if len(near) < n:
        return None
    return Time(Fixed(near[n - 1]), day=True, past=near[n - 1].end <= truncate(ctx.now, "day"))


_DAYS = c("time", lambda t: t.value.grain == "day" and not t.latent and not t.elapsed)
CLOSEST_MAX = 5
MONTHISH = c("time", lambda t: t.value.grain in ("month", "year") and not t.latent)
LAST = lambda v: v == -1  # noqa: E731

EN: list[Rule] = [
    *rule(
        "<ordinal> <weekday> of <time>",
        "time",
        opt(w("the")),
        c("ord"),
        c("weekday"),
        w("of", "in"),
        opt(w("the")),
        MONTHISH,
        make=nth_of,
        examples=("first monday of next month", "the 3rd tuesday of october"),
    ),
    *rule(
        "last <weekday> of <time>",
        "time",
        opt(w("the")),
        c("dir", LAST),
        c("weekday"),
        w("of", "in"),
        opt(w("the")),
        MONTHISH,
        make=nth_of,
        examples=("the last friday of the month", "last sunday of march"),
    ),
    *rule(
        "<ordinal> last <weekday> of <time>",
        "time",
        opt(w("the")),
        c("ord"),
        w("last"),
        c("weekday"),
        w("of", "in"),
        opt(w("the")),
        MONTHISH,
        make=lambda ctx, v: nth_of(ctx, [-v[0], v[1], v[2]]),
        examples=("second last friday of may",),
    ),
    *rule(
        "<ordinal> day of <time>",
        "time",
        opt(w("the")),
        c("ord"),
        w("day"),
        w("of", "in"),
        opt(w("the")),
        MONTHISH,
        make=nth_day_of,
        examples=("the 20th day of next month",),
    ),
    *rule(
        "last day of <time>",
        "time",
        opt(w("the")),
        c("dir", LAST),
        w("day"),
        w("of", "in"),
        opt(w("the")),
        MONTHISH,
        make=nth_day_of,
        examples=("the last day of the month",),
    ),
    *rule(
        "<ordinal> last day of <time>",
        "time",
        opt(w("the")),
        c("ord"),
        w("last"),
        w("day"),
        w("of", "in"),
        opt(w("the")),
        MONTHISH,
        make=lambda ctx, v: nth_day_of(ctx, [-v[0], v[1]]),
        examples=("fifth last day of may",),
    ),
    *rule(
        "<ordinal> of <month time>",
        "time",
        opt(w("the")),
        c("ord"),
        w("of"),
        opt(w("the")),
        MONTHISH,
        make=_ordinal_of,
        examples=("20th of next month", "the 20th of the current month"),
    ),
    *rule(
        "<n> of <month time>",
        "time",
        opt(w("the")),
        c("int", lambda v: isinstance(v, Num) and bool(v.digits)),
        w("of"),
        opt(w("the")),
        MONTHISH,
        make=_ordinal_of,
        examples=("20 of next month",),
    ),
    *rule(
        "the <ordinal> closest <day> to <day>",
        "time",
        opt(w("the")),
        opt(c("ord")),
        w("closest", "nearest"),
        _DAYS,
        w("to"),
        _DAYS,
        make=_closest,
        examples=("the closest monday to oct 5th", "the 3rd closest xmas to today"),
    ),
    *rule("the month", "time", w("the"), w("month"), make=_this_month, examples=("the month",)),
    *rule(
        "end of <month>",
        "time",
        opt(w("at", "by")),
        opt(w("the")),
        w("end"),
        w("of"),
        opt(w("the")),
        MONTHISH,
        make=lambda ctx, v: nth_day_of(ctx, [-1, v[-1]]),
        examples=("at the end of the month", "end of next month", "by the end of the year"),
    ),
    *rule(
        "end of month",
        "time",
        opt(w("at", "by")),
        opt(w("the")),
        w("end"),
        w("of"),
        w("month"),
        make=lambda ctx, v: nth_day_of(ctx, [-1, _this_month(ctx, [])]),
        examples=("pay bills end of month",),
    ),
]

BOTH: list[Rule] = []
FR: list[Rule] = []  # French nth-of rules are in combined.py
