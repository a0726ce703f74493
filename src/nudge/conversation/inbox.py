"""①→② The inbox: the webhook stores an SMS in one statement; a worker loop handles it.

Why: handling a message (who sent it, the rules or the agent, the change, the reply) costs
milliseconds of CPU and several round trips, and a model call can take seconds; Twilio only
needs to know the message is safe. ``Inbox.accept`` stores it and rings the loops, and the
webhook answers at once. Every process running the loops claims rows with a lease, hands
each to ``ConversationHandler`` and then deletes it. The handler stores a message once per
provider id, so a row handled twice (a crash between handling and the delete) is answered
once; a retried webhook finds its row still here, or its message already stored.

Order: only the oldest row of a phone can be claimed, and it stays until handled, so one
person's texts are handled one at a time, in the order they came, across processes. A
handling that fails is retried after a pause; after ``max_attempts`` the row is kept for
an operator (logged, and counted in ``nudge_inbox_depth``) and no longer holds the phone's
later texts back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    BindParameter,
    Integer,
    Table,
    bindparam,
    delete,
    exists,
    or_,
    select,
    update,
)
from sqlalchemy.orm import aliased

from nudge.channels.base import Channel, Inbound
from nudge.clock import Clock
from nudge.conversation.handler import ConversationHandler
from nudge.observability.logging import get_logger
from nudge.observability.metrics import SMS_INBOUND
from nudge.scheduler.wakeup import Wakeup
from nudge.store.db import Database
from nudge.store.dialect import insert_ignore_for
from nudge.store.tables import Inbox as Row
from nudge.store.types import UTCDateTime

log = get_logger("inbox")

BELL_WAIT_SECONDS = 1.0
"""With every lane busy, how long to wait at most before looking for new texts anyway."""
RETRY_SECONDS = (2.0, 10.0, 30.0, 120.0)
"""Pauses after the 1st, 2nd, 3rd… failed handling of a row (the last one repeats)."""


@dataclass(frozen=True, slots=True)
class Claimed:
    """An inbox row this process holds the lease on."""

    id: int
    inbound: Inbound
    received_at: datetime
    attempts: int


def retry_pause(attempts: int) -> timedelta:
    """How long a row waits after its ``attempts``-th failed handling."""
    return timedelta(seconds=RETRY_SECONDS[min(max(attempts, 1), len(RETRY_SECONDS)) - 1])


class Inbox:
    """Accepts inbound SMS for later handling, and handles them (many processes at once)."""

    def __init__(
        self,
        *,
        db: Database,
        handler: ConversationHandler,
        clock: Clock,
        on_accept: Callable[[], None] = lambda: None,
        bell: Wakeup | None = None,
        lease_seconds: int = 120,
        max_attempts: int = 5,
        concurrency: int = 8,
    ) -> None:
        self._db, self._handler, self._clock = db, handler, clock
        self._on_accept = on_accept
        self._bell = bell or Wakeup()  # rung for every text accepted, here or elsewhere
        self._lease = timedelta(seconds=lease_seconds)
        self._max_attempts = max_attempts
        self._lanes = max(concurrency, 1)
        self._stopping = False
        self._insert: Any = None

    async def accept(self, inbound: Inbound) -> bool:
        """Store ``inbound`` to be handled; False when its provider id is already waiting.

        One ``INSERT … ON CONFLICT DO NOTHING`` on a connection of its own (no ORM session):
        this is all the webhook does before it answers.
        """
        inbound = inbound.storable()
        values = {
            "provider_sid": inbound.provider_sid, "channel": inbound.channel,
            "phone": inbound.phone, "body": inbound.body, "num_media": inbound.num_media,
            "received_at": self._clock.now(), "attempts": 0,
        }  # fmt: skip
        async with self._db.engine.begin() as connection:
            result = await connection.execute(self._insert_statement(), values)
        stored = bool(result.rowcount)
        if stored:
            self._on_accept()
        else:
            SMS_INBOUND.labels(inbound.channel, "duplicate").inc()
        return stored

    def request_stop(self) -> None:
        """Finish the texts being handled, claim no more, then stop."""
        self._stopping = True

    async def run_once(self) -> int:
        """Handle texts until none is waiting, every lane kept busy; how many were handled.

        Each lane handles one text; as soon as one finishes, the same transaction deletes
        the finished rows and claims as many new ones as there are free lanes (the phone's
        next text among them, now that its older one is gone). A text that arrives while
        every lane is busy rings the bell and is claimed at the next free lane: a slow turn
        (a model call) holds its own lane only.
        """
        running: dict[asyncio.Task[bool], Claimed] = {}
        try:
            return await self._dispatch(running)
        finally:  # the database went away mid-pass: let the texts in hand finish first
            if running:
                await asyncio.gather(*running, return_exceptions=True)

    async def _dispatch(self, running: dict[asyncio.Task[bool], Claimed]) -> int:
        """``run_once``'s loop over free lanes; ``running`` holds the texts in hand."""
        finished: list[int] = []
        total = 0
        while True:
            free = 0 if self._stopping else self._lanes - len(running)
            if free or finished:
                for row in await self._settle_and_claim(finished, free):
                    running[asyncio.create_task(self._handle(row))] = row
                    total += 1
                finished = []
            if not running:
                return total
            bell = asyncio.ensure_future(self._bell.wait(BELL_WAIT_SECONDS))
            done, _pending = await asyncio.wait(
                {*running, bell}, return_when=asyncio.FIRST_COMPLETED
            )
            bell.cancel()
            ended = [(running.pop(task), task.result()) for task in list(running) if task in done]
            # a failed row stays: ``_handle`` already set when it is tried again
            finished = [row.id for row, handled in ended if handled]

    async def _handle(self, row: Claimed) -> bool:
        """Hand one claimed text to the handler; whether it was handled."""
        try:
            await self._handler.handle(row.inbound, received_at=row.received_at)
        except Exception:
            await self._failed(row)
            return False
        return True

    async def _failed(self, row: Claimed) -> None:
        """Log a failed handling and set when the row may be tried again."""
        given_up = row.attempts >= self._max_attempts
        log.exception(
            "inbox.gave_up" if given_up else "inbox.handle_failed",
            sid=row.inbound.provider_sid,
            phone=row.inbound.phone,
            attempts=row.attempts,
        )
        SMS_INBOUND.labels(row.inbound.channel, "failed").inc()
        retry_at = self._clock.now() + retry_pause(row.attempts)
        try:
            async with self._db.transaction() as session:
                statement = update(Row).where(Row.id == row.id).values(lease_until=retry_at)
                await session.execute(statement)
        except Exception as error:  # the lease still runs out: tried again then
            log.warning("inbox.retry_not_set", error=type(error).__name__)

    async def _settle_and_claim(self, finished: list[int], free: int) -> list[Claimed]:
        """Delete the rows handled, then lease the oldest text of up to ``free`` phones.

        One transaction, so a phone's next text is claimable as soon as its older one is gone.
        """
        now = self._clock.now()
        async with self._db.transaction() as session:
            if finished:
                await session.execute(_DELETE, {"ids": finished})
            if not free:
                return []
            values = {"now": now, "until": now + self._lease, "most": self._max_attempts}
            result = await session.execute(_CLAIM, {**values, "limit": free})
            rows = result.all()
        claimed = [
            Claimed(
                id=row.id,
                inbound=Inbound(
                    row.phone, row.body, row.provider_sid, _channel(row.channel), row.num_media
                ),
                received_at=row.received_at,
                attempts=row.attempts,
            )
            for row in rows
        ]
        return sorted(claimed, key=lambda row: row.id)

    def _insert_statement(self) -> Any:
        """The accept statement, built once for this database's dialect."""
        if self._insert is None:
            self._insert = insert_ignore_for(self._db.dialect, _TABLE, ["provider_sid"])
        return self._insert


def _claim_statement() -> Any:
    """Lease the oldest row of each phone not held back by an older live one (built once).

    Parameters: ``now``, ``until`` (the lease's end), ``most`` (attempts), ``limit``.
    """
    now: BindParameter[datetime] = bindparam("now", type_=UTCDateTime())
    most: BindParameter[int] = bindparam("most", type_=Integer())
    older = aliased(Row)
    held_back = exists().where(
        older.phone == Row.phone,
        older.id < Row.id,
        or_(older.attempts < most, older.lease_until >= now),
    )
    free = or_(Row.lease_until.is_(None), Row.lease_until < now)
    claimable = (
        select(Row.id)
        .where(free, Row.attempts < most, ~held_back)
        .order_by(Row.id)
        .limit(bindparam("limit"))
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    return (
        update(Row)
        .where(Row.id.in_(claimable), free)
        .values(lease_until=bindparam("until"), attempts=Row.attempts + 1)
        .returning(
            Row.id,
            Row.provider_sid,
            Row.channel,
            Row.phone,
            Row.body,
            Row.num_media,
            Row.received_at,
            Row.attempts,
        )
    )


_CLAIM = _claim_statement()
_DELETE = delete(Row).where(Row.id.in_(bindparam("ids", expanding=True)))


def _channel(stored: str) -> Channel:
    """The channel a row was accepted from (the column holds only ``Channel`` values)."""
    return cast("Channel", stored)


_TABLE = cast("Table", Row.__table__)
