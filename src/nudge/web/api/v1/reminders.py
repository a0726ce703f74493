"""``/api/v1/reminders``: list, read, create (from a phrase or fields), preview, edit, delete.

Reads come from ``features/reminders/views.py``; every change is a Command through the
executor (``acting.act``), so the SMS rules and the one undo slot apply.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Query
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.commands import DeleteReminder, EditReminder
from nudge.features.reminders import views as reminders
from nudge.store.tables import MAX_ID
from nudge.texts.catalog import render
from nudge.web.api.v1.access import ANSWERS, ReadOwn, WriteOwn, person
from nudge.web.api.v1.acting import act
from nudge.web.api.v1.paging import Before, Limit, next_before
from nudge.web.api.v1.phrases import to_create, understood
from nudge.web.api.v1.reminder_models import (
    Edit,
    Fields,
    FiringPage,
    Phrase,
    ReminderChange,
    ReminderOut,
    ReminderPage,
    State,
    Understood,
    Upcoming,
    firing_out,
    reminder_out,
)
from nudge.web.deps import ServicesDep
from nudge.web.errors import ApiError

router = APIRouter(prefix="/reminders", tags=["reminders"], responses=ANSWERS)
ReminderId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("", response_model=ReminderPage)
async def listed(
    principal: ReadOwn,
    services: ServicesDep,
    state: Annotated[list[State] | None, Query(description="Only these states.")] = None,
    limit: Limit = 50,
    before: Before = None,
) -> ReminderPage:
    """The person's reminders, newest first (every state unless ``state`` says)."""
    async with services.db.sessions() as session:
        me = await person(session, principal)
        views = await reminders.listed(
            session, user_id=me.id, states=state, limit=limit, before=before
        )
    items = [reminder_out(view, me.settings.locale) for view in views]
    return ReminderPage(items=items, next_before=next_before([v.id for v in views], limit))


@router.get("/upcoming", response_model=Upcoming)
async def upcoming(principal: ReadOwn, services: ServicesDep, limit: Limit = 50) -> Upcoming:
    """Active reminders with a firing to come, soonest first (what SMS "reminders" lists)."""
    async with services.db.sessions() as session:
        me = await person(session, principal)
        views = await reminders.upcoming(session, user_id=me.id, limit=limit)
    return Upcoming(items=[reminder_out(view, me.settings.locale) for view in views])


NEW = Body(
    openapi_examples={
        "phrase": {"summary": "From a phrase", "value": {"text": "call mom tomorrow at 9"}},
        "fields": {
            "summary": "From fields",
            "value": {"task": "pills", "at": "2026-11-25T08:00:00-05:00", "rrule": "FREQ=DAILY"},
        },
    }
)


@router.post("", status_code=201, response_model=ReminderChange)
async def create(
    body: Annotated[Phrase | Fields, NEW], principal: WriteOwn, services: ServicesDep
) -> ReminderChange:
    """A new reminder, from a phrase ("call mom tomorrow at 9") or from its fields.

    A phrase without a time, or a past one, is a 422 whose message is Nudge's question
    (``needs_time``, ``time_passed``...), with what was ``understood``: never a guess.
    """
    async with services.db.transaction() as session:
        me = await person(session, principal)
        command = await to_create(session, services, me, body)
        outcome = await act(session, services, user_id=me.id, command=command)
        return await change(session, me.id, me.settings.locale, outcome.made, outcome.reply)


@router.post("/preview", response_model=Understood)
async def preview(body: Phrase, principal: ReadOwn, services: ServicesDep) -> Understood:
    """What a phrase would create, or the question Nudge would ask; nothing is created."""
    async with services.db.sessions() as session:
        me = await person(session, principal)
        _reading, shown = await understood(session, services, me, body.text)
    return shown


@router.get("/{reminder_id}", response_model=ReminderOut)
async def one(reminder_id: ReminderId, principal: ReadOwn, services: ServicesDep) -> ReminderOut:
    """One of the person's reminders."""
    async with services.db.sessions() as session:
        me = await person(session, principal)
        view = await reminders.one(session, user_id=me.id, reminder_id=reminder_id)
    if view is None:
        raise ApiError(404, "no_such_reminder", render(me.settings.locale, "no_such_reminder"))
    return reminder_out(view, me.settings.locale)


@router.patch("/{reminder_id}", response_model=ReminderChange)
async def edit(
    reminder_id: ReminderId, body: Edit, principal: WriteOwn, services: ServicesDep
) -> ReminderChange:
    """Change its text, next time or repeat (``"rrule": null`` makes it a one-off)."""
    command = EditReminder(
        reminder_id, body.text, body.at, body.rrule, rrule_changed="rrule" in body.model_fields_set
    )
    async with services.db.transaction() as session:
        me = await person(session, principal)
        outcome = await act(session, services, user_id=me.id, command=command)
        return await change(session, me.id, me.settings.locale, reminder_id, outcome.reply)


@router.delete("/{reminder_id}", response_model=ReminderChange)
async def delete(
    reminder_id: ReminderId, principal: WriteOwn, services: ServicesDep
) -> ReminderChange:
    """Delete it; ``POST /api/v1/undo`` (or texting "undo") brings it back."""
    async with services.db.transaction() as session:
        me = await person(session, principal)
        outcome = await act(session, services, user_id=me.id, command=DeleteReminder(reminder_id))
        return await change(session, me.id, me.settings.locale, reminder_id, outcome.reply)


@router.get("/{reminder_id}/occurrences", response_model=FiringPage)
async def occurrences(
    reminder_id: ReminderId,
    principal: ReadOwn,
    services: ServicesDep,
    limit: Limit = 50,
    before: Before = None,
) -> FiringPage:
    """Its firings, newest first: when each was due, sent, snoozed, done or missed."""
    async with services.db.sessions() as session:
        me = await person(session, principal)
        view = await reminders.one(session, user_id=me.id, reminder_id=reminder_id)
        if view is None:
            raise ApiError(404, "no_such_reminder", render(me.settings.locale, "no_such_reminder"))
        fired = await reminders.firings(
            session, user_id=me.id, reminder_id=reminder_id, limit=limit, before=before
        )
    items = [firing_out(firing, view.timezone) for firing in fired]
    return FiringPage(items=items, next_before=next_before([f.id for f in fired], limit))


async def change(
    session: AsyncSession, user_id: int, locale: str, reminder_id: int | None, said: str
) -> ReminderChange:
    """What was said of a change, and the reminder as it is now."""
    view = await reminders.one(session, user_id=user_id, reminder_id=reminder_id or 0)
    assert view is not None  # the command just acted on it, in this transaction
    return ReminderChange(said=said, reminder=reminder_out(view, locale))
