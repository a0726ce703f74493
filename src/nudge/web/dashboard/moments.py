"""Instants as the person reads them on a page: their zone, their language, from now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from nudge.texts.formatting import describe_rrule, format_clock, format_when


@dataclass(frozen=True, slots=True)
class Moments:
    """Formats for one page: ``when`` ("tomorrow (Wed) 9:00 AM"), ``clock``, ``rule``."""

    now: datetime
    timezone: str
    locale: str

    def when(self, at: datetime) -> str:
        """The local day and time, as a reply says it."""
        return format_when(at, now=self.now, tz=self.timezone, locale=self.locale)

    def clock(self, at: datetime) -> str:
        """The local time of day only (for a list of today's things)."""
        return format_clock(at.astimezone(ZoneInfo(self.timezone)), self.locale)

    def rule(self, rrule: str) -> str:
        """A repeat in words ("every weekday")."""
        return describe_rrule(rrule, locale=self.locale)

    def iso(self, at: datetime) -> str:
        """The local instant, machine-readable (a ``<time datetime>``)."""
        return at.astimezone(ZoneInfo(self.timezone)).isoformat(timespec="minutes")
