"""``/api/v1/me/password``: the person's optional email and password for web sign-in.

Changing it needs the current password, or a sign-in in the last 10 minutes
(``fresh_sign_in``: the session's opening, not its refreshes); a first password has no
current one, so it needs the fresh sign-in. Signing in with it is
sign-in's (``accounts.credentials.check_password``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Response
from pydantic import BaseModel, Field

from nudge.accounts import credentials
from nudge.accounts.credentials import CredentialError
from nudge.accounts.roles import Scope
from nudge.web.auth.principal import Principal, require
from nudge.web.deps import ServicesDep
from nudge.web.routes.account_problems import PERSON_FAILURES, refusal, refusals

router = APIRouter(prefix="/api/v1/me/password", tags=["account"], responses=PERSON_FAILURES)
Reader = Annotated[Principal, Depends(require(Scope.OWN_READ))]
Writer = Annotated[Principal, Depends(require(Scope.OWN_WRITE))]
STATUSES = {"email_taken": 409, "current_password_wrong": 403, "fresh_sign_in_needed": 403}


async def fresh_sign_in(principal: Writer, services: ServicesDep) -> bool:
    """Whether the caller's session was opened by a sign-in moments ago (10 minutes)."""
    if principal.session_id is None:
        return False
    async with services.db.transaction() as session:
        return await credentials.signed_in_recently(
            session, session_id=principal.session_id, now=services.clock.now()
        )


class PasswordOut(BaseModel):
    """The email a password is set for, and since when (both null: no password)."""

    email: str | None
    set_at: datetime | None


class PasswordIn(BaseModel):
    """The email and new password, and the current password when one is set."""

    email: str = Field(min_length=1, max_length=credentials.MAX_EMAIL)
    password: str = Field(min_length=1, max_length=1024)
    current_password: str | None = Field(default=None, max_length=1024)


@router.get("", response_model=PasswordOut)
async def password_status(principal: Reader, services: ServicesDep) -> PasswordOut:
    """Whether the person has a password, and for which email."""
    async with services.db.transaction() as session:
        found = await credentials.status(session, user_id=principal.person_id)
    return PasswordOut(
        email=None if found is None else found.email,
        set_at=None if found is None else found.set_at,
    )


@router.put(
    "",
    status_code=204,
    response_class=Response,
    responses={
        204: {"description": "Set."},
        **refusals(
            _400="A bad email, or a weak password (each way in ``problems``).",
            _409="The email is another person's.",
        ),
    },
)
async def set_password(
    body: PasswordIn,
    principal: Writer,
    fresh: Annotated[bool, Depends(fresh_sign_in)],
    services: ServicesDep,
) -> Response:
    """Set or change the person's email and password."""
    user_id = principal.person_id
    try:
        async with services.db.transaction() as session:
            await credentials.set_password(
                session,
                user_id=user_id,
                email=body.email,
                password=body.password,
                current_password=body.current_password,
                fresh_sign_in=fresh,
                now=services.clock.now(),
            )
    except CredentialError as error:
        status = STATUSES.get(error.code, 400)
        problems = [weakness.value for weakness in error.weaknesses]
        raise await refusal(
            services, user_id=user_id, status=status, code=error.code, problems=problems
        ) from error
    return Response(status_code=204)
