"""Scrape-time collection: gauges read from the database and the pool when /metrics is asked.

Every replica answers from the shared database, so a web-only replica reports the inbox and
the outbox as well as a worker does. The queries are two small aggregates; a slow or absent
database counts a collection error and leaves the previous values, so a scrape never hangs.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import Select, func, select
from sqlalchemy.pool import QueuePool

from nudge.observability.logging import get_logger
from nudge.observability.metrics import (
    COLLECT_ERRORS,
    DB_POOL_IN_USE,
    DB_POOL_SIZE,
    INBOX_DEPTH,
    INBOX_OLDEST_AGE,
    OUTBOX_DEPTH,
    OUTBOX_OLDEST_AGE,
    REGISTRY,
)
from nudge.store.db import Database
from nudge.store.states import OutboxStatus
from nudge.store.tables import Inbox, Outbox

COLLECT_TIMEOUT_SECONDS = 2.0
WAITING = (OutboxStatus.PENDING, OutboxStatus.SENDING)
log = get_logger("metrics")


async def outbox_backlog(db: Database, now: datetime) -> tuple[int, float]:
    """Rows due and not yet sent, and the age in seconds of the oldest of them (0 if none)."""
    query = select(func.count(), func.min(Outbox.due_at)).where(
        Outbox.status.in_(WAITING), Outbox.due_at <= now
    )
    return await _count_and_age(db, query, now)


async def inbox_backlog(db: Database, now: datetime) -> tuple[int, float]:
    """Inbound SMS not yet handled, and the age in seconds of the oldest (0 if none)."""
    return await _count_and_age(db, select(func.count(), func.min(Inbox.received_at)), now)


async def _count_and_age(
    db: Database, query: Select[int, datetime], now: datetime
) -> tuple[int, float]:
    """``query``'s count and the age in seconds of its oldest instant (0 if none)."""
    async with db.sessions() as session:
        count, oldest = (await session.execute(query)).one()
    age = (now - oldest).total_seconds() if oldest is not None else 0.0
    return int(count), max(age, 0.0)


async def _backlogs(db: Database, now: datetime) -> tuple[tuple[int, float], tuple[int, float]]:
    """The outbox's backlog and the inbox's, read one after the other."""
    return await outbox_backlog(db, now), await inbox_backlog(db, now)


def update_pool_gauges(db: Database) -> None:
    """Connections checked out of the engine's pool, and how many it may hold."""
    pool = db.engine.sync_engine.pool
    if isinstance(pool, QueuePool):
        DB_POOL_IN_USE.set(pool.checkedout())
        DB_POOL_SIZE.set(pool.size() + max(pool._max_overflow, 0))  # noqa: SLF001


async def collect(db: Database, now: datetime) -> None:
    """Refresh every scrape-time gauge; never raises."""
    update_pool_gauges(db)
    try:
        outbox, inbox = await asyncio.wait_for(_backlogs(db, now), COLLECT_TIMEOUT_SECONDS)
    except Exception as error:  # a scrape must answer even when the database does not
        COLLECT_ERRORS.inc()
        log.warning("metrics.collect_failed", error=type(error).__name__)
        return
    OUTBOX_DEPTH.set(outbox[0])
    OUTBOX_OLDEST_AGE.set(outbox[1])
    INBOX_DEPTH.set(inbox[0])
    INBOX_OLDEST_AGE.set(inbox[1])


async def render(db: Database, now: datetime) -> tuple[bytes, str]:
    """The Prometheus text exposition of the process registry, freshly collected."""
    await collect(db, now)
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
