"""``/api/v1/memories``: what Nudge remembers of the person; search it, forget one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from nudge.commands import ForgetMemory
from nudge.features.memory import views as memories
from nudge.store.tables import MAX_ID
from nudge.web.api.v1.access import ANSWERS, ReadOwn, WriteOwn, person
from nudge.web.api.v1.acting import act
from nudge.web.api.v1.list_models import Found, MemoryPage, Said, Search, memory_out
from nudge.web.api.v1.paging import Before, Limit, next_before
from nudge.web.api.v1.texts import WORDS
from nudge.web.deps import ServicesDep

router = APIRouter(prefix="/memories", tags=["memories"], responses=ANSWERS)


@router.get("", response_model=MemoryPage)
async def listed(
    principal: ReadOwn, services: ServicesDep, limit: Limit = 50, before: Before = None
) -> MemoryPage:
    """The person's memories, newest first."""
    async with services.db.sessions() as session:
        me = await person(session, principal)
        views = await memories.listed(session, user_id=me.id, limit=limit, before=before)
    items = [memory_out(view, me.settings.timezone) for view in views]
    return MemoryPage(items=items, next_before=next_before([v.id for v in views], limit))


@router.get("/search", response_model=Search)
async def search(
    principal: ReadOwn,
    services: ServicesDep,
    q: Annotated[str, Query(min_length=1, max_length=200, pattern=WORDS)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Search:
    """The memories that match ``q``, best first (the search SMS questions use)."""
    async with services.db.sessions() as session:
        me = await person(session, principal)
        found = await memories.search(
            session,
            user_id=me.id,
            query=q,
            now=services.clock.now(),
            embedder=services.features.embedder,
            limit=limit,
        )
    tz = me.settings.timezone
    return Search(
        items=[Found(memory=memory_out(hit.memory, tz), score=hit.score) for hit in found]
    )


@router.delete("/{memory_id}", response_model=Said)
async def forget(
    memory_id: Annotated[int, Path(ge=1, le=MAX_ID)], principal: WriteOwn, services: ServicesDep
) -> Said:
    """Forget one memory; ``POST /api/v1/undo`` remembers it again."""
    async with services.db.transaction() as session:
        me = await person(session, principal)
        outcome = await act(session, services, user_id=me.id, command=ForgetMemory(memory_id))
    return Said(said=outcome.reply)
