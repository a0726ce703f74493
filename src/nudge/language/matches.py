"""Result types of the time grammar, and the scan context every pattern receives."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from nudge.language.dayparts import DEFAULT_PARTS, DayParts
from nudge.language.fold import fold
from nudge.language.wall import is_after

Grain = Literal["second", "minute", "hour", "day"]
# The groups of ``clocks.CORE`` that hold an hour (``s…``: in words, see ``spelled``).
CLOCK_GROUPS = ("ah", "ch", "hh", "nm", "bh", "sh", "se", "se2")
Kind = Literal["relative", "clock", "day", "recurring", "past"]


@dataclass(frozen=True, slots=True)
class When:
    """A resolved time: aware ``at`` in the user's zone, its precision, its repeat rule.

    ``span`` is the character span of the time expression in the text it was found in,
    so the caller can cut it out of the task.
    """

    at: datetime
    grain: Grain
    rrule: str | None
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """One time expression found in a text; ``when`` is None when it lies in the past.

    ``other`` is the span of a second part of the same time, when a day and a clock time
    were written apart ("Dec 3 dentist at 10am", see ``splits``): cut it out of the task too.
    ``passed`` is the moment understood when it lies in the past ("yesterday", "at 8am" said
    at 9), so the refusal can name it.
    """

    span: tuple[int, int]
    kind: Kind
    when: When | None
    other: tuple[int, int] | None = None
    passed: When | None = None

    @property
    def length(self) -> int:
        """Number of characters covered."""
        return self.span[1] - self.span[0]


@dataclass(slots=True)  # not frozen: built per scan, and a frozen init costs 4x more
class Scan:
    """What a time pattern needs: the text (original and folded) and the user's clock."""

    text: str
    folded: str
    now: datetime
    zone: ZoneInfo
    lang: str
    now_utc: datetime  # ``now`` in UTC: ``is_after(at, now_utc)`` converts one side only
    parts: DayParts = DEFAULT_PARTS

    @classmethod
    def of(
        cls, text: str, *, now: datetime, tz: str, lang: str, parts: DayParts | None = None
    ) -> Scan:
        """Prepare ``text`` for scanning from the aware instant ``now`` in zone ``tz``."""
        zone = ZoneInfo(tz)
        local, utc = now.astimezone(zone), now.astimezone(UTC)
        return cls(text, fold(text), local, zone, lang, utc, parts or DEFAULT_PARTS)

    @property
    def today(self) -> date:
        """The user's calendar date."""
        return self.now.date()

    def found(
        self,
        span: tuple[int, int],
        kind: Kind,
        at: datetime | None,
        grain: Grain,
        rrule: str | None = None,
    ) -> TimeMatch:
        """A match at ``span``; a time not after now is recorded as past (``when`` None)."""
        if at is None or not is_after(at, self.now_utc):
            return TimeMatch(span, kind, None)
        return TimeMatch(span, kind, When(at.astimezone(self.zone), grain, rrule, span))


def first_group(match: re.Match[str], *names: str) -> str | None:
    """The first of the named groups that the pattern has and that matched something.

    Patterns differ in the groups they hold; this costs a few lookups, where ``groupdict``
    builds a dict of every group (about 40 in the date patterns) for each match.
    """
    index = match.re.groupindex
    for name in names:
        if name in index and (value := match[name]):
            return value
    return None


def has_clock(match: re.Match[str]) -> bool:
    """Whether ``match`` holds a clock time (one of ``CLOCK_GROUPS`` matched)."""
    return first_group(match, *CLOCK_GROUPS) is not None
