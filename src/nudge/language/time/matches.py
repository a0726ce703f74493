"""The new grammar behind today's interface: a reading as the ``TimeMatch`` intents expect.

``find_when`` and ``parse_when`` have the signatures of ``language.times``: the intent layer
and ``nudge parse`` can run on either grammar, so both are scored on every labelled phrase
before the switch.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from nudge.language.dayparts import DayParts
from nudge.language.matches import Grain, Kind, TimeMatch, When
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Repeat, Time
from nudge.language.time.read import Reading, read
from nudge.language.time.resolve import part_of
from nudge.language.wall import is_after, wall


def _kind(reading: Reading) -> Kind:
    """The old grammar's kind of a reading (intents choose their rules by it)."""
    value = reading.node.value
    if reading.outcome == "past" and (not isinstance(value, Time) or value.past):
        return "past"  # said of the past: "yesterday", "2 hours ago"
    if isinstance(value, Repeat):
        return "recurring"
    assert isinstance(value, Time)
    if value.elapsed:
        return "relative"
    moment = reading.moment
    if _after_event(value):
        return "clock"  # "after lunch" names a moment, not a stretch of the day
    if part_of(value) is not None or moment is None:
        return "day"  # "tonight", "friday evening": a part of a day
    return "clock" if moment.grain in ("second", "minute", "hour") else "day"


def _after_event(time: Time) -> bool:
    """Whether the time is a moment after an event of the day ("after lunch").

    The old grammar read those as clock times, and "tonight" as a part of a day.
    """
    part = part_of(time)
    return part is not None and part.startswith("after_")


def _aware(local: datetime, zone: ZoneInfo) -> datetime:
    """Local wall time in ``zone``, DST-safe (``wall``).

    A time reached by elapsed time ("in 3 hours") carries ``fold=1`` when it falls in the
    second pass of a repeated hour: that one is kept, not the first.
    """
    if local.fold:
        return local.replace(tzinfo=zone)
    return wall(local.date(), local.hour, local.minute, zone).replace(second=local.second)


def _ahead(at: datetime, now: datetime) -> datetime:
    """``at``, or its second pass when the first is already gone (clocks falling back).

    At 01:45 in the repeated hour, "at 1:50" is five minutes away: the 01:50 after the
    change, not the one before it.
    """
    if is_after(at, now) or at.fold:
        return at
    second = at.replace(fold=1)
    return second if second.utcoffset() != at.utcoffset() and is_after(second, now) else at


def _grain(grain: str) -> Grain:
    """A reading's grain as a ``When`` gives it: weeks, months and years are their first day."""
    return grain if grain in ("second", "minute", "hour", "day") else "day"  # type: ignore[return-value]


def to_match(reading: Reading, tz: str, now: datetime) -> TimeMatch:
    """One reading as a ``TimeMatch`` (``when`` None for a past, far or ambiguous one)."""
    moment = reading.moment
    if reading.outcome in ("past", "current") and moment is not None:  # "yesterday", "tonight"
        passed = When(_aware(moment.at, ZoneInfo(tz)), _grain(moment.grain), None, reading.span)
        running = reading.outcome == "current"
        return TimeMatch(reading.span, _kind(reading), None, reading.other, passed, running=running)
    if reading.outcome == "far" and moment is not None:  # "christmas 2040": named, refused
        far = When(_aware(moment.at, ZoneInfo(tz)), _grain(moment.grain), None, reading.span)
        return TimeMatch(reading.span, _kind(reading), None, reading.other, far=far)
    if reading.outcome != "resolved" or moment is None:
        return TimeMatch(reading.span, "past", None)
    grain = _grain(moment.grain)
    value = reading.node.value
    if isinstance(value, Time) and _after_event(value):
        grain = "minute"  # the user's hour for it, to the minute
    at = _ahead(_aware(moment.at, ZoneInfo(tz)), now)
    when = When(at, grain, reading.rrule, reading.span)
    return TimeMatch(reading.span, _kind(reading), when, reading.other)


def names_a_day(
    text: str, *, now: datetime, tz: str, lang: str, parts: DayParts | None = None
) -> bool:
    """Whether the main time of ``text`` names a day ("jeudi", "demain soir", "le 3", "3/12").

    A clock alone ("at 1pm", "à 13h", "after lunch") names none: the day it falls on is the
    one told elsewhere in the message, if any.
    """
    reading = read(text, now=now, tz=tz, lang=lang, parts=parts)
    if reading is None:
        return False
    value = reading.node.value
    if isinstance(value, Repeat):
        return False
    assert isinstance(value, Time)
    if value.day:
        return True
    if isinstance(value.value, Fields):
        return value.value.has_date
    return value.value.grain in ("day", "week", "month", "year")


def find_when(
    text: str,
    *,
    now: datetime,
    tz: str,
    lang: str,
    within: tuple[int, int] | None = None,
    parts: DayParts | None = None,
) -> TimeMatch | None:
    """The main time of ``text`` (or of ``text[start:end]``, spans relative to ``start``)."""
    reading = read(text, now=now, tz=tz, lang=lang, parts=parts, within=within)
    if reading is None or reading.outcome == "ambiguous":
        return None  # two times as likely ("at 3 pt", "take 3 in the morning"): ask, never guess
    return to_match(reading, tz, now)


def parse_when(
    text: str, *, now: datetime, tz: str, lang: str, parts: DayParts | None = None
) -> When | None:
    """The time ``text`` asks for, None if none or past."""
    found = find_when(text, now=now, tz=tz, lang=lang, parts=parts)
    return None if found is None else found.when
