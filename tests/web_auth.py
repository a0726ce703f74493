"""Signing a test's person in: real access tokens, minted with the server's own keys."""

from __future__ import annotations

from nudge.accounts import access_tokens
from nudge.bootstrap import Services


async def access_token_for(services: Services, user_id: int, *, session_id: str = "test") -> str:
    """A valid access token for ``user_id``, signed as the server signs its own."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
    token, _ = access_tokens.mint(
        keys[0], user_id=user_id, session_id=session_id, role="user", now=now
    )
    return token


async def bearer_for(services: Services, user_id: int) -> dict[str, str]:
    """An ``Authorization`` header carrying a valid access token for ``user_id``."""
    return {"Authorization": f"Bearer {await access_token_for(services, user_id)}"}
