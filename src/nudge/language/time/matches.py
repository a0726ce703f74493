"""The new grammar behind today's interface: a reading as the ``TimeMatch`` intents expect.

``find_when`` and ``parse_when`` have the signatures of ``language.times``: the intent layer
and ``nudge parse`` can run on either grammar, so both are scored on every labelled phrase
before the switch.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from nudge.language.dayparts import DayParts
from nudge.language.matches import Kind, TimeMatch, When
from nudge.language.time.kit import Repeat, Time
from nudge.language.time.read import Reading, read
from nudge.language.wall import wall


def _kind(reading: Reading) -> Kind:
    """The old grammar's kind of a reading (intents choose their rules by it)."""
    value = reading.node.value
    if reading.outcome == "past":
        return "past"
    if isinstance(value, Repeat):
        return "recurring"
    assert isinstance(value, Time)
    if value.elapsed:
        return "relative"
    moment = reading.moment
    fields = value.fields
    if moment is not None and moment.grain in ("second", "minute") or (fields and fields.has_clock):
        return "clock"
    return "day" if moment is None or moment.grain in ("day", "hour") else "clock"


def _aware(local: datetime, zone: ZoneInfo) -> datetime:
    """Local wall time in ``zone``, DST-safe (``wall``)."""
    return wall(local.date(), local.hour, local.minute, zone).replace(second=local.second)


def to_match(reading: Reading, tz: str) -> TimeMatch:
    """One reading as a ``TimeMatch`` (``when`` None for a past or ambiguous one)."""
    moment = reading.moment
    if reading.outcome != "resolved" or moment is None:
        return TimeMatch(reading.span, "past", None)
    grain = moment.grain if moment.grain in ("second", "minute", "hour", "day") else "day"
    at = _aware(moment.at, ZoneInfo(tz))
    when = When(at, grain, reading.rrule, reading.span)  # type: ignore[arg-type]
    return TimeMatch(reading.span, _kind(reading), when)


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
    piece = text if within is None else text[within[0] : within[1]]
    reading = read(piece, now=now, tz=tz, lang=lang, parts=parts)
    return None if reading is None else to_match(reading, tz)


def parse_when(
    text: str, *, now: datetime, tz: str, lang: str, parts: DayParts | None = None
) -> When | None:
    """The time ``text`` asks for, None if none or past."""
    found = find_when(text, now=now, tz=tz, lang=lang, parts=parts)
    return None if found is None else found.when
