"""Wake delivery the moment any process queues an SMS: PostgreSQL ``LISTEN``/``NOTIFY``.

``enqueue`` sends ``NOTIFY nudge_outbox`` in the transaction that queues a row, so
PostgreSQL delivers it when that transaction commits. Each process running the delivery
loop listens on its own connection and rings its delivery bell: a reply written by a web
process reaches a separate ``nudge worker`` in milliseconds instead of at its next poll.
Polling stays the guarantee: a lost listener connection only slows replies to the poll
interval while it reconnects. SQLite has no such channel; there the in-process bell and the
poll serve.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

from nudge.observability.logging import get_logger
from nudge.scheduler.wakeup import Wakeup

CHANNEL = "nudge_outbox"
RECONNECT_SECONDS = 2.0

log = get_logger("delivery")


def asyncpg_dsn(database_url: str) -> str:
    """The SQLAlchemy URL (``postgresql+asyncpg://…``) as a plain libpq DSN for asyncpg."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class OutboxListener:
    """Listens on ``CHANNEL`` and rings ``bell`` at every notification, reconnecting forever."""

    def __init__(self, database_url: str, bell: Wakeup) -> None:
        self._dsn, self._bell = asyncpg_dsn(database_url), bell
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start listening in this process's event loop."""
        if self._task is None:
            self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        """Stop listening and close the connection."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def _ring(self, *_notification: Any) -> None:
        self._bell.ring()

    async def _run(self) -> None:
        while True:
            try:
                await self._listen_once()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the database is away: polling carries on meanwhile
                log.warning("delivery.listen_failed", error=type(error).__name__)
            await asyncio.sleep(RECONNECT_SECONDS)

    async def _listen_once(self) -> None:
        """One connection's life: listen until PostgreSQL closes it."""
        connection = await asyncpg.connect(self._dsn)
        try:
            lost = asyncio.Event()
            connection.add_termination_listener(lambda _connection: lost.set())
            await connection.add_listener(CHANNEL, self._ring)
            self._bell.ring()  # whatever was queued while nobody listened
            await lost.wait()
            log.warning("delivery.listen_lost")
        finally:
            if not connection.is_closed():
                with contextlib.suppress(Exception):
                    await asyncio.shield(connection.close(timeout=2))
