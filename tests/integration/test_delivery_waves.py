"""Delivery under load: waves of concurrent sends, chores between polls, the NOTIFY wake-up."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import update

from nudge.bootstrap import Services, build
from nudge.channels.base import Inbound, SendResult
from nudge.clock import FakeClock
from nudge.outbox.listen import OUTBOX, Listener, asyncpg_dsn
from nudge.scheduler.wakeup import Wakeup
from nudge.store.migrate import upgrade
from nudge.store.tables import Outbox, User
from tests.conftest import _clean, make_settings
from tests.integration.engine_helpers import queue_sms


class CountingSender:
    """Accepts every SMS after a short wait, and notes how many were in flight at once."""

    def __init__(self, wait: float = 0.02) -> None:
        self.wait, self.in_flight, self.most = wait, 0, 0
        self.sent: list[int] = []
        self.busy: set[str] = set()  # numbers with an SMS in flight
        self.overlapped = False  # two SMS to one number in flight at once

    async def send(self, *, to: str, body: str, outbox_id: int) -> SendResult:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        self.overlapped |= to in self.busy
        self.busy.add(to)
        await asyncio.sleep(self.wait)
        self.busy.discard(to)
        self.in_flight -= 1
        self.sent.append(outbox_id)
        return SendResult(provider_sid=f"SMfake{outbox_id:026d}", status="queued")


@pytest.fixture
async def wired(
    database_url: str, clock: FakeClock
) -> AsyncIterator[tuple[Services, CountingSender]]:
    sender = CountingSender()
    settings = make_settings(database_url, delivery_concurrency=4, delivery_poll_seconds=30)
    services = build(settings, clock=clock, sender=sender)
    await upgrade(services.db)
    await _clean(services)
    yield services, sender
    await services.close()


async def _statuses(services: Services, ids: list[int]) -> list[str]:
    async with services.db.sessions() as session:
        return [str((await session.get(Outbox, row)).status) for row in ids]  # type: ignore[union-attr]


async def test_a_batch_goes_out_in_waves_each_sms_once(
    wired: tuple[Services, CountingSender],
) -> None:
    services, sender = wired
    ids = [(await queue_sms(services, 1, phone=f"+1514555003{n}"))[0] for n in range(10)]
    assert await services.delivery.run_once() == 10
    assert sorted(sender.sent) == sorted(ids)
    assert sender.most == 4  # concurrency 4: waves of 4, 4 and 2
    assert await _statuses(services, ids) == ["sent"] * 10
    assert await services.delivery.run_once() == 0
    assert len(sender.sent) == 10


async def test_texts_to_one_person_go_out_one_after_the_other_in_order(
    wired: tuple[Services, CountingSender],
) -> None:
    services, sender = wired
    mine = await queue_sms(services, 5, phone="+15145550001")
    others = [(await queue_sms(services, 1, phone=f"+1514555002{n}"))[0] for n in range(5)]
    assert await services.delivery.run_once() == 10
    assert [row for row in sender.sent if row in mine] == mine  # in the order queued
    assert not sender.overlapped
    assert sorted(sender.sent) == sorted(mine + others)
    assert sender.most == 4


async def test_nobody_who_opted_out_is_sent_to_between_chores(
    wired: tuple[Services, CountingSender], clock: FakeClock
) -> None:
    services, sender = wired
    await services.delivery.run_once()  # the chores ran; the next are 30 s away
    [first] = await queue_sms(services, 1)
    async with services.db.transaction() as session:
        await session.execute(update(User).values(opted_out=True))
    assert await services.delivery.run_once() == 0
    assert sender.sent == []
    assert await _statuses(services, [first]) == ["pending"]
    clock.advance(seconds=31)
    await services.delivery.run_once()  # chores due: the row is cancelled, never sent
    assert await _statuses(services, [first]) == ["cancelled"]
    assert sender.sent == []


class RecordingBell(Wakeup):
    """A delivery bell that says when it was rung."""

    def __init__(self) -> None:
        super().__init__()
        self.rung = asyncio.Event()

    def ring(self) -> None:
        super().ring()
        self.rung.set()


@pytest.mark.postgres
async def test_a_reply_handled_in_one_process_rings_the_delivery_bell_of_another(
    postgres_url: str,
) -> None:
    assert asyncpg_dsn(postgres_url).startswith("postgresql://")
    bell = RecordingBell()
    listener = Listener(postgres_url, {OUTBOX: bell})  # the worker's side
    services = build(make_settings(postgres_url))  # the web process's side
    await _clean(services)
    listener.start()
    try:
        await asyncio.wait_for(bell.rung.wait(), 5)  # once listening: catch up on the queue
        bell.rung.clear()
        inbound = Inbound("+15145550009", "add milk", "SM" + "4" * 32, channel="twilio")
        handled = await services.handler.handle(inbound)
        assert handled.outbox_id is not None
        await asyncio.wait_for(bell.rung.wait(), 2)
    finally:
        await listener.stop()
        await services.close()
