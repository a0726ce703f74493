"""Calendar dates in FR/EN, alone or with a time: weekdays, day of month, month names.

Forms (folded text): "friday", "next tuesday", "mardi prochain", "on the 3rd", "le 3",
"le 3 decembre", "Dec 3", "3rd of December 2027", "3/12" (day/month in French, month/day in
English), "2026-12-03", "next week" (its Monday), "next month" (its 1st), "this weekend"
(Saturday), "in 3 months" / "dans 2 mois" (same wall time, calendar months later).
Each may carry a clock ("vendredi à 15h", "at 3 on Friday"), a part of day ("friday
evening") or a vague moment ("tomorrow after lunch", see ``dayparts``).

Rules:

* A weekday is the coming one: today only if the time asked is still ahead today, else
  next week. "next"/"prochain" never means today: on a Tuesday "next Tuesday" is in 7 days.
* A day of the month is this month's if still ahead, else next month's.
* A month and day without a year is this year's if ahead; if it passed less than 30 days
  ago it is past (refused kindly), otherwise next year's.
* Without a time a date means its ``day`` hour (09:00 by default), grain "day".
* A flexible English hour on another day reads 1–6 as afternoon, 7–11 as morning.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from nudge.language.clocks import (
    CLOCK_AHEAD,
    CORE,
    PREP,
    ClockTime,
    day_offset,
    has_clock_word,
    on_day,
    part_of_day,
    read_clock,
    settled_hour,
    with_part,
)
from nudge.language.dayparts import VAGUE, has_moment_word, moment_name
from nudge.language.lexicon import (
    AMOUNT,
    DAY,
    DAY_SPACED,
    DAY_STARTS,
    END,
    IN_WORDS,
    MONTH,
    MONTHS,
    ORDINAL_SUFFIX,
    PART,
    START,
    WEEKDAY_FULL,
    WEEKDAY_NAMES,
    ahead,
    folded_pattern,
    holds_any,
    number_value,
)
from nudge.language.matches import Grain, Scan, TimeMatch, first_group, has_clock
from nudge.language.wall import first_after, wall

_DOM = r"\d{1,2}|premier|first"
_HOLIDAYS = [
    (
        r"christmas\s+eve|xmas\s+eve|(?:la\s+)?veille\s+de\s+noel|(?:le\s+)?reveillon(?:\s+de\s+noel)?",
        (12, 24),
    ),
    (r"christmas(?:\s+day)?|xmas|(?:a\s+)?noel|(?:le\s+)?jour\s+de\s+noel", (12, 25)),
    (r"new\s+year'?s\s+eve|(?:la\s+)?saint[-\s]sylvestre", (12, 31)),
    (r"new\s+year'?s(?:\s+day)?|(?:le\s+)?jour\s+de\s+l'an|(?:le\s+)?nouvel\s+an", (1, 1)),
    (r"halloween", (10, 31)),
    (r"valentine'?s\s+day|(?:la\s+)?saint[-\s]valentin", (2, 14)),
]
HOLIDAY = "(?:" + "|".join(pattern for pattern, _ in _HOLIDAYS) + ")"
# Lookaheads naming the words a branch can start with: the same matches, but the engine skips
# the branch's many alternatives at the other word starts (``alternation`` keeps them cheap).
_HOLIDAY_WORDS = "christmas|xmas|veille|reveillon|noel|jour|new|saint|nouvel|halloween|valentin"
_HOLIDAY_START = ahead(
    _HOLIDAY_WORDS,
    spaced="on|a|pour|la|le",
)
_WEEKDAY_AHEAD = ahead("|".join(WEEKDAY_NAMES), spaced="next|this|coming|on|ce|cette")
_DOM_START = r"(?=\d|" + ahead("premier|first", spaced="on|le|the")[3:]
# How any DATE starts (the union of its branches' starts): most word starts stop here.
_DATE_AHEAD = (
    r"(?=\d|"
    + ahead(
        "|".join([DAY_STARTS, *WEEKDAY_NAMES, "premier|first", *MONTHS, _HOLIDAY_WORDS])
        + "|next|semaine",
        spaced=f"{DAY_SPACED}|next|coming|on|cette|le|in|dans|ds|a|pour|la",
    )[3:]
)
_DATE_BRANCHES = (
    rf"{_WEEKDAY_AHEAD}(?:(?P<wrel>next|this|coming|on|ce|cette)\s+)?(?P<wd>{WEEKDAY_FULL})"
    rf"(?:\s+(?P<wnext>prochain|qui\s+vient|next\s+week|de\s+la\s+semaine\s+prochaine))?"
    rf"|{_DOM_START}(?:(?:on|le)\s+)?(?:the\s+)?(?P<d1>{_DOM}){ORDINAL_SUFFIX}(?:\s+(?:of|de))?"
    rf"\s+(?P<m1>{MONTH})(?:\s+(?P<y1>\d{{4}}))?"
    rf"|(?:on\s+)?(?P<m2>{MONTH})\s+(?:the\s+)?(?P<d2>\d{{1,2}}){ORDINAL_SUFFIX}(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?:on\s+)?the\s+(?P<d3>\d{{1,2}}(?:st|nd|rd|th)|first)"
    rf"|le\s+(?P<d4>\d{{1,2}}|premier|1er)(?![\d/:h])(?!\s*\d)"
    rf"|(?=\d|(?:on|le)\s)(?:(?:on|le)\s+)?(?P<n1>\d{{1,2}})/(?P<n2>\d{{1,2}})(?:/(?P<n3>\d{{4}}|\d{{2}}))?(?![\d/])"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?:in|dans|ds)\s+(?P<rdays>\d{{1,2}}|two|three|four|five|deux|trois|quatre|cinq)"
    rf"\s+(?:days?|jours?)"
    rf"|{_HOLIDAY_START}(?:on\s+|a\s+|pour\s+)?(?P<hol>{HOLIDAY})"
    rf"|(?P<nweek>next\s+week|(?:la\s+)?semaine\s+pro(?:chaine)?)"
    rf"|(?P<nmonth>next\s+month|le\s+mois\s+prochain)"
    rf"|(?P<wkend>(?:this|next)\s+weekend|ce\s+week[-\s]?end|le\s+week-?end\s+prochain)"
)
DATE = rf"{_DATE_AHEAD}(?:(?P<dw>{DAY})|{_DATE_BRANCHES})"
# A calendar date without the day words ("tomorrow", "ce soir"): where a clock time comes
# with it, ``times._clock`` reads "demain à 8h" already; matching it twice cost 10 % of a parse.
CALENDAR_DATE = rf"{_DATE_AHEAD}(?:{_DATE_BRANCHES})"
_PART_AFTER = rf"(?:\s+(?:(?:in\s+the|du|at|le|la)\s+|de\s+l')?(?P<part2>{PART}))?"
_GAP = r"(?:\s*,\s*|\s+)"
_DATE_CLOCK = folded_pattern(
    rf"{START}{CALENDAR_DATE}(?:\s+(?P<part>{PART}))?(?:{_GAP}{PREP}?{CORE}{_PART_AFTER})?{END}"
)
_CLOCK_DATE = folded_pattern(
    rf"{START}{CLOCK_AHEAD}{PREP}?{CORE}{_PART_AFTER}{_GAP}(?:on\s+)?{CALENDAR_DATE}(?:\s+(?P<part>{PART}))?{END}"
)
_NAMES_A_DAY = folded_pattern(rf"{START}(?:{DAY}|{CALENDAR_DATE}){END}")
_DATE_VAGUE = folded_pattern(rf"{START}{DATE}{_GAP}{VAGUE}{END}")
_VAGUE_DATE = folded_pattern(rf"{START}{VAGUE}{_GAP}{DATE}{END}")
_VAGUE_ALONE = folded_pattern(rf"{START}{VAGUE}{END}")
_CALENDAR = folded_pattern(
    rf"{START}(?:in|dans|ds)\s+(?P<n>{AMOUNT})(?P<unit>months?|mois|years?|ans?|annees?){END}"
)

RECENT_PAST = timedelta(days=30)


def names_a_day(folded: str) -> bool:
    """Whether folded text names a day or a date ("jeudi", "demain soir", "le 3", "3/12")."""
    return _NAMES_A_DAY.search(folded) is not None


def _add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months (the 31st becomes the month's last day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dom(word: str) -> int:
    return 1 if word in ("premier", "first", "1er") else int(re.sub(r"\D", "", word))


def _holiday(scan: Scan, word: str) -> list[date]:
    """The next date of a fixed-date holiday ("christmas eve", "noel", "halloween")."""
    plain = " ".join(word.split())
    month, dom = next(day for pattern, day in _HOLIDAYS if re.fullmatch(pattern, plain))
    return _month_day(scan, month, dom, None) or [date(scan.today.year + 1, month, dom)]


def _weekday_days(scan: Scan, match: re.Match[str]) -> list[date]:
    """The coming weekday (today first, next week as the fallback) or next week's."""
    today, target = scan.today, WEEKDAY_NAMES[match["wd"]]
    delta = (target - today.weekday()) % 7
    if match["wnext"] and "week" in match["wnext"] or "semaine" in (match["wnext"] or ""):
        monday = today + timedelta(days=7 - today.weekday())
        return [monday + timedelta(days=target)]
    if delta == 0:
        nxt = match["wrel"] == "next" or match["wnext"]
        return [today + timedelta(days=7)] if nxt else [today, today + timedelta(days=7)]
    return [today + timedelta(days=delta)]


def _month_day(scan: Scan, month: int, dom: int, year: str | None) -> list[date]:
    """A month and day: this year's, or next year's once it passed (not just passed)."""
    if year:
        found = _safe(int(year) + (2000 if len(year) == 2 else 0), month, dom)
        return [found] if found else []
    found = _safe(scan.today.year, month, dom)
    if found is None or found >= scan.today:
        return [found] if found else []
    if scan.today - found <= RECENT_PAST:
        return []
    later = _safe(scan.today.year + 1, month, dom)
    return [later] if later else []


def days_of_month(scan: Scan, dom: int) -> list[date]:
    """The next days numbered ``dom``: this month's, then the following months'."""
    first = scan.today.replace(day=1)
    found = [_safe(d.year, d.month, dom) for d in (_add_months(first, k) for k in range(3))]
    return [day for day in found if day is not None and day >= scan.today]


def _numeric(scan: Scan, match: re.Match[str]) -> list[date]:
    """``3/12``: day/month in French, month/day in English."""
    first, second = int(match["n1"]), int(match["n2"])
    day, month = (first, second) if scan.lang == "fr" else (second, first)
    if not 1 <= month <= 12:
        return []
    return _month_day(scan, month, day, match["n3"])


def _named_span(scan: Scan, match: re.Match[str]) -> list[date]:
    """Next week (its Monday), next month (its 1st), this weekend (its Saturday)."""
    today = scan.today
    if match["nweek"]:
        return [today + timedelta(days=7 - today.weekday())]
    if match["nmonth"]:
        return [_add_months(today.replace(day=1), 1)]
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    if today.weekday() == 6:
        return [today, saturday]
    return [saturday, saturday + timedelta(days=1)]


def candidate_days(scan: Scan, match: re.Match[str]) -> tuple[list[date], str | None]:
    """The days a ``DATE`` match may mean, in order, and the part of day it implies."""
    day_word = first_group(match, "dw")
    if day_word:
        offset, implied = day_offset(day_word)
        return ([scan.today + timedelta(days=offset)] if offset >= 0 else []), implied
    if match["wd"]:
        return _weekday_days(scan, match), None
    if match["m1"] or match["m2"]:
        month = MONTHS[(match["m1"] or match["m2"]).rstrip(".")]
        dom = _dom(match["d1"] or match["d2"])
        return _month_day(scan, month, dom, match["y1"] or match["y2"]), None
    if match["d3"] or match["d4"]:
        return days_of_month(scan, _dom(match["d3"] or match["d4"])), None
    if match["n1"]:
        return _numeric(scan, match), None
    if match["iso"]:
        found = _safe(*(int(part) for part in match["iso"].split("-")))
        return ([found] if found else []), None
    if match["rdays"]:
        count = int(number_value(match["rdays"]) or 0)
        return [scan.today + timedelta(days=count)], None
    if match["hol"]:
        return _holiday(scan, match["hol"]), None
    return _named_span(scan, match), None


def _at(scan: Scan, day: date, clock: ClockTime) -> datetime | None:
    """``clock`` on ``day``: today's rules (never rolling over) or a later day's."""
    if day == scan.today:
        return on_day(scan, clock, 0)
    return wall(day, settled_hour(clock) % 24 if clock.hour != 24 else 24, clock.minute, scan.zone)


def _resolve(
    scan: Scan,
    match: re.Match[str],
    clock: ClockTime | None,
    moment: str | None,
) -> tuple[datetime | None, Grain]:
    """The first instant after now that the date (and time) of ``match`` may mean."""
    days, implied = candidate_days(scan, match)
    part = part_of_day(first_group(match, "part", "part2")) or implied
    if clock is not None:
        clock = with_part(clock, part)
        return first_after(
            filter(None, (_at(scan, d, clock) for d in days)), scan.now_utc
        ), clock.grain
    hour, minute = scan.parts.of(moment or part or "day")
    grain: Grain = "day" if not (moment or part) else "minute" if minute else "hour"
    return first_after((wall(d, hour, minute, scan.zone) for d in days), scan.now_utc), grain


def _dates(scan: Scan) -> Iterator[TimeMatch]:
    """A date, alone or with a clock time: "vendredi à 15h", "at 3 on Friday", "Dec 3"."""
    # ``_DATE_CLOCK`` finds a match exactly when some calendar date is there (its clock
    # and part are optional, and a date always ends at a word end), so its own matches are the
    # gate: without one, ``_CLOCK_DATE`` (which also needs a date) cannot match either.
    leading = list(_DATE_CLOCK.finditer(scan.folded))
    if not leading:
        return
    trailing = _CLOCK_DATE.finditer(scan.folded) if has_clock_word(scan.folded) else ()
    for matches in (leading, trailing):
        for match in matches:
            timed = has_clock(match)
            clock = read_clock(scan, match) if timed else None
            if timed and clock is None:
                continue
            at, grain = _resolve(scan, match, clock, None)
            yield scan.found(match.span(), "day" if clock is None else "clock", at, grain)


def _moments(scan: Scan) -> Iterator[TimeMatch]:
    """A vague moment, maybe with a date: "after lunch", "demain apres le boulot"."""
    if not has_moment_word(scan.folded):
        return
    alone = list(_VAGUE_ALONE.finditer(scan.folded))
    if not alone:  # the costly date + moment patterns only run when a moment is there
        return
    for pattern in (_DATE_VAGUE, _VAGUE_DATE):
        for match in pattern.finditer(scan.folded):
            at, grain = _resolve(scan, match, None, moment_name(match))
            yield scan.found(match.span(), "clock", at, grain)
    for match in alone:
        name = moment_name(match) or "day"
        hour, minute = scan.parts.of(name)
        days = [scan.today, scan.today + timedelta(days=1)]
        at = first_after((wall(d, hour, minute, scan.zone) for d in days), scan.now_utc)
        yield scan.found(match.span(), "clock", at, "minute" if minute else "hour")


def _calendar(scan: Scan) -> Iterator[TimeMatch]:
    """Calendar months and years from now: "in 3 months", "dans un an" (same wall time)."""
    folded = scan.folded  # "mo": months, mois; "an": ans, annees (and "in", "dans" first)
    if not holds_any(folded, ("mo", "an")) or not holds_any(folded, IN_WORDS):
        return
    for match in _CALENDAR.finditer(scan.folded):
        value = number_value(match["n"].strip())
        if value is None or value != int(value) or not 0 < value <= 10:
            continue
        months = int(value) * (1 if match["unit"].startswith("mo") else 12)
        day = _add_months(scan.today, months)
        at = wall(day, scan.now.hour, scan.now.minute, scan.zone)
        yield scan.found(match.span(), "relative", at, "day")


DATES = (_dates, _moments, _calendar)
