"""``/api/v1/today`` and ``/api/v1/messages``: the person's day, and the conversation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from nudge.conversation import history
from nudge.features.agenda import views as agenda
from nudge.texts.catalog import render
from nudge.web.api.v1.access import ANSWERS, ReadOwn, person
from nudge.web.api.v1.list_models import todo_out
from nudge.web.api.v1.me_models import DayOut, DueOut, FocusOut, MessageOut, MessagePage
from nudge.web.api.v1.moments import maybe, moment
from nudge.web.api.v1.paging import Limit
from nudge.web.api.v1.reminder_models import reminder_out
from nudge.web.deps import ServicesDep
from nudge.web.errors import ApiError

router = APIRouter(prefix="", tags=["me"], responses=ANSWERS)
Cursor = Annotated[
    str | None,
    Query(pattern=history.CURSOR.pattern, description="The page after this: its next_before."),
]


@router.get("/today", response_model=DayOut)
async def today(principal: ReadOwn, services: ServicesDep) -> DayOut:
    """The person's local today: what is due, what waits for "done", one thing to focus on."""
    async with services.db.sessions() as session:
        me = await person(session, principal)
        tz, locale = me.settings.timezone, me.settings.locale
        day = await agenda.today(session, user_id=me.id, tz=tz, now=services.clock.now())
    focus = day.focus
    return DayOut(
        day=day.day.isoformat(),
        timezone=tz,
        due=[
            DueOut(
                at=moment(item.at, tz),
                text=item.text,
                reminder_id=item.reminder_id,
                firing_id=item.firing_id,
                state=item.state,
            )
            for item in day.due
        ],
        waiting=[reminder_out(view, locale) for view in day.awaiting],
        todos=[todo_out(view, tz) for view in day.todos],
        focus=FocusOut(kind=focus.kind, id=focus.id, text=focus.text, at=maybe(focus.at, tz))
        if focus
        else None,
    )


@router.get("/messages", response_model=MessagePage)
async def messages(
    principal: ReadOwn, services: ServicesDep, limit: Limit = 50, before: Cursor = None
) -> MessagePage:
    """The conversation, both ways, newest first (``before``: a line's ``cursor``)."""
    async with services.db.sessions() as session:
        me = await person(session, principal)
        try:
            lines = await history.history(session, user_id=me.id, limit=limit, before=before)
        except history.BadCursorError as error:
            message = render(me.settings.locale, "invalid_cursor")
            raise ApiError(422, "invalid_cursor", message) from error
    tz = me.settings.timezone
    items = [
        MessageOut(
            cursor=line.cursor,
            direction=line.direction,
            body=line.body,
            at=moment(line.at, tz),
            kind=line.kind,
            status=line.status,
        )
        for line in lines
    ]
    cursor = items[-1].cursor if items and len(items) >= limit else None
    return MessagePage(items=items, next_before=cursor)
