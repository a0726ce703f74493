"""A reminder from a phrase or from fields, checked before anything is created.

A phrase is read by ``conversation.reminder_phrase`` as an SMS would be; anything but a
reminder to create is a 422 whose message is the question Nudge would ask and whose
``understood`` says what was read. Fields are checked by ``features/reminders/rules.py``:
a time to come, within ten years, a repeat the scheduler can run.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.bootstrap import Services
from nudge.commands import AskWhat, Command, CreateReminder, RefuseFar, RefusePast
from nudge.conversation.reminder_phrase import PhraseReading, read_reminder
from nudge.features.reminders import rules
from nudge.features.users.views import PersonView
from nudge.texts.catalog import render
from nudge.texts.formatting import describe_rrule
from nudge.web.api.v1.moments import maybe
from nudge.web.api.v1.reminder_models import Fields, Phrase, Understood
from nudge.web.errors import ApiError


async def understood(
    session: AsyncSession, services: Services, person: PersonView, text: str
) -> tuple[PhraseReading, Understood]:
    """What ``text`` means for ``person``, and that as the API shows it."""
    reading = await read_reminder(
        session, user_id=person.id, text=text, now=services.clock.now(), deps=services.features
    )
    return reading, _shown(reading, person)


async def to_create(
    session: AsyncSession, services: Services, person: PersonView, body: Phrase | Fields
) -> CreateReminder:
    """The reminder to create from ``body``, or the 422 saying why there is none."""
    if isinstance(body, Phrase):
        reading, shown = await understood(session, services, person, body.text)
        if not isinstance(reading.command, CreateReminder) or reading.problem is not None:
            extra = {"understood": shown.model_dump(mode="json")}
            raise ApiError(422, reading.problem or "not_a_reminder", reading.said, extra=extra)
        return reading.command
    problem = rules.problem_with(
        at=body.at, rrule=body.rrule, now=services.clock.now(), tz=person.settings.timezone
    )
    if problem is not None:
        raise ApiError(422, problem, render(person.settings.locale, problem, text=body.task))
    return CreateReminder(body.task, body.at, body.rrule, body.always)


def _shown(reading: PhraseReading, person: PersonView) -> Understood:
    command = reading.command
    rrule = command.rrule if isinstance(command, CreateReminder | AskWhat) else None
    locale, tz = person.settings.locale, person.settings.timezone
    return Understood(
        code=reading.problem,
        said=reading.said,
        task=None if isinstance(command, AskWhat) else _task(command),
        at=maybe(_at(command), tz),
        rrule=rrule,
        repeats=describe_rrule(rrule, locale=locale) if rrule else None,
    )


def _task(command: Command) -> str | None:
    text = getattr(command, "text", None)
    return text if isinstance(text, str) else None


def _at(command: Command) -> datetime | None:
    if isinstance(command, CreateReminder | AskWhat | RefusePast | RefuseFar):
        return command.at
    return None
