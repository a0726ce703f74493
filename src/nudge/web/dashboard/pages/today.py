"""Today: what is due, the one thing to do now highlighted, done / snooze / undo."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from nudge.accounts.roles import Scope
from nudge.features.agenda import views as agenda
from nudge.web.dashboard.door import can_undo
from nudge.web.dashboard.moments import Moments
from nudge.web.dashboard.rendering import page
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer, viewer
from nudge.web.deps import ServicesDep

router = APIRouter()
Reader = Annotated[Viewer, Depends(viewer(Scope.OWN_READ))]


@router.get("", response_class=HTMLResponse)
async def today(request: Request, person: Reader, services: ServicesDep) -> HTMLResponse:
    """The home page: the person's local today."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        day = await agenda.today(session, user_id=person.user_id, tz=person.timezone, now=now)
        undoable = await can_undo(session, user_id=person.user_id)
    return page(
        request,
        "today.html",
        viewer=person,
        locale=person.locale,
        title=words(person.locale)["today_title"],
        here="today",
        day=day,
        later=[item for item in day.due if not _is_focus(item, day.focus)],
        can_undo=undoable,
        moments=Moments(now, person.timezone, person.locale),
    )


_WAITING = frozenset({"sent", "snoozed"})


def _is_focus(item: agenda.DueView, focus: agenda.Focus | None) -> bool:
    """The highlighted firing is not listed again below it."""
    if focus is None or focus.kind != "reminder" or item.reminder_id != focus.id:
        return False
    return item.state in _WAITING if focus.at is None else item.at == focus.at
