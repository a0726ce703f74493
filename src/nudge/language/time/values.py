"""Lazy time values: what a phrase means before it is resolved against "now".

A value is a rule for a *series* of spans of local wall time (naive, in the user's zone):
"friday" is every Friday, "8pm" every day's 20:00, "the first monday of next month" one
day. Rules compose values (intersect, nth-of, nth-after, shift) without computing a date;
``future`` and ``past`` walk the series from a reference time when a reading is resolved.
This is the shape Duckling proved: composition stays cheap and every form is one rule.

Every series is bounded (``HORIZON`` spans at most), so no value can loop forever.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import islice
from typing import Literal, Protocol

from dateutil.relativedelta import relativedelta

Grain = Literal["second", "minute", "hour", "day", "week", "month", "year"]
GRAINS: tuple[Grain, ...] = ("second", "minute", "hour", "day", "week", "month", "year")
RANK = {grain: rank for rank, grain in enumerate(GRAINS)}
HORIZON = 800  # spans walked at most per series: eight years of months, two of days
MAX_YEARS = 30


def finer(a: Grain, b: Grain) -> Grain:
    """The finer of two grains."""
    return a if RANK[a] <= RANK[b] else b


_FIXED: dict[str, timedelta] = {
    "second": timedelta(seconds=1), "minute": timedelta(minutes=1), "hour": timedelta(hours=1),
    "day": timedelta(days=1), "week": timedelta(weeks=1),
}  # fmt: skip


def step(grain: Grain, n: int = 1) -> timedelta | relativedelta:
    """``n`` units of ``grain`` as calendar arithmetic on naive wall time.

    Up to the week a unit has a fixed length, and a ``timedelta`` moves a naive time exactly
    as ``relativedelta`` does, ten times faster; months and years need ``relativedelta``.
    """
    fixed = _FIXED.get(grain)
    if fixed is not None:
        return fixed * n
    return relativedelta(**{f"{grain}s": n})  # type: ignore[arg-type]


def truncate(moment: datetime, grain: Grain) -> datetime:
    """The start of the ``grain`` unit holding ``moment`` (weeks start on Monday)."""
    if grain == "second":
        return moment.replace(microsecond=0)
    if grain == "minute":
        return moment.replace(second=0, microsecond=0)
    if grain == "hour":
        return moment.replace(minute=0, second=0, microsecond=0)
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if grain == "day":
        return day
    if grain == "week":
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of local wall time ``[start, end)`` and the precision it was said at."""

    start: datetime
    end: datetime
    grain: Grain

    @staticmethod
    def unit(start: datetime, grain: Grain) -> Span:
        """The ``grain`` unit starting at ``start``."""
        return Span(start, start + step(grain), grain)

    def holds(self, other: Span) -> bool:
        """Whether ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end


class Value(Protocol):
    """A lazy time: the series of spans it names around a reference time."""

    @property
    def grain(self) -> Grain:
        """The precision of its spans."""

    def future(self, ref: datetime) -> Iterator[Span]:
        """Its spans that end after ``ref``, in time order."""

    def past(self, ref: datetime) -> Iterator[Span]:
        """Its spans that start before ``ref``, latest first."""


@dataclass(frozen=True, slots=True)
class Fixed:
    """One span: "tomorrow", "in 20 min", "March 3 2015", "now"."""

    span: Span

    @property
    def grain(self) -> Grain:
        """The span's grain."""
        return self.span.grain

    def future(self, ref: datetime) -> Iterator[Span]:
        """The span, if it ends after ``ref``."""
        if self.span.end > ref:
            yield self.span

    def past(self, ref: datetime) -> Iterator[Span]:
        """The span, if it starts before ``ref``."""
        if self.span.start < ref:
            yield self.span


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
        return any(v is not None for v in (self.year, self.month, self.day, self.weekday))

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

    def _days(self, first: date, backwards: bool) -> Iterator[date]:
        """The days this pattern allows from ``first``, in order (bounded)."""
        yield from islice(_candidate_days(self, first, backwards), HORIZON)

    def _spans_on(self, day: date) -> Iterator[Span]:
        """The pattern's spans on one day, in time order."""
        midnight = datetime(day.year, day.month, day.day)  # noqa: DTZ001 - local wall time
        grain = self.grain
        if grain in ("day", "month", "year") and not self.has_clock:
            yield Span.unit(truncate(midnight, grain), grain)
            return
        for hour in self.hours():
            if self.minute is None:
                yield Span.unit(midnight.replace(hour=hour), "hour")
                continue
            start = midnight.replace(hour=hour, minute=self.minute, second=self.second or 0)
            yield Span.unit(start, grain)

    def future(self, ref: datetime) -> Iterator[Span]:
        """Spans ending after ``ref``, in time order."""
        last: Span | None = None
        for day in self._days(truncate(ref, self._walk()).date(), backwards=False):
            for span in self._spans_on(day):
                if span.end > ref and span != last:
                    last = span
                    yield span

    def past(self, ref: datetime) -> Iterator[Span]:
        """Spans starting before ``ref``, latest first."""
        last: Span | None = None
        for day in self._days(ref.date(), backwards=True):
            for span in reversed(list(self._spans_on(day))):
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


@dataclass(frozen=True, slots=True)
class Cycle:
    """The unit of ``grain`` that is ``n`` away from the reference's: today, next week.

    "today" is ``Cycle("day", 0)``, "tomorrow" ``Cycle("day", 1)``, "last month"
    ``Cycle("month", -1)``. Resolved against the reference it is given.
    """

    unit: Grain
    n: int
    ref: datetime

    @property
    def grain(self) -> Grain:
        """The unit."""
        return self.unit

    @property
    def span(self) -> Span:
        """The unit ``n`` away from the reference's own."""
        return Span.unit(truncate(self.ref, self.unit) + step(self.unit, self.n), self.unit)

    def future(self, ref: datetime) -> Iterator[Span]:
        """The span, if it ends after ``ref``."""
        return Fixed(self.span).future(ref)

    def past(self, ref: datetime) -> Iterator[Span]:
        """The span, if it starts before ``ref``."""
        return Fixed(self.span).past(ref)


@dataclass(frozen=True, slots=True)
class Intersect:
    """The times both values name: "tomorrow" and "8pm", "friday" and "next week"."""

    outer: Value
    inner: Value

    @property
    def grain(self) -> Grain:
        """The finer grain."""
        return finer(self.outer.grain, self.inner.grain)

    def future(self, ref: datetime, until: datetime | None = None) -> Iterator[Span]:
        """Inner spans inside outer spans, ending after ``ref`` (and starting before ``until``)."""
        for container in islice(_series(self.outer, ref, until), HORIZON):
            if until is not None and container.start >= until:
                return
            for span in _inside(self.inner, container):
                if span.end > ref:
                    yield span

    def past(self, ref: datetime) -> Iterator[Span]:
        """Inner spans inside outer spans, starting before ``ref``, latest first."""
        for container in islice(self.outer.past(ref), HORIZON):
            for span in reversed(list(_inside(self.inner, container))):
                if span.start < ref:
                    yield span


def _series(value: Value, ref: datetime, until: datetime | None) -> Iterator[Span]:
    """``value.future(ref)``, told where to stop if a composite (nested walks stay small)."""
    if until is not None and isinstance(value, Intersect | NthOf | DaysOf):
        return value.future(ref, until)
    return value.future(ref)


def _inside(value: Value, container: Span) -> Iterator[Span]:
    """``value``'s spans inside ``container``, in time order (bounded)."""
    for span in islice(_series(value, container.start, container.end), HORIZON):
        if span.start >= container.end:
            return
        if container.holds(span):
            yield span


@dataclass(frozen=True, slots=True)
class NthOf:
    """The ``n``-th ``inner`` of each ``outer`` ("first monday of next month")."""

    n: int
    inner: Value
    outer: Value

    @property
    def grain(self) -> Grain:
        """The inner grain."""
        return self.inner.grain

    def _pick(self, container: Span) -> Span | None:
        """The n-th inner span of one container."""
        spans = list(islice(_inside(self.inner, container), 400))
        index = self.n - 1 if self.n > 0 else self.n
        return spans[index] if -len(spans) <= index < len(spans) else None

    def future(self, ref: datetime, until: datetime | None = None) -> Iterator[Span]:
        """The n-th of each coming outer span, ending after ``ref``."""
        for container in islice(_series(self.outer, ref, until), HORIZON):
            if until is not None and container.start >= until:
                return
            picked = self._pick(container)
            if picked is not None and picked.end > ref:
                yield picked

    def past(self, ref: datetime) -> Iterator[Span]:
        """The n-th of each earlier outer span, starting before ``ref``."""
        for container in islice(self.outer.past(ref), HORIZON):
            picked = self._pick(container)
            if picked is not None and picked.start < ref:
                yield picked


@dataclass(frozen=True, slots=True)
class DaysOf:
    """The ``n``-th day of each span of ``outer`` ("the 20th day of next month", "last day")."""

    n: int
    outer: Value

    @property
    def grain(self) -> Grain:
        """Days."""
        return "day"

    def _pick(self, container: Span) -> Span | None:
        """The n-th day of one container, if it has that many."""
        start = truncate(container.start, "day")
        days = (container.end - start).days
        index = self.n - 1 if self.n > 0 else days + self.n
        if not 0 <= index < days:
            return None
        return Span.unit(start + timedelta(days=index), "day")

    def future(self, ref: datetime, until: datetime | None = None) -> Iterator[Span]:
        """The n-th day of each coming container, ending after ``ref``."""
        for container in islice(_series(self.outer, ref, until), HORIZON):
            if until is not None and container.start >= until:
                return
            picked = self._pick(container)
            if picked is not None and picked.end > ref:
                yield picked

    def past(self, ref: datetime) -> Iterator[Span]:
        """The n-th day of each earlier container, starting before ``ref``."""
        for container in islice(self.outer.past(ref), HORIZON):
            picked = self._pick(container)
            if picked is not None and picked.start < ref:
                yield picked


@dataclass(frozen=True, slots=True)
class Shift:
    """Each span of ``base`` moved by ``amount`` units of ``unit``: "a week from tomorrow"."""

    base: Value
    amount: int
    unit: Grain

    @property
    def grain(self) -> Grain:
        """The base's grain, or the unit's when finer."""
        return self.base.grain

    def _moved(self, span: Span) -> Span:
        """One span shifted."""
        delta = step(self.unit, self.amount)
        return Span(span.start + delta, span.end + delta, span.grain)

    def future(self, ref: datetime) -> Iterator[Span]:
        """Shifted spans ending after ``ref``."""
        back = step(self.unit, -self.amount)
        for span in islice(self.base.future(ref + back), HORIZON):
            moved = self._moved(span)
            if moved.end > ref:
                yield moved

    def past(self, ref: datetime) -> Iterator[Span]:
        """Shifted spans starting before ``ref``."""
        back = step(self.unit, -self.amount)
        for span in islice(self.base.past(ref + back), HORIZON):
            moved = self._moved(span)
            if moved.start < ref:
                yield moved
