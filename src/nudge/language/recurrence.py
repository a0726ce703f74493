"""Repeating times: "every day at 8am", "tous les lundis à 9h", "weekdays at 7:30".

Each match gives an RFC 5545 RRULE without a time part ("FREQ=DAILY",
"FREQ=WEEKLY;BYDAY=MO,TH") and ``at`` = the first occurrence after now; the scheduler
expands the rule on local wall time from that first occurrence. A flexible English hour
("every day at 8") reads 1–6 as afternoon and 7–11 as morning; with no time given the
reminder comes at 09:00 (or the usual hour of "every evening", "tous les soirs").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from functools import lru_cache

from nudge.language.clocks import (
    CLOCK_AHEAD,
    CORE,
    PREP,
    ClockTime,
    has_clock_word,
    part_of_day,
    read_clock,
    settled_hour,
    with_part,
)
from nudge.language.lexicon import (
    END,
    PART,
    START,
    WEEKDAY,
    WEEKDAYS,
    ahead,
    folded_pattern,
    holds_any,
)
from nudge.language.matches import Scan, TimeMatch, has_clock
from nudge.language.wall import is_after, wall

ORDER = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
EVERY_WORD = r"ev(?:e?ry|rey)"  # "every", and the typos "evry", "evrey"
_EVERY = rf"(?:{EVERY_WORD}|each|chaque|tous\s+les|toutes\s+les)"
_AND = r"(?:\s*,\s*|\s+(?:and|et|&)\s+|\s*&\s*|\s*/\s*|\s+)"  # "every mon wed fri"
_DAYS = rf"{WEEKDAY}s?(?:{_AND}{WEEKDAY}s?)*"
_PLURAL = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days"
_FREQ = (
    rf"(?P<daily>{EVERY_WORD}\s*day|daily|each\s+day|every\s+single\s+day"
    rf"|tous\s+les\s+jours(?!\s+de\s+semaine)"
    rf"|chaque\s+jour|tlj|tljs)"
    rf"|(?P<weekdays>every\s+weekday|(?:on\s+)?weekdays|en\s+semaine"
    rf"|(?:tous\s+)?les\s+jours\s+de\s+semaine"
    rf"|du\s+lundi\s+au\s+vendredi|(?:every\s+day\s+)?monday\s+(?:to|through|thru)\s+friday)"
    rf"|(?P<weekend>every\s+weekend|(?:on\s+)?weekends|tous\s+les\s+week-?ends|le\s+week-?end)"
    rf"|{_EVERY}\s+(?P<dpart>{PART})s?"
    rf"|{_EVERY}\s+(?P<days>{_DAYS})(?:\s+(?P<dpart2>{PART})s?)?"
    rf"|on\s+(?P<plural>{_PLURAL}(?:{_AND}{_PLURAL})*)"
)
_FREQ_AHEAD = ahead(
    "every|evry|evrey|each|chaque|tous|toutes|daily|tlj|on|weekday|weekend|en|du|monday|le|les"
)
_GAP = r"(?:\s*,\s*|\s+)"
_PATTERNS = [
    folded_pattern(rf"{START}{_FREQ_AHEAD}(?:{_FREQ}){_GAP}{PREP}?{CORE}"),
    folded_pattern(rf"{START}{CLOCK_AHEAD}{PREP}?{CORE}{_GAP}(?:{_FREQ}){END}"),
    folded_pattern(rf"{START}{_FREQ_AHEAD}(?:{_FREQ}){END}"),
]
# Every repeating form holds one of these (as a substring: "week" stands for weekday, weekend,
# week-end, weekly, biweekly); the patterns only run when one is there. Substring tests cost
# about half of one regex search over the text (see ``lexicon.holds_any``).
REPEAT_WORDS = (
    "every", "evry", "evrey", "each", "chaque", "tous", "toutes", "ttes", "daily", "week",
    "semaine", "tlj", "lundi au", "aux", "thru", "through", "to friday", "days", "hourly",
    "sur deux", "out of", "monthly", "fortnight", "hebdo", "mensuel", "du mois",
)  # fmt: skip


@lru_cache(maxsize=4)  # asked by both repeat matchers of one scan: tested once per message
def has_repeat_word(folded: str) -> bool:
    """Whether ``folded`` holds a word every repeating form needs (``REPEAT_WORDS``)."""
    return holds_any(folded, REPEAT_WORDS)


_WEEKDAY_WORD = re.compile(WEEKDAY + "(?=s?$)")


def _byday(match: re.Match[str]) -> list[str] | None:
    """The BYDAY codes of a match (None for every day)."""
    if match["weekdays"]:
        return ORDER[:5]
    if match["weekend"]:
        return ORDER[5:]
    listed = match["days"] or match["plural"]
    if not listed:
        return None
    words = re.split(_AND, listed)
    codes = {WEEKDAYS[found[0]] for word in words if (found := _WEEKDAY_WORD.match(word))}
    return [code for code in ORDER if code in codes]


def recurring_clock(scan: Scan, match: re.Match[str], part: str | None) -> ClockTime | None:
    """The time of day of a recurring match; 09:00 or the part's hour when none is given."""
    if not has_clock(match):
        hour, minute = scan.parts.of(part or "day")
        return ClockTime(hour, minute, False, "hour" if part else "day")
    clock = read_clock(scan, match)
    if clock is None:
        return None
    clock = with_part(clock, part)
    return ClockTime(settled_hour(clock) % 24, clock.minute, False, clock.grain)


def _rule(byday: list[str] | None) -> str:
    return "FREQ=DAILY" if byday is None else "FREQ=WEEKLY;BYDAY=" + ",".join(byday)


def _recurring(scan: Scan) -> Iterator[TimeMatch]:
    """Repeating times: "every day at 8am", "tous les lundis à 9h", "tous les soirs"."""
    if not has_repeat_word(scan.folded):
        return
    patterns = _PATTERNS if has_clock_word(scan.folded) else _PATTERNS[2:]  # 0, 1 need a clock
    for pattern in patterns:
        for match in pattern.finditer(scan.folded):
            clock = recurring_clock(scan, match, part_of_day(match["dpart"] or match["dpart2"]))
            byday = _byday(match)
            if clock is None or byday == []:
                continue
            today = scan.today
            for offset in range(8):
                if byday is not None and ORDER[(today.weekday() + offset) % 7] not in byday:
                    continue
                at = wall(today + timedelta(days=offset), clock.hour, clock.minute, scan.zone)
                if is_after(at, scan.now_utc):
                    yield scan.found(match.span(), "recurring", at, clock.grain, _rule(byday))
                    break


RECURRING = (_recurring,)
