"""Find and resolve a time expression in a French or English SMS.

``parse_when("call mom at 8pm", now=…, tz="America/Toronto", lang="en")`` gives a
:class:`When` with an aware ``at`` in the user's zone and the span of ``"at 8pm"``.

Rules (clock rules in detail in ``clocks``):

* Relative offsets ("in 20 min", "dans 1h30", "in 2 days") are real elapsed time, added
  in UTC, so "in 2 hours" across a DST change is still 120 minutes away.
* Clock times ("at 8pm", "à 20h", "8:30", "midi") never lie in the past: without a day word
  they roll forward to their next occurrence. A bare hour without am/pm, in English
  ("at 8"), is 08:00 today if still ahead, else 20:00 today if still ahead, else 08:00
  tomorrow; in French ("à 8h", "à 8") it is 24-hour: 08:00 today if ahead, else tomorrow.
* An explicit day ("tomorrow at 9", "demain 8h") fixes the day; "today at 8am" once 8am has
  passed, "yesterday", "hier", "2 hours ago" and "il y a 2h" are found but past
  (``TimeMatch.when`` is None, and ``parse_when`` returns None).
* A day alone means 09:00 that day ("tomorrow", grain "day"); a part of day alone its usual
  hour ("demain soir" 19:00, "tomorrow morning" 09:00). "today" alone is no time.
* Wall times are attached to the zone with DST care (see ``wall``): a time in a spring-forward
  gap moves forward by the gap, an ambiguous one takes its first occurrence.
* A whole message that is only a duration ("20 min") counts as relative.

Each kind of expression is one small matcher (a ``Scan`` in, ``TimeMatch`` objects out)
listed in ``MATCHERS``: add new forms as new matchers. When several overlap, the longest
wins (then the last).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from itertools import islice

from nudge.language.clocks import (
    CORE,
    PART_DEFAULT_HOUR,
    PREP,
    day_offset,
    next_occurrence,
    on_day,
    part_of_day,
    read_clock,
    with_part,
)
from nudge.language.durations import DURATION, parse_duration
from nudge.language.lexicon import DAY, END, PART, START
from nudge.language.matches import Scan, TimeMatch, When
from nudge.language.recurrence import RECURRING
from nudge.language.wall import after_elapsed, is_after, wall

Matcher = Callable[[Scan], Iterator[TimeMatch]]

DEFAULT_DAY_HOUR = 9
MAX_AHEAD = timedelta(days=3660)
MAX_PER_MATCHER = 16  # an SMS holds a few times; this bounds the work on pathological text

_GAP = r"(?:\s*,\s*|\s+)"
_RELATIVE = re.compile(
    rf"{START}(?:in|within|dans|ds|d'\s?ici)\s+(?:(?:about|around|approx|environ|genre|~)\s*)?"
    rf"(?P<dur>{DURATION})(?:\s+from\s+now)?"
)
_AGO = re.compile(rf"{START}(?:{DURATION}\s+ago|il\s+y\s+a\s+{DURATION}){END}")
_ONLY_DURATION = re.compile(rf"\s*(?P<dur>{DURATION})[\s.!]*")
_HOURS_ONLY = re.compile(r"\d{1,2}\s?h")
_CLOCK = re.compile(
    rf"{START}(?:(?P<day>{DAY})(?:\s+(?P<part>{PART}))?{_GAP})?{PREP}?{CORE}"
    rf"(?:\s+(?:(?:in\s+the|du|at|le|la)\s+|de\s+l')?(?P<part2>{PART}){END})?"
    rf"(?:{_GAP}(?P<day2>{DAY})(?:\s+(?P<part3>{PART}))?{END})?"
)
_DAY_ONLY = re.compile(rf"{START}(?P<day>{DAY})(?:\s+(?P<part>{PART}))?{END}")


def _relative(scan: Scan) -> Iterator[TimeMatch]:
    """Relative times: "in 20 min", "dans 1h30", "in an hour" (elapsed time from now)."""
    for match in _RELATIVE.finditer(scan.folded):
        parsed = parse_duration(match["dur"])
        if parsed is not None and parsed[0] <= MAX_AHEAD:
            at = after_elapsed(scan.now, parsed[0], scan.zone)
            yield scan.found(match.span(), "relative", at, parsed[1])


def _clock(scan: Scan) -> Iterator[TimeMatch]:
    """Clock times: "at 8pm", "tomorrow at 9", "demain 8h", "20h15 demain soir", "midi"."""
    for match in _CLOCK.finditer(scan.folded):
        clock = read_clock(scan, match)
        if clock is None:
            continue
        day_word = match["day"] or match["day2"]
        offset, implied = day_offset(day_word) if day_word else (None, None)
        part = part_of_day(match["part"] or match["part2"] or match["part3"]) or implied
        clock = with_part(clock, part)
        at = next_occurrence(scan, clock) if offset is None else on_day(scan, clock, offset)
        yield scan.found(match.span(), "clock", at, clock.grain)


def _day_only(scan: Scan) -> Iterator[TimeMatch]:
    """A day (and part of day) without a clock time: "tomorrow", "demain soir", "tonight"."""
    for match in _DAY_ONLY.finditer(scan.folded):
        offset, implied = day_offset(match["day"])
        part = part_of_day(match["part"]) or implied
        if offset < 0:
            yield TimeMatch(match.span(), "past", None)
            continue
        hour = PART_DEFAULT_HOUR[part] if part else DEFAULT_DAY_HOUR
        at = wall(scan.today + timedelta(days=offset), hour, 0, scan.zone)
        if offset > 0 or (part is not None and is_after(at, scan.now)):
            yield scan.found(match.span(), "day", at, "hour" if part else "day")


def _ago(scan: Scan) -> Iterator[TimeMatch]:
    """Times ago, always past: "2 hours ago", "il y a 20 min"."""
    for match in _AGO.finditer(scan.folded):
        yield TimeMatch(match.span(), "past", None)


def _only_duration(scan: Scan) -> Iterator[TimeMatch]:
    """A message that is nothing but a duration ("20 min", "2 hours"): relative."""
    match = _ONLY_DURATION.fullmatch(scan.folded)
    if match is None or _HOURS_ONLY.fullmatch(match["dur"]):
        return
    parsed = parse_duration(match["dur"])
    if parsed is not None and parsed[0] <= MAX_AHEAD:
        at = after_elapsed(scan.now, parsed[0], scan.zone)
        yield scan.found(match.span("dur"), "relative", at, parsed[1])


MATCHERS: tuple[Matcher, ...] = (_relative, _clock, _day_only, _ago, _only_duration, *RECURRING)


def scan_times(text: str, *, now: datetime, tz: str, lang: str) -> list[TimeMatch]:
    """Every time expression found in ``text``, overlapping ones included."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    scan = Scan.of(text, now=now, tz=tz, lang=lang)
    return [found for matcher in MATCHERS for found in islice(matcher(scan), MAX_PER_MATCHER)]


def find_when(text: str, *, now: datetime, tz: str, lang: str) -> TimeMatch | None:
    """The main time expression of ``text`` (longest, then last), past ones included."""
    found = scan_times(text, now=now, tz=tz, lang=lang)
    if not found:
        return None
    return max(found, key=lambda match: (match.length, match.span[0]))


def parse_when(text: str, *, now: datetime, tz: str, lang: str) -> When | None:
    """The time ``text`` asks for, resolved in zone ``tz`` from ``now``; None if none or past."""
    found = find_when(text, now=now, tz=tz, lang=lang)
    return found.when if found is not None else None
