"""Signing a test's person in: a real session row, and tokens the server's own keys sign.

The session is opened as a finished sign-in opens one (``accounts.sessions.open_session``),
so signing out, expiry and revocation work on these tokens as on any. By default it passed
a second factor, so an admin's token carries the admin scopes; ``second_factor=False`` for
the other case.
"""

from __future__ import annotations

from nudge.accounts import sessions
from nudge.accounts.sessions import Client, SignedIn
from nudge.bootstrap import Services
from nudge.store.account_tables import AuthSession


async def sign_in_as(
    services: Services,
    user_id: int,
    *,
    second_factor: bool = True,
    method: str = "test",
    client: Client | None = None,
) -> SignedIn:
    """A new session for ``user_id``: its access and refresh tokens."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        return await sessions.open_session(
            session, user_id=user_id, method=method, client=client or Client(), now=now,
            keys=keys, second_factor=second_factor,
        )  # fmt: skip


async def access_token_for(
    services: Services, user_id: int, *, session_id: str | None = None, second_factor: bool = True
) -> str:
    """A valid access token for ``user_id``: of a new session, or of ``session_id`` (kept)."""
    if session_id is None:
        return (await sign_in_as(services, user_id, second_factor=second_factor)).access_token
    now = services.clock.now()
    async with services.db.transaction() as session:
        row = await session.get(AuthSession, session_id)
        if row is None:
            row = AuthSession(
                id=session_id, user_id=user_id, method="test", created_at=now, last_used_at=now,
                expires_at=now + sessions.SESSION_TTL,
                second_factor_at=now if second_factor else None,
            )  # fmt: skip
            session.add(row)
            await session.flush()
        keys = await services.signing_keys.get(session, now=now)
        return (await sessions.tokens_for(session, row=row, now=now, keys=keys)).access_token


async def bearer_for(services: Services, user_id: int) -> dict[str, str]:
    """An ``Authorization`` header carrying a valid access token for ``user_id``."""
    return {"Authorization": f"Bearer {await access_token_for(services, user_id)}"}
