"""What a reminder given by fields must be: ahead of now, within ten years, a repeat we can run.

SMS times come from ``language/``, which only ever builds rules it can read. A time and an
RFC 5545 rule sent by the API or the dashboard are checked here first. dateutil looks for
the next firing of an impossible rule ("every day of February 30th") year by year up to
9999, seconds of CPU each time the scheduler asks, so the rule's parts are checked first:
the ones ``language/`` makes, days that exist in their months, an nth weekday a month can
have, no more often than every 15 minutes. Then it is read by dateutil exactly as the
scheduler will read it, and must fire again.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule as RRule  # noqa: N812
from dateutil.rrule import rrulestr

from nudge.language.time.resolve import MAX_AHEAD

MAX_RULE_CHARS: Final = 200
MIN_MINUTES: Final = 15  # "every 15 min" at most often
MAX_INTERVAL: Final = 1000
FREQUENCIES: Final = frozenset({"MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
PARTS: Final = frozenset(
    {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYHOUR",
     "BYMINUTE"}
)  # fmt: skip
_SUB_DAILY: Final = frozenset({"MINUTELY", "HOURLY"})
_CALENDAR_PARTS: Final = frozenset({"BYMONTHDAY", "BYMONTH"})
_MONTH_DAYS: Final = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February: leap years
_NTH_WEEKDAY: Final = re.compile(r"^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")


def problem_with(*, at: datetime, rrule: str | None, now: datetime, tz: str) -> str | None:
    """Why a reminder first at ``at``, repeating by ``rrule``, cannot be kept (None: it can)."""
    if at <= now:
        return "time_passed"
    if at - now > MAX_AHEAD:
        return "too_far"
    if rrule is not None and not repeats_well(rrule, first=at, tz=tz):
        return "invalid_rrule"
    return None


def repeats_well(rule: str, *, first: datetime, tz: str) -> bool:
    """Whether ``rule`` reads, is one we run, and fires again after ``first`` before long."""
    parts = _parts(rule)
    if parts is None or parts.get("FREQ") not in FREQUENCIES or not set(parts) <= PARTS:
        return False
    frequency = parts["FREQ"]
    if frequency in _SUB_DAILY and set(parts) & _CALENDAR_PARTS:
        return False  # sub-daily rules on calendar days: rare matches, slow to find
    if not _days_exist(parts):
        return False
    interval = _interval(parts)
    if not 1 <= interval <= MAX_INTERVAL or (frequency == "MINUTELY" and interval < MIN_MINUTES):
        return False  # an interval of 0 never moves on: dateutil would spin
    start = first.astimezone(ZoneInfo(tz)).replace(tzinfo=None)
    try:
        parsed = rrulestr(rule, dtstart=start)
        return isinstance(parsed, RRule) and parsed.after(start, inc=False) is not None

    except (ValueError, TypeError, OverflowError, KeyError, IndexError):
        return False


def _parts(rule: str) -> dict[str, str] | None:
    """``FREQ=DAILY;INTERVAL=2`` as a dict; None when it is not a plain RRULE value."""
    if not rule or len(rule) > MAX_RULE_CHARS or not rule.isascii() or not rule.isprintable():
        return None
    if rule != rule.upper():
        return None  # stored as given, and read back by the texts: one spelling
    parts: dict[str, str] = {}
    for piece in rule.split(";"):
        name, equals, value = piece.partition("=")
        if not equals or not value or name in parts:
            return None
        parts[name] = value
    return parts


def _days_exist(parts: dict[str, str]) -> bool:
    """Whether the weekdays, month days and months named can meet on some day."""
    weekdays = parts.get("BYDAY")
    if weekdays is not None and not all(_NTH_WEEKDAY.match(day) for day in weekdays.split(",")):
        return False
    months = _numbers(parts.get("BYMONTH"), 1, 12)
    days = _numbers(parts.get("BYMONTHDAY"), -31, 31)
    if months is None or days is None or 0 in days:
        return False
    return not days or any(
        abs(day) <= _MONTH_DAYS[month - 1] for month in months or range(1, 13) for day in days
    )


def _numbers(value: str | None, low: int, high: int) -> list[int] | None:
    """``"1,15,-1"`` as numbers in ``[low, high]``; [] when absent, None when malformed."""
    if value is None:
        return []
    try:
        numbers = [int(item) for item in value.split(",")]
    except ValueError:
        return None
    return numbers if all(low <= number <= high for number in numbers) else None


def _interval(parts: dict[str, str]) -> int:
    value = parts.get("INTERVAL", "1")
    return int(value) if value.isdigit() and len(value) <= 4 else 0
