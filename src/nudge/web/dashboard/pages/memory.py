"""Memory: what Nudge remembers for the person; search it, add a fact, forget one."""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from nudge.accounts.roles import Scope
from nudge.commands import ForgetMemory, Remember
from nudge.features.memory import views as memories
from nudge.store.tables import MAX_ID
from nudge.web.dashboard.door import carry_out, said_of
from nudge.web.dashboard.moments import Moments
from nudge.web.dashboard.rendering import back_to, page
from nudge.web.dashboard.texts import words
from nudge.web.dashboard.viewer import Viewer, viewer
from nudge.web.deps import ServicesDep

router = APIRouter()
Reader = Annotated[Viewer, Depends(viewer(Scope.OWN_READ))]
Writer = Annotated[Viewer, Depends(viewer(Scope.OWN_WRITE))]
HERE: Final = "/app/memory"


@router.get("/memory", response_class=HTMLResponse)
async def listing(
    request: Request,
    person: Reader,
    services: ServicesDep,
    q: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    """Everything remembered, newest first; or what a search finds, best first."""
    now, query = services.clock.now(), q.strip()
    async with services.db.transaction() as session:
        if query:
            found = await memories.search(
                session,
                user_id=person.user_id,
                query=query,
                now=now,
                embedder=services.features.embedder,
            )
            shown = [hit.memory for hit in found]
        else:
            shown = await memories.listed(session, user_id=person.user_id)
    return page(
        request,
        "memory.html",
        viewer=person,
        locale=person.locale,
        title=words(person.locale)["memory_title"],
        here="memory",
        back_path=HERE,
        shown=shown,
        query=query,
        moments=Moments(now, person.timezone, person.locale),
    )


@router.post("/memory")
async def remember(
    person: Writer, services: ServicesDep, fact: Annotated[str, Form(min_length=1, max_length=500)]
) -> Response:
    """Keep a fact, as "remember …" does."""
    command = Remember(" ".join(fact.split()))
    outcome = await carry_out(services, user_id=person.user_id, command=command)
    return back_to(HERE, said_of(outcome))


@router.post("/memory/{memory_id}/forget")
async def forget(
    person: Writer, services: ServicesDep, memory_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> Response:
    """Forget one fact (undo remembers it again)."""
    outcome = await carry_out(services, user_id=person.user_id, command=ForgetMemory(memory_id))
    return back_to(HERE, said_of(outcome))
