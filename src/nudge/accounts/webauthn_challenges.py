"""The challenges of passkey ceremonies: made for one ceremony, good once, for five minutes.

A challenge is found again from the answer itself (the browser signs it into
``clientDataJSON``), so no cookie carries it. Checking it deletes it in the same statement
that tells whether it was there: two answers racing with one challenge let one through, and
a refused answer still spends it (the caller commits). Expired ones are swept whenever a new
one is made, so the table stays the size of the ceremonies under way.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final

from sqlalchemy import delete, select
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession
from webauthn.helpers import bytes_to_base64url

from nudge.store.account_tables import WebauthnChallenge

LIFETIME: Final = timedelta(minutes=5)
CHALLENGE_BYTES: Final = 32


class Ceremony(StrEnum):
    """What a challenge was made for; one made for one is refused by the other."""

    REGISTER = "register"
    AUTHENTICATE = "authenticate"


@dataclass(frozen=True, slots=True)
class Issued:
    """A challenge that was live when checked: whose it was, and the handle its options gave."""

    user_id: int | None
    user_handle: bytes | None


async def issue(
    session: AsyncSession,
    *,
    ceremony: Ceremony,
    now: datetime,
    user_id: int | None = None,
    user_handle: bytes | None = None,
) -> bytes:
    """A new random challenge for ``ceremony``, stored until it is used or expires."""
    await session.execute(delete(WebauthnChallenge).where(WebauthnChallenge.expires_at <= now))
    challenge = secrets.token_bytes(CHALLENGE_BYTES)
    session.add(
        WebauthnChallenge(
            challenge=bytes_to_base64url(challenge),
            purpose=ceremony.value,
            user_id=user_id,
            user_handle=user_handle,
            expires_at=now + LIFETIME,
            created_at=now,
        )
    )
    return challenge


async def consume(
    session: AsyncSession, *, challenge: bytes, ceremony: Ceremony, now: datetime
) -> Issued | None:
    """Spend ``challenge``: what it was issued with, or None (unknown, used, or expired)."""
    key = bytes_to_base64url(challenge)
    match = (WebauthnChallenge.challenge == key, WebauthnChallenge.purpose == ceremony.value)
    row = (await session.execute(select(WebauthnChallenge).where(*match))).scalar_one_or_none()
    if row is None:
        return None
    issued, live = Issued(row.user_id, row.user_handle), now < row.expires_at
    session.expunge(row)
    result = await session.execute(delete(WebauthnChallenge).where(*match))
    spent = isinstance(result, CursorResult) and result.rowcount == 1
    return issued if spent and live else None
