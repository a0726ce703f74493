"""Wake the loops the moment any process has work for them: PostgreSQL ``LISTEN``/``NOTIFY``.

Two channels. ``nudge_inbox``: the webhook stored an inbound SMS, the inbox loops handle it.
``nudge_outbox``: the handler committed a reply, the delivery loops send it. The writer rings
its ``Notifier``, which sends ``NOTIFY <channel>`` on a connection of its own, off the request.
Each process running the loops listens (``Listener``) and rings the loop's bell: work written
by a web process reaches a separate ``nudge worker`` in milliseconds instead of at its next poll.

Not inside the writer's transaction: PostgreSQL serialises the commits of transactions that
notified (one global lock, held across the commit's WAL flush), which halved the webhook
rate at 64 concurrent requests. Out here the rings of many writes fold into one NOTIFY
while the previous one is in flight. Polling stays the guarantee: a lost connection only
slows the loops to their poll interval while it reconnects. SQLite has no such channel; there
the in-process bells and the poll serve.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from functools import partial
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

from nudge.observability.logging import get_logger
from nudge.scheduler.wakeup import Wakeup

OUTBOX = "nudge_outbox"
INBOX = "nudge_inbox"
RECONNECT_SECONDS = 2.0

log = get_logger("delivery")


def asyncpg_dsn(database_url: str) -> str:
    """The SQLAlchemy URL (``postgresql+asyncpg://…``) as a plain libpq DSN for asyncpg."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


async def _cancel(task: asyncio.Task[None] | None) -> None:
    """Cancel ``task`` (if any) and wait until it has ended."""
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


class Notifier:
    """Sends ``NOTIFY <channel>`` after work was committed: one at a time, rings folded."""

    def __init__(self, database_url: str, channel: str) -> None:
        self._dsn, self._channel = asyncpg_dsn(database_url), channel
        self._wanted = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def ring(self) -> None:
        """Work was committed: tell the listeners soon (starts the sender on first use)."""
        self._wanted.set()
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        """Stop sending and close the connection."""
        await _cancel(self._task)
        self._task = None

    async def _run(self) -> None:
        connection: asyncpg.Connection | None = None
        try:
            while True:
                await self._wanted.wait()
                self._wanted.clear()  # rings from here on ask for one more NOTIFY
                try:
                    if connection is None or connection.is_closed():
                        connection = await asyncpg.connect(self._dsn)
                    await connection.execute(f"NOTIFY {self._channel}")
                except Exception as error:  # the workers' poll carries on meanwhile
                    error_name = type(error).__name__
                    log.warning("delivery.notify_failed", channel=self._channel, error=error_name)
                    connection = None
                    await asyncio.sleep(RECONNECT_SECONDS)
        finally:
            if connection is not None and not connection.is_closed():
                with contextlib.suppress(Exception):
                    await asyncio.shield(connection.close(timeout=2))


class Listener:
    """Listens on each channel of ``bells`` and rings its bell at every notification.

    One connection for all the channels, reconnecting forever.
    """

    def __init__(self, database_url: str, bells: Mapping[str, Wakeup]) -> None:
        self._dsn, self._bells = asyncpg_dsn(database_url), dict(bells)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start listening in this process's event loop."""
        if self._task is None:
            self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        """Stop listening and close the connection."""
        await _cancel(self._task)
        self._task = None

    def _ring_all(self) -> None:
        for bell in self._bells.values():
            bell.ring()

    @staticmethod
    def _ring(bell: Wakeup, *_notification: Any) -> None:
        bell.ring()

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
            for channel, bell in self._bells.items():
                await connection.add_listener(channel, partial(self._ring, bell))
            self._ring_all()  # whatever was queued while nobody listened
            await lost.wait()
            log.warning("delivery.listen_lost")
        finally:
            if not connection.is_closed():
                with contextlib.suppress(Exception):
                    await asyncio.shield(connection.close(timeout=2))
