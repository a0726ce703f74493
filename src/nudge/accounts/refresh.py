"""Refreshing a session: each refresh token works once, and a second use ends the session.

A refresh hands out a new access token and a new refresh token and retires the one
presented (its hash stays, marked used). A retired token presented again means two parties
hold the session's tokens (a copy was stolen, or a client kept an old one): the whole
session, the family of every token it issued, is revoked, so the thief's tokens and the
person's stop working together, and the person signs in again. Retiring is one
``UPDATE … WHERE used_at IS NULL``, so of two refreshes racing with one token exactly one
wins (the other is a reuse). A client must therefore not refresh with one token twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import audit, sessions
from nudge.accounts.audit import AuditAction
from nudge.accounts.one_time import digest
from nudge.accounts.sessions import SignedIn
from nudge.store.account_tables import AuthSession, RefreshToken

RefreshRefusal = Literal["unknown", "reused", "ended"]


async def rotate(
    session: AsyncSession, *, refresh_token: str, now: datetime, keys: Sequence[bytes]
) -> SignedIn | RefreshRefusal:
    """New tokens for the session of ``refresh_token``, or why not."""
    presented = digest(refresh_token)
    row = await session.scalar(
        select(AuthSession)
        .join(RefreshToken, RefreshToken.session_id == AuthSession.id)
        .where(RefreshToken.digest == presented)
        .with_for_update(of=AuthSession)
    )
    if row is None:
        return "unknown"
    if row.revoked_at is not None or row.expires_at <= now:
        return "ended"
    retired = await session.execute(
        update(RefreshToken)
        .where(RefreshToken.digest == presented, RefreshToken.used_at.is_(None))
        .values(used_at=now)
    )
    if not getattr(retired, "rowcount", 0):
        await _reused(session, row=row, now=now)
        return "reused"
    row.last_used_at = now
    row.expires_at = now + sessions.SESSION_TTL
    return await sessions.tokens_for(session, row=row, now=now, keys=keys)


async def _reused(session: AsyncSession, *, row: AuthSession, now: datetime) -> None:
    """A retired token came back: the session and all its tokens end."""
    await sessions.revoke(session, session_id=row.id, reason="refresh_reused", now=now)
    await audit.record(
        session, user_id=row.user_id, action=AuditAction.REFRESH_REUSED, now=now, session_id=row.id
    )
