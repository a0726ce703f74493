"""Parts of the day ("tonight", "after lunch", Québec "au souper") as spans of hours.

A part is a stretch of each day, used to place a clock time ("8 in the evening" is 20:00)
and, alone, resolved at the user's own hour for it (``DayParts``: "tonight" is 19:00 by
default). Meal words differ by region: in Québec "déjeuner" is breakfast, "dîner" lunch
and "souper" the evening meal; in France "déjeuner" is lunch and "dîner" the evening meal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice

from nudge.language.time.chart import Context
from nudge.language.time.quick import quick_init
from nudge.language.time.values import HORIZON, Grain, Span

SPANS: dict[str, tuple[int, int]] = {  # hours [start, end) each part covers
    "morning": (0, 12), "afternoon": (12, 19), "evening": (17, 24), "first_thing": (5, 10),
    "lunch": (11, 14), "after_lunch": (12, 16), "after_work": (16, 20),
    "end_of_day": (15, 20), "after_dinner": (18, 24), "bedtime": (20, 24),
    "dinner": (17, 23), "breakfast": (5, 10), "supper": (16, 21),
}  # fmt: skip
# The user's hour for each part (``DayParts`` field); meals take the nearest part's hour.
DEFAULT_OF = {"dinner": "evening", "breakfast": "first_thing"}
# Meals eaten at an hour of their own, not the user's hour for the part of day they fall in:
# Québec "souper" is at 18:00, as our labels (written by Québécois) say.
MEAL_HOURS = {"supper": (18, 0)}
_REGIONAL = {  # (region prefix, word) → the part it means there
    ("fr-CA", "dejeuner"): "breakfast", ("fr-CA", "diner"): "lunch",
    ("fr-CA", "after_diner"): "after_lunch", ("fr", "dejeuner"): "lunch",
    ("fr", "diner"): "dinner", ("fr", "after_diner"): "after_dinner",
    ("fr", "souper"): "dinner", ("fr-CA", "souper"): "supper", ("fr-BE", "diner"): "lunch",
    ("fr-CH", "diner"): "lunch",
    ("fr-BE", "souper"): "dinner", ("fr-CH", "souper"): "dinner",
}  # fmt: skip


def canonical(word: str, ctx: Context) -> str:
    """The part a lexicon part word means in the user's region."""
    return (
        _REGIONAL.get((ctx.region, word)) or _REGIONAL.get((ctx.region.split("-")[0], word)) or word
    )


def part_span(part: str, ctx: Context) -> tuple[int, int] | None:
    """The hours ``[start, end)`` of a part of day."""
    return SPANS.get(canonical(part, ctx))


def default_time(part: str, ctx: Context) -> tuple[int, int]:
    """The user's ``(hour, minute)`` for a part of day said alone."""
    name = canonical(part, ctx)
    if name in MEAL_HOURS:
        return MEAL_HOURS[name]
    return ctx.parts.of(DEFAULT_OF.get(name, name))


@quick_init
@dataclass(frozen=True, slots=True)
class Part:
    """Every day's stretch of one part ("evenings"), grain hour."""

    name: str
    start: int
    end: int

    @property
    def grain(self) -> Grain:
        """Parts are said at the hour."""
        return "hour"

    def _on(self, day: datetime) -> Span:
        """The part on one day."""
        return Span(day + timedelta(hours=self.start), day + timedelta(hours=self.end), "hour")

    def future(self, ref: datetime) -> Iterator[Span]:
        """Parts ending after ``ref``, in order."""
        day = ref.replace(hour=0, minute=0, second=0, microsecond=0)
        for offset in islice(range(HORIZON), HORIZON):
            span = self._on(day + timedelta(days=offset))
            if span.end > ref:
                yield span

    def past(self, ref: datetime) -> Iterator[Span]:
        """Parts starting before ``ref``, latest first."""
        day = ref.replace(hour=0, minute=0, second=0, microsecond=0)
        for offset in range(HORIZON):
            span = self._on(day - timedelta(days=offset))
            if span.start < ref:
                yield span


def part_value(word: str, ctx: Context) -> Part | None:
    """The value of a part word in the user's region."""
    name = canonical(word, ctx)
    hours = SPANS.get(name)
    return None if hours is None else Part(word, *hours)
