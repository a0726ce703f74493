"""Wall-clock times in the user's IANA zone, safe across DST changes.

A wall time is built aware with ``fold=0`` and checked by a round trip through UTC:
a time that does not exist (spring-forward gap) moves forward by the gap (02:30 → 03:30),
an ambiguous one (fall-back overlap) takes its first occurrence.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo


@lru_cache(maxsize=4096)  # pure calendar arithmetic; users share days and round hours
def wall(day: date, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    """``day`` at ``hour:minute`` local time in ``zone``; hour 24 means the next midnight."""
    if hour == 24:
        day, hour = day + timedelta(days=1), 0
    aware = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone, fold=0)
    round_trip = aware.astimezone(UTC).astimezone(zone)
    if (round_trip.date(), round_trip.hour, round_trip.minute) != (day, hour, minute):
        return round_trip
    return aware


def is_after(at: datetime, now: datetime) -> bool:
    """Whether instant ``at`` is strictly after ``now``.

    Compared in UTC: two datetimes sharing one ``ZoneInfo`` compare by wall clock and
    ignore ``fold``, which is wrong in the hour repeated when clocks fall back.
    """
    return at.astimezone(UTC) > now.astimezone(UTC)


def first_after(candidates: Iterable[datetime], now: datetime) -> datetime | None:
    """The first candidate strictly after ``now`` (candidates in time order)."""
    for candidate in candidates:
        if is_after(candidate, now):
            return candidate
    return None


def local_today(now: datetime, zone: ZoneInfo) -> date:
    """The user's calendar date at ``now``."""
    return now.astimezone(zone).date()


def after_elapsed(now: datetime, delta: timedelta, zone: ZoneInfo) -> datetime:
    """``now`` plus ``delta`` of real elapsed time (added in UTC), shown in ``zone``."""
    return (now.astimezone(UTC) + delta).astimezone(zone)
