"""A time said in another zone ("4pm CET", "Thursday 8:00 PST"), as spans of the user's time.

When the two zones keep the same difference all year (Toronto and "EST", Paris and "CET")
a clock alone is simply moved by it (``constant_shift``), so it stays a clock that days and
repeats compose with; otherwise it is a ``Zoned`` value:

The inner value is walked in the other zone's wall time, from ``ref`` converted there, and
each span is converted back to the user's wall time through real instants (``zoneinfo``,
so DST on either side is honoured). A converted time in the user's repeated hour keeps its
``fold``, so it later becomes the right instant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from nudge.language.time.quick import quick_init
from nudge.language.time.values import Grain, Span, Value

_OFFSET = re.compile(r"([+-])(\d{1,2}):(\d{2})")


@lru_cache(maxsize=64)
def zone_info(name: str) -> tzinfo:
    """The zone of an IANA name, or of a fixed offset written "+05:30"."""
    found = _OFFSET.fullmatch(name)
    if found is None:
        return ZoneInfo(name)
    sign = -1 if found[1] == "-" else 1
    return timezone(sign * timedelta(hours=int(found[2]), minutes=int(found[3])))


def offset_name(sign: str, hours: int, minutes: int = 0) -> str | None:
    """The name of a fixed offset ("+05:30"), or None when no zone has it (beyond ±14h)."""
    if hours > 14 or minutes > 59 or hours * 60 + minutes > 14 * 60:
        return None
    return f"{'-' if sign == '-' else '+'}{hours:02d}:{minutes:02d}"


def moved(moment: datetime, source: str, target: str) -> datetime:
    """A naive wall time of zone ``source`` as the naive wall time of ``target`` (with fold)."""
    aware = moment.replace(tzinfo=zone_info(source)).astimezone(zone_info(target))
    return aware.replace(tzinfo=None)


@lru_cache(maxsize=256)
def constant_shift(there: str, here: str, today: datetime) -> timedelta | None:
    """What to add to a wall time of ``there`` to get ``here``'s, if the same all year.

    Checked once a week over the coming year from ``today`` (an aware or naive moment, read
    as UTC): None when daylight saving time moves the zones apart for part of the year.
    """
    start = today.replace(tzinfo=None)
    found: timedelta | None = None
    source, target = zone_info(there), zone_info(here)
    for week in range(54):
        instant = (start + timedelta(weeks=week)).replace(tzinfo=UTC)
        here_offset, there_offset = target.utcoffset(instant), source.utcoffset(instant)
        if here_offset is None or there_offset is None:
            return None
        shift = here_offset - there_offset
        if found is not None and shift != found:
            return None
        found = shift
    return found


@quick_init
@dataclass(frozen=True, slots=True)
class Zoned:
    """``inner`` read on the clocks of zone ``there``, for a user in zone ``here``."""

    inner: Value
    there: str
    here: str

    @property
    def grain(self) -> Grain:
        """The inner value's grain."""
        return self.inner.grain

    def _back(self, span: Span) -> Span:
        """A span of the other zone's wall time in the user's."""
        start, end = (
            moved(span.start, self.there, self.here),
            moved(span.end, self.there, self.here),
        )
        return Span(start, end, span.grain)

    def future(self, ref: datetime) -> Iterator[Span]:
        """Spans ending after ``ref`` (user's wall time), in time order."""
        for span in self.inner.future(moved(ref, self.here, self.there)):
            here = self._back(span)
            if here.end > ref:
                yield here

    def past(self, ref: datetime) -> Iterator[Span]:
        """Spans starting before ``ref`` (user's wall time), latest first."""
        for span in self.inner.past(moved(ref, self.here, self.there)):
            here = self._back(span)
            if here.start < ref:
                yield here
