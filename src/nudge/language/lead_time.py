"""A reminder ahead of the time told: "remind me an hour before", "rappelle-moi 30 min avant".

"I have a dentist appt thursday at 4pm, remind me an hour before" names the appointment's
time; the reminder goes off the lead time earlier (15:00). This module reads the lead; the
event's time is the grammar's, read from the rest of the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from nudge.language.durations import DURATION, parse_duration
from nudge.language.wall import wall

_AHEAD = (
    r"(?:before(?:hand)?|earlier|early|ahead(?:\s+of\s+time)?|in\s+advance|prior|avant"
    r"|plus\s+tot|a\s+l'\s?avance|d'\s?avance|en\s+avance)"
)
_LEAD = re.compile(rf"(?:me\s+)?(?P<amount>{DURATION})\s+{_AHEAD}(?![\w'])")
_DAY_BEFORE = re.compile(r"(?:me\s+)?(?:the\s+(?:day|night)\s+before|la\s+veille)(?![\w'])")


@dataclass(frozen=True, slots=True)
class Lead:
    """How long before the event to remind, and where its words end in the text read."""

    amount: timedelta
    end: int


def lead_at_start(folded: str) -> Lead | None:
    """The lead time opening ``folded`` (text after the remind verb, folded), if any."""
    day = _DAY_BEFORE.match(folded)
    if day is not None:
        return Lead(timedelta(days=1), day.end())
    match = _LEAD.match(folded)
    if match is None:
        return None
    parsed = parse_duration(match["amount"])
    if parsed is None or parsed[0] <= timedelta(0):
        return None
    return Lead(parsed[0], match.end())


def ahead_of(event: datetime, amount: timedelta, tz: str) -> datetime:
    """``amount`` before ``event``: whole days on the wall clock, the rest as elapsed time.

    "the day before" a 9:00 appointment is 9:00 the day before, even across a DST change;
    "an hour before" is sixty real minutes before.
    """
    zone = ZoneInfo(tz)
    local = event.astimezone(zone)
    days, rest = amount.days, amount - timedelta(days=amount.days)
    if days:
        local = wall(local.date() - timedelta(days=days), local.hour, local.minute, zone)
    return (local.astimezone(UTC) - rest).astimezone(zone)
