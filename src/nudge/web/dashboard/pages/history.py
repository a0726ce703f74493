"""Messages: the conversation with Nudge, both ways, newest first, a page at a time."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from nudge.accounts.roles import Scope
from nudge.conversation import history as conversation
from nudge.web.dashboard.moments import Moments
from nudge.web.dashboard.rendering import page
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer, viewer
from nudge.web.deps import ServicesDep

router = APIRouter()
Reader = Annotated[Viewer, Depends(viewer(Scope.OWN_READ))]
PAGE_SIZE = 30


@router.get("/history", response_class=HTMLResponse)
async def history(
    request: Request,
    person: Reader,
    services: ServicesDep,
    before: Annotated[str | None, Query(pattern=conversation.CURSOR.pattern)] = None,
) -> HTMLResponse:
    """The newest lines, or those before the ``before`` cursor."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        lines = await conversation.history(
            session, user_id=person.user_id, limit=PAGE_SIZE + 1, before=before
        )
    return page(
        request,
        "history.html",
        viewer=person,
        locale=person.locale,
        title=words(person.locale)["history_title"],
        here="history",
        lines=lines[:PAGE_SIZE],
        earlier=lines[PAGE_SIZE - 1].cursor if len(lines) > PAGE_SIZE else None,
        moments=Moments(now, person.timezone, person.locale),
    )
