"""Lazy time values: what a phrase means before it is resolved against "now".

A value is a rule for a *series* of spans of local wall time (naive, in the user's zone):
"friday" is every Friday, "8pm" every day's 20:00, "the first monday of next month" one
day. Rules compose values (intersect, nth-of, nth-after, shift) without computing a date;
``future`` and ``past`` walk the series from a reference time when a reading is resolved.
This is the shape Duckling proved: composition stays cheap and every form is one rule.

Every series is bounded (``HORIZON`` spans at most), so no value can loop forever; a
composite nests walks, so one reading is also given a budget of spans for all its walks
together (``bounded_walk``): "friday friday friday midnight midnight midnight" would walk
800 containers of 800 of 800… and is no reading.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice
from typing import Literal, Protocol

from dateutil.relativedelta import relativedelta

from nudge.language.time.quick import quick_init

Grain = Literal["second", "minute", "hour", "day", "week", "month", "year"]
GRAINS: tuple[Grain, ...] = ("second", "minute", "hour", "day", "week", "month", "year")
RANK = {grain: rank for rank, grain in enumerate(GRAINS)}
HORIZON = 800  # spans walked at most per series: eight years of months, two of days
MAX_YEARS = 30


WALK_BUDGET = 5_000  # spans one reading may walk in all; no labelled phrase needs 20


class WalkTooLong(Exception):
    """A reading walked more spans than any real time needs (nested empty intersections)."""


_BUDGET: ContextVar[list[int] | None] = ContextVar("walk_budget", default=None)


class bounded_walk:  # noqa: N801 - used as a function: ``with bounded_walk():``
    """Walks inside are bounded to ``budget`` spans in all; past it, ``WalkTooLong``.

    A class, not a ``contextmanager`` generator: every ``read`` enters one.
    """

    __slots__ = ("budget", "token")

    def __init__(self, budget: int = WALK_BUDGET) -> None:
        """A budget of ``budget`` spans, set on entering."""
        self.budget = budget

    def __enter__(self) -> None:
        self.token = _BUDGET.set([self.budget])

    def __exit__(self, *exc: object) -> None:
        _BUDGET.reset(self.token)


def _spend() -> None:
    """One span walked from the budget, if one is set."""
    left = _BUDGET.get()
    if left is not None:
        left[0] -= 1
        if left[0] < 0:
            raise WalkTooLong


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


@quick_init
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


@quick_init
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


@quick_init
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


@quick_init
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
            _spend()
            if until is not None and container.start >= until:
                return
            for span in _inside(self.inner, container):
                if span.end > ref:
                    yield span

    def past(self, ref: datetime) -> Iterator[Span]:
        """Inner spans inside outer spans, starting before ``ref``, latest first."""
        for container in islice(self.outer.past(ref), HORIZON):
            _spend()
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
        _spend()
        if span.start >= container.end:
            return
        if container.holds(span):
            yield span


@quick_init
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
            _spend()
            if until is not None and container.start >= until:
                return
            picked = self._pick(container)
            if picked is not None and picked.end > ref:
                yield picked

    def past(self, ref: datetime) -> Iterator[Span]:
        """The n-th of each earlier outer span, starting before ``ref``."""
        for container in islice(self.outer.past(ref), HORIZON):
            _spend()
            picked = self._pick(container)
            if picked is not None and picked.start < ref:
                yield picked


@quick_init
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
            _spend()
            if until is not None and container.start >= until:
                return
            picked = self._pick(container)
            if picked is not None and picked.end > ref:
                yield picked

    def past(self, ref: datetime) -> Iterator[Span]:
        """The n-th day of each earlier container, starting before ``ref``."""
        for container in islice(self.outer.past(ref), HORIZON):
            _spend()
            picked = self._pick(container)
            if picked is not None and picked.start < ref:
                yield picked


@quick_init
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
