"""Repeating times by interval: every N hours or minutes (with an end), every other, monthly by day.

"every 2 hours until 6pm" (FREQ=HOURLY;INTERVAL=2;UNTIL=…), "toutes les 30 min",
"every other day", "une semaine sur deux", "tous les 15 jours" (every two weeks),
"every other Monday", "every month", "the 1st of every month", "le premier de chaque mois".

UNTIL is written as a local wall time without ``Z`` (a floating time), like the rule's
start: the scheduler expands rules on naive local time so 08:00 stays 08:00 across DST.
An interval in hours or minutes starts one interval from now (minute precision) and is at
least 5 minutes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta

from nudge.language.clocks import CORE, PREP, ClockTime, next_occurrence, read_clock
from nudge.language.dates import days_of_month
from nudge.language.lexicon import (
    AMOUNT,
    END,
    START,
    WEEKDAY_FULL,
    WEEKDAY_NAMES,
    ahead,
    alternation,
    folded_pattern,
    holds_any,
    number_value,
)
from nudge.language.matches import Scan, TimeMatch, has_clock
from nudge.language.recurrence import EVERY_WORD, ORDER, has_repeat_word, recurring_clock
from nudge.language.wall import first_after, wall

_EVERY = rf"(?:{EVERY_WORD}|each|chaque|tous\s+les|(?:toutes|ttes)\s+les)"  # "ttes": SMS
_EVERY_N = rf"(?:{_EVERY}|aux)"  # Québec "aux deux semaines": every two weeks
_GAP = r"(?:\s*,\s*|\s+)"
_CLOCK_AFTER = rf"(?:{_GAP}{PREP}?{CORE})?"
_UNTIL = rf"(?:{_GAP}(?:until|till|til|to|jusqu'?\s?a|jusqu'a)\s+{CORE})?"
_INTERVAL = folded_pattern(
    rf"{START}{ahead('every|each|chaque|tous|toutes|ttes|hourly')}"
    rf"(?:{_EVERY}\s+(?:(?P<n>{AMOUNT})|(?P<half>half\s+|demi-?\s?))?"
    rf"(?P<unit>hours?|hrs?|heures?|h|minutes?|mins?|mn|heures?)"
    rf"|(?P<hourly>hourly|every\s+hour|toutes\s+les\s+heures)){END}{_UNTIL}"
)
_OTHER = r"(?:other|second|autre)"
_SPAN_UNITS = r"days?|jours?|weeks?|semaines?|sem|months?|mois"
_SPAN_START = (
    "every|evry|evrey|each|chaque|tous|toutes|ttes|aux|un|one|weekly|monthly|biweekly|fortnightly"
    "|hebdo|mensuel"
)
_SPAN = folded_pattern(
    rf"{START}{ahead(_SPAN_START)}(?:{_EVERY_N}\s+(?:(?P<other>{_OTHER})\s+|(?P<n>{AMOUNT}))?(?P<unit>{_SPAN_UNITS})"
    rf"|(?P<one>un|une|one)\s+(?P<unit2>jour|semaine|week|day)\s+(?:sur|out\s+of)\s+(?:deux|2|two)"
    rf"|(?P<unit3>weekly|monthly|biweekly|fortnightly|hebdo|mensuel(?:lement)?)){END}"
    rf"{_CLOCK_AFTER}"
)
_OTHER_WEEKDAY = folded_pattern(
    rf"{START}{ahead('every|evry|evrey|each|un|one|toutes|aux')}"
    rf"(?:(?:{EVERY_WORD}|each)\s+(?:{_OTHER}|2nd)\s+(?P<wd>{WEEKDAY_FULL})"
    rf"|(?:un|one)\s+(?P<wd2>{WEEKDAY_FULL})\s+(?:sur|out\s+of)\s+(?:deux|2|two)"
    rf"|(?:{EVERY_WORD}\s+(?:(?:2|two)\s+weeks|other\s+week)"
    rf"|(?:toutes\s+les|aux)\s+(?:2|deux)\s+semaines)"
    rf"\s+(?:on\s+|le\s+)?(?P<wd3>{WEEKDAY_FULL}))"
    rf"{END}{_CLOCK_AFTER}"
)
_OF_MONTH = (
    r"(?:of\s+(?:every|each|the)\s+month|(?:de|du)\s+(?:chaque|tous\s+les)\s+mois|du\s+mois)"
)
_MONTHLY = folded_pattern(
    rf"{START}(?=\d|{alternation('on|the|le|tous|chaque|premier|first|every|each')})"
    rf"(?:(?:on\s+)?(?:the\s+)?(?:le\s+|tous\s+les\s+|chaque\s+)?"
    rf"(?P<d>\d{{1,2}}|premier|first|1er)(?:st|nd|rd|th|er|e)?\s+{_OF_MONTH}"
    rf"|(?:every|each)\s+month\s+on\s+the\s+(?P<d2>\d{{1,2}}|first)(?:st|nd|rd|th)?"
    rf"|(?:tous\s+les|chaque)\s+mois\s+le\s+(?P<d3>\d{{1,2}}|premier|1er)){END}{_CLOCK_AFTER}"
)
# Words each pattern above cannot match without (tested before running it).
_SPAN_WORDS = ("day", "jour", "week", "sem", "month", "mois", "fortnight", "hebdo", "mensuel")
_OTHER_WEEKDAY_WORDS = ("other", "second", "autre", "2nd", "sur", "out", "week", "semaine")


_UNIT_FREQ = {"d": "DAILY", "j": "DAILY", "w": "WEEKLY", "s": "WEEKLY", "m": "MONTHLY"}


def _count(raw: str | None, other: bool) -> int | None:
    """The interval number: "other" is 2, none is 1, words and digits read."""
    if other:
        return 2
    if raw is None:
        return 1
    value = number_value(raw.strip())
    return int(value) if value is not None and value == int(value) and value >= 1 else None


def _rule(freq: str, interval: int, extra: str = "") -> str:
    rule = f"FREQ={freq}" + (f";INTERVAL={interval}" if interval > 1 else "")
    return rule + extra


def _first(scan: Scan, days: Iterable[date], clock: ClockTime) -> datetime | None:
    return first_after((wall(d, clock.hour, clock.minute, scan.zone) for d in days), scan.now_utc)


def _intervals(scan: Scan) -> Iterator[TimeMatch]:
    """Every N hours or minutes, maybe until a time: "every 2 hours until 6pm"."""
    for match in _INTERVAL.finditer(scan.folded):
        hours = bool(match["hourly"]) or match["unit"].startswith("h")
        count = 0.5 if match["half"] else _count(match["n"], False)
        if count is None:
            continue
        minutes = int(count * 60) if hours else int(count)
        if minutes < 5 or minutes > 24 * 60:
            continue
        start = scan.now.replace(second=0, microsecond=0).astimezone(UTC)
        first = (start + timedelta(minutes=minutes)).astimezone(scan.zone)
        freq, interval = ("HOURLY", minutes // 60) if minutes % 60 == 0 else ("MINUTELY", minutes)
        readable, until = _until(scan, match)
        if not readable:
            continue
        rule = _rule(freq, interval, f";UNTIL={until:%Y%m%dT%H%M%S}" if until else "")
        if until is not None and until < first:
            yield TimeMatch(match.span(), "recurring", None)
            continue
        yield scan.found(match.span(), "recurring", first, "minute", rule)


def _until(scan: Scan, match: re.Match[str]) -> tuple[bool, datetime | None]:
    """Whether the end of an interval rule reads, and that local end (None without one)."""
    if not has_clock(match):
        return True, None
    clock = read_clock(scan, match, after_day=True)  # "until 6": "until" reads like "at"
    at = next_occurrence(scan, clock) if clock is not None else None
    return at is not None, at


def _spans(scan: Scan) -> Iterator[TimeMatch]:
    """Every N days, weeks or months: "every other day", "tous les 15 jours", "every week"."""
    if not holds_any(scan.folded, _SPAN_WORDS):
        return
    for match in _SPAN.finditer(scan.folded):
        unit = (match["unit"] or match["unit2"] or match["unit3"] or "")[:1]
        count = _count(match["n"], bool(match["other"] or match["one"]))
        if match["unit3"]:
            unit, count = ("m", 1) if match["unit3"].startswith(("mo", "me")) else ("w", 1)
            count = 2 if match["unit3"].startswith(("bi", "fo")) else count
        if count is None or not 1 <= count <= 366:
            continue
        freq = _UNIT_FREQ.get(unit, "DAILY")
        if freq == "DAILY" and count in (14, 15) and "jour" in (match["unit"] or ""):
            freq, count = "WEEKLY", 2  # "tous les quinze jours": every two weeks in French
        if freq == "DAILY" and count == 1:
            continue  # plain "every day" belongs to ``recurrence``
        clock = recurring_clock(scan, match, None)
        if clock is None:
            continue
        days = [scan.today + timedelta(days=k) for k in range(2)]
        at = _first(scan, days, clock)
        yield scan.found(match.span(), "recurring", at, clock.grain, _rule(freq, count))


def _other_weekdays(scan: Scan) -> Iterator[TimeMatch]:
    """Every other given weekday: "every other Monday", "un lundi sur deux"."""
    if not holds_any(scan.folded, _OTHER_WEEKDAY_WORDS):
        return
    for match in _OTHER_WEEKDAY.finditer(scan.folded):
        target = WEEKDAY_NAMES[match["wd"] or match["wd2"] or match["wd3"]]
        clock = recurring_clock(scan, match, None)
        if clock is None:
            continue
        days = [d for k in range(8) if (d := scan.today + timedelta(days=k)).weekday() == target]
        rule = _rule("WEEKLY", 2, f";BYDAY={ORDER[target]}")
        yield scan.found(match.span(), "recurring", _first(scan, days, clock), clock.grain, rule)


def _monthly(scan: Scan) -> Iterator[TimeMatch]:
    """A day of every month: "the 1st of every month", "le 15 de chaque mois"."""
    if not holds_any(scan.folded, ("month", "mois")):
        return
    for match in _MONTHLY.finditer(scan.folded):
        word = match["d"] or match["d2"] or match["d3"]
        dom = 1 if word in ("premier", "first", "1er") else int(word)
        clock = recurring_clock(scan, match, None)
        if clock is None or not 1 <= dom <= 31:
            continue
        days = days_of_month(scan, dom)
        rule = f"FREQ=MONTHLY;BYMONTHDAY={dom}"
        yield scan.found(match.span(), "recurring", _first(scan, days, clock), clock.grain, rule)


def _repeats(scan: Scan) -> Iterator[TimeMatch]:
    """All the forms above, when the text holds a repeat word at all."""
    if not has_repeat_word(scan.folded):
        return
    for matcher in (_intervals, _spans, _other_weekdays, _monthly):
        yield from matcher(scan)


REPEATS = (_repeats,)
