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
from functools import lru_cache
from itertools import islice

from nudge.language.clocks import (
    CLOCK_AHEAD,
    CLOCK_STARTS,
    CORE,
    PREP,
    day_offset,
    has_clock_word,
    next_occurrence,
    on_day,
    part_of_day,
    read_clock,
    with_part,
)
from nudge.language.dates import DATES
from nudge.language.dayparts import DayParts
from nudge.language.durations import DURATION, parse_duration
from nudge.language.lexicon import (
    DAY,
    DAY_SPACED,
    DAY_STARTS,
    END,
    IN_WORDS,
    PART,
    START,
    ahead,
    folded_pattern,
    holds_any,
)
from nudge.language.matches import Scan, TimeMatch, When
from nudge.language.recurrence import RECURRING
from nudge.language.repeat_intervals import REPEATS
from nudge.language.splits import pair
from nudge.language.wall import after_elapsed, wall

Matcher = Callable[[Scan], Iterator[TimeMatch]]

MAX_AHEAD = timedelta(days=3660)
MAX_PER_MATCHER = 16  # an SMS holds a few times; this bounds the work on pathological text

_GAP = r"(?:\s*,\s*|\s+)"
_CLOCK_SPACED = f"{DAY_SPACED}|at|a|vers|around|pour"
_RELATIVE = folded_pattern(
    rf"{START}(?:in|within|dans|ds|d'\s?ici)\s+(?:(?:about|around|approx|like|environ|genre|~)\s*)?"
    rf"(?P<dur>{DURATION})(?:\s+from\s+now)?"
)
_RELATIVE_STARTS = (*IN_WORDS, "d'ici", "d' ici")  # what ``_RELATIVE`` starts with
_AGO = folded_pattern(rf"{START}(?:{DURATION}\s+ago|il\s+y\s+a\s+{DURATION}){END}")
_ONLY_DURATION = folded_pattern(rf"\s*(?P<dur>{DURATION})[\s.!]*")
_HOURS_ONLY = re.compile(r"\d{1,2}\s?h")
# How a ``_CLOCK`` match starts: a day word, else what ``CLOCK_AHEAD`` allows.
_CLOCK_OR_DAY = r"(?=\d|@|" + ahead(f"{DAY_STARTS}|{CLOCK_STARTS}", spaced=_CLOCK_SPACED)[3:]
_CLOCK = folded_pattern(
    rf"{START}{_CLOCK_OR_DAY}(?:(?P<day>{DAY})(?:\s+(?P<part>{PART}))?{_GAP})?{CLOCK_AHEAD}{PREP}?{CORE}"
    rf"(?:\s+(?:(?:in\s+the|du|at|le|la)\s+|de\s+l')?(?P<part2>{PART}){END})?"
    rf"(?:{_GAP}(?P<day2>{DAY})(?:\s+(?P<part3>{PART}))?{END})?"
)
_DAY_ONLY = folded_pattern(rf"{START}(?P<day>{DAY})(?:\s+(?P<part>{PART}))?{END}")


def _relative(scan: Scan) -> Iterator[TimeMatch]:
    """Relative times: "in 20 min", "dans 1h30", "in an hour" (elapsed time from now)."""
    if not holds_any(scan.folded, _RELATIVE_STARTS):
        return
    for match in _RELATIVE.finditer(scan.folded):
        parsed = parse_duration(match["dur"])
        if parsed is not None and parsed[0] <= MAX_AHEAD:
            at = after_elapsed(scan.now, parsed[0], scan.zone)
            yield scan.found(match.span(), "relative", at, parsed[1])


def _clock(scan: Scan) -> Iterator[TimeMatch]:
    """Clock times: "at 8pm", "tomorrow at 9", "demain 8h", "20h15 demain soir", "midi"."""
    if not has_clock_word(scan.folded):
        return
    for match in _CLOCK.finditer(scan.folded):
        clock = read_clock(scan, match, after_day=match["day"] is not None)
        if clock is None:
            continue
        day_word = match["day"] or match["day2"]
        offset, implied = day_offset(day_word) if day_word else (None, None)
        part = part_of_day(match["part"] or match["part2"] or match["part3"]) or implied
        clock = with_part(clock, part)
        at = next_occurrence(scan, clock) if offset is None else on_day(scan, clock, offset)
        yield scan.found(match.span(), "clock", at, clock.grain)


def _day_only(scan: Scan) -> Iterator[TimeMatch]:
    """A day (and part of day) without a clock time: "tomorrow", "demain soir", "tonight".

    "today" alone is no time; a part of today that has passed ("this morning" at 10:00) is
    found as past, so a reminder for it is refused kindly.
    """
    for match in _DAY_ONLY.finditer(scan.folded):
        offset, implied = day_offset(match["day"])
        part = part_of_day(match["part"]) or implied
        if offset < 0:
            yield TimeMatch(match.span(), "past", None)
            continue
        hour, minute = scan.parts.of(part or "day")
        at = wall(scan.today + timedelta(days=offset), hour, minute, scan.zone)
        if offset > 0 or part is not None:  # a passed part of today ("this morning") is past
            yield scan.found(match.span(), "day", at, "hour" if part else "day")


def _ago(scan: Scan) -> Iterator[TimeMatch]:
    """Times ago, always past: "2 hours ago", "il y a 20 min"."""
    if "ago" not in scan.folded and "il y a" not in scan.folded:
        return
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


MATCHERS: tuple[Matcher, ...] = (
    _relative,
    _clock,
    _day_only,
    _ago,
    _only_duration,
    *RECURRING,
    *DATES,
    *REPEATS,
)


def scan_times(
    text: str, *, now: datetime, tz: str, lang: str, parts: DayParts | None = None
) -> list[TimeMatch]:
    """Every time expression found in ``text``, overlapping ones included.

    ``parts`` sets the hours of vague parts of the day ("tonight", "after lunch").
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    scan = Scan.of(text, now=now, tz=tz, lang=lang, parts=parts)
    return [found for matcher in MATCHERS for found in islice(matcher(scan), MAX_PER_MATCHER)]


@lru_cache(maxsize=512)
def _scan_once(
    text: str, now: datetime, tz: str, lang: str, parts: DayParts | None
) -> tuple[TimeMatch, ...]:
    """``scan_times`` cached: understanding a message and reporting its time scan it once."""
    return tuple(scan_times(text, now=now, tz=tz, lang=lang, parts=parts))


def find_when(
    text: str,
    *,
    now: datetime,
    tz: str,
    lang: str,
    within: tuple[int, int] | None = None,
    parts: DayParts | None = None,
) -> TimeMatch | None:
    """The main time expression of ``text`` (longest, then last), past ones included.

    With ``within=(start, end)`` only expressions inside ``text[start:end]`` count, and the
    span returned is relative to ``start`` (as if that slice had been scanned alone).
    """
    found = _scan_once(text, now, tz, lang, parts)
    if within is not None:
        start, end = within
        found = tuple(m for m in found if start <= m.span[0] and m.span[1] <= end)
    if not found:
        return None
    best = max(found, key=_rank)
    if len(found) > 1 and best.kind in _PAIR_KINDS:  # a day and a clock apart: see ``splits``
        best = (
            pair(text, found, best, lambda joined: _scan_once(joined, now, tz, lang, parts)) or best
        )
    return best if within is None else _shift(best, within[0])  # shifting keeps the order


_PAIR_KINDS = frozenset({"day", "clock", "recurring"})


def _rank(match: TimeMatch) -> tuple[int, int]:
    """Longest, then last."""
    return match.span[1] - match.span[0], match.span[0]


def _shift(match: TimeMatch, start: int) -> TimeMatch:
    """``match`` with its spans moved ``start`` characters to the left."""
    if start == 0:
        return match
    span = (match.span[0] - start, match.span[1] - start)
    found = match.when
    when = None if found is None else When(found.at, found.grain, found.rrule, span)
    other = None if match.other is None else (match.other[0] - start, match.other[1] - start)
    return TimeMatch(span, match.kind, when, other)


def parse_when(
    text: str, *, now: datetime, tz: str, lang: str, parts: DayParts | None = None
) -> When | None:
    """The time ``text`` asks for, resolved in zone ``tz`` from ``now``; None if none or past.

    ``parts`` are the user's hours for vague parts of the day (``DEFAULT_PARTS`` if None).
    """
    found = find_when(text, now=now, tz=tz, lang=lang, parts=parts)
    return found.when if found is not None else None
