"""Pacing: at most N segments per second per sender number, shared by every worker process.

Each send reserves the next free slot of its sender in one short transaction on a
``send_pacers`` row, then waits for it outside any transaction. Slots are handed out in
the order workers ask, so a burst at 08:00 drains in order instead of provoking 429s.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from sqlalchemy import select

from nudge.channels.segments import count_segments
from nudge.clock import Clock
from nudge.store.db import Database
from nudge.store.dialect import insert_ignore
from nudge.store.tables import SendPacer


class Pacer:
    """Hands out sending slots for one sender key at ``rate`` segments per second."""

    def __init__(self, *, db: Database, clock: Clock, key: str, rate: float) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self._db, self._clock, self.key, self.rate = db, clock, key, rate

    def claim_limit(self, lease_seconds: int, batch: int) -> int:
        """Rows one worker may hold at once so the last still goes out well inside its lease."""
        return max(1, min(batch, int(self.rate * lease_seconds / 4)))

    async def reserve(self, body: str) -> datetime:
        """Book the next slot for ``body`` (its segment count) and return when it starts."""
        cost = timedelta(seconds=count_segments(body) / self.rate)
        now = self._clock.now()
        async with self._db.transaction() as session:
            await session.execute(
                insert_ignore(session, SendPacer, {"key": self.key, "next_at": now}, ["key"])
            )
            result = await session.execute(
                select(SendPacer).where(SendPacer.key == self.key).with_for_update()
            )
            row = result.scalar_one()
            slot = max(row.next_at, now)
            row.next_at = slot + cost
        return slot

    async def wait(self, body: str) -> None:
        """Reserve a slot and sleep until it comes."""
        slot = await self.reserve(body)
        delay = (slot - self._clock.now()).total_seconds()
        if delay > 0:
            await asyncio.sleep(delay)
