"""A clock said in a time zone: "4pm CET", "Thursday 8:00 GMT", "9 am (BST)", "3pm UTC+2".

The zone applies to the whole time before it, day included ("Thursday 8:00 PST" is
Thursday in California), read by ``zoned.Zoned`` into the user's wall time. A zone word
is only read right after a clock; the short ones that are also abbreviations of other
things ("at 3 pt" may be a physical therapy session) give the plain clock as an equal
rival, so the reading is asked about unless both are the same time for the user.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from nudge.language.time.chart import Context, Num, Rule
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c, opt, rule, w
from nudge.language.time.rules.clock_kit import num
from nudge.language.time.rules.clock_words import Unsure
from nudge.language.time.values import Intersect
from nudge.language.time.zoned import Zoned, constant_shift, offset_name


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
    """``time`` read on the clocks of ``there``: a clock moved, or a ``Zoned`` value."""
    fields = time.fields
    if fields is not None and not fields.has_date and not fields.flexible:
        shift = constant_shift(there, ctx.zone, ctx.now.replace(hour=0, minute=0, second=0))
        moved = None if shift is None else _moved_clock(fields, shift)
        if moved is not None:
            return Time(moved)
    return Time(Zoned(time.value, there, ctx.zone), day=time.day, past=time.past)


def _moved_clock(fields: Fields, shift: timedelta) -> Fields | None:
    """A clock moved by ``shift``, or None when it would cross midnight (a day changes)."""
    assert fields.hour is not None
    minutes = int(shift.total_seconds()) // 60
    total = fields.hour * 60 + (fields.minute or 0) + minutes
    if not 0 <= total < 24 * 60:
        return None
    minute = None if fields.minute is None and minutes % 60 == 0 else total % 60
    return Fields(hour=total // 60, minute=minute, second=fields.second)


def _repeat_zoned(_ctx: Context, _values: list[Any]) -> Time:
    """A repeat at a clock of a zone that drifts from the user's over the year: asked.

    A rule's clock is the user's wall time, and no single one is right all year.
    """
    return Time(Unsure())


def _in_zone(ctx: Context, values: list[Any]) -> Time | None:
    return zoned(ctx, values[0], values[1])


def _offset(ctx: Context, time: Time, sign: str, hours: int, minutes: int) -> Time | None:
    """``time`` at a fixed offset from UTC, if one exists."""
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


def _offset_maker(sign: str, form: str) -> Any:
    """The ``make`` of an offset form with ``sign``: "UTC+2", "+0530" or "+05:30"."""

    def make(ctx: Context, values: list[Any]) -> Time | None:
        time = values[0]
        if form == "hh:mm":
            return _offset(ctx, time, sign, values[1].value, values[2].value)
        number: Num = values[-1]
        if form == "utc" and len(number.digits) <= 2:
            return _offset(ctx, time, sign, number.value, 0)
        if len(number.digits) not in (3, 4):
            return None
        hours, minutes = divmod(number.value, 100)
        return _offset(ctx, time, sign, hours, minutes)

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
            make=_offset_maker(_sign, "utc"),
            prio=1,
            examples=("3pm UTC+2", "8:00 GMT-5"),
        ),
        *rule(
            f"<time> {_sign}<hhmm>",
            "time",
            _TIMED,
            w(_sign),
            c("int", num(0, 1400, digits=True), tight=True),
            make=_offset_maker(_sign, "hhmm"),
            prio=1,
            examples=("9am +0530",),
        ),
        *rule(
            f"<time> {_sign}<hh:mm>",
            "time",
            _TIMED,
            w(_sign),
            c("int", num(0, 14, digits=True), tight=True),
            w(":", tight=True),
            c("int", num(0, 59, digits=True), tight=True),
            make=_offset_maker(_sign, "hh:mm"),
            prio=1,
            examples=("9am +05:30",),
        ),
    ]

BOTH += [
    *rule(
        "<repeat> <zoned clock>",
        "time",
        c("repeat"),
        opt(w("at", "a", "@", "vers", "around")),
        c("time", lambda t: isinstance(t.value, Zoned)),
        make=_repeat_zoned,
        prio=1,
        examples=("every day at 9am PST",),
    ),
    *rule(
        "<zoned clock> <repeat>",
        "time",
        c("time", lambda t: isinstance(t.value, Zoned)),
        c("repeat"),
        make=_repeat_zoned,
        prio=1,
        examples=("9am PST every day",),
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
