"""From a time value to the moment a reminder fires, with the product's conventions.

* A clock time is the first one strictly ahead of now ("at 8" at 09:00 is 20:00 today).
* A day without a clock fires at the user's day hour (09:00), a part of day at its hour
  ("tonight" 19:00); a week at its Monday, a month at its 1st. Days counted from now
  ("in 2 days", "in a month", "a week ago") keep the time of day it is now.
* A weekday said alone is never today: "tuesday" said on a Tuesday is next week's.
* A month and day without a year that passed less than ``RECENT_DAYS`` ago is past (the
  person most likely means the one gone, and gets a kind question), else next year's. A
  day of the month alone is next month's, but today's once its clock has gone ("the 3rd
  at 9am" said on the 3rd at 10): the person means today, not a month later unsaid.
* A weekday with a date that is not that weekday this year ("friday dec 30" in 2026) is
  no time: read literally it is years away (2033), so it is asked.
* A month (or year) said while in it, once its first day hour has gone, is no time: "in
  december" said on Dec 3 has not passed, but when in it is the question.
* "now" is now, neither ahead nor past.
* A moment more than ten years ahead (``MAX_AHEAD``) is ``far``: no reminder, but the time
  understood is kept so the reply can name it ("christmas 2040").
* A value with nothing ahead but something behind ("yesterday", "2 hours ago") is past:
  the time understood is kept, so the reply can say which one it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import islice
from typing import Literal

from nudge.language.time.chart import Context
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time
from nudge.language.time.parts import Part, default_time
from nudge.language.time.quick import quick_init
from nudge.language.time.values import Intersect, Span, truncate

Status = Literal["resolved", "past", "far", "current"]
RECENT_DAYS = 30
MAX_AHEAD = timedelta(days=3660)  # ten years: further than that is no reminder
_SEARCH = 60  # spans looked at for the first one ahead


@quick_init
@dataclass(frozen=True, slots=True)
class Moment:
    """A resolved time: local wall ``at`` (naive), the grain said, ahead or past."""

    at: datetime
    grain: str
    status: Status
    start: datetime  # the span's start ("tomorrow": its midnight)


def part_of(time: Time) -> str | None:
    """The part of day a value stands for, when it is one ("tonight", "friday evening")."""
    value = time.value
    if isinstance(value, Part):
        return value.name
    if isinstance(value, Intersect) and isinstance(value.inner, Part):
        return value.inner.name
    return time.part if time.part and not _has_clock(time) else None


def _has_clock(time: Time) -> bool:
    """Whether the value names a clock time."""
    fields = time.fields
    if fields is not None:
        return fields.has_clock
    value = time.value
    return (
        isinstance(value, Intersect) and isinstance(value.inner, Fields) and value.inner.has_clock
    )


def _instant(span: Span, time: Time, ctx: Context) -> tuple[datetime, str]:
    """When a reminder for this span fires, and the grain reported."""
    part = part_of(time)
    if part is not None:
        hour, minute = default_time(part, ctx)
        day = truncate(span.start, "day")
        return day.replace(hour=hour, minute=minute), "hour"
    if span.grain in ("second", "minute", "hour"):
        return span.start, span.grain
    if time.elapsed:  # the time of day it is now, on a day said at day grain
        at = truncate(span.start, "day").replace(hour=ctx.now.hour, minute=ctx.now.minute)
        return at, "minute"
    hour, minute = ctx.parts.of("day")
    return truncate(span.start, "day").replace(hour=hour, minute=minute), "day"


def _skips(span: Span, time: Time, now: datetime) -> bool:
    """Whether a span that has begun is passed over (a weekday said alone on that day)."""
    if span.start > now or part_of(time) is not None:
        return False
    if span.grain in ("second", "minute", "hour"):
        return True
    fields = time.fields
    return fields is not None and fields.weekday is not None and not time.day


def _is_fixed_day(time: Time) -> bool:
    """Whether a part of day belongs to one named day ("tonight", "friday evening")."""
    value = time.value
    return isinstance(value, Intersect) and not isinstance(value.outer, Fields)


def _recently_past(time: Time, now: datetime) -> Span | None:
    """A month-and-day date that passed less than ``RECENT_DAYS`` ago, if this is one.

    Said in another zone too ("Dec 3 at 10am CET" once that has gone today): else its next
    one, a year later, would be set without a word.
    """
    fields = time.said_fields
    if fields is None or fields.day is None or fields.year is not None:
        return None
    if fields.month is None and (fields.weekday is not None or not fields.has_clock):
        return None
    previous = next(iter(time.value.past(now)), None)
    if previous is None:
        return None
    if fields.month is None:  # "the 3rd at 9am": today's only
        return previous if previous.start.date() == now.date() else None
    return previous if now - previous.start < timedelta(days=RECENT_DAYS) else None


def _weekday_years_away(time: Time, at: datetime, now: datetime) -> bool:
    """A weekday and a date without a year that agree only a year or more away."""
    fields = time.fields
    if fields is None or fields.weekday is None or fields.day is None or fields.year is not None:
        return False
    return at - now > timedelta(days=366)


class _Next:
    """``_ahead``'s answer when a span is not it: look at the next one."""


_NEXT = _Next()


def _ahead(span: Span, time: Time, ctx: Context) -> Moment | None | _Next:
    """What a span ending after now makes of ``time``: a moment, nothing (None), or _NEXT."""
    now = ctx.now
    if span.grain == "second" and span.start == now:  # "now": neither ahead nor past
        return Moment(now, "second", "resolved", now)
    if _skips(span, time, now):
        return _NEXT
    at, grain = _instant(span, time, ctx)
    if at <= now and part_of(time) is not None and not _is_fixed_day(time):
        return _NEXT
    if _weekday_years_away(time, at, now):
        return None
    if at - now > MAX_AHEAD:  # kept, so the refusal can name it
        return Moment(at, grain, "far", span.start)
    if at <= now and span.grain in ("month", "year") and span.end > now:
        return None  # "in december" said on Dec 3: when in it is the question
    if at <= now < span.end and part_of(time) is not None:
        return Moment(at, grain, "current", span.start)  # "tonight" said at 19:40
    if at > now or span.grain in ("day", "week", "month", "year"):
        return Moment(at, grain, "resolved" if at > now else "past", span.start)
    return _NEXT


def resolve(time: Time, ctx: Context) -> Moment | None:
    """The moment ``time`` names from ``ctx.now``; None when it names nothing at all."""
    now = ctx.now
    if not time.past:
        recent = _recently_past(time, now)
        if recent is not None and recent.end <= now:
            at, grain = _instant(recent, time, ctx)
            return Moment(at, grain, "past", recent.start)
        for span in islice(time.value.future(now), _SEARCH):
            found = _ahead(span, time, ctx)
            if not isinstance(found, _Next):
                return found
    for span in islice(time.value.past(now), 1):
        at, grain = _instant(span, time, ctx)  # "this morning" said at noon: its 9:00, past
        return Moment(at, grain, "past", span.start)
    return None


def day_of(moment: Moment) -> date:
    """The local day a moment is on."""
    return moment.start.date()
