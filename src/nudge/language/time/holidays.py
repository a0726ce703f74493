"""Holidays people set reminders around, computed for any year (no tables to go stale).

Fixed dates, Easter and the days counted from it (``dateutil.easter``), and the "n-th
weekday of a month" holidays, with the regional ones settled by region: Thanksgiving is the
second Monday of October in Canada and the fourth Thursday of November in the United
States; "fête nationale" is 24 June in Québec and 14 July in France.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.easter import easter

from nudge.language.time.values import MAX_YEARS, Grain, Span

DateOf = Callable[[int], date]


def _fixed(month: int, day: int) -> DateOf:
    return lambda year: date(year, month, day)


def _from_easter(days: int) -> DateOf:
    return lambda year: easter(year) + timedelta(days=days)


def _nth_weekday(n: int, weekday: int, month: int) -> DateOf:
    """The n-th (``n < 0``: from the end) ``weekday`` of ``month``."""

    def found(year: int) -> date:
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))

    return found


def _victoria_day(year: int) -> date:
    """The Monday before 25 May."""
    may_24 = date(year, 5, 24)
    return may_24 - timedelta(days=may_24.weekday())


def _after(base: DateOf, days: int) -> DateOf:
    return lambda year: base(year) + timedelta(days=days)


_US_THANKSGIVING = _nth_weekday(4, 3, 11)
COMMON: dict[str, DateOf] = {
    "christmas": _fixed(12, 25), "christmas_eve": _fixed(12, 24), "new_year": _fixed(1, 1),
    "new_year_eve": _fixed(12, 31), "halloween": _fixed(10, 31), "valentine": _fixed(2, 14),
    "st_patrick": _fixed(3, 17), "boxing_day": _fixed(12, 26), "canada_day": _fixed(7, 1),
    "independence_day": _fixed(7, 4), "labour_day_fr": _fixed(5, 1), "armistice": _fixed(11, 11),
    "bastille_day": _fixed(7, 14), "saint_jean": _fixed(6, 24), "toussaint": _fixed(11, 1),
    "assumption": _fixed(8, 15), "earth_day": _fixed(4, 22),
    "easter": _from_easter(0), "easter_monday": _from_easter(1), "good_friday": _from_easter(-2),
    "ascension": _from_easter(39), "pentecost": _from_easter(49), "whit_monday": _from_easter(50),
    "mothers_day": _nth_weekday(2, 6, 5), "fathers_day": _nth_weekday(3, 6, 6),
    "thanksgiving": _US_THANKSGIVING, "memorial_day": _nth_weekday(-1, 0, 5),
    "labor_day": _nth_weekday(1, 0, 9), "mlk_day": _nth_weekday(3, 0, 1),
    "black_friday": _after(_US_THANKSGIVING, 1), "victoria_day": _victoria_day,
}  # fmt: skip
REGIONAL: dict[tuple[str, str], DateOf] = {
    ("CA", "thanksgiving"): _nth_weekday(2, 0, 10),
    ("CA", "bastille_day"): _fixed(6, 24),  # "fête nationale" in Québec is la Saint-Jean
    ("FR", "mothers_day"): _nth_weekday(-1, 6, 5),
    ("BE", "labor_day"): _fixed(5, 1),
}


def date_of(name: str, region: str) -> DateOf | None:
    """How to find holiday ``name`` in a year, for ``region`` ("fr-CA", "en-US"…)."""
    country = region.rsplit("-", 1)[-1]
    return REGIONAL.get((country, name)) or COMMON.get(name)


@dataclass(frozen=True, slots=True)
class Holiday:
    """A holiday, every year: its day as a span."""

    name: str
    found: DateOf

    @property
    def grain(self) -> Grain:
        """A holiday is a day."""
        return "day"

    def _span(self, year: int) -> Span:
        day = self.found(year)
        return Span.unit(datetime(day.year, day.month, day.day), "day")  # noqa: DTZ001 - wall time

    def future(self, ref: datetime) -> Iterator[Span]:
        """The year's own if it has not ended, then the following years'."""
        for year in range(ref.year - 1, ref.year + MAX_YEARS):
            span = self._span(year)
            if span.end > ref:
                yield span

    def past(self, ref: datetime) -> Iterator[Span]:
        """The latest ones that have begun."""
        for year in range(ref.year + 1, ref.year - MAX_YEARS, -1):
            span = self._span(year)
            if span.start < ref:
                yield span

    def __hash__(self) -> int:
        return hash(self.name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Holiday) and other.name == self.name
