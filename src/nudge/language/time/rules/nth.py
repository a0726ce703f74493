"""Days counted inside another time: "first monday of next month", "closest monday to oct 5".

Also "the last day of the month", "20th of next month".

Nth-of counts inside each container ("the last friday of the month"); "<ordinal> day of
<time>" counts days; "closest" counts days by their distance from a date, the earlier first
on a tie.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.values import Cycle, DaysOf, Fixed, NthOf, Span, truncate


def _nth_of(ctx: Context, values: list[Any]) -> Time | None:
    """Form "first monday of next month", "le 2e mardi de janvier", "last friday of the month"."""
    n, weekday, outer = values[0], values[1], values[2]
    if n == 0 or abs(n) > 5:
        return None
    return Time(NthOf(n, Fields(weekday=weekday), outer.value), day=True)


def _nth_day_of(ctx: Context, values: list[Any]) -> Time | None:
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
    """Form "the (2nd) closest monday to oct 5th": days of that weekday by distance from the date.

    The date is its next one ahead; on a tie the earlier day comes first.
    """
    n, weekday, anchor = (values if len(values) == 3 else [1, *values])[:3]
    if not 1 <= n <= 5:
        return None
    found = next(iter(anchor.value.future(ctx.now)), None)
    if found is None:
        return None
    day = truncate(found.start, "day")
    ahead = (weekday - day.weekday()) % 7
    behind = (day.weekday() - weekday) % 7 or 7
    near = sorted(
        [day + timedelta(days=ahead + 7 * k) for k in range(n)]
        + [day - timedelta(days=behind + 7 * k) for k in range(n)],
        key=lambda d: (abs((d - day).days), d),
    )
    return Time(Fixed(Span.unit(near[n - 1], "day")), day=True)


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
        make=_nth_of,
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
        make=_nth_of,
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
        make=lambda ctx, v: _nth_of(ctx, [-v[0], v[1], v[2]]),
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
        make=_nth_day_of,
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
        make=_nth_day_of,
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
        make=lambda ctx, v: _nth_day_of(ctx, [-v[0], v[1]]),
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
        "the <ordinal> closest <weekday> to <date>",
        "time",
        opt(w("the")),
        opt(c("ord")),
        w("closest", "nearest"),
        c("weekday"),
        w("to"),
        c("time", lambda t: t.value.grain == "day" and not t.latent),
        make=_closest,
        examples=("the closest monday to oct 5th", "the second closest mon to october fifth"),
    ),
    *rule("the month", "time", w("the"), w("month"), make=_this_month, examples=("the month",)),
]

BOTH: list[Rule] = []
FR: list[Rule] = []  # French nth-of rules are in combined.py
