"""Reconciliation: an ``unknown`` SMS (maybe sent, maybe not) is looked up before any re-send.

A status callback settles most of them first (``outbox/status.py``). What is still unknown
after ``wait`` is looked up at the provider: found → ``sent``/``delivered``; not found →
``pending`` again, so it is sent once. Without a lookup the row stays ``unknown``, visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from nudge.channels.base import Lookup, SendError, StatusLookup
from nudge.clock import Clock
from nudge.observability.logging import get_logger
from nudge.store.db import Database
from nudge.store.states import OUTBOX
from nudge.store.states import OutboxStatus as _O
from nudge.store.tables import Outbox

log = get_logger("reconcile")


@dataclass(frozen=True, slots=True)
class Doubtful:
    """An outbox row whose last send is ambiguous."""

    id: int
    to_phone: str
    body: str
    created_at: datetime


class Reconciler:
    """Settles ``unknown`` outbox rows through a provider lookup."""

    def __init__(
        self,
        *,
        db: Database,
        clock: Clock,
        lookup: StatusLookup | None,
        wait_seconds: float = 120,
        batch_size: int = 50,
    ) -> None:
        self._db, self._clock, self._lookup = db, clock, lookup
        self._wait, self._batch = timedelta(seconds=wait_seconds), batch_size

    async def run_once(self) -> int:
        """Look up a batch of unknown rows that waited long enough; return how many settled."""
        if self._lookup is None:
            return 0
        settled = 0
        for row in await self._doubtful():
            try:
                found = await self._lookup.lookup(
                    to=row.to_phone, body=row.body, since=row.created_at, outbox_id=row.id
                )
            except SendError as error:
                log.warning("reconcile.lookup_failed", outbox_id=row.id, reason=error.reason)
                await self._later(row.id)
                continue
            settled += await self._settle(row.id, found)
        return settled

    async def _doubtful(self) -> list[Doubtful]:
        cutoff = self._clock.now() - self._wait
        async with self._db.sessions() as session:
            result = await session.execute(
                select(Outbox.id, Outbox.to_phone, Outbox.body, Outbox.created_at)
                .where(Outbox.status == _O.UNKNOWN, Outbox.due_at <= cutoff)
                .order_by(Outbox.due_at, Outbox.id)
                .limit(self._batch)
            )
            return [Doubtful(*row) for row in result.all()]

    async def _settle(self, outbox_id: int, found: Lookup) -> int:
        now = self._clock.now()
        if found.found:
            status = _O.DELIVERED if found.status in ("delivered", "read") else _O.SENT
            values: dict[str, object] = {
                "status": OUTBOX.move(_O.UNKNOWN, status),
                "provider_sid": found.provider_sid,
                "sent_at": now,
                "last_error": None,
            }
        else:
            values = {
                "status": OUTBOX.move(_O.UNKNOWN, _O.PENDING),
                "due_at": now,
                "last_error": "not at provider: resend",
            }
        async with self._db.transaction() as session:
            result = await session.execute(
                update(Outbox)
                .where(Outbox.id == outbox_id, Outbox.status == _O.UNKNOWN)
                .values(**values)
                .returning(Outbox.id)
            )
            changed = result.first() is not None
        log.info("reconcile.settled", outbox_id=outbox_id, found=found.found, changed=changed)
        return int(changed)

    async def _later(self, outbox_id: int) -> None:
        """The lookup failed: try this row again after another wait."""
        async with self._db.transaction() as session:
            await session.execute(
                update(Outbox)
                .where(Outbox.id == outbox_id, Outbox.status == _O.UNKNOWN)
                .values(due_at=self._clock.now())
            )
