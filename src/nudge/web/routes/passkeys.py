"""``/api/v1/me/passkeys``: the person's passkeys; ``/api/v1/auth/passkey``: signing in by one.

Registration is two calls: options (with a fresh single-use challenge), then the browser's
answer to verify and store. The sign-in ceremony's options are here; its answer is checked
by ``accounts.passkeys.authenticate_passkey``, which sign-in completes (it decides about the
second factor and the session). The relying party is ``NUDGE_PUBLIC_URL``'s.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Response
from pydantic import BaseModel, Field

from nudge.accounts import passkeys
from nudge.accounts.passkeys import PasskeyInfo, RelyingParty
from nudge.accounts.roles import Scope
from nudge.store.tables import MAX_ID
from nudge.web.auth.principal import Principal, require
from nudge.web.deps import ServicesDep
from nudge.web.routes.account_problems import PERSON_FAILURES, refusal, refusals

router = APIRouter(prefix="/api/v1/me/passkeys", tags=["account"], responses=PERSON_FAILURES)
sign_in_router = APIRouter(prefix="/api/v1/auth/passkey", tags=["account"])
Reader = Annotated[Principal, Depends(require(Scope.OWN_READ))]
Writer = Annotated[Principal, Depends(require(Scope.OWN_WRITE))]


class PasskeyOut(BaseModel):
    """One passkey (no key material)."""

    id: int
    name: str
    transports: list[str]
    created_at: datetime
    last_used_at: datetime | None


class RegisterIn(BaseModel):
    """The browser's answer to the registration options, and a name for the passkey."""

    credential: dict[str, Any] = Field(description="PublicKeyCredential.toJSON() of create()")
    name: str = Field(default="Passkey", max_length=passkeys.NAME_LENGTH)


def _out(info: PasskeyInfo) -> PasskeyOut:
    return PasskeyOut(
        id=info.id,
        name=info.name,
        transports=info.transports,
        created_at=info.created_at,
        last_used_at=info.last_used_at,
    )


def _party(services: ServicesDep) -> RelyingParty:
    return RelyingParty.from_public_url(services.settings.public_url)


@router.get("", response_model=list[PasskeyOut])
async def list_passkeys(principal: Reader, services: ServicesDep) -> list[PasskeyOut]:
    """The person's passkeys, oldest first."""
    async with services.db.transaction() as session:
        found = await passkeys.list_passkeys(session, user_id=principal.person_id)
    return [_out(info) for info in found]


@router.post("/register/options", response_model=dict[str, Any])
async def registration_options(principal: Writer, services: ServicesDep) -> dict[str, Any]:
    """``navigator.credentials.create()`` options; the challenge is good once, for 5 minutes."""
    async with services.db.transaction() as session:
        return await passkeys.registration_options(
            session, user_id=principal.person_id, party=_party(services), now=services.clock.now()
        )


@router.post(
    "/register/verify",
    status_code=201,
    response_model=PasskeyOut,
    responses=refusals(_400="Refused: wrong challenge, origin, signature, or already known."),
)
async def register(body: RegisterIn, principal: Writer, services: ServicesDep) -> PasskeyOut:
    """Verify the browser's answer and keep the passkey."""
    user_id = principal.person_id
    async with services.db.transaction() as session:  # committed either way: challenge spent
        added = await passkeys.register(
            session,
            user_id=user_id,
            credential=body.credential,
            name=body.name,
            party=_party(services),
            now=services.clock.now(),
        )
    if added is None:
        raise await refusal(services, user_id=user_id, status=400, code="passkey_refused")
    return _out(added)


@router.delete(
    "/{passkey_id}",
    status_code=204,
    response_class=Response,
    responses={204: {"description": "Removed."}, **refusals(_404="No such passkey of yours.")},
)
async def remove(
    passkey_id: Annotated[int, Path(ge=1, le=MAX_ID)], principal: Writer, services: ServicesDep
) -> Response:
    """Remove one of the person's passkeys."""
    user_id = principal.person_id
    async with services.db.transaction() as session:
        removed = await passkeys.remove(
            session, user_id=user_id, passkey_id=passkey_id, now=services.clock.now()
        )
    if not removed:
        raise await refusal(services, user_id=user_id, status=404, code="passkey_not_found")
    return Response(status_code=204)


@sign_in_router.post("/options", response_model=dict[str, Any])
async def sign_in_options(services: ServicesDep) -> dict[str, Any]:
    """``navigator.credentials.get()`` options for signing in with a passkey."""
    async with services.db.transaction() as session:
        return await passkeys.authentication_options(
            session, party=_party(services), now=services.clock.now()
        )
