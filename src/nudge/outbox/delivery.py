"""⑦ Delivery: claim SMS with a lease, send with no transaction open, record the result."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, case, func, select, update

from nudge.channels.base import (
    AmbiguousSendError,
    PermanentSendError,
    RetryableSendError,
    Sender,
)
from nudge.clock import Clock
from nudge.observability import metrics
from nudge.observability.logging import get_logger
from nudge.outbox.pacing import Pacer
from nudge.store.db import Database
from nudge.store.states import OUTBOX, OutboxStatus
from nudge.store.states import OutboxStatus as _O
from nudge.store.tables import Outbox, User

log = get_logger("delivery")

BACKOFF_BASE_SECONDS = 2.0
BACKOFF_CAP_SECONDS = 300.0
_WAITING = (_O.PENDING, _O.SENDING)


@dataclass(frozen=True, slots=True)
class Claimed:
    """An outbox row this worker holds the lease on."""

    id: int
    to_phone: str
    body: str
    attempts: int
    due_at: datetime
    kind: str = "reply"


def backoff(attempts: int, *, jitter: float) -> timedelta:
    """Exponential backoff with jitter: 2 s, 4 s, 8 s… capped at 5 min."""
    seconds = min(BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_CAP_SECONDS)
    return timedelta(seconds=seconds * jitter)


class DeliveryWorker:
    """Moves outbox rows to the Sender; safe to run in many processes at once."""

    def __init__(
        self,
        *,
        db: Database,
        sender: Sender,
        clock: Clock,
        owner: str,
        lease_seconds: int = 60,
        max_attempts: int = 5,
        batch_size: int = 100,
        pacer: Pacer | None = None,
    ) -> None:
        self._db, self._sender, self._clock, self.owner = db, sender, clock, owner
        self._lease = timedelta(seconds=lease_seconds)
        self._max_attempts, self._batch = max_attempts, batch_size
        self._pacer = pacer
        if pacer is not None:
            self._batch = pacer.claim_limit(lease_seconds, batch_size)
        self._stopping = False

    def request_stop(self) -> None:
        """Finish the send in flight, hand every other claimed row back, then stop."""
        self._stopping = True

    async def run_once(self) -> int:
        """One pass: drop SMS to opted-out users, expire dead leases, claim and send a batch."""
        if self._stopping:
            return 0
        now = self._clock.now()
        await self._cancel_opted_out()
        await self._expire_leases(now)
        claimed = await self._claim(now)
        for index, row in enumerate(claimed):
            if self._stopping:
                await self._release(claimed[index:])
                break
            await self._deliver(row)
        await self._measure()
        return len(claimed)

    def _still_held(self, *ids: int) -> ColumnElement[bool]:
        """Rows this worker claimed and has not settled: the guard of every later update.

        A row whose lease expired (and was marked ``unknown``) or that a status callback
        already settled is left alone.
        """
        return and_(
            Outbox.id.in_(ids), Outbox.lease_owner == self.owner, Outbox.status == _O.SENDING
        )

    async def _settle(self, row: Claimed, **values: object) -> None:
        """Update one still-held row in its own short transaction."""
        async with self._db.transaction() as session:
            await session.execute(update(Outbox).where(self._still_held(row.id)).values(**values))

    async def _release(self, rows: list[Claimed]) -> None:
        """Give rows we claimed but never tried back to the queue (graceful shutdown)."""
        async with self._db.transaction() as session:
            await session.execute(
                update(Outbox)
                .where(self._still_held(*(row.id for row in rows)))
                .values(
                    status=OUTBOX.move(_O.SENDING, _O.PENDING),
                    lease_until=None,
                    attempts=Outbox.attempts - 1,
                )
            )
        log.info("delivery.released", rows=len(rows))

    async def _measure(self) -> None:
        """Outbox depth and the age of the oldest due row, for the gauges."""
        now = self._clock.now()
        async with self._db.sessions() as session:
            result = await session.execute(
                select(func.count(), func.min(Outbox.due_at)).where(
                    Outbox.status.in_(_WAITING), Outbox.due_at <= now
                )
            )
            depth, oldest = result.one()
        metrics.OUTBOX_DEPTH.set(int(depth))
        metrics.OUTBOX_OLDEST_AGE.set((now - oldest).total_seconds() if oldest else 0.0)

    async def pending_count(self) -> int:
        """Rows still waiting to be sent (pending or being sent)."""
        async with self._db.sessions() as session:
            result = await session.execute(select(func.count()).where(Outbox.status.in_(_WAITING)))
            return int(result.scalar_one())

    async def _cancel_opted_out(self) -> None:
        opted_out = select(User.id).where(User.opted_out.is_(True)).scalar_subquery()
        async with self._db.transaction() as session:
            await session.execute(
                update(Outbox)
                .where(
                    Outbox.status == _O.PENDING,
                    Outbox.kind != "compliance",
                    Outbox.user_id.in_(opted_out),
                )
                .values(
                    status=OUTBOX.move(_O.PENDING, _O.CANCELLED), last_error="recipient opted out"
                )
            )

    async def _expire_leases(self, now: datetime) -> None:
        """A row ``sending`` past its lease may be at the provider: mark it, never resend blind."""
        async with self._db.transaction() as session:
            result = await session.execute(
                update(Outbox)
                .where(Outbox.status == _O.SENDING, Outbox.lease_until < now)
                .values(
                    status=OUTBOX.move(_O.SENDING, _O.UNKNOWN),
                    last_error="lease expired while sending",
                    due_at=now,
                    lease_until=None,
                )
                .returning(Outbox.id)
            )
            expired = len(result.all())
        if expired:
            metrics.DELIVERY_FAILURES.labels(reason="lease_expired").inc(expired)

    async def _claim(self, now: datetime) -> list[Claimed]:
        due = (
            select(Outbox.id)
            .where(Outbox.status == _O.PENDING, Outbox.due_at <= now)
            .order_by(Outbox.due_at, Outbox.id)
            .limit(self._batch)
            .with_for_update(skip_locked=True)
            .scalar_subquery()
        )
        async with self._db.transaction() as session:
            result = await session.execute(
                update(Outbox)
                .where(Outbox.id.in_(due), Outbox.status == _O.PENDING)
                .values(
                    status=OUTBOX.move(_O.PENDING, _O.SENDING),
                    lease_owner=self.owner,
                    lease_until=now + self._lease,
                    attempts=Outbox.attempts + 1,
                )
                .returning(
                    Outbox.id,
                    Outbox.to_phone,
                    Outbox.body,
                    Outbox.attempts,
                    Outbox.due_at,
                    Outbox.kind,
                )
            )
            rows = [Claimed(*row) for row in result.all()]
        return sorted(rows, key=lambda row: (row.due_at, row.id))

    async def _deliver(self, row: Claimed) -> None:
        if self._pacer is not None:
            await self._pacer.wait(row.body)
            if not await self._renew(row):
                return
        metrics.DELIVERY_ATTEMPTS.inc()
        try:
            result = await self._sender.send(to=row.to_phone, body=row.body, outbox_id=row.id)
        except RetryableSendError as error:
            metrics.DELIVERY_FAILURES.labels(reason="retryable").inc()
            await self._retry_or_fail(row, error)
        except PermanentSendError as error:
            metrics.DELIVERY_FAILURES.labels(reason="permanent").inc()
            await self._finish(row, status=_O.FAILED, error=f"{error.code or ''} {error.reason}")
        except AmbiguousSendError as error:
            metrics.DELIVERY_FAILURES.labels(reason="ambiguous").inc()
            await self._finish(row, status=_O.UNKNOWN, error=error.reason)
        except Exception as error:  # a bug in a sender must not kill the worker
            metrics.DELIVERY_FAILURES.labels(reason="crash").inc()
            log.exception("delivery.crash", outbox_id=row.id)
            await self._finish(row, status=_O.UNKNOWN, error=f"unexpected: {type(error).__name__}")
        else:
            metrics.SMS_OUTBOUND.labels(kind=row.kind).inc()
            await self._mark_sent(row, provider_sid=result.provider_sid, status=result.status)

    async def _renew(self, row: Claimed) -> bool:
        """Extend our lease just before sending; False if it was lost while we waited."""
        async with self._db.transaction() as session:
            result = await session.execute(
                update(Outbox)
                .where(self._still_held(row.id))
                .values(lease_until=self._clock.now() + self._lease)
                .returning(Outbox.id)
            )
            return result.first() is not None

    async def _mark_sent(self, row: Claimed, *, provider_sid: str, status: str) -> None:
        """Record acceptance; a status callback that already arrived is not overwritten."""
        final = OUTBOX.move(_O.SENDING, _O.DELIVERED if status == "delivered" else _O.SENT)
        now = self._clock.now()
        async with self._db.transaction() as session:
            await session.execute(
                update(Outbox)
                .where(Outbox.id == row.id, Outbox.lease_owner == self.owner)
                .values(
                    status=case((Outbox.status == _O.SENDING, final), else_=Outbox.status),
                    provider_sid=provider_sid,
                    sent_at=now,
                    lease_until=None,
                )
            )
        log.info("delivery.sent", outbox_id=row.id, phone=row.to_phone, attempts=row.attempts)

    async def _retry_or_fail(self, row: Claimed, error: RetryableSendError) -> None:
        if row.attempts >= self._max_attempts:
            await self._finish(row, status=_O.FAILED, error=f"gave up: {error.reason}")
            return
        delay = backoff(row.attempts, jitter=random.uniform(0.8, 1.2))  # noqa: S311
        if error.retry_after:
            delay = max(delay, timedelta(seconds=error.retry_after))
        await self._settle(
            row,
            status=OUTBOX.move(_O.SENDING, _O.PENDING),
            due_at=self._clock.now() + delay,
            lease_until=None,
            last_error=error.reason,
        )
        log.warning("delivery.retry", outbox_id=row.id, attempts=row.attempts, reason=error.reason)

    async def _finish(self, row: Claimed, *, status: OutboxStatus, error: str) -> None:
        await self._settle(
            row,
            status=OUTBOX.move(_O.SENDING, status),
            lease_until=None,
            last_error=error.strip(),
            due_at=self._clock.now(),
        )
        log.warning("delivery.failed", outbox_id=row.id, status=status, reason=error)
