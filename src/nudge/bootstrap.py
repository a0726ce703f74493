"""Composition root: the one place that picks real or fake adapters and wires the services."""

from __future__ import annotations

import asyncio
import os
import socket
from dataclasses import dataclass, field

import httpx

from nudge.channels.base import Sender
from nudge.channels.simulator import SimulatorSender
from nudge.clock import Clock, SystemClock
from nudge.conversation.handler import ConversationHandler
from nudge.outbox.delivery import DeliveryWorker
from nudge.scheduler.claim import fire_due
from nudge.scheduler.wakeup import Wakeup
from nudge.scheduler.worker import run_loop
from nudge.settings import Settings
from nudge.store.db import Database, create_engine


@dataclass
class Services:
    """Everything a process needs, built once from Settings."""

    settings: Settings
    clock: Clock
    db: Database
    sender: Sender
    handler: ConversationHandler
    delivery: DeliveryWorker
    delivery_bell: Wakeup
    scheduler_bell: Wakeup
    http: httpx.AsyncClient | None = None
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def fire_due(self) -> int:
        """One scheduler pass: due reminders into the outbox."""
        count = await fire_due(self.db, now=self.clock.now(), limit=self.settings.batch_size)
        if count:
            self.delivery_bell.ring()
        return count

    def start_workers(self) -> None:
        """Run the scheduler and delivery loops in this process's event loop."""
        self._stop.clear()
        settings = self.settings
        self._tasks = [
            asyncio.create_task(
                run_loop(
                    "scheduler",
                    self.fire_due,
                    interval=settings.scheduler_poll_seconds,
                    batch_size=settings.batch_size,
                    stop=self._stop,
                    wakeup=self.scheduler_bell,
                )
            ),
            asyncio.create_task(
                run_loop(
                    "delivery",
                    self.delivery.run_once,
                    interval=settings.delivery_poll_seconds,
                    batch_size=settings.batch_size,
                    stop=self._stop,
                    wakeup=self.delivery_bell,
                )
            ),
        ]

    async def stop_workers(self) -> None:
        """Let the loops finish their current pass, then return."""
        self._stop.set()
        self.scheduler_bell.ring()
        self.delivery_bell.ring()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []

    async def close(self) -> None:
        """Stop the loops and release connections (the process can then exit)."""
        await self.stop_workers()
        if self.http is not None:
            await self.http.aclose()
        await self.db.dispose()


def _twilio_sender(settings: Settings, http: httpx.AsyncClient) -> Sender:
    from nudge.channels.twilio.sender import TwilioSender

    return TwilioSender(
        http,
        api_base=settings.twilio_api_base,
        account_sid=settings.twilio_account_sid,
        auth_token=settings.twilio_auth_token.get_secret_value(),
        from_number=settings.twilio_from,
        messaging_service_sid=settings.twilio_messaging_service_sid,
        status_callback_url=settings.public_url.rstrip("/") + "/webhooks/twilio/status",
    )


def build(
    settings: Settings, *, clock: Clock | None = None, sender: Sender | None = None
) -> Services:
    """Wire every service for ``settings``; pass ``clock``/``sender`` to substitute fakes."""
    clock = clock or SystemClock()
    db = Database(create_engine(settings.database_url))
    http: httpx.AsyncClient | None = None
    if sender is None:
        if settings.twilio_enabled:
            http = httpx.AsyncClient(timeout=settings.twilio_timeout_seconds)
            sender = _twilio_sender(settings, http)
        else:
            sender = SimulatorSender(db=db, clock=clock)
    delivery_bell, scheduler_bell = Wakeup(), Wakeup()
    handler = ConversationHandler(
        db=db, clock=clock, settings=settings, on_enqueue=delivery_bell.ring
    )
    delivery = DeliveryWorker(
        db=db,
        sender=sender,
        clock=clock,
        owner=f"{socket.gethostname()}:{os.getpid()}",
        lease_seconds=settings.delivery_lease_seconds,
        max_attempts=settings.delivery_max_attempts,
        batch_size=settings.batch_size,
    )
    return Services(
        settings, clock, db, sender, handler, delivery, delivery_bell, scheduler_bell, http
    )
