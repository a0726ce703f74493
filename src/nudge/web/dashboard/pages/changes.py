"""Buttons every page has: undo the last change, and speak the other language."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form
from fastapi.responses import RedirectResponse

from nudge.accounts.roles import Scope
from nudge.commands import SetLanguage, Undo
from nudge.web.dashboard.door import carry_out, said_of
from nudge.web.dashboard.paths import back_path
from nudge.web.dashboard.rendering import back_to
from nudge.web.dashboard.viewer import Viewer, viewer
from nudge.web.deps import ServicesDep

router = APIRouter()
Writer = Annotated[Viewer, Depends(viewer(Scope.OWN_WRITE))]
Back = Annotated[str, Form(max_length=200)]


@router.post("/undo")
async def undo(person: Writer, services: ServicesDep, back: Back = "/app") -> RedirectResponse:
    """Reverse the last change, whether it was made here or by text."""
    outcome = await carry_out(services, user_id=person.user_id, command=Undo())
    return back_to(back_path(back), said_of(outcome))


@router.post("/settings/language")
async def language(
    person: Writer,
    services: ServicesDep,
    locale: Annotated[Literal["en", "fr"], Form()],
    back: Back = "/app",
) -> RedirectResponse:
    """Speak ``locale`` here and by text (the person has one language; undo switches back)."""
    command = SetLanguage(locale)
    outcome = await carry_out(services, user_id=person.user_id, command=command)
    return back_to(back_path(back), said_of(outcome))
