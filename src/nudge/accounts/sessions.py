"""Sessions: one per signed-in browser or app, checked on every request, revocable at once.

A session is the access token's ``sid``. It lives 7 days from its last refresh (each
refresh slides it), and a revoked or expired one turns its access tokens away at once,
though they are signed for 15 minutes (``web/auth/principal.py`` reads the session on every
request: one primary-key read joined with the person's role). Its refresh tokens are one
family: ``accounts/refresh.py`` rotates them, and revokes the session when a rotated one
comes back. Signing out ends this session; signing out everywhere ends all of the person's.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import access_tokens, audit
from nudge.accounts.audit import AuditAction
from nudge.accounts.one_time import digest, new_token
from nudge.accounts.roles import Role, Scope, scopes_of
from nudge.store.account_tables import AuthSession, RefreshToken
from nudge.store.tables import User

SESSION_TTL: Final = timedelta(days=7)
USER_AGENT_CHARS: Final = 200


@dataclass(frozen=True, slots=True)
class Client:
    """Who is signing in, as the web request shows it (for the sessions list)."""

    ip: str | None = None
    user_agent: str | None = None


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A new or refreshed session: the tokens to hand the client."""

    session_id: str
    user_id: int
    access_token: str
    access_expires_at: datetime
    refresh_token: str
    refresh_expires_at: datetime


@dataclass(frozen=True, slots=True)
class SessionView:
    """One active session, as the person's sessions list shows it."""

    id: str
    method: str
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    second_factor: bool
    ip: str | None
    user_agent: str | None


def granted_scopes(role: str, *, second_factor: bool) -> frozenset[Scope]:
    """What a session may do: an admin's scopes need a second factor, else a person's only."""
    if role == Role.ADMIN and not second_factor:
        return scopes_of(Role.USER)
    return scopes_of(role)


async def open_session(
    session: AsyncSession,
    *,
    user_id: int,
    method: str,
    client: Client,
    now: datetime,
    keys: Sequence[bytes],
    second_factor: bool = False,
) -> SignedIn:
    """Start a session for the person (a sign-in completed): its first tokens."""
    row = AuthSession(
        id=secrets.token_urlsafe(16),
        user_id=user_id,
        method=method,
        created_at=now,
        last_used_at=now,
        expires_at=now + SESSION_TTL,
        second_factor_at=now if second_factor else None,
        ip=client.ip,
        user_agent=(client.user_agent or "")[:USER_AGENT_CHARS] or None,
    )
    session.add(row)
    await session.flush()
    return await tokens_for(session, row=row, now=now, keys=keys)


async def tokens_for(
    session: AsyncSession, *, row: AuthSession, now: datetime, keys: Sequence[bytes]
) -> SignedIn:
    """A fresh access token and refresh token for a live session."""
    role = await session.scalar(select(User.role).where(User.id == row.user_id))
    access, access_expires = access_tokens.mint(
        keys[0], user_id=row.user_id, session_id=row.id, role=str(role), now=now
    )
    refresh = new_token()
    session.add(RefreshToken(digest=digest(refresh), session_id=row.id, created_at=now))
    await session.flush()
    return SignedIn(row.id, row.user_id, access, access_expires, refresh, row.expires_at)


async def role_and_second_factor(
    session: AsyncSession, *, session_id: str, user_id: int, now: datetime
) -> tuple[str, datetime | None] | None:
    """The role and second-factor time of a live session of this person (None: not live)."""
    query = (
        select(User.role, AuthSession.second_factor_at)
        .join(User, User.id == AuthSession.user_id)
        .where(
            AuthSession.id == session_id,
            AuthSession.user_id == user_id,
            AuthSession.revoked_at.is_(None),
            AuthSession.expires_at > now,
        )
    )
    found = (await session.execute(query)).first()
    return None if found is None else (str(found[0]), found[1])


async def revoke(session: AsyncSession, *, session_id: str, reason: str, now: datetime) -> bool:
    """End one session (its access and refresh tokens stop working); False if it was not live."""
    ended = await session.execute(
        update(AuthSession)
        .where(AuthSession.id == session_id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=reason)
    )
    return bool(getattr(ended, "rowcount", 0))


async def sign_out(session: AsyncSession, *, user_id: int, session_id: str, now: datetime) -> None:
    """The person ends this session."""
    if await revoke(session, session_id=session_id, reason="sign_out", now=now):
        await audit.record(
            session, user_id=user_id, action=AuditAction.SIGN_OUT, now=now, session_id=session_id
        )


async def sign_out_everywhere(session: AsyncSession, *, user_id: int, now: datetime) -> int:
    """The person ends every one of their sessions; how many were live."""
    ended = await session.execute(
        update(AuthSession)
        .where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason="sign_out_everywhere")
    )
    count = int(getattr(ended, "rowcount", 0))
    await audit.record(
        session, user_id=user_id, action=AuditAction.SIGN_OUT_EVERYWHERE, now=now, sessions=count
    )
    return count


async def active(session: AsyncSession, *, user_id: int, now: datetime) -> list[SessionView]:
    """The person's live sessions, most recently used first."""
    rows = await session.scalars(
        select(AuthSession)
        .where(
            AuthSession.user_id == user_id,
            AuthSession.revoked_at.is_(None),
            AuthSession.expires_at > now,
        )
        .order_by(AuthSession.last_used_at.desc(), AuthSession.id)
    )
    return [
        SessionView(
            row.id, row.method, row.created_at, row.last_used_at, row.expires_at,
            row.second_factor_at is not None, row.ip, row.user_agent,
        )
        for row in rows
    ]  # fmt: skip
