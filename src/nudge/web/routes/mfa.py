"""``/api/v1/me/mfa``: the person's TOTP second factor and recovery codes.

Start shows a secret and its QR code; a first code confirms it and shows the ten recovery
codes, once. Turning it off or making new recovery codes needs a valid code. Answers that
carry a secret or codes are never cached.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Response
from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts.roles import Scope
from nudge.accounts.totp import FactorError, TotpFactors, status
from nudge.bootstrap import Services
from nudge.web.auth.principal import Principal, require
from nudge.web.deps import ServicesDep
from nudge.web.routes.account_problems import PERSON_FAILURES, refusal, refusals

router = APIRouter(prefix="/api/v1/me/mfa", tags=["account"], responses=PERSON_FAILURES)
Reader = Annotated[Principal, Depends(require(Scope.OWN_READ))]
Writer = Annotated[Principal, Depends(require(Scope.OWN_WRITE))]
NO_STORE = {"Cache-Control": "no-store"}
Step = Callable[[AsyncSession, datetime], Awaitable[list[str] | bool | None]]


class CodeIn(BaseModel):
    """A 6-digit code from the authenticator app, or a recovery code."""

    code: str = Field(min_length=1, max_length=32)


class MfaStatusOut(BaseModel):
    """The person's second factor."""

    enrolled: bool
    pending: bool
    confirmed_at: datetime | None
    recovery_codes_left: int


class TotpStartOut(BaseModel):
    """The new secret, to scan (``qr_svg``, ``otpauth_uri``) or type (``secret``)."""

    secret: str
    otpauth_uri: str
    qr_svg: str


class RecoveryCodesOut(BaseModel):
    """Ten single-use codes, shown this once."""

    recovery_codes: list[str]


@router.get("", response_model=MfaStatusOut)
async def mfa_status(principal: Reader, services: ServicesDep) -> MfaStatusOut:
    """Whether two-step sign-in is on, pending or off, and the recovery codes left."""
    async with services.db.transaction() as session:
        found = await status(session, user_id=principal.person_id)
    return MfaStatusOut(
        enrolled=found.enrolled,
        pending=found.pending,
        confirmed_at=found.confirmed_at,
        recovery_codes_left=found.recovery_codes_left,
    )


@router.post("/totp/start", response_model=TotpStartOut, responses=refusals(_409="Already on."))
async def totp_start(principal: Writer, services: ServicesDep, response: Response) -> TotpStartOut:
    """A new TOTP secret, pending until a code from it is confirmed."""
    user_id = principal.person_id
    try:
        async with services.db.transaction() as session:
            made = await TotpFactors(services.secret_keys).start(
                session, user_id=user_id, now=services.clock.now()
            )
    except FactorError as error:
        raise await refusal(services, user_id=user_id, status=409, code=error.code) from error
    response.headers.update(NO_STORE)
    return TotpStartOut(secret=made.secret, otpauth_uri=made.uri, qr_svg=made.qr_svg)


@router.post(
    "/totp/confirm",
    response_model=RecoveryCodesOut,
    responses=refusals(_400="The code did not pass.", _409="Not started, or already on."),
)
async def totp_confirm(
    body: CodeIn, principal: Writer, services: ServicesDep, response: Response
) -> RecoveryCodesOut:
    """Turn two-step sign-in on with a first code; answers the recovery codes."""
    user_id, factors = principal.person_id, TotpFactors(services.secret_keys)

    def step(session: AsyncSession, now: datetime) -> Awaitable[list[str] | None]:
        return factors.confirm(session, user_id=user_id, code=body.code, now=now)

    codes = await _with_code(services, user_id, step)
    response.headers.update(NO_STORE)
    return RecoveryCodesOut(recovery_codes=codes)


@router.post(
    "/totp/disable",
    status_code=204,
    response_class=Response,
    responses={
        204: {"description": "Turned off."},
        **refusals(_400="The code did not pass.", _409="Not on, or an admin's."),
    },
)
async def totp_disable(body: CodeIn, principal: Writer, services: ServicesDep) -> Response:
    """Turn two-step sign-in off (needs a valid code; admins keep theirs)."""
    user_id, factors = principal.person_id, TotpFactors(services.secret_keys)

    def step(session: AsyncSession, now: datetime) -> Awaitable[bool]:
        return factors.disable(session, user_id=user_id, code=body.code, now=now)

    await _with_code(services, user_id, step)
    return Response(status_code=204)


@router.post(
    "/recovery-codes",
    response_model=RecoveryCodesOut,
    responses=refusals(_400="The code did not pass.", _409="Two-step sign-in is not on."),
)
async def recovery_codes_regenerate(
    body: CodeIn, principal: Writer, services: ServicesDep, response: Response
) -> RecoveryCodesOut:
    """Ten new recovery codes for a valid code; every old one stops working."""
    user_id, factors = principal.person_id, TotpFactors(services.secret_keys)

    def step(session: AsyncSession, now: datetime) -> Awaitable[list[str] | None]:
        return factors.new_recovery_codes(session, user_id=user_id, code=body.code, now=now)

    codes = await _with_code(services, user_id, step)
    response.headers.update(NO_STORE)
    return RecoveryCodesOut(recovery_codes=codes)


async def _with_code(services: Services, user_id: int, step: Step) -> list[str]:
    """Run a step that checks the person's code; a wrong code is committed (it is counted)."""
    try:
        async with services.db.transaction() as session:
            passed = await step(session, services.clock.now())
    except FactorError as error:
        raise await refusal(services, user_id=user_id, status=409, code=error.code) from error
    if not passed:
        raise await refusal(services, user_id=user_id, status=400, code="code_wrong")
    return passed if isinstance(passed, list) else []
