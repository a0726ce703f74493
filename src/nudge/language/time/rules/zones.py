"""A clock said in a time zone: "4pm CET", "Thursday 8:00 GMT", "9 am (BST)", "3pm UTC+2".

The zone applies to the whole time before it, day included ("Thursday 8:00 PST" is
Thursday in California), read by ``zoned.Zoned`` into the user's wall time. A zone word
is only read right after a clock; the short ones that are also abbreviations of other
things ("at 3 pt" may be a physical therapy session) give the plain clock as an equal
rival, so the reading is asked about unless both are the same time for the user.
"""

from __future__ import annotations

from typing import Any

from nudge.language.time.chart import Context, Rule
from nudge.language.time.kit import Time, c, rule, w
from nudge.language.time.rules.clock_kit import num
from nudge.language.time.values import Intersect
from nudge.language.time.zoned import Zoned, offset_name


def _clocked(time: Any) -> bool:
    """A time with a clock ("8pm", "thursday 8:00"), not counted from now nor a part of day."""
    if not isinstance(time, Time) or time.elapsed or isinstance(time.value, Zoned):
        return False
    fields = time.fields
    if fields is not None:
        return fields.has_clock
    value = time.value
    inner = value.inner if isinstance(value, Intersect) else None
    inner_fields = getattr(inner, "has_clock", None)
    return bool(inner_fields) and time.value.grain in ("hour", "minute", "second")


_TIMED = c("time", _clocked)


def zoned(ctx: Context, time: Time, there: str) -> Time:
    """``time`` read on the clocks of ``there``."""
    return Time(Zoned(time.value, there, ctx.zone), day=time.day, past=time.past)


def _in_zone(ctx: Context, values: list[Any]) -> Time | None:
    return zoned(ctx, values[0], values[1])


def _with_offset(ctx: Context, values: list[Any]) -> Time | None:
    """Form "3pm UTC+2", "8:00 GMT-5", "9am +0530": an offset from UTC."""
    time, sign, number = values[0], values[-2], values[-1]
    if len(values) == 4 and values[1] != "UTC":
        return None
    digits = number.digits
    if len(digits) in (3, 4):
        hours, minutes = divmod(number.value, 100)
    elif len(digits) in (1, 2) and len(values) == 4:
        hours, minutes = number.value, 0
    else:
        return None
    name = offset_name(sign, hours, minutes)
    return None if name is None else zoned(ctx, time, name)


BOTH: list[Rule] = [
    *rule(
        "<time> <zone>",
        "time",
        _TIMED,
        c("zone"),
        make=_in_zone,
        prio=1,
        examples=("4pm CET", "Thursday 8:00 GMT", "à seize heures CET", "thu at 8 am PST"),
    ),
    *rule(
        "<time> (<zone>)",
        "time",
        _TIMED,
        w("("),
        c("zone"),
        w(")"),
        make=_in_zone,
        prio=1,
        examples=("Thursday 9 am (BST)",),
    ),
    *rule(
        "<time> z",
        "time",
        _TIMED,
        w("z", tight=True),
        make=lambda ctx, v: zoned(ctx, v[0], "UTC"),
        prio=1,
        examples=("0800z", "8:00Z"),
    ),
]


def _offset_maker(sign: str, named: bool) -> Any:
    """The ``make`` of an offset form with ``sign``, after "UTC" (``named``) or alone."""

    def make(ctx: Context, values: list[Any]) -> Time | None:
        if named:
            return _with_offset(ctx, [values[0], values[1], sign, values[2]])
        return _with_offset(ctx, [values[0], sign, values[1]])

    return make


for _sign in ("+", "-"):
    BOTH += [
        *rule(
            f"<time> utc{_sign}<hours>",
            "time",
            _TIMED,
            c("zone", lambda z: z == "UTC"),
            w(_sign, tight=True),
            c("int", num(0, 1400, digits=True), tight=True),
            make=_offset_maker(_sign, named=True),
            prio=1,
            examples=("3pm UTC+2", "8:00 GMT-5"),
        ),
        *rule(
            f"<time> {_sign}<hhmm>",
            "time",
            _TIMED,
            w(_sign),
            c("int", num(0, 1400, digits=True), tight=True),
            make=_offset_maker(_sign, named=False),
            prio=1,
            examples=("9am +0530",),
        ),
    ]

EN: list[Rule] = [
    *rule(
        "<time> <short zone>",
        "time",
        _TIMED,
        c("zone_short"),
        make=_in_zone,
        prio=1,
        examples=("3pm PT",),
    ),
    *rule(
        "<time> <short zone> (as said)",
        "time",
        _TIMED,
        c("zone_short"),
        make=lambda _c, v: v[0],
        prio=1,
        examples=("3 pt session",),
    ),
]
FR: list[Rule] = []
