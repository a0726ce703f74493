"""Quiet hours: a nightly window in the user's local time when Nudge waits instead of texting."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from nudge.scheduler.occurrences import attach_local

WALL_CLOCK_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")


def parse_hhmm(value: str) -> time | None:
    """``"22:00"`` → 22:00; an empty string (quiet hours off) → None."""
    if not value:
        return None
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def in_window(local: time, start: time | None, end: time | None) -> bool:
    """Whether a local wall time falls in ``[start, end)``; the window may wrap midnight."""
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def is_quiet(at: datetime, *, tz: str, start: str, end: str) -> bool:
    """Whether instant ``at`` is inside the user's quiet hours."""
    local = at.astimezone(ZoneInfo(tz)).time().replace(tzinfo=None)
    return in_window(local, parse_hhmm(start), parse_hhmm(end))


def window_end(at: datetime, *, tz: str, start: str, end: str) -> datetime:
    """The instant quiet hours end, seen from ``at``; ``at`` itself when it is not quiet."""
    if not is_quiet(at, tz=tz, start=start, end=end):
        return at
    zone = ZoneInfo(tz)
    end_time = parse_hhmm(end)
    assert end_time is not None
    local = at.astimezone(zone)
    day = local.date()
    candidate = attach_local(datetime.combine(day, end_time), zone)
    if candidate <= at:
        candidate = attach_local(datetime.combine(day + timedelta(days=1), end_time), zone)
    return candidate.astimezone(UTC)


def chosen_in_quiet(
    scheduled_at: datetime, *, rrule: str | None, tz: str, start: str, end: str
) -> bool:
    """The user picked a clock time inside quiet hours on purpose ("at 11pm", "every day 23:00").

    Such a time is honoured. Rules that drift by the hour or minute are not a chosen time.
    """
    if rrule is not None and not any(f"FREQ={freq}" in rrule.upper() for freq in WALL_CLOCK_FREQS):
        return False
    return is_quiet(scheduled_at, tz=tz, start=start, end=end)
