"""Fixed clocks for the language tests: Tuesday 2026-11-24 10:00 in Toronto and Paris."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

TORONTO = "America/Toronto"
PARIS = "Europe/Paris"
NOW_TORONTO = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo(TORONTO)).astimezone(UTC)
NOW_PARIS = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo(PARIS)).astimezone(UTC)


def local(tz: str, year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """An aware wall time in ``tz``."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(tz))


def at_local(tz: str, hour: int, minute: int = 0, *, day: int = 24) -> datetime:
    """``hour:minute`` on ``day`` November 2026 in ``tz``."""
    return datetime(2026, 11, day, hour, minute, tzinfo=ZoneInfo(tz))
