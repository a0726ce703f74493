"""⑦ Delivery: claim SMS with a lease, send with no transaction open, record the result.

A pass claims a batch and sends it in waves of up to ``concurrency`` SMS at once (one at a
time when paced; one per number in a wave, so a person's texts keep their order), each
wave's accepted sends recorded in one statement. The chores that need no
hurry (cancelling rows of opted-out people, expiring dead leases, the gauges) run at most
every ``chores_seconds``, not on every pass a new reply wakes: the claim itself never
takes a row of a person who opted out, so nothing is sent to them in between.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, and_, bindparam, case, func, or_, select, update

from nudge.channels.base import (
    AmbiguousSendError,
    PermanentSendError,
    RetryableSendError,
    Sender,
)
from nudge.clock import Clock
from nudge.observability import metrics
from nudge.observability.collectors import outbox_backlog
from nudge.observability.logging import get_logger
from nudge.outbox.pacing import Pacer
from nudge.store.db import Database
from nudge.store.states import OUTBOX, OutboxStatus
from nudge.store.states import OutboxStatus as _O
from nudge.store.tables import Outbox, User
from nudge.store.types import UTCDateTime

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


class Every:
    """Says yes at most once per ``seconds`` of ``clock`` time (always when ``seconds`` is 0)."""

    def __init__(self, clock: Clock, seconds: float) -> None:
        self._clock, self._every = clock, timedelta(seconds=seconds)
        self._next: datetime | None = None

    def due(self) -> bool:
        """Whether the work is due now; if so, the next time is ``seconds`` from now."""
        now = self._clock.now()
        if self._next is not None and now < self._next:
            return False
        self._next = now + self._every
        return True


def next_wave(rows: list[Claimed], size: int) -> tuple[list[Claimed], list[Claimed]]:
    """Up to ``size`` rows to send at once, and the rest, each in the order given.

    A wave holds one SMS per number at most, and a number's later rows wait behind its
    first: two texts to one person are sent one after the other, in the order queued.
    """
    wave: list[Claimed] = []
    rest: list[Claimed] = []
    taken: set[str] = set()
    for row in rows:
        if len(wave) < size and row.to_phone not in taken:
            wave.append(row)
        else:
            rest.append(row)
        taken.add(row.to_phone)
    return wave, rest


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
        concurrency: int = 1,
        chores_seconds: float = 0.0,
    ) -> None:
        self._db, self._sender, self._clock, self.owner = db, sender, clock, owner
        self._lease = timedelta(seconds=lease_seconds)
        self._max_attempts, self._batch = max_attempts, batch_size
        self._pacer = pacer
        if pacer is not None:
            self._batch = pacer.claim_limit(lease_seconds, batch_size)
        self._lanes = 1 if pacer is not None else max(concurrency, 1)  # pacing is in order
        self._chores = Every(clock, chores_seconds)
        self._stopping = False

    def request_stop(self) -> None:
        """Finish the wave in flight, hand every other claimed row back, then stop."""
        self._stopping = True

    async def run_once(self) -> int:
        """One pass: the chores when due, then claim a batch, send it, record the sends."""
        if self._stopping:
            return 0
        now = self._clock.now()
        chores = self._chores.due()
        if chores:
            await self._cancel_opted_out()
            await self._expire_leases(now)
        claimed = pending = await self._claim(now)
        while pending:
            if self._stopping:
                await self._release(pending)
                break
            wave, pending = next_wave(pending, self._lanes)
            await self._send_wave(wave)
        if chores:
            await self._measure()
        return len(claimed)

    async def _send_wave(self, rows: list[Claimed]) -> None:
        """Send ``rows`` at once, then record the accepted ones in one statement.

        A wave is at most ``concurrency`` rows: a crash between the sends and that statement
        leaves no more rows ``sending`` (then ``unknown``, looked up before any re-send).
        """
        accepted: list[dict[str, object]] = []
        try:
            await asyncio.gather(*(self._deliver(row, accepted) for row in rows))
        finally:
            await self._mark_sent(accepted)

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
        depth, age = await outbox_backlog(self._db, self._clock.now())
        metrics.OUTBOX_DEPTH.set(depth)
        metrics.OUTBOX_OLDEST_AGE.set(age)

    async def pending_count(self) -> int:
        """Rows still waiting to be sent (pending or being sent)."""
        async with self._db.sessions() as session:
            result = await session.execute(select(func.count()).where(Outbox.status.in_(_WAITING)))
            return int(result.scalar_one())

    async def _cancel_opted_out(self) -> None:
        async with self._db.transaction() as session:
            await session.execute(
                update(Outbox)
                .where(
                    Outbox.status == _O.PENDING,
                    Outbox.kind != "compliance",
                    Outbox.user_id.in_(_OPTED_OUT),
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
        """Lease up to a batch of due rows, oldest first (one statement, built once)."""
        values = {"now": now, "until": now + self._lease, "owner": self.owner}
        async with self._db.transaction() as session:
            result = await session.execute(_CLAIM, {**values, "limit": self._batch})
            rows = [Claimed(*row) for row in result.all()]
        return sorted(rows, key=lambda row: (row.due_at, row.id))

    async def _deliver(self, row: Claimed, accepted: list[dict[str, object]]) -> None:
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
            final = OUTBOX.move(
                _O.SENDING, _O.DELIVERED if result.status == "delivered" else _O.SENT
            )
            accepted.append({"row": row.id, "sid": result.provider_sid, "final": final})
            log.info("delivery.sent", outbox_id=row.id, phone=row.to_phone, attempts=row.attempts)

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

    async def _mark_sent(self, accepted: list[dict[str, object]]) -> None:
        """Record a wave's acceptances in one statement (a callback's status is kept)."""
        if not accepted:
            return
        now, owner = self._clock.now(), self.owner
        async with self._db.transaction() as session:
            connection = await session.connection()
            await connection.execute(
                _MARK_SENT, [{**item, "owner": owner, "now": now} for item in accepted]
            )

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


_OPTED_OUT = select(User.id).where(User.opted_out.is_(True))


def _claim_statement() -> Any:
    """Lease due rows of people still opted in (compliance replies always), oldest first.

    Parameters: ``now``, ``until`` (the lease's end), ``owner``, ``limit``.
    """
    due = (
        select(Outbox.id)
        .where(
            Outbox.status == _O.PENDING,
            Outbox.due_at <= bindparam("now", type_=UTCDateTime()),
            or_(Outbox.kind == "compliance", Outbox.user_id.not_in(_OPTED_OUT)),
        )
        .order_by(Outbox.due_at, Outbox.id)
        .limit(bindparam("limit"))
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    return (
        update(Outbox)
        .where(Outbox.id.in_(due), Outbox.status == _O.PENDING)
        .values(
            status=OUTBOX.move(_O.PENDING, _O.SENDING),
            lease_owner=bindparam("owner"),
            lease_until=bindparam("until"),
            attempts=Outbox.attempts + 1,
        )
        .returning(
            Outbox.id, Outbox.to_phone, Outbox.body, Outbox.attempts, Outbox.due_at, Outbox.kind
        )
    )


_CLAIM = _claim_statement()  # built once: no statement building or cache key per pass
_TABLE = cast("Table", Outbox.__table__)
_MARK_SENT = (  # executed once per batch with one parameter set per accepted send
    update(_TABLE)
    .where(_TABLE.c.id == bindparam("row"), _TABLE.c.lease_owner == bindparam("owner"))
    .values(
        status=case(
            (_TABLE.c.status == _O.SENDING, bindparam("final", type_=_TABLE.c.status.type)),
            else_=_TABLE.c.status,
        ),
        provider_sid=bindparam("sid"),
        sent_at=bindparam("now", type_=_TABLE.c.sent_at.type),
        lease_until=None,
    )
)
