"""One-time sign-in secrets (texted codes and links, second-factor tickets), kept hashed.

Only the SHA-256 of a secret is stored: a backup or an export never holds one that works.
(A 6-digit code cannot be kept from someone who reads the database, hashed or not; it lives
10 minutes and works once, which is its protection.) A person's newest live secret of a
purpose is the only one that works: issuing one marks the older ones used, so asking for
five codes does not give five codes to guess. Each dies after ``MAX_TRIES`` wrong tries.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.account_tables import SecretPurpose, SignInSecret

MAX_TRIES: Final = 5
CODE_DIGITS: Final = 6


def digest(secret: str) -> str:
    """The stored form of a secret (hex SHA-256)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_code() -> str:
    """Six random digits, leading zeros kept."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def new_token() -> str:
    """A random URL-safe token of 32 bytes (43 characters)."""
    return secrets.token_urlsafe(32)


async def issue(
    session: AsyncSession,
    *,
    user_id: int,
    purpose: SecretPurpose,
    secret: str,
    ttl: timedelta,
    now: datetime,
    method: str | None = None,
) -> SignInSecret:
    """Keep ``secret`` for the person, valid ``ttl``; their older live ones stop working."""
    await session.execute(
        update(SignInSecret)
        .where(
            SignInSecret.user_id == user_id,
            SignInSecret.purpose == purpose,
            SignInSecret.used_at.is_(None),
            SignInSecret.expires_at > now,
        )
        .values(used_at=now)
    )
    row = SignInSecret(
        user_id=user_id,
        purpose=purpose,
        digest=digest(secret),
        method=method,
        attempts=0,
        created_at=now,
        expires_at=now + ttl,
    )
    session.add(row)
    await session.flush()
    return row


def _live(now: datetime) -> tuple[ColumnElement[bool], ...]:
    return (
        SignInSecret.used_at.is_(None),
        SignInSecret.expires_at > now,
        SignInSecret.attempts < MAX_TRIES,
    )


async def live_by_token(
    session: AsyncSession, *, purpose: SecretPurpose, token: str, now: datetime
) -> SignInSecret | None:
    """The live secret this random token is (a link or a ticket), locked for its use."""
    query = (
        select(SignInSecret)
        .where(SignInSecret.digest == digest(token), SignInSecret.purpose == purpose, *_live(now))
        .with_for_update()
    )
    found: SignInSecret | None = await session.scalar(query)
    return found


async def newest_live(
    session: AsyncSession, *, user_id: int, purpose: SecretPurpose, now: datetime
) -> SignInSecret | None:
    """The person's one live secret of ``purpose`` (a texted code), locked for its use."""
    query = (
        select(SignInSecret)
        .where(SignInSecret.user_id == user_id, SignInSecret.purpose == purpose, *_live(now))
        .order_by(SignInSecret.created_at.desc(), SignInSecret.id.desc())
        .limit(1)
        .with_for_update()
    )
    found: SignInSecret | None = await session.scalar(query)
    return found


def matches(row: SignInSecret, secret: str) -> bool:
    """Whether ``secret`` is the one kept in ``row`` (compared in constant time)."""
    return hmac.compare_digest(row.digest, digest(secret))


def use(row: SignInSecret, *, now: datetime) -> None:
    """Spend the secret: it never works again."""
    row.used_at = now


def miss(row: SignInSecret) -> None:
    """Count a wrong try; the ``MAX_TRIES``-th ends the secret."""
    row.attempts += 1
