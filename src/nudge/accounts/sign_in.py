"""Finishing a sign-in, for every first factor: a session, or a second factor first.

A first factor (a texted code, a texted link, a password or a passkey)
proves who is signing in, then calls ``complete_first_factor``. A person with a second
factor enrolled gets a ticket (single use, 5 minutes, 5 tries) and finishes with
``complete_second_factor``; anyone else gets a session at once. An admin without a second
factor gets a session too, but with a person's scopes only (``sessions.granted_scopes``).

Each first factor checks the lockout itself before it checks its secret (``lockout``); this
does not, so the texted link, the way back from a lockout, still works. The second factor
is always subject to it. Nothing here raises for a refusal: it is returned, so the caller's
transaction commits the failure it counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import audit, lockout, one_time, rate_limits, sessions
from nudge.accounts.attempts import network_of
from nudge.accounts.audit import AuditAction
from nudge.accounts.factors import SecondFactors
from nudge.accounts.sessions import Client, SignedIn
from nudge.store.account_tables import SecretPurpose
from nudge.store.tables import User

TICKET_TTL: Final = timedelta(minutes=5)
SECOND_FACTOR: Final = "second_factor"


@dataclass(frozen=True, slots=True)
class SecondFactorRequired:
    """The first factor passed; the ticket and a second factor finish the sign-in."""

    ticket: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Refused:
    """No sign-in: a wrong or spent secret, the lockout, or a rate limit."""

    reason: Literal["invalid", "paused", "limited"]
    retry_after: timedelta | None = None


Outcome = SignedIn | SecondFactorRequired | Refused


async def over_guess_limit(
    session: AsyncSession, *, network: str | None, now: datetime
) -> Refused | None:
    """The refusal of a client network that guessed wrong too often lately, if it did."""
    limited = await rate_limits.guesses(session, network=network, now=now)
    return None if limited is None else Refused("limited", limited.retry_after)


class NoSecondFactors:
    """No second factor is enrolled anywhere (until the TOTP one is configured)."""

    async def enrolled(self, session: AsyncSession, *, user_id: int) -> bool:
        """Nobody has one."""
        return False

    async def verify(
        self, session: AsyncSession, *, user_id: int, code: str, now: datetime
    ) -> bool:
        """Nothing passes."""
        return False


async def complete_first_factor(
    session: AsyncSession,
    *,
    user_id: int,
    method: str,
    client: Client,
    now: datetime,
    factors: SecondFactors,
    keys: Sequence[bytes],
) -> SignedIn | SecondFactorRequired:
    """The person passed ``method``: a session, or a ticket for their second factor."""
    if await factors.enrolled(session, user_id=user_id):
        ticket = one_time.new_token()
        row = await one_time.issue(
            session, user_id=user_id, purpose=SecretPurpose.TICKET, secret=ticket,
            ttl=TICKET_TTL, now=now, method=method,
        )  # fmt: skip
        return SecondFactorRequired(ticket, row.expires_at)
    return await _signed_in(
        session, user_id=user_id, method=method, client=client, now=now, keys=keys
    )


async def complete_second_factor(
    session: AsyncSession,
    *,
    ticket: str,
    code: str,
    client: Client,
    now: datetime,
    factors: SecondFactors,
    keys: Sequence[bytes],
) -> SignedIn | Refused:
    """The ticket's person gives a second factor: a session that passed it, or a refusal."""
    row = await one_time.live_by_token(session, purpose=SecretPurpose.TICKET, token=ticket, now=now)
    if row is None:
        return Refused("invalid")
    phone = await _phone_of(session, row.user_id)
    until = await lockout.paused_until(session, phone=phone, now=now)
    if until is not None:
        return Refused("paused", until - now)
    if not await factors.verify(session, user_id=row.user_id, code=code, now=now):
        one_time.miss(row)
        await lockout.fail(
            session, phone=phone, network=network_of(client.ip), user_id=row.user_id,
            method=SECOND_FACTOR, now=now,
        )  # fmt: skip
        return Refused("invalid")
    one_time.use(row, now=now)
    return await _signed_in(
        session, user_id=row.user_id, method=row.method or SECOND_FACTOR, client=client,
        now=now, keys=keys, second_factor=True,
    )  # fmt: skip


async def _signed_in(
    session: AsyncSession,
    *,
    user_id: int,
    method: str,
    client: Client,
    now: datetime,
    keys: Sequence[bytes],
    second_factor: bool = False,
) -> SignedIn:
    signed = await sessions.open_session(
        session, user_id=user_id, method=method, client=client, now=now, keys=keys,
        second_factor=second_factor,
    )  # fmt: skip
    await lockout.succeed(session, phone=await _phone_of(session, user_id))
    await audit.record(
        session, user_id=user_id, action=AuditAction.SIGN_IN, now=now, method=method,
        second_factor=second_factor, session_id=signed.session_id,
    )  # fmt: skip
    return signed


async def _phone_of(session: AsyncSession, user_id: int) -> str:
    phone = await session.scalar(select(User.phone).where(User.id == user_id))
    return phone or ""
