"""Combining two times into one, with the product's conventions for what people mean.

* A flexible hour ("at 3", no am/pm) on a named day other than today reads 1–6 as
  afternoon and 7–11 as morning: "tomorrow at 3" is 15:00, "friday at 8" 08:00.
* A part of day fixes a flexible hour: "8 tonight" is 20:00, "7 in the morning" 07:00.
* Two calendar patterns merge their fields ("friday" + "the 13th"); anything else
  intersects lazily ("next week" + "friday").
"""

from __future__ import annotations

from nudge.language.time.chart import Context
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time
from nudge.language.time.parts import part_span
from nudge.language.time.values import RANK, Cycle, Intersect, Shift, Value

AFTERNOON_HOURS = range(1, 7)  # a flexible 1–6 on another day is afternoon


def settle_hour(clock: Fields) -> Fields:
    """A flexible hour said with a day: 1–6 → afternoon, 7–11 → morning, 12 → noon."""
    if not clock.flexible or clock.hour is None:
        return clock
    hour = clock.hour + 12 if clock.hour in AFTERNOON_HOURS else clock.hour
    return clock.at_hour(hour)


def _is_today(value: Value, ctx: Context) -> bool:
    """Whether ``value`` is the day of ``now`` (a flexible hour then keeps both readings)."""
    return isinstance(value, Cycle) and value.unit == "day" and value.n == 0


def _midnight(hour: Fields, part: str | None) -> bool:
    """Whether a clock on a named day is the midnight that ends it ("tonight at 12")."""
    if hour.hour == 0 and not hour.minute:
        return True
    return part == "evening" and hour.hour == 12 and not hour.minute


def with_clock(day: Time, clock: Time, ctx: Context) -> Time | None:
    """A day and a clock time: "tomorrow at 8", "friday 3pm", "le 3 à 10h".

    Midnight on a named day is the end of that day: "tomorrow at midnight" is the 00:00
    after tomorrow, "tonight at 12" the coming 00:00.
    """
    hour = clock.fields
    if hour is None or not hour.has_clock:
        return None
    if _midnight(hour, day.part):
        base = (
            day.value
            if day.part is None or not isinstance(day.value, Intersect)
            else day.value.outer
        )
        start = Intersect(base, Fields(hour=0, minute=hour.minute))
        return Time(Shift(start, 1, "day"), day=True, past=day.past)
    if day.part is not None:
        hour = in_part(hour, day.part, ctx)
        if hour is None:
            return None
    elif not _is_today(day.value, ctx):
        hour = settle_hour(hour)
    pattern = day.fields
    if pattern is not None and not pattern.has_clock:
        merged = pattern.merge(hour)
        if merged is None:
            return None
        return Time(merged, day=True, past=day.past)
    if pattern is not None:
        return None
    return Time(Intersect(day.value, hour), day=True, past=day.past)


def in_part(clock: Fields, part: str, ctx: Context) -> Fields | None:
    """A clock time inside a part of day: "8 in the evening" → 20:00; None if it can't be."""
    span = part_span(part, ctx)
    if span is None:
        return clock
    start, end = span
    for hour in clock.hours():
        if start <= hour < end or (end > 24 and hour < end - 24):
            return clock.at_hour(hour)
    if clock.hour is not None and clock.hour < 12 and start >= 12 and not clock.flexible:
        return clock.at_hour(clock.hour + 12)  # "8h du soir", said 24-hour
    return None


def intersect(a: Time, b: Time, ctx: Context) -> Time | None:
    """Two times at once ("friday" + "next week", "monday" + "feb 18"); None if they clash."""
    fa, fb = a.fields, b.fields
    if fa is not None and fb is not None:
        if fa.has_clock != fb.has_clock and (fa.has_clock or fb.has_clock):
            day, clock = (a, b) if fb.has_clock else (b, a)
            return with_clock(day, clock, ctx)
        merged = fa.merge(fb)
        return None if merged is None else Time(merged, day=a.day or b.day)
    if fb is not None and fb.has_clock and not fb.has_date:
        return with_clock(a, b, ctx)
    if fa is not None and fa.has_clock and not fa.has_date:
        return with_clock(b, a, ctx)
    outer, inner = (a, b) if _coarser(a.value, b.value) else (b, a)
    return Time(Intersect(outer.value, inner.value), day=True, past=a.past or b.past)


def _coarser(a: Value, b: Value) -> bool:
    """Whether ``a`` is the container: the coarser grain, or a fixed span over a pattern."""
    if RANK[a.grain] != RANK[b.grain]:
        return RANK[a.grain] > RANK[b.grain]
    return not isinstance(a, Fields)
