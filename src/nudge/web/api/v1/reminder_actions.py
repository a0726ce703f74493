"""``/api/v1/reminders/{id}/...``: done, snooze, pause, resume, each undoable.

"done" and "snooze" act on the firing that was texted and waits for "done", as the SMS
words do ("done" ahead of time marks the next firing done; a repeat books the one after).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body

from nudge.bootstrap import Services
from nudge.commands import (
    Command,
    CompleteReminder,
    PauseReminder,
    ResumeReminder,
    SnoozeReminder,
)
from nudge.web.api.v1 import reminders
from nudge.web.api.v1.access import ANSWERS, WriteOwn, person
from nudge.web.api.v1.acting import act
from nudge.web.api.v1.reminder_models import ReminderChange, Snooze
from nudge.web.api.v1.reminders import ReminderId
from nudge.web.auth.principal import Principal
from nudge.web.deps import ServicesDep

router = APIRouter(prefix="/reminders", tags=["reminders"], responses=ANSWERS)


@router.post("/{reminder_id}/done", response_model=ReminderChange)
async def done(
    reminder_id: ReminderId, principal: WriteOwn, services: ServicesDep
) -> ReminderChange:
    """Mark it done: the firing that waits for "done", else its next one."""
    return await _run(services, principal, reminder_id, CompleteReminder(reminder_id))


@router.post("/{reminder_id}/snooze", response_model=ReminderChange)
async def snooze(
    reminder_id: ReminderId,
    principal: WriteOwn,
    services: ServicesDep,
    body: Annotated[Snooze | None, Body()] = None,
) -> ReminderChange:
    """Text the firing that waits for "done" again in ``minutes`` (10 unless said)."""
    minutes = (body or Snooze()).minutes
    return await _run(services, principal, reminder_id, SnoozeReminder(reminder_id, minutes))


@router.post("/{reminder_id}/pause", response_model=ReminderChange)
async def pause(
    reminder_id: ReminderId, principal: WriteOwn, services: ServicesDep
) -> ReminderChange:
    """Nothing is sent until it is resumed."""
    return await _run(services, principal, reminder_id, PauseReminder(reminder_id))


@router.post("/{reminder_id}/resume", response_model=ReminderChange)
async def resume(
    reminder_id: ReminderId, principal: WriteOwn, services: ServicesDep
) -> ReminderChange:
    """Fire again from its next time to come (a one-off whose time passed needs an edit)."""
    return await _run(services, principal, reminder_id, ResumeReminder(reminder_id))


async def _run(
    services: Services, principal: Principal, reminder_id: int, command: Command
) -> ReminderChange:
    async with services.db.transaction() as session:
        me = await person(session, principal)
        outcome = await act(session, services, user_id=me.id, command=command)
        return await reminders.change(
            session, me.id, me.settings.locale, reminder_id, outcome.reply
        )
