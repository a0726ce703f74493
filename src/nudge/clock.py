"""Time source: every "now" in Nudge comes from a Clock, always aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Gives the current instant; injected so tests control time."""

    def now(self) -> datetime:
        """Return the current time as an aware UTC datetime."""
        ...


class SystemClock:
    """The real wall clock."""

    def now(self) -> datetime:
        """Return the current time as an aware UTC datetime."""
        return datetime.now(UTC)


class FakeClock:
    """A clock tests move by hand; it never moves on its own."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        """Return the frozen current time."""
        return self._now

    def advance(self, **delta: float) -> datetime:
        """Move time forward by a timedelta's keyword arguments (minutes=5…)."""
        self._now += timedelta(**delta)
        return self._now

    def set(self, instant: datetime) -> None:
        """Jump to an aware instant."""
        self._now = instant.astimezone(UTC)
