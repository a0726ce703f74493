"""The reminder box: a phrase read the way an SMS is read, in the person's zone and language.

The reading is the API's (``conversation.reminder_phrase.read_reminder``: ``language.
understand`` from the injected clock, never a model, and again with the remind verb when the
words alone are a task), so the box, the live preview and ``POST /api/v1/reminders`` agree.
This module only says it for a page: the local time and task understood ("I understood:
tomorrow (Wed) 9:00 AM: call mom"), or the question Nudge would ask by SMS.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from nudge.bootstrap import Services
from nudge.commands import CreateReminder
from nudge.conversation.reminder_phrase import NOT_A_REMINDER, read_reminder
from nudge.texts.formatting import describe_rrule, format_when
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer


@dataclass(frozen=True, slots=True)
class Understood:
    """What the box's phrase means: a reminder to create, a question, or not a reminder."""

    kind: Literal["reminder", "question", "other"]
    said: str  # the local time and task understood, or the question, in the person's words
    reminder: CreateReminder | None = None


async def understood(services: Services, person: Viewer, text: str) -> Understood:
    """Read ``text`` for ``person`` as an SMS to Nudge would be read (nothing is written)."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        reading = await read_reminder(
            session, user_id=person.user_id, text=text, now=now, deps=services.features
        )
    command = reading.command
    if reading.problem is None and isinstance(command, CreateReminder):
        return Understood("reminder", _said(command, now=now, person=person), command)
    return Understood("other" if reading.problem == NOT_A_REMINDER else "question", reading.said)


def _said(command: CreateReminder, *, now: datetime, person: Viewer) -> str:
    when = format_when(command.at, now=now, tz=person.timezone, locale=person.locale)
    said = words(person.locale)
    if command.rrule:
        rule = describe_rrule(command.rrule, locale=person.locale)
        return said["box_understood_repeat"].format(rule=rule, when=when, text=command.text)
    return said["box_understood"].format(when=when, text=command.text)
