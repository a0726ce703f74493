"""Clock times ("8pm", "20h15", "at 8", "midi") and the days they fall on.

Rules, all in the user's zone:

* am/pm, ``h`` (French, 24-hour), zero-padded ``08:30`` and noon/midnight are exact.
* A bare English hour 1–11 without am/pm ("at 8", "at 8:30", "8 o'clock") is *flexible*:
  it may mean the morning or the evening. French "à 8"/"à 8h" is 24-hour, never flexible.
* With no day word a clock time means its next occurrence: today at H:MM if still ahead;
  else, when flexible, today at H+12 if still ahead; else tomorrow at H:MM.
* "today" + time: the same but never rolling to tomorrow (a passed time is past).
  "tomorrow"/later + a flexible hour: 1–6 read as afternoon (13–18), 7–11 as morning.
* A part of day ("tonight", "demain soir", "8 in the evening", "8h du soir") makes an
  hour below 12 afternoon/evening, or morning for "morning"/"matin".
* Midnight is the end of its day: "at midnight" is the coming 00:00, "tomorrow at
  midnight" the 00:00 after tomorrow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from nudge.language.lexicon import (
    AFTER_TOMORROW,
    AFTERNOON,
    END,
    EVENING,
    MORNING,
    THIS_AFTERNOON,
    THIS_MORNING,
    TODAY,
    TOMORROW,
    TONIGHT,
    YESTERDAY,
    ahead,
    alternation,
    folded_pattern,
    holds_any,
)
from nudge.language.matches import Grain, Scan, first_group
from nudge.language.spelled import (
    BEFORE,
    FRACTIONS,
    HOURS_EN,
    HOURS_FR,
    MINUTES,
    SPELLED,
    SPELLED_STARTS,
)
from nudge.language.wall import first_after, wall

_NOT_TIME = (
    r"ans?|years?|yrs?|people|personnes?|persons?|fois|times|x|euros?|dollars?|bucks|kg|km"
    r"|pages?|minutes?|mins?|hours?|hrs?|heures?|days?|jours?|weeks?|semaines?|months?|mois"
)
_AMPM = rf"(?P<ah>\d{{1,2}})(?:(?:[:.h]\s?|\s)(?P<am>\d{{2}}))?\s?(?P<ap>[ap])\.?\s?m\.?{END}"
# "8:30"; with "at" before it also "8 30" and "830" (``csep``: the space, or nothing).
_COLON = r"(?P<ch>\d{1,2})(?::|(?P<csep>\s?))(?P<cm>[0-5]\d)(?![\d:])"
_FRENCH_H = (
    r"(?P<hh>\d{1,2})\s?(?:h|heures?)(?:\s?(?P<hm>\d{2})|\s+et\s+(?P<hq>demie?|quart)"
    r"|\s+moins\s+(?:le\s+)?(?P<hl>quart|\d{1,2}|cinq|dix|vingt))?(?!\w)"
)
_NAMED = (  # "midi", but not the one of "après-midi"
    r"(?<!apres-)(?<!apres\s)(?P<nm>noon|midday|midi|midnight|minuit)"
    r"(?:\s+et\s+(?P<nq>demie?|quart))?(?!\w)"
)
_BARE = (
    rf"(?P<bh>\d{{1,2}})(?:\s?(?P<oc>o'\s?clock|oclock)|ish)?"
    rf"(?![\w:/%$\u20ac]|[.,]\d|\s*(?:{_NOT_TIME}){END})"
)
CORE = rf"(?:{_AMPM}|{_COLON}|{_FRENCH_H}|{_NAMED}|{SPELLED}|{_BARE})"  # "10 past 6" before "10"
PREP = r"(?:(?P<prep>at|a|vers|around|pour)\s+|(?P<at>@)\s*)"
# Every clock time has one of these; an English hour in words ("at eight") is tested apart,
# and only when the text has none of the first (most clock times have a digit).
_DIGIT = re.compile(r"\d")  # a lone class: the engine skips to the first digit in C
CLOCK_WORDS = ("noon", "midday", "midi", "minuit", "midnight", "heure")
_SPELLED_GATE = folded_pattern(rf"(?<![\w'])(?:{alternation(SPELLED_STARTS)})(?!\w)")


@lru_cache(maxsize=4)  # asked by several matchers of one scan: tested once per message
def has_clock_word(folded: str) -> bool:
    """Whether ``folded`` may hold a clock time (``CORE`` needs a digit or an hour word)."""
    if _DIGIT.search(folded) is not None or holds_any(folded, CLOCK_WORDS):
        return True
    return _SPELLED_GATE.search(folded) is not None


# How every ``PREP? CORE`` starts, as a lookahead put before it where a match may begin:
# the same matches, but most word starts fail at once instead of trying every branch.
CLOCK_STARTS = f"noon|mid|minuit|{SPELLED_STARTS}"
CLOCK_AHEAD = r"(?=\d|@|" + ahead(CLOCK_STARTS, spaced="at|a|vers|around|pour")[3:]

_ENGLISH_PREPS = frozenset({"at", "around"})
_EXTRA_MINUTES = {"demi": 30, "demie": 30, "quart": 15}
_LESS = {"quart": 15, "cinq": 5, "dix": 10, "vingt": 20}
_DAYS = [
    (re.compile(rf"(?:{AFTER_TOMORROW})$"), 2, None),
    (re.compile(rf"(?:{TOMORROW})$"), 1, None),
    (re.compile(rf"(?:{TODAY})$"), 0, None),
    (re.compile(rf"(?:{YESTERDAY})$"), -1, None),
    (re.compile(rf"(?:{TONIGHT})$"), 0, "evening"),
    (re.compile(rf"(?:{THIS_MORNING})$"), 0, "morning"),
    (re.compile(rf"(?:{THIS_AFTERNOON})$"), 0, "afternoon"),
]
_PARTS = [
    (re.compile(rf"(?:{MORNING})$"), "morning"),
    (re.compile(rf"(?:{AFTERNOON})$"), "afternoon"),
    (re.compile(rf"(?:{EVENING})$"), "evening"),
]


@dataclass(frozen=True, slots=True)
class ClockTime:
    """An hour and minute of the day; ``flexible`` when it may also mean ``hour + 12``."""

    hour: int
    minute: int
    flexible: bool
    grain: Grain
    meridiem: bool = False


@lru_cache(maxsize=256)  # a small vocabulary: a lookup table filled on first use
def day_offset(word: str) -> tuple[int, str | None]:
    """Days from today for a folded day word, and the part of day it implies."""
    plain = " ".join(word.split())
    for pattern, offset, part in _DAYS:
        if pattern.match(plain):
            return offset, part
    return 0, None


@lru_cache(maxsize=256)
def part_of_day(word: str | None) -> str | None:
    """``"morning"``, ``"afternoon"`` or ``"evening"`` for a folded part-of-day word."""
    if not word:
        return None
    for pattern, part in _PARTS:
        if pattern.match(" ".join(word.split())):
            return part
    return None


def _english(scan: Scan, prep: str | None, oclock: bool) -> bool:
    """Whether an hour without am/pm was written the English way (so may be 12-hour)."""
    if oclock or prep in _ENGLISH_PREPS or prep == "@":
        return True
    return prep is None and scan.lang != "fr"


def _plain_a(scan: Scan, match: re.Match[str]) -> bool:
    """Whether the preposition is a plain English "a" ("buy a 6 pack"), not "à"."""
    if first_group(match, "prep") != "a" or scan.lang == "fr":
        return False
    return scan.text[match.start("prep")] in "aA"


def _prep(match: re.Match[str]) -> str | None:
    """The preposition before the clock ("at", "à", "@"); patterns like "until 6" have none."""
    return first_group(match, "prep", "at")


def _valid(hour: int, minute: int) -> bool:
    return 0 <= hour <= 23 and 0 <= minute <= 59


def read_clock(scan: Scan, match: re.Match[str], *, after_day: bool = False) -> ClockTime | None:
    """The clock time of a match of ``PREP? CORE``; None when it is not one.

    ``after_day``: the hour follows a day word ("tmrw 9"), so a bare hour needs no "at".
    """
    if match["ap"]:
        return _meridiem(match)
    if match["ch"]:
        return _colon(scan, match, after_day)
    if match["hh"]:
        return _french_h(match)
    if match["nm"]:
        return _named(match)
    if match["sh"] or match["se"] or match["se2"]:
        return _spelled(scan, match, after_day)
    return _bare(scan, match, after_day)


def _meridiem(match: re.Match[str]) -> ClockTime | None:
    """``8pm``, ``8:30 a.m.``: exact, 12-hour."""
    hour, minute = int(match["ah"]), int(match["am"] or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + (12 if match["ap"] == "p" else 0)
    return ClockTime(hour, minute, False, "minute" if match["am"] else "hour", meridiem=True)


def _french_h(match: re.Match[str]) -> ClockTime | None:
    """``20h``, ``8h30``, ``8 heures et quart``, ``7h moins le quart``: exact, 24-hour."""
    hour = int(match["hh"])
    minute = int(match["hm"]) if match["hm"] else _EXTRA_MINUTES.get(match["hq"] or "", 0)
    if match["hl"]:  # "7h moins le quart": 6:45
        less = _LESS.get(match["hl"]) or int(match["hl"])
        if not 0 < less < 60 or not _valid(hour, 0):
            return None
        hour, minute = (hour - 1) % 24, 60 - less
    if not _valid(hour, minute):
        return None
    told = match["hm"] or match["hq"] or match["hl"]
    return ClockTime(hour, minute, False, "minute" if told else "hour")


def _named(match: re.Match[str]) -> ClockTime:
    """``noon``, ``midi et demi``, ``midnight`` (24:00, the end of its day)."""
    hour = 12 if match["nm"] in ("noon", "midday", "midi") else 24
    extra = _EXTRA_MINUTES.get(match["nq"] or "", 0)
    return ClockTime(hour, extra, False, "minute" if extra else "hour")


def _colon(scan: Scan, match: re.Match[str], after_day: bool = False) -> ClockTime | None:
    """``8:30`` / ``20:00``: flexible only for an English, not zero-padded 1–11.

    Without the colon ("at 8 30", "at 830") only after "at"/"à"/"vers" or a day word:
    elsewhere "911" or "2 30" are just numbers.
    """
    hour, minute = int(match["ch"]), int(match["cm"])
    if not _valid(hour, minute) or _plain_a(scan, match):
        return None
    if match["csep"] is not None and not after_day:
        prep = _prep(match)
        if prep is None or prep == "pour":
            return None
    padded = match["ch"].startswith("0")
    flexible = 1 <= hour <= 11 and not padded and _english(scan, first_group(match, "prep"), False)
    return ClockTime(hour, minute, flexible, "minute")


def _bare(scan: Scan, match: re.Match[str], after_day: bool = False) -> ClockTime | None:
    """``at 8`` / ``à 8`` / ``8 o'clock``: needs a preposition, o'clock or a day before."""
    prep = _prep(match)
    oclock = bool(match["oc"])
    if (prep is None and not oclock and not after_day) or prep == "pour" or _plain_a(scan, match):
        return None
    hour = int(match["bh"])
    if not _valid(hour, 0):
        return None
    flexible = 1 <= hour <= 11 and _english(scan, prep, oclock)
    return ClockTime(hour, 0, flexible, "hour")


def _spelled(scan: Scan, match: re.Match[str], after_day: bool) -> ClockTime | None:
    """An hour in words ("at eight", "half past six", "huit heures et quart").

    French (with "heures") is 24-hour and exact like ``8h``; English without am/pm is
    flexible like "at 8". A lone hour word needs "at"/"à" or a day before it ("at eight",
    "tomorrow eight"), like a bare digit; "heures", minutes, "o'clock" or am/pm are enough.
    """
    prep = _prep(match)
    if match["se2"]:
        return _fraction(match)
    if match["sh"]:
        return _french_words(match, prep, after_day)
    hour = HOURS_EN[_plain(match["se"])]
    minute = MINUTES[_plain(match["sem"])] if match["sem"] else 0
    told = bool(match["sem"] or match["soc"] or match["sap"])
    if not told and (not (prep or after_day) or prep == "pour" or _plain_a(scan, match)):
        return None
    grain: Grain = "minute" if match["sem"] else "hour"
    if match["sap"]:
        return ClockTime(hour % 12 + (12 if match["sap"] == "p" else 0), minute, False, grain, True)
    flexible = hour <= 11 and (scan.lang != "fr" or prep in _ENGLISH_PREPS or bool(match["soc"]))
    return ClockTime(hour, minute, flexible, grain)


def _fraction(match: re.Match[str]) -> ClockTime:
    """English fractions: "half past six" 6:30, "quarter to nine" 8:45; flexible."""
    hour, minutes = _number(match["se2"], HOURS_EN), _number(match["sf"], FRACTIONS)
    if match["sdir"] in BEFORE:
        hour, minutes = (hour - 2) % 12 + 1, 60 - minutes
    return ClockTime(hour, minutes, hour <= 11, "minute")


def _french_words(match: re.Match[str], prep: str | None, after_day: bool) -> ClockTime | None:
    """French hours in words ("quinze heures trente", "neuf heures moins le quart"): 24-hour."""
    hour = HOURS_FR[_plain(match["sh"])]
    if match["sl"]:  # "moins le quart", "moins dix"
        less = 15 if match["sl"] == "quart" else MINUTES[_plain(match["sl"])]
        hour, minute = (hour - 1) % 24, 60 - less
    elif match["sq"]:
        minute = _EXTRA_MINUTES[match["sq"]]
    else:
        minute = MINUTES[_plain(match["sm"])] if match["sm"] else 0
    told = bool(match["sl"] or match["sq"] or match["sm"])
    duration_like = prep == "pour" or (prep is None and match["sde"] is not None)
    if not told and duration_like and not after_day:  # "pour deux heures", "deux heures de X"
        return None
    return ClockTime(hour, minute, False, "minute" if told else "hour")


def _number(word: str, words: dict[str, int]) -> int:
    """The value of digits ("10") or of a word of ``words`` ("ten", "a quarter")."""
    return int(word) if word.isdigit() else words[_plain(word)]


def _plain(words: str) -> str:
    """Words with their runs of spaces made single, as the vocabulary writes them."""
    return " ".join(words.split())


def with_part(clock: ClockTime, part: str | None) -> ClockTime:
    """Apply a part of day: evening/afternoon move an hour below 12 to the afternoon."""
    if part is None or clock.meridiem or clock.hour > 12:
        return clock
    if part == "morning":
        return ClockTime(clock.hour, clock.minute, False, clock.grain, clock.meridiem)
    if clock.hour == 12:  # "tonight at 12" is midnight, "12 in the afternoon" noon
        hour = 24 if part == "evening" else 12
        return ClockTime(hour, clock.minute, False, clock.grain, clock.meridiem)
    return ClockTime(clock.hour + 12, clock.minute, False, clock.grain, clock.meridiem)


def on_day(scan: Scan, clock: ClockTime, offset: int) -> datetime | None:
    """``clock`` on the day ``offset`` days from today; None when that is not ahead."""
    day = scan.today + timedelta(days=offset)
    if offset <= 0:
        return first_after(_candidates(scan, clock, [day]), scan.now_utc)
    return wall(day, settled_hour(clock), clock.minute, scan.zone)


def settled_hour(clock: ClockTime) -> int:
    """The hour of a clock time on a day other than today: flexible 1–6 are afternoon."""
    return clock.hour + 12 if clock.flexible and clock.hour <= 6 else clock.hour


def next_occurrence(scan: Scan, clock: ClockTime) -> datetime | None:
    """The next time ``clock`` comes around: today if ahead, else tomorrow (see module doc)."""
    days = [scan.today, scan.today + timedelta(days=1)]
    return first_after(_candidates(scan, clock, days), scan.now_utc)


def _candidates(scan: Scan, clock: ClockTime, days: list[date]) -> Iterator[datetime]:
    """Wall times ``clock`` may mean on ``days``, in time order (H, then H+12 if flexible).

    Lazy: ``first_after`` usually stops at the first or second one.
    """
    for index, day in enumerate(days):
        yield wall(day, clock.hour, clock.minute, scan.zone)
        if clock.flexible and index == 0:
            yield wall(day, clock.hour + 12, clock.minute, scan.zone)
