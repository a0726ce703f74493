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


# Duckling's reference time, for the tests of forms taken from its corpus: Tuesday
# 2013-02-12 04:30 at UTC-2 (POSIX zone names invert the sign).
DUCKLING_ZONE = "Etc/GMT+2"
DUCKLING_NOW = datetime(2013, 2, 12, 4, 30, tzinfo=ZoneInfo(DUCKLING_ZONE))


def duckling_wall(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """A local wall time (naive) at Duckling's reference offset, as readings give them."""
    return DUCKLING_NOW.replace(year, month, day, hour, minute, second, tzinfo=None)
