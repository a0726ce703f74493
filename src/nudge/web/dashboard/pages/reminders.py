"""Reminders: the same natural-language box as SMS, with a live preview; edit, pause, delete.

The box posts a phrase; it is read as an SMS would be (``phrases.understood``) and, when it
is a reminder, created through the door with the reply SMS would send. While typing, htmx
posts the phrase to ``/app/reminders/preview`` (debounced) and shows the local time
understood, or the question; without JavaScript the form posts and the page shows the same.
"""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from nudge.accounts.roles import Scope
from nudge.features.reminders import views as reminders
from nudge.web.dashboard.door import carry_out, said_of
from nudge.web.dashboard.moments import Moments
from nudge.web.dashboard.phrases import Understood, understood
from nudge.web.dashboard.rendering import ENVIRONMENT, back_to, page
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer, viewer
from nudge.web.deps import ServicesDep

router = APIRouter()
Reader = Annotated[Viewer, Depends(viewer(Scope.OWN_READ))]
Writer = Annotated[Viewer, Depends(viewer(Scope.OWN_WRITE))]
Phrase = Annotated[str, Form(max_length=500)]
HERE: Final = "/app/reminders"


async def _page(
    request: Request,
    person: Viewer,
    services: ServicesDep,
    *,
    typed: str = "",
    heard: Understood | None = None,
) -> HTMLResponse:
    now = services.clock.now()
    async with services.db.transaction() as session:
        coming = await reminders.upcoming(session, user_id=person.user_id)
        paused = await reminders.listed(session, user_id=person.user_id, states=["paused"])
    return page(
        request,
        "reminders.html",
        viewer=person,
        locale=person.locale,
        title=words(person.locale)["reminders_title"],
        here="reminders",
        back_path=HERE,
        coming=coming,
        paused=paused,
        typed=typed,
        heard=heard,
        moments=Moments(now, person.timezone, person.locale),
        status=200 if heard is None else 422,
    )


@router.get("/reminders", response_class=HTMLResponse)
async def listing(request: Request, person: Reader, services: ServicesDep) -> HTMLResponse:
    """The box, what is coming up, and what is paused."""
    return await _page(request, person, services)


@router.post("/reminders/preview", response_class=HTMLResponse)
async def preview(
    person: Reader, services: ServicesDep, text: Phrase = "", when: Phrase | None = None
) -> HTMLResponse:
    """What the phrase would create, as a fragment for the live preview (changes nothing).

    The box sends its ``text``; the edit page sends the reminder's ``text`` and the new
    ``when``, read together (an empty ``when`` keeps the time: nothing to preview).
    """
    phrase = text if when is None else (f"{text} {when}" if when.strip() else "")
    heard = await understood(services, person, phrase.strip()) if phrase.strip() else None
    fragment = ENVIRONMENT.get_template("preview.html").render(t=words(person.locale), heard=heard)
    return HTMLResponse(fragment)


@router.post("/reminders")
async def create(
    request: Request, person: Writer, services: ServicesDep, text: Phrase = ""
) -> Response:
    """Create the reminder the phrase says; a question or another command is shown instead."""
    heard = await understood(services, person, text.strip())
    if heard.reminder is None:
        return await _page(request, person, services, typed=text, heard=heard)
    outcome = await carry_out(services, user_id=person.user_id, command=heard.reminder)
    return back_to(HERE, said_of(outcome))
