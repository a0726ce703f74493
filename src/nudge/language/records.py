"""One phrase → one flat record of what was understood (for ``nudge parse`` and evaluation).

``{"text", "when", "grain", "rrule", "intent"}``: ``intent`` is the name of the Command
``understand`` gives with no pending dialogue. ``when`` is the ISO 8601 local time with its
offset (midnight of the day for a day-grain answer such as "demain") of the time the
command is about: the reminder's time for CreateReminder / AskWhat, the day for Agenda
(its midnight, or the time asked that day: "what's on tonight" 19:00),
the time expression found for Unknown and AskWhen, the past moment refused for RefusePast
("yesterday", "at 8am" said at 9), the moment a Snooze sends the reminder again; None for
commands that carry no time of their own (lists, done, memory, settings…; quiet hours keep
theirs in fields).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from nudge.commands import (
    Agenda,
    AskWhat,
    AskWhen,
    Command,
    CreateReminder,
    RefuseFar,
    RefusePast,
    Snooze,
    Unknown,
)
from nudge.language.detect import detect_locale
from nudge.language.intents import understand
from nudge.language.time.matches import parse_when
from nudge.language.wall import wall


def local_now(raw: str | None, tz: str) -> datetime:
    """``raw`` (ISO 8601, naive = local wall time in ``tz``) as an aware instant; now if None."""
    zone = ZoneInfo(tz)
    if raw is None:
        return datetime.now(zone)
    parsed = datetime.fromisoformat(raw)
    if parsed.tzinfo is None:
        return wall(parsed.date(), parsed.hour, parsed.minute, zone).replace(
            second=parsed.second, microsecond=parsed.microsecond
        )
    return parsed.astimezone(zone)


_TIMED = (CreateReminder, AskWhat, AskWhen, Agenda, Unknown)
_AT = (CreateReminder, AskWhat)  # commands carrying their own time


def _timed(command: Command) -> bool:
    """Whether the command is about a time (see the module docstring)."""
    return isinstance(command, _TIMED)


def _on_day(moment: datetime | None, day: date, tz: str) -> bool:
    """Whether ``moment`` falls on the local ``day`` ("what's on tonight" keeps its 19:00)."""
    return moment is not None and moment.astimezone(ZoneInfo(tz)).date() == day


def parse_record(text: str, *, now: datetime, tz: str, lang: str | None) -> dict[str, Any]:
    """What ``text`` means: its time (local ISO), grain, repeat rule and intent name."""
    locale = lang or detect_locale(text) or "en"
    command = understand(text, now=now, tz=tz, lang=locale, state=None)
    when = parse_when(text, now=now, tz=tz, lang=locale) if _timed(command) else None
    moment, grain, rrule = (when.at, when.grain, when.rrule) if when else (None, None, None)
    if isinstance(command, _AT):  # the reminder's own time, even when another one is longer
        grain = grain if moment == command.at else "minute"
        moment, rrule = command.at, command.rrule
    elif isinstance(command, RefusePast):  # the past moment refused, when one was understood
        moment, grain, rrule = command.at, command.grain if command.at else None, None
    elif isinstance(command, RefuseFar):  # the far moment refused ("christmas 2040")
        moment, grain, rrule = command.at, command.grain, None
    elif isinstance(command, Snooze):  # when the reminder comes again ("snooze 1 hour")
        moment, grain, rrule = now + timedelta(minutes=command.minutes), "minute", None
    elif isinstance(command, Agenda) and not _on_day(moment, command.day, tz):
        moment, grain, rrule = wall(command.day, 0, 0, ZoneInfo(tz)), "day", None  # "today"
    at: str | None = None
    if moment is not None:
        zone = ZoneInfo(tz)
        local = moment.astimezone(zone)
        if grain == "day":
            local = wall(local.date(), 0, 0, zone)
        at = local.isoformat()
    return {
        "text": text,
        "when": at,
        "grain": grain,
        "rrule": rrule,
        "intent": type(command).__name__,
    }
