"""The keys that sign access tokens: from settings, or one the server makes and keeps.

``NUDGE_AUTH_SIGNING_KEYS`` is a comma-separated list: the first signs, every one is
accepted, so a key is rotated by putting the new one first and dropping the old one once the
last token it signed has expired (15 minutes). Left empty (the embedded default), the server
makes a random key on first use and keeps it in ``server_secrets``, shared by every process
on that database; nothing has to be configured for sign-in to work.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.account_tables import ServerSecret
from nudge.store.dialect import insert_ignore

KEPT_KEY = "access-token-signing-key"
MIN_KEY_LENGTH = 32


class SigningKeyError(ValueError):
    """A configured signing key too short to be safe."""


def configured_keys(value: str) -> tuple[bytes, ...]:
    """The keys of ``NUDGE_AUTH_SIGNING_KEYS``, each at least 32 characters."""
    keys = tuple(part.strip().encode() for part in value.split(",") if part.strip())
    if any(len(key) < MIN_KEY_LENGTH for key in keys):
        raise SigningKeyError(f"each signing key needs at least {MIN_KEY_LENGTH} characters")
    return keys


async def kept_key(session: AsyncSession, *, now: datetime) -> bytes:
    """The server's own key, made by the first process that asks."""
    fresh = {"name": KEPT_KEY, "value": secrets.token_urlsafe(48), "created_at": now}
    await session.execute(insert_ignore(session, ServerSecret, fresh, ["name"]))
    value = await session.scalar(select(ServerSecret.value).where(ServerSecret.name == KEPT_KEY))
    assert value is not None  # noqa: S101 - inserted or already there, in this transaction
    return value.encode()


class SigningKeys:
    """The process's signing keys: the configured ones, or the kept one read once."""

    def __init__(self, configured: str) -> None:
        self._keys = configured_keys(configured)

    async def get(self, session: AsyncSession, *, now: datetime) -> tuple[bytes, ...]:
        """The keys, first one signing; reads (or makes) the kept key on first use."""
        if not self._keys:
            self._keys = (await kept_key(session, now=now),)
        return self._keys
