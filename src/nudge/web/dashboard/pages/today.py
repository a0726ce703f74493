"""Today: what is due, the one thing to do now highlighted, done / snooze / undo."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from nudge.accounts.roles import Scope
from nudge.web.dashboard.rendering import page
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer, viewer

router = APIRouter()
Reader = Annotated[Viewer, Depends(viewer(Scope.OWN_READ))]


@router.get("", response_class=HTMLResponse)
async def today(request: Request, person: Reader) -> HTMLResponse:
    """The home page."""
    title = words(person.locale)["today_title"]
    return page(
        request, "today.html", viewer=person, locale=person.locale, title=title, here="today"
    )
