"""What the clock rules share: number tests, the clock value, and the makers of its forms.

An English hour 1–11 without am/pm is flexible ("at 8": 08:00 or 20:00, whichever comes
first; on another day 1–6 is afternoon, see ``compose``). French is 24-hour.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nudge.language.time.chart import Context, Num
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time, c

AT_EN = (
    "at", "@", "around", "about", "by", "for", "arround", "round", "til", "till", "until",
    "approximately", "approx", "roughly",
)  # fmt: skip
AT_FR = ("a", "@", "vers", "pour", "avant", "des", "dès")


def num(low: int, high: int, *, digits: bool | None = None) -> Callable[[Any], bool]:
    """A test for a number in ``[low, high]``, written in digits (True), words (False) or any."""

    def test(value: Any) -> bool:
        if not isinstance(value, Num) or not low <= value.value <= high:
            return False
        return digits is None or bool(value.digits) == digits

    return test


HOUR = num(0, 24)
HOUR12 = num(1, 12)
MINUTE2 = lambda v: isinstance(v, Num) and len(v.digits) == 2 and v.value <= 59  # noqa: E731


def clock(hour: int, minute: int | None = None, *, flexible: bool = False) -> Time | None:
    """A clock time value, or None when out of range; hour 24 is midnight."""
    if not 0 <= hour <= 24 or (minute is not None and not 0 <= minute <= 59):
        return None
    if hour == 24:
        hour, flexible = 0, False
    return Time(Fields(hour=hour, minute=minute, flexible=flexible and 1 <= hour <= 11))


def is_clock(time: Any) -> bool:
    """A clock time without a day ("8pm", "noon", "at 8")."""
    fields = time.fields if isinstance(time, Time) else None
    return fields is not None and fields.has_clock and not fields.has_date


def is_hour(time: Any) -> bool:
    """A clock time on the hour, without a day ("8pm", "noon", "15h"): what "past" counts from."""
    return is_clock(time) and time.fields.minute is None


CLOCK = c("time", is_clock)
HOUR_CLOCK = c("time", is_hour)


def english(ctx: Context, number: Num) -> bool:
    """A bare hour said the English way may be 12-hour (never zero-padded "08")."""
    return ctx.lang == "en" and not number.digits.startswith("0")


def at_hour(ctx: Context, values: list[Any]) -> Time | None:
    """Form "at 8", "8 o'clock": the hour, flexible in English."""
    number: Num = values[0]
    return clock(number.value, flexible=english(ctx, number))


def hh_mm(ctx: Context, values: list[Any]) -> Time | None:
    """Form "8:30": hour and minute, the hour flexible in English."""
    hour, minute = values[0], values[1]
    return clock(hour.value, minute.value, flexible=english(ctx, hour))


def meridiem(hour: int, half: str) -> int | None:
    """The 24-hour hour of ``hour`` am|pm (12 am is midnight), None if not 1–12."""
    if not 1 <= hour <= 12:
        return None
    if half == "am":
        return 0 if hour == 12 else hour
    return 12 if hour == 12 else hour + 12


def compact(ctx: Context, values: list[Any]) -> Time | None:
    """Form "830", "1545": three or four digits as hhmm."""
    number: Num = values[0]
    if len(number.digits) not in (3, 4):
        return None
    hour, minute = divmod(number.value, 100)
    return clock(hour, minute, flexible=english(ctx, Num(hour, str(hour))))


def amount(value: Any) -> int:
    """The number of minutes a count stands for ("quarter" is 15, "10" is 10)."""
    return value if isinstance(value, int) else value.value


def _on_the_hour(hour: Time) -> Fields:
    """The fields of a clock on the hour that "past"/"to" count from (its rule's test held)."""
    fields = hour.fields
    assert fields is not None
    assert fields.hour is not None
    return fields


def past(ctx: Context, values: list[Any]) -> Time | None:
    """Form "10 past 6", "quarter past 8pm": minutes after an hour (a number or a clock)."""
    minutes, hour = amount(values[0]), values[1]
    if not 0 < minutes < 60:
        return None
    if isinstance(hour, Time):
        fields = _on_the_hour(hour)
        return Time(Fields(hour=fields.hour, minute=minutes, flexible=fields.flexible))
    return clock(hour.value, minutes, flexible=english(ctx, hour))


def to(ctx: Context, values: list[Any]) -> Time | None:
    """Form "10 to 6", "a quarter to noon": minutes before an hour (a number or a clock)."""
    minutes, hour = amount(values[0]), values[1]
    if not 0 < minutes < 60:
        return None
    if isinstance(hour, Time):
        fields = _on_the_hour(hour)
        assert fields.hour is not None
        if fields.flexible:
            before = fields.hour - 1 if fields.hour > 1 else 12
            return clock(before, 60 - minutes, flexible=True)
        return Time(Fields(hour=(fields.hour - 1) % 24, minute=60 - minutes))
    if not 1 <= hour.value <= 24:
        return None
    before = hour.value - 1 if hour.value > 1 else 12
    return clock(before, 60 - minutes, flexible=english(ctx, hour))


def passing(_ctx: Context, values: list[Any]) -> Any:
    """A ``make`` that passes its first value on ("at 8pm" is "8pm")."""
    return values[0]
