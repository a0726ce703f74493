"""Forgetting what signing in no longer needs: spent secrets, old counts, ended sessions.

A scheduler job (handed in by bootstrap) that runs at most every ``EVERY``: the texts that
carried a code or a link lose their body once it expired (``outbox/retire.py``); one-time
secrets and counted attempts go a day after they stopped mattering (the longest window is an
hour), sessions a day after they expired or would have (a revoked one keeps its expiry; its
refresh tokens go with it), and refresh tokens retired longer ago than a session can live.
The audit log keeps what happened.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import delete

from nudge.accounts.codes import CODE_TTL, OUTBOX_KIND
from nudge.outbox.retire import retire_expired
from nudge.store.account_tables import AuthSession, RefreshToken, SignInAttempt, SignInSecret
from nudge.store.db import Database

EVERY: Final = timedelta(minutes=10)
KEPT: Final = timedelta(days=1)
RETIRED_KEPT: Final = timedelta(days=8)  # past any live session's 7 days


async def purge(db: Database, *, now: datetime) -> None:
    """Retire and delete what expired: one short transaction of indexed statements."""
    old = now - KEPT
    async with db.transaction() as session:
        await retire_expired(session, kind=OUTBOX_KIND, expired_before=now - CODE_TTL, now=now)
        await session.execute(delete(SignInSecret).where(SignInSecret.expires_at < old))
        await session.execute(delete(SignInAttempt).where(SignInAttempt.created_at < old))
        await session.execute(delete(RefreshToken).where(RefreshToken.used_at < now - RETIRED_KEPT))
        await session.execute(delete(AuthSession).where(AuthSession.expires_at < old))


class PurgeJob:
    """The scheduler's job: ``purge`` once every ``EVERY`` (the pass itself runs every second)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._next: datetime | None = None

    async def __call__(self, now: datetime, _limit: int) -> int:
        """Purge when due; queues no message (returns 0)."""
        if self._next is None or now >= self._next:
            await purge(self._db, now=now)
            self._next = now + EVERY
        return 0
