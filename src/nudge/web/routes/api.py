"""``/api/v1``: the operator JSON API (a person's memories and model usage).

Off by default: while ``NUDGE_API_TOKEN`` is empty every route answers 404, so nothing is
exposed. With a token, each request needs ``Authorization: Bearer <token>`` (compared in
constant time), else 401. A person is named by their E.164 phone number; everything read
or deleted is scoped to that person.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.agent import budget
from nudge.features.memory import service as memories
from nudge.features.users import service as users
from nudge.store.tables import MAX_ID, User
from nudge.web.deps import ServicesDep
from nudge.web.routes.openapi_docs import MemoriesOut, Problem, UsageOut


def require_operator(request: Request, services: ServicesDep) -> None:
    """404 while the API is off, 401 without the right bearer token."""
    token = services.settings.api_token.get_secret_value()
    if not token:
        raise HTTPException(status_code=404)
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        raise HTTPException(status_code=401, headers={"WWW-Authenticate": "Bearer"})


PHONE = Path(
    pattern=r"^\+[1-9][0-9]{1,14}$",
    description="The person's number in E.164.",
    examples=["+15145550101"],
)
FAILURES: dict[int | str, dict[str, Any]] = {
    401: {"description": "Missing or wrong bearer token.", "model": Problem},
    404: {"description": "The API is off, or no such person (or memory).", "model": Problem},
}

router = APIRouter(
    prefix="/api/v1",
    tags=["api"],
    dependencies=[Depends(require_operator)],
    responses=FAILURES,
)
PhonePath = Annotated[str, PHONE]


async def _user(session: AsyncSession, phone: str) -> User:
    user = await users.find(session, phone=phone)
    if user is None:
        raise HTTPException(status_code=404, detail="no such user")
    return user


@router.get("/users/{phone}/memories", response_model=MemoriesOut)
async def list_memories(phone: PhonePath, services: ServicesDep) -> dict[str, Any]:
    """The person's memories, newest first."""
    async with services.db.transaction() as session:
        return await memories.report(session, user=await _user(session, phone))


@router.delete(
    "/users/{phone}/memories/{memory_id}",
    status_code=204,
    response_class=Response,
    responses={204: {"description": "Forgotten."}},
)
async def forget_memory(
    phone: PhonePath,
    memory_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    services: ServicesDep,
) -> Response:
    """Forget one of the person's memories (404 when it is not theirs)."""
    async with services.db.transaction() as session:
        user = await _user(session, phone)
        memory = await memories.get(session, user_id=user.id, memory_id=memory_id)
        if memory is None:
            raise HTTPException(status_code=404, detail="no such memory")
        await memories.forget(session, memory=memory)
    return Response(status_code=204)


@router.get("/users/{phone}/usage", response_model=UsageOut)
async def usage(
    phone: PhonePath,
    services: ServicesDep,
    days: Annotated[int, Query(ge=1, le=budget.MAX_REPORT_DAYS)] = 7,
) -> dict[str, Any]:
    """The person's model calls per local day: tokens, calls, p50/p95 latency."""
    async with services.db.transaction() as session:
        user = await _user(session, phone)
        return await budget.usage_report(session, user=user, now=services.clock.now(), days=days)
