"""A day and a clock time written apart: "Dec 3 dentist at 10am", "demain dentiste à 15h".

When the time expressions of a text are exactly one day without a clock (a date, a weekday,
"tomorrow"; grain "day") or a repeat without a clock ("every friday", "tous les jours"),
and one clock time without a day ("at 10am", "à 15h"), with no sentence break between them,
they are one time: the day or rule from one, the clock from the other. The pair is read
again as "<day> <clock>" ("dec 3 at 10am", "every day at 8am"), so every day, repeat and
clock rule applies unchanged. Never with a relative offset ("in 20 min") or a past word.

The result is one :class:`TimeMatch` whose ``span`` is the later part and ``other`` the
earlier one, so a task before or after the later part has the earlier part cut out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal

from nudge.language.clocks import CORE, PREP
from nudge.language.fold import fold
from nudge.language.matches import TimeMatch, When

Rescan = Callable[[str], Sequence[TimeMatch]]

_CLOCK_ONLY = re.compile(rf"{PREP}?{CORE}")
_BREAK = re.compile(r"[.;!?\n]")
_NEVER = frozenset({"relative", "past"})


def _outermost(found: Sequence[TimeMatch]) -> list[TimeMatch]:
    """One match per span not inside a longer match's span (the last one found there)."""
    spans = {match.span: match for match in found}
    return [
        match
        for span, match in spans.items()
        if not any(other != span and other[0] <= span[0] and span[1] <= other[1] for other in spans)
    ]


def _is_day(match: TimeMatch) -> bool:
    """A day or repeat without a clock ("dec 3", "demain", "every friday"); past counts."""
    if match.kind == "recurring":
        return match.when is not None and match.when.grain == "day"
    return match.kind == "day" and (match.when is None or match.when.grain == "day")


def pair(
    text: str, found: Sequence[TimeMatch], best: TimeMatch, rescan: Rescan
) -> TimeMatch | None:
    """The day and the clock of ``text`` read as one time, or None when they are not a pair.

    ``best`` is the main match of ``found``: most texts have nothing outside it, which is
    checked first, so they pay one pass over ``found``.
    """
    start, end = best.span
    if not any(m.span[1] <= start or m.span[0] >= end for m in found):
        return None
    if any(match.kind in _NEVER for match in found):
        return None
    parts = _outermost(found)
    if len(parts) != 2:
        return None
    first, second = sorted(parts, key=lambda match: match.span)
    if first.span[1] > second.span[0] or _BREAK.search(text, first.span[1], second.span[0]):
        return None
    days = [match for match in parts if _is_day(match)]
    clocks = [match for match in parts if match.kind == "clock" and _clock_only(text, match)]
    if len(days) != 1 or len(clocks) != 1:
        return None
    day, clock = days[0], clocks[0]
    joined = f"{text[day.span[0] : day.span[1]]} {text[clock.span[0] : clock.span[1]]}"
    wanted: Literal["clock", "recurring"] = "recurring" if day.kind == "recurring" else "clock"
    whole = [m for m in rescan(joined) if m.span == (0, len(joined)) and m.kind == wanted]
    if not whole:
        return None
    read = whole[-1].when
    when = None if read is None else When(read.at, read.grain, read.rrule, second.span)
    return TimeMatch(second.span, wanted, when, first.span)


def _clock_only(text: str, match: TimeMatch) -> bool:
    """Whether the match is only a clock time ("at 10am", "à 15h"), no day or part of day."""
    start, end = match.span
    return _CLOCK_ONLY.fullmatch(fold(text[start:end])) is not None
