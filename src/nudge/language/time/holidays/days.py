"""A holiday as a time value: every year's days, one day of it, and days counted from it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice

from nudge.language.time.holidays.western import DateOf
from nudge.language.time.values import HORIZON, MAX_YEARS, Grain, Span, Value


def _day(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True, slots=True)
class Holiday:
    """A holiday, every year: each of its days as a span, walked year by year."""

    name: str
    found: DateOf

    @property
    def grain(self) -> Grain:
        """A holiday is a day."""
        return "day"

    def spans(self, year: int) -> list[Span]:
        """The holiday's days in ``year``, in order (none where its source has no date)."""
        return [
            Span.unit(datetime(day.year, day.month, day.day), "day")  # noqa: DTZ001 - wall time
            for day in self.found(year)
        ]

    def future(self, ref: datetime) -> Iterator[Span]:
        """Its days that have not ended at ``ref``, this year's first, then later years'."""
        for year in range(ref.year - 1, ref.year + MAX_YEARS):
            for span in self.spans(year):
                if span.end > ref:
                    yield span

    def past(self, ref: datetime) -> Iterator[Span]:
        """Its days that began before ``ref``, latest first."""
        for year in range(ref.year + 1, ref.year - MAX_YEARS, -1):
            for span in reversed(self.spans(year)):
                if span.start < ref:
                    yield span

    def next_after(self, ref: datetime) -> Span | None:
        """Its first day after the day of ``ref`` ("next christmas": never today)."""
        return next(self.future(_day(ref) + timedelta(days=1)), None)

    def last_before(self, ref: datetime) -> Span | None:
        """Its last day before the day of ``ref`` ("last easter": never today)."""
        return next(self.past(_day(ref)), None)

    def nearest(self, ref: datetime, rank: int = 1) -> Span | None:
        """Its ``rank``-th day nearest ``ref``'s day, either side ("the closest xmas to today")."""
        today = _day(ref)
        around = [*islice(self.past(today), rank), *islice(self.future(today), rank)]
        around.sort(key=lambda span: (abs(span.start - today), span.start))
        return around[rank - 1] if 0 < rank <= len(around) else None

    def recent(self, ref: datetime, days: int) -> Span | None:
        """Its day that ended less than ``days`` before ``ref``, if one did."""
        latest = next(self.past(ref), None)
        if latest is None or latest.end > ref or ref - latest.start >= timedelta(days=days):
            return None
        return latest

    def __hash__(self) -> int:
        return hash(self.name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Holiday) and other.name == self.name


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One day of a holiday, or none when its source has none: "christmas 2027", "last easter".

    As ``values.Fixed``, with the holiday's name kept, so rules can tell a holiday's day
    ("the day before thanksgiving 2027") from any other; ``span`` None names no time at all
    ("diwali 2050", past the years its calendar lists), so nothing else is read instead.
    ``named``: the words chose the day ("thanksgiving 2027", "next easter"), rather than
    its being the one just gone of a holiday said alone.
    """

    name: str
    span: Span | None
    named: bool = True

    @property
    def grain(self) -> Grain:
        """A holiday is a day."""
        return "day"

    def future(self, ref: datetime) -> Iterator[Span]:
        """The day, if it ends after ``ref``."""
        if self.span is not None and self.span.end > ref:
            yield self.span

    def past(self, ref: datetime) -> Iterator[Span]:
        """The day, if it starts before ``ref``."""
        if self.span is not None and self.span.start < ref:
            yield self.span


@dataclass(frozen=True, slots=True)
class Counted:
    """The ``n``-th ``weekday`` after (``n < 0``: before) each day of ``base``.

    "the third tuesday after christmas 2014", "le dimanche avant Pâques". The day itself
    never counts: the first Sunday after a Sunday is a week later.
    """

    base: Value
    n: int
    weekday: int

    @property
    def grain(self) -> Grain:
        """A day."""
        return "day"

    def _moved(self, span: Span) -> Span:
        """The counted day from one of the base's days."""
        day = span.start
        if self.n > 0:
            ahead = (self.weekday - day.weekday() - 1) % 7 + 1
            start = day + timedelta(days=ahead + 7 * (self.n - 1))
        else:
            back = (day.weekday() - self.weekday - 1) % 7 + 1
            start = day - timedelta(days=back + 7 * (-self.n - 1))
        return Span.unit(start, "day")

    @property
    def _reach(self) -> timedelta:
        """How far the counted day may lie from its base day."""
        return timedelta(weeks=abs(self.n))

    def future(self, ref: datetime) -> Iterator[Span]:
        """Counted days ending after ``ref``, in order."""
        start = ref - self._reach if self.n > 0 else ref
        for span in islice(self.base.future(start), HORIZON):
            moved = self._moved(span)
            if moved.end > ref:
                yield moved

    def past(self, ref: datetime) -> Iterator[Span]:
        """Counted days starting before ``ref``, latest first."""
        start = ref + self._reach if self.n < 0 else ref
        for span in islice(self.base.past(start), HORIZON):
            moved = self._moved(span)
            if moved.start < ref:
                yield moved
