"""The keyring a process seals with: the configured keys, or one the server keeps.

``NUDGE_SECRET_KEYS`` lists ``<id>:<key>`` pairs, the first sealing. Left empty (the
embedded default), the server makes a key on first use and keeps it in ``server_secrets``,
as it keeps its token-signing key, so nothing has to be configured. That key then sits in the
same database as what it seals: a dump carries both. Production sets its own keys; a kept
key found beside them still opens what it sealed (never seals again) until
``nudge rotate-keys`` has moved every value under the configured key and dropped it.
"""

from __future__ import annotations

import base64
import os
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.crypto.keyring import KEY_BYTES, Keyring, SecretKey, parse_keys
from nudge.store.account_tables import ServerSecret
from nudge.store.dialect import insert_ignore

KEPT_NAME = "secrets-at-rest-key"
KEPT_ID = "kept"


async def _read_kept(session: AsyncSession) -> SecretKey | None:
    value = await session.scalar(select(ServerSecret.value).where(ServerSecret.name == KEPT_NAME))
    if value is None:
        return None
    return SecretKey(KEPT_ID, base64.urlsafe_b64decode(value.encode()))


async def _make_kept(session: AsyncSession, *, now: datetime) -> SecretKey:
    fresh = base64.urlsafe_b64encode(os.urandom(KEY_BYTES)).decode()
    row = {"name": KEPT_NAME, "value": fresh, "created_at": now}
    await session.execute(insert_ignore(session, ServerSecret, row, ["name"]))
    kept = await _read_kept(session)
    assert kept is not None  # noqa: S101 - inserted or already there, in this transaction
    return kept


async def drop_kept(session: AsyncSession) -> bool:
    """Forget the kept key (once nothing is sealed with it); whether there was one."""
    result = await session.execute(delete(ServerSecret).where(ServerSecret.name == KEPT_NAME))
    return bool(getattr(result, "rowcount", 0))


class SecretKeys:
    """The process's keyring, read once: configured keys first, a kept key to open with."""

    def __init__(self, configured: str) -> None:
        self._configured = parse_keys(configured)
        if any(key.id == KEPT_ID for key in self._configured):
            raise ValueError(f"the key id {KEPT_ID!r} is the server's own; choose another")
        self._keyring: Keyring | None = None

    @property
    def configured(self) -> bool:
        """Whether keys were set in ``NUDGE_SECRET_KEYS`` (else the server keeps its own)."""
        return bool(self._configured)

    async def keyring(self, session: AsyncSession, *, now: datetime) -> Keyring:
        """The keyring; the first call reads (or, with nothing configured, makes) the kept key."""
        if self._keyring is None:
            self._keyring = await self.fresh_keyring(session, now=now)
        return self._keyring

    async def fresh_keyring(self, session: AsyncSession, *, now: datetime) -> Keyring:
        """The keyring as the database holds it now (rotation reads it so, never cached)."""
        if not self._configured:
            return Keyring([await _make_kept(session, now=now)])
        kept = await _read_kept(session)
        return Keyring([*self._configured, *([kept] if kept is not None else [])])
