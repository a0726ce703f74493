"""Calendar patterns: "friday", "8pm", "march 3", "the 31st" as fields to match day by day.

A ``Fields`` value names every moment whose calendar fields agree with it; its series is
walked one candidate day at a time (bounded by ``HORIZON``), forwards or backwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import islice

from nudge.language.time.quick import quick_init
from nudge.language.time.values import HORIZON, MAX_YEARS, Grain, Span, truncate

NIGHT_HOURS = range(1, 6)
"""A flexible 1–5 ("at 4": no am/pm, no part of day) falls in the afternoon, tomorrow's if
today's has gone: 04:00 is no time to call anyone, and quiet hours would hold it anyway.
Said in the night itself (before 06:00), the night hour stays ("at 1:50" said at 01:45)."""


@quick_init
@dataclass(frozen=True, slots=True)
class Fields:
    """A calendar pattern: any of year, month, day of month, weekday, hour, minute.

    ``day=-1`` is the last day of the month. ``flexible`` marks an hour said without am/pm
    ("at 8"): it stands for ``hour`` and ``hour + 12``, unless ``pm``/``am`` is decided.
    The grain is the finest field given. Two patterns intersect by merging their fields.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    flexible: bool = False

    @property
    def grain(self) -> Grain:
        """The finest field given."""
        if self.second is not None:
            return "second"
        if self.minute is not None:
            return "minute"
        if self.hour is not None:
            return "hour"
        if self.day is not None or self.weekday is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def has_date(self) -> bool:
        """Whether any field above the hour is set."""
        return not (self.year is None and self.month is None and self.day is None
                    and self.weekday is None)  # fmt: skip

    @property
    def has_clock(self) -> bool:
        """Whether an hour is set."""
        return self.hour is not None

    def at_hour(self, hour: int) -> Fields:
        """The pattern at ``hour``, decided (not flexible): ``replace`` at half the cost."""
        return Fields(self.year, self.month, self.day, self.weekday, hour, self.minute, self.second)

    def merge(self, other: Fields) -> Fields | None:
        """Both patterns at once, or None when they disagree ("friday" and "monday")."""
        merged: dict[str, object] = {}
        for name in ("year", "month", "day", "weekday", "hour", "minute", "second"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine is not None and theirs is not None and mine != theirs:
                if name == "hour" and (self.flexible or other.flexible):
                    hour = _agree_hours(self, other)
                    if hour is None:
                        return None
                    merged[name] = hour
                    continue
                return None
            merged[name] = mine if mine is not None else theirs
        flexible = (self.flexible and other.hour is None) or (other.flexible and self.hour is None)
        return Fields(**merged, flexible=flexible)  # type: ignore[arg-type]

    def hours(self) -> tuple[int, ...]:
        """The hours of the day this pattern allows, earliest first."""
        if self.hour is None:
            return tuple(range(24))
        if self.flexible and self.hour < 12:
            return (self.hour, self.hour + 12)
        return (self.hour,)

    def _clock_hours(self, night: bool) -> tuple[int, ...]:
        """The hours a moment may fall at: a flexible 1–5 is the night only if it is ``night``."""
        hour = self.hour
        if self.flexible and hour is not None and hour in NIGHT_HOURS and not night:
            return (hour + 12,)
        return self.hours()

    def _days(self, first: date, backwards: bool) -> Iterator[date]:
        """The days this pattern allows from ``first``, in order (bounded)."""
        yield from islice(_candidate_days(self, first, backwards), HORIZON)

    def _spans_on(self, day: date, night: bool) -> Iterator[Span]:
        """The pattern's spans on one day, in time order (``night``: said in the night)."""
        midnight = datetime(day.year, day.month, day.day)  # noqa: DTZ001 - local wall time
        grain = self.grain
        if grain in ("day", "month", "year") and not self.has_clock:
            yield Span.unit(truncate(midnight, grain), grain)
            return
        for hour in self._clock_hours(night):
            if self.minute is None:
                yield Span.unit(midnight.replace(hour=hour), "hour")
                continue
            start = midnight.replace(hour=hour, minute=self.minute, second=self.second or 0)
            yield Span.unit(start, grain)

    def future(self, ref: datetime) -> Iterator[Span]:
        """Spans ending after ``ref``, in time order."""
        last: Span | None = None
        night = ref.hour < NIGHT_HOURS.stop
        for day in self._days(truncate(ref, self._walk()).date(), backwards=False):
            for span in self._spans_on(day, night):
                if span.end > ref and span != last:
                    last = span
                    yield span

    def past(self, ref: datetime) -> Iterator[Span]:
        """Spans starting before ``ref``, latest first."""
        last: Span | None = None
        night = ref.hour < NIGHT_HOURS.stop
        for day in self._days(ref.date(), backwards=True):
            for span in reversed(list(self._spans_on(day, night))):
                if span.start < ref and span != last:
                    last = span
                    yield span

    def _walk(self) -> Grain:
        """The unit the series steps by when its first span may start before ``ref``."""
        grain = self.grain
        return grain if grain in ("month", "year") else "day"


def _agree_hours(a: Fields, b: Fields) -> int | None:
    """The hour two patterns share when one or both are flexible (8 and 20 agree on 20)."""
    if a.hour is None or b.hour is None:
        return None
    common = set(a.hours()) & set(b.hours())
    return min(common) if len(common) == 1 else None


def _month_days(year: int, month: int) -> int:
    """How many days ``month`` of ``year`` has."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def _day_of(fields: Fields, year: int, month: int) -> date | None:
    """The pattern's day of month in ``year``/``month``, or None if it has none there."""
    assert fields.day is not None
    length = _month_days(year, month)
    number = length + 1 + fields.day if fields.day < 0 else fields.day
    if not 1 <= number <= length:
        return None
    found = date(year, month, number)
    if fields.weekday is not None and found.weekday() != fields.weekday:
        return None
    return found


def _months(fields: Fields, first: date, backwards: bool) -> Iterator[tuple[int, int]]:
    """(year, month) pairs the pattern allows from ``first``'s month, in order."""
    year, month = first.year, first.month
    sign = -1 if backwards else 1
    if fields.year is not None and (fields.year - year) * sign > 0:  # "10/31/1974": go there
        year, month = fields.year, 12 if backwards else 1
    for _ in range(MAX_YEARS * 12):
        if fields.year is not None and (year - fields.year) * sign > 0:
            return
        year_ok = fields.year is None or year == fields.year
        if year_ok and (fields.month is None or month == fields.month):
            yield year, month
        month += sign
        if month == 13:
            year, month = year + 1, 1
        elif month == 0:
            year, month = year - 1, 12


def _candidate_days(  # noqa: C901 - one branch per shape of date pattern
    fields: Fields, first: date, backwards: bool
) -> Iterator[date]:
    """Every day the date fields allow, from ``first`` onwards (or backwards)."""
    sign = -1 if backwards else 1
    if fields.grain in ("month", "year") and fields.day is None and fields.weekday is None:
        for year, month in _months(fields, first, backwards):
            if fields.grain == "year" and month != 1:
                continue
            yield date(year, month, 1)
        return
    if fields.day is not None:
        for year, month in _months(fields, first, backwards):
            found = _day_of(fields, year, month)
            if found is not None and (found - first).days * sign >= 0:
                yield found
        return
    if fields.month is not None or fields.year is not None:
        for year, month in _months(fields, first, backwards):
            days = range(1, _month_days(year, month) + 1)
            for number in reversed(days) if backwards else days:
                found = date(year, month, number)
                if (found - first).days * sign < 0:
                    continue
                if fields.weekday is None or found.weekday() == fields.weekday:
                    yield found
        return
    day = first
    if fields.weekday is not None:
        shift = (fields.weekday - day.weekday()) % 7
        day += timedelta(days=shift if not backwards else -((day.weekday() - fields.weekday) % 7))
        while True:
            yield day
            day += timedelta(days=7 * sign)
    while True:
        yield day
        day += timedelta(days=sign)
