"""The inbox: the webhook stores, a worker handles; once each, in each phone's order."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from itertools import pairwise

import httpx
import pytest
from sqlalchemy import func, select, update

from nudge.bootstrap import Services, build
from nudge.channels.base import Inbound
from nudge.clock import FakeClock
from nudge.conversation.handler import ConversationHandler, Handled
from nudge.conversation.inbox import Inbox, retry_pause
from nudge.features.users.export import erase_user, export_user
from nudge.outbox.listen import INBOX, Listener
from nudge.scheduler.wakeup import Wakeup
from nudge.store.migrate import upgrade
from nudge.store.tables import Inbox as InboxRow
from nudge.store.tables import Message, Outbox
from tests.conftest import _clean, make_settings
from tests.fakes.twilio_server import FAKE_AUTH_TOKEN, signed_form, twilio_fixture
from tests.inbox_worker import handle_waiting
from tests.integration.production_web import PUBLIC, signed_web

ALICE, BOB = "+15145550101", "+15145550102"


def text(phone: str, body: str, n: int) -> Inbound:
    """An inbound SMS with a well-formed, distinct MessageSid."""
    return Inbound(phone, body, f"SM{n:032x}", channel="twilio")


async def count(services: Services, model: type) -> int:
    async with services.db.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def replies(services: Services, phone: str) -> list[str]:
    """The replies queued for ``phone``, in the order they were written."""
    async with services.db.sessions() as session:
        rows = await session.execute(
            select(Outbox.body).where(Outbox.to_phone == phone).order_by(Outbox.id)
        )
    return list(rows.scalars())


@pytest.fixture
async def served(
    database_url: str, clock: FakeClock
) -> AsyncIterator[tuple[Services, httpx.AsyncClient]]:
    """The app with signatures checked and no worker: what the webhook alone does."""
    async with signed_web(database_url, clock, handle_inbox=False) as served:
        yield served


async def test_the_webhook_stores_the_text_and_a_worker_pass_answers_it(
    served: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = served
    form = {**twilio_fixture("inbound_sms_en"), "Body": "add dentist to my list"}
    url = f"{PUBLIC}/webhooks/twilio/sms"
    response = await client.post(
        "/webhooks/twilio/sms", data=form, headers=signed_form(url, form, FAKE_AUTH_TOKEN)
    )
    assert response.status_code == 200
    assert "<Response" in response.text
    assert (await count(services, InboxRow), await count(services, Message)) == (1, 0)
    assert await count(services, Outbox) == 0  # nothing understood inside the request

    assert await services.inbox.run_once() == 1
    assert (await count(services, InboxRow), await count(services, Message)) == (0, 1)
    assert (await replies(services, form["From"]))[0].startswith("Added: dentist.")


async def test_a_retried_webhook_is_answered_once_waiting_or_handled(services: Services) -> None:
    inbound = text(ALICE, "add milk", 1)
    assert await services.inbox.accept(inbound) is True
    assert await services.inbox.accept(inbound) is False  # Twilio retried while it waited
    await handle_waiting(services)
    assert await services.inbox.accept(inbound) is True  # retried after it was handled
    await handle_waiting(services)
    assert await count(services, Message) == 1
    assert len(await replies(services, ALICE)) == 1


async def test_one_phones_texts_are_handled_in_the_order_they_came(services: Services) -> None:
    for n, (phone, body) in enumerate(
        [(ALICE, "add eggs"), (ALICE, "add flour"), (BOB, "add tea"), (ALICE, "add jam")]
    ):
        await services.inbox.accept(text(phone, body, n))
    assert await services.inbox.run_once() == 4
    assert await services.inbox.run_once() == 0
    alice = [body.split(".")[0] for body in await replies(services, ALICE)]
    assert alice == ["Added: eggs", "Added: flour", "Added: jam"]
    assert [body.split(".")[0] for body in await replies(services, BOB)] == ["Added: tea"]


class Timed(ConversationHandler):
    """Records when each text's handling started and ended; "slow" texts take a while."""

    spans: list[tuple[str, str, float, float]] = []

    async def handle(self, inbound: Inbound, *, received_at: object = None) -> Handled:
        loop = asyncio.get_running_loop()
        started = loop.time()
        await asyncio.sleep(0.4 if inbound.body.endswith("slow") else 0.01)
        handled = await super().handle(inbound)
        Timed.spans.append((inbound.phone, inbound.provider_sid, started, loop.time()))
        return handled


def timed_inbox(services: Services, lanes: int) -> Inbox:
    Timed.spans = []
    handler = Timed(db=services.db, clock=services.clock, settings=services.settings)
    return Inbox(db=services.db, handler=handler, clock=services.clock, concurrency=lanes)


async def test_lanes_run_phones_side_by_side_but_never_one_phones_texts(
    services: Services,
) -> None:
    inbox = timed_inbox(services, lanes=4)
    phones = [f"+1514555040{n}" for n in range(3)]
    for n in range(12):
        await inbox.accept(text(phones[n % 3], f"add thing {n}", n))
    assert await inbox.run_once() == 12
    for phone in phones:
        own = [(sid, start, end) for who, sid, start, end in Timed.spans if who == phone]
        assert [sid for sid, _s, _e in own] == sorted(sid for sid, _s, _e in own)
        assert all(end <= after for (_a, _s, end), (_b, after, _e) in pairwise(own))
    starts = sorted(start for _p, _sid, start, _end in Timed.spans)
    ends = sorted(end for _p, _sid, _start, end in Timed.spans)
    assert starts[2] < ends[0]  # three phones were being handled at once


async def test_a_slow_text_holds_its_own_lane_only(services: Services) -> None:
    inbox = timed_inbox(services, lanes=2)
    await inbox.accept(text(ALICE, "add slow", 0))
    for n in range(1, 6):
        await inbox.accept(text(f"+1514555050{n}", f"add quick {n}", n))
    assert await inbox.run_once() == 6
    order = [phone for phone, _sid, _start, _end in sorted(Timed.spans, key=lambda s: s[3])]
    assert order[-1] == ALICE  # the five quick ones went through the other lane meanwhile
    assert len(await replies(services, ALICE)) == 1


async def test_a_text_handled_before_a_crash_kept_its_row_is_not_answered_twice(
    services: Services, clock: FakeClock
) -> None:
    inbound = text(ALICE, "add soap", 7)
    await services.inbox.accept(inbound)
    await services.handler.handle(inbound)  # handled, then the process died before the delete
    clock.advance(seconds=1)
    assert await services.inbox.run_once() == 1
    assert await count(services, InboxRow) == 0
    assert len(await replies(services, ALICE)) == 1


class Flaky(ConversationHandler):
    """A handler that fails its first ``failures`` calls, then handles as usual."""

    failures = 0

    async def handle(self, inbound: Inbound, *, received_at: object = None) -> Handled:
        if Flaky.failures > 0:
            Flaky.failures -= 1
            raise RuntimeError("handler broke")
        return await super().handle(inbound)


def flaky_inbox(services: Services, failures: int, *, max_attempts: int = 5) -> Inbox:
    Flaky.failures = failures
    handler = Flaky(db=services.db, clock=services.clock, settings=services.settings)
    return Inbox(db=services.db, handler=handler, clock=services.clock, max_attempts=max_attempts)


async def test_a_failed_handling_is_retried_after_a_pause_and_holds_later_texts_back(
    services: Services, clock: FakeClock
) -> None:
    inbox = flaky_inbox(services, failures=1)
    await inbox.accept(text(ALICE, "add rice", 1))
    await inbox.accept(text(ALICE, "add beans", 2))
    assert await inbox.run_once() == 1  # the first fails, and the second waits behind it
    assert await inbox.run_once() == 0  # paused
    clock.advance(seconds=retry_pause(1).total_seconds() + 1)
    assert await inbox.run_once() == 2
    bodies = [body.split(".")[0] for body in await replies(services, ALICE)]
    assert bodies == ["Added: rice", "Added: beans"]


async def test_a_text_that_keeps_failing_is_kept_and_stops_holding_the_phone_back(
    services: Services, clock: FakeClock
) -> None:
    inbox = flaky_inbox(services, failures=2, max_attempts=2)
    await inbox.accept(text(ALICE, "add salt", 1))
    await inbox.accept(text(ALICE, "add pepper", 2))
    for _attempt in range(2):
        assert await inbox.run_once() == 1
        clock.advance(minutes=5)
    assert await inbox.run_once() == 1  # the next text, no longer held back
    assert [body.split(".")[0] for body in await replies(services, ALICE)] == ["Added: pepper"]
    assert await count(services, InboxRow) == 1  # the broken one, left for an operator
    assert await inbox.run_once() == 0
    async with services.db.transaction() as session:  # the runbook, once the cause is fixed
        await session.execute(update(InboxRow).values(attempts=0, lease_until=None))
    assert await inbox.run_once() == 1
    assert [body.split(".")[0] for body in await replies(services, ALICE)] == [
        "Added: pepper",
        "Added: salt",
    ]


async def test_a_backlog_is_dated_when_it_came_so_it_is_not_taken_for_a_flood(
    services: Services, clock: FakeClock
) -> None:
    first = clock.now()
    for n in range(25):  # one a minute: under every limit as sent
        await services.inbox.accept(text(ALICE, f"add item {n}", n))
        clock.advance(minutes=1)
    clock.advance(minutes=30)  # the workers were away; all handled at once now
    await handle_waiting(services)
    assert len(await replies(services, ALICE)) == 25
    assert all(body.startswith("Added: item") for body in await replies(services, ALICE))
    async with services.db.sessions() as session:
        dated = await session.execute(select(Message.created_at).order_by(Message.id))
    dates = list(dated.scalars())
    assert dates[0] == first
    assert dates[-1] == first + timedelta(minutes=24)


class StopsAfterOne(ConversationHandler):
    """Handles one text, then asks its inbox to stop (a shutdown arriving mid-pass)."""

    inbox: Inbox | None = None

    async def handle(self, inbound: Inbound, *, received_at: object = None) -> Handled:
        handled = await super().handle(inbound)
        assert self.inbox is not None
        self.inbox.request_stop()
        return handled


async def test_stopping_mid_pass_hands_the_rows_not_started_back_untouched(
    services: Services,
) -> None:
    handler = StopsAfterOne(db=services.db, clock=services.clock, settings=services.settings)
    inbox = Inbox(db=services.db, handler=handler, clock=services.clock, concurrency=1)
    handler.inbox = inbox
    for n in range(3):
        await inbox.accept(text(f"+1514555020{n}", "add cake", n))
    assert await inbox.run_once() == 1  # one lane: one handled, then no more claimed
    assert await count(services, Message) == 1
    async with services.db.sessions() as session:
        left = (await session.execute(select(InboxRow.attempts, InboxRow.lease_until))).all()
    assert left == [(0, None), (0, None)]
    assert await handle_waiting(services) == 2
    assert await count(services, Message) == 3


@pytest.mark.postgres
async def test_two_workers_handle_every_text_once_in_each_phones_order(
    postgres_url: str, clock: FakeClock
) -> None:
    first, second = (build(make_settings(postgres_url), clock=clock) for _ in range(2))
    await upgrade(first.db)
    await _clean(first)
    phones = [f"+1514555030{n}" for n in range(8)]
    sent = [(phones[n % 8], f"add thing {n}", n) for n in range(80)]
    for phone, body, n in sent:
        await first.inbox.accept(text(phone, body, n))
    try:
        await asyncio.gather(handle_waiting(first), handle_waiting(second))
        assert await count(first, Message) == 80
        assert await count(first, Outbox) == 80
        for phone in phones:
            got = [body.split(".")[0] for body in await replies(first, phone)]
            assert got == [f"Added: {body[4:]}" for p, body, _n in sent if p == phone]
    finally:
        await first.close()
        await second.close()


@pytest.mark.postgres
async def test_a_text_accepted_in_one_process_rings_the_inbox_bell_of_another(
    postgres_url: str,
) -> None:
    rung = asyncio.Event()

    class Bell(Wakeup):
        def ring(self) -> None:
            super().ring()
            rung.set()

    listener = Listener(postgres_url, {INBOX: Bell()})  # the worker's side
    services = build(make_settings(postgres_url))  # the web process's side
    await upgrade(services.db)
    await _clean(services)
    listener.start()
    try:
        await asyncio.wait_for(rung.wait(), 5)  # once listening: catch up on the queue
        rung.clear()
        assert await services.inbox.accept(text(ALICE, "add milk", 9))
        await asyncio.wait_for(rung.wait(), 2)
    finally:
        await listener.stop()
        await services.close()


async def test_a_text_still_waiting_is_in_the_persons_export_and_gone_when_erased(
    services: Services,
) -> None:
    await services.inbox.accept(text(ALICE, "add bread", 1))
    await handle_waiting(services)  # Alice is known now
    await services.inbox.accept(text(ALICE, "my secret plan", 2))  # not handled yet
    async with services.db.transaction() as session:
        exported = await export_user(session, phone=ALICE)
    assert exported is not None
    assert [row["body"] for row in exported["inbox"]] == ["my secret plan"]
    async with services.db.transaction() as session:
        assert await erase_user(session, phone=ALICE)
    assert await count(services, InboxRow) == 0
