"""Recurrence on local wall time: the next instant of a reminder's RRULE."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr


def next_after(rule: str, *, first: datetime, after: datetime, tz: str) -> datetime | None:
    """The next instant of ``rule`` strictly after ``after``, on local wall time.

    The rule is expanded on naive local time from ``first`` so 08:00 stays 08:00 across DST;
    a wall time that falls in a DST gap moves forward by the gap.
    """
    zone = ZoneInfo(tz)
    start = first.astimezone(zone).replace(tzinfo=None)
    local_after = after.astimezone(zone).replace(tzinfo=None)
    candidate = rrulestr(rule, dtstart=start).after(local_after - timedelta(hours=3), inc=False)
    while candidate is not None:
        instant = attach_local(candidate, zone)
        if instant > after:
            return instant
        candidate = rrulestr(rule, dtstart=start).after(candidate, inc=False)
    return None


def attach_local(naive: datetime, zone: ZoneInfo) -> datetime:
    """Attach ``zone``: a non-existent wall time moves forward, an ambiguous one is first."""
    aware = naive.replace(tzinfo=zone, fold=0)
    round_trip = aware.astimezone(UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != naive:
        return round_trip
    return aware


def move_zone(instant: datetime, *, old: str, new: str) -> datetime:
    """The same local wall time in zone ``new`` (08:00 Toronto → 08:00 Paris), as UTC."""
    naive = instant.astimezone(ZoneInfo(old)).replace(tzinfo=None)
    return attach_local(naive, ZoneInfo(new)).astimezone(UTC)
