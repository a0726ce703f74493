"""Composition root: the one place that picks real or fake adapters and wires the services."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import httpx

from nudge.accounts.factors import SecondFactors
from nudge.accounts.purge import PurgeJob
from nudge.accounts.sign_in import NoSecondFactors
from nudge.accounts.signing_keys import SigningKeys
from nudge.accounts.totp import TotpFactors
from nudge.agent import factory as agent_factory
from nudge.agent.loop import Agent
from nudge.channels.base import Sender, StatusLookup
from nudge.channels.simulator import SimulatorSender
from nudge.clock import Clock, SystemClock
from nudge.conversation.handler import ConversationHandler
from nudge.conversation.inbox import Inbox
from nudge.crypto.secret_keys import SecretKeys
from nudge.features.briefings.service import send_due as send_briefings
from nudge.features.context import Dependencies
from nudge.features.memory import embeddings as memory_embeddings
from nudge.outbox.delivery import DeliveryWorker
from nudge.outbox.delivery_pass import DeliveryPass
from nudge.outbox.listen import INBOX, OUTBOX, Listener, Notifier
from nudge.outbox.pacing import Pacer
from nudge.outbox.reconcile import Reconciler
from nudge.scheduler.policy import Policy
from nudge.scheduler.scheduler_pass import SchedulerPass
from nudge.scheduler.wakeup import Wakeup
from nudge.scheduler.worker import Loop, Workers
from nudge.settings import Settings
from nudge.store.db import Database, create_engine


@dataclass
class Services:
    """Everything a process needs, built once from Settings."""

    settings: Settings
    clock: Clock
    db: Database
    features: Dependencies
    sender: Sender
    handler: ConversationHandler
    delivery: DeliveryWorker
    scheduler: SchedulerPass
    workers: Workers
    inbox: Inbox  # inbound SMS stored by the webhook, handled by the loops
    http: httpx.AsyncClient | None = None
    reconciler: Reconciler | None = None
    llm_http: httpx.AsyncClient | None = None  # the agent's model client
    listener: Listener | None = None  # PostgreSQL: wakes the inbox and delivery loops
    notifiers: tuple[Notifier, ...] = ()  # PostgreSQL: tell other processes' listeners
    signing_keys: SigningKeys = field(default_factory=lambda: SigningKeys(""))  # web tokens
    second_factors: SecondFactors = field(default_factory=NoSecondFactors)  # sign-in asks it
    outbox_queued: Callable[[], None] = lambda: None  # rings delivery (a web route queued SMS)
    secret_keys: SecretKeys = field(default_factory=lambda: SecretKeys(""))  # sealed secrets

    def start_workers(self) -> None:
        """Run the inbox, scheduler and delivery loops in this process's event loop."""
        self.workers.start()
        if self.listener is not None:
            self.listener.start()

    async def stop_workers(self) -> None:
        """Let the loops finish their current pass, then return."""
        if self.listener is not None:
            await self.listener.stop()
        await self.workers.stop()

    async def close(self) -> None:
        """Stop the loops and release connections (the process can then exit)."""
        await self.stop_workers()
        for notifier in self.notifiers:
            await notifier.stop()
        if self.http is not None:
            await self.http.aclose()
        if self.llm_http is not None:
            await self.llm_http.aclose()
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


def _agent(
    settings: Settings, agent: Agent | None
) -> tuple[Agent | None, httpx.AsyncClient | None]:
    """The LLM agent (None: rules only) and its own HTTP client."""
    llm_http = None
    if agent is None and agent_factory.chat_model_configured(settings):
        llm_http = httpx.AsyncClient(timeout=settings.agent_timeout_seconds)
        agent = agent_factory.build_agent(settings, llm_http)
    return agent, llm_http


def _features(settings: Settings, agent: Agent | None) -> Dependencies:
    """The features' dependencies: the memory embedder, and the agent's step planner."""
    embedder = memory_embeddings.build(settings.memory_embedder)
    return Dependencies(embedder, agent.plan_steps if agent is not None else None)


def build(
    settings: Settings,
    *,
    clock: Clock | None = None,
    sender: Sender | None = None,
    agent: Agent | None = None,
) -> Services:
    """Wire every service for ``settings``; pass ``clock``/``sender``/``agent`` for fakes."""
    clock = clock or SystemClock()
    db = Database(create_engine(settings.database_url))
    http: httpx.AsyncClient | None = None
    if sender is None:
        if settings.twilio_enabled:
            http = httpx.AsyncClient(timeout=settings.twilio_timeout_seconds)
            sender = _twilio_sender(settings, http)
        else:
            sender = SimulatorSender(db=db, clock=clock)
    delivery_bell, inbox_bell = Wakeup(), Wakeup()
    replies = None if settings.is_sqlite else Notifier(settings.database_url, OUTBOX)
    inbound = None if settings.is_sqlite else Notifier(settings.database_url, INBOX)
    pacer = _pacer(settings, db, clock) if http is not None else None
    agent, llm_http = _agent(settings, agent)
    features = _features(settings, agent)
    outbox_queued = _bells(delivery_bell, replies)
    handler = ConversationHandler(
        db=db,
        clock=clock,
        settings=settings,
        on_enqueue=outbox_queued,
        agent=agent,
        features=features,
    )
    delivery = DeliveryWorker(
        db=db,
        sender=sender,
        clock=clock,
        owner=f"{socket.gethostname()}:{os.getpid()}",
        lease_seconds=settings.delivery_lease_seconds,
        max_attempts=settings.delivery_max_attempts,
        batch_size=settings.batch_size,
        pacer=pacer,
        concurrency=settings.delivery_concurrency,
        chores_seconds=settings.delivery_poll_seconds,
    )
    reconciler = Reconciler(
        db=db,
        clock=clock,
        lookup=sender if isinstance(sender, StatusLookup) else None,
        wait_seconds=settings.reconcile_after_seconds,
    )
    inbox = Inbox(
        db=db,
        handler=handler,
        clock=clock,
        on_accept=_bells(inbox_bell, inbound),
        bell=inbox_bell,
        lease_seconds=settings.inbox_lease_seconds,
        max_attempts=settings.delivery_max_attempts,
        concurrency=settings.inbox_concurrency,
    )
    scheduler = _scheduler(settings, db, clock, handler, on_queued=delivery_bell.ring)
    outgoing = DeliveryPass(
        delivery, reconciler, clock=clock, reconcile_seconds=settings.delivery_poll_seconds
    )
    workers = _workers(settings, scheduler, outgoing, inbox, (delivery_bell, inbox_bell))
    secret_keys = SecretKeys(settings.secret_keys.get_secret_value())  # sealed secrets
    bells = {OUTBOX: delivery_bell, INBOX: inbox_bell}
    listener = None if settings.is_sqlite else Listener(settings.database_url, bells)
    notifiers = tuple(notifier for notifier in (replies, inbound) if notifier is not None)
    return Services(
        settings, clock, db, features, sender, handler, delivery, scheduler, workers, inbox,
        http, reconciler, llm_http, listener, notifiers,
        SigningKeys(settings.auth_signing_keys.get_secret_value()), TotpFactors(secret_keys),
        outbox_queued, secret_keys,
    )  # fmt: skip


def _bells(bell: Wakeup, notifier: Notifier | None) -> Callable[[], None]:
    """What committed work rings: this process's loop, and on PostgreSQL every other's."""
    if notifier is None:
        return bell.ring

    def ring() -> None:
        bell.ring()
        notifier.ring()

    return ring


def _scheduler(
    settings: Settings,
    db: Database,
    clock: Clock,
    handler: ConversationHandler,
    *,
    on_queued: Callable[[], None],
) -> SchedulerPass:
    """The scheduler pass, with the briefings and the sweep of unfinished agent turns."""
    policy = Policy.from_settings(settings)

    async def briefings(now: datetime, limit: int) -> int:
        return await send_briefings(db, now=now, limit=limit, grace=policy.grace)

    async def stalled_agent_turns(now: datetime, limit: int) -> int:
        return await handler.answer_stalled(now=now, limit=limit)

    jobs = (briefings, stalled_agent_turns, PurgeJob(db))  # PurgeJob: spent sign-in rows
    return SchedulerPass(db, clock, policy, settings.batch_size, jobs, on_queued)


def _workers(
    settings: Settings,
    scheduler: SchedulerPass,
    outgoing: DeliveryPass,
    inbox: Inbox,
    bells: tuple[Wakeup, Wakeup],
) -> Workers:
    """The inbox, scheduler and delivery loops (work queued in this process rings their bells)."""
    delivery_bell, inbox_bell = bells
    loops = [
        Loop("inbox", inbox.run_once, settings.delivery_poll_seconds, inbox_bell),
        Loop("scheduler", scheduler.run_once, settings.scheduler_poll_seconds, Wakeup()),
        Loop("delivery", outgoing.run_once, settings.delivery_poll_seconds, delivery_bell),
    ]

    def stop() -> None:
        inbox.request_stop()
        outgoing.request_stop()

    return Workers(loops, batch_size=settings.batch_size, on_stop=stop)


def _pacer(settings: Settings, db: Database, clock: Clock) -> Pacer | None:
    """Pace real provider sends per sender number; the simulator needs no pacing."""
    if settings.send_rate_per_second <= 0:
        return None
    key = settings.twilio_messaging_service_sid or settings.twilio_from
    return Pacer(db=db, clock=clock, key=key, rate=settings.send_rate_per_second)
