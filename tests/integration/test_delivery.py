"""Outbox delivery: leases, retries with backoff, permanent and ambiguous failures."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from nudge.bootstrap import Services, build
from nudge.channels.base import AmbiguousSendError, PermanentSendError, RetryableSendError
from nudge.clock import FakeClock
from nudge.outbox.delivery import DeliveryWorker, backoff
from nudge.outbox.enqueue import enqueue
from nudge.store.migrate import upgrade
from nudge.store.states import OutboxStatus
from nudge.store.tables import Outbox, User
from tests.conftest import _clean, make_settings
from tests.fakes.sender import RecordingSender
from tests.integration.engine_helpers import queue_sms


@pytest.fixture
async def wired(
    database_url: str, clock: FakeClock
) -> AsyncIterator[tuple[Services, RecordingSender]]:
    sender = RecordingSender()
    services = build(
        make_settings(database_url, delivery_max_attempts=3), clock=clock, sender=sender
    )
    await upgrade(services.db)
    await _clean(services)
    yield services, sender
    await services.close()


async def _row(services: Services, outbox_id: int) -> Outbox:
    async with services.db.sessions() as session:
        row = await session.get(Outbox, outbox_id)
        assert row is not None
        return row


async def test_enqueue_is_idempotent_per_key(wired: tuple[Services, RecordingSender]) -> None:
    services, _sender = wired
    now = services.clock.now()
    [first] = await queue_sms(services)
    async with services.db.transaction() as session:
        again = await enqueue(
            session, user_id=1, to_phone="+15145550001", body="x", key="k+151455500010", now=now
        )
    assert again == first


async def test_sends_in_order_and_records_provider_sid(
    wired: tuple[Services, RecordingSender],
) -> None:
    services, sender = wired
    ids = await queue_sms(services, 3)
    assert await services.delivery.run_once() == 3
    assert [body for _to, body, _id in sender.sent] == ["msg 0", "msg 1", "msg 2"]
    row = await _row(services, ids[0])
    assert (row.status, row.provider_sid, row.attempts) == ("sent", f"SMfake{ids[0]:026d}", 1)
    assert await services.delivery.run_once() == 0


async def test_definite_failure_retries_with_backoff_then_succeeds(
    wired: tuple[Services, RecordingSender], clock: FakeClock
) -> None:
    services, sender = wired
    [outbox_id] = await queue_sms(services)
    sender.script.append(RetryableSendError("connection refused"))
    await services.delivery.run_once()
    row = await _row(services, outbox_id)
    assert row.status == "pending"
    assert row.due_at > clock.now()
    assert await services.delivery.run_once() == 0  # not due yet
    clock.advance(seconds=3)
    assert await services.delivery.run_once() == 1
    assert (await _row(services, outbox_id)).status == "sent"
    assert len(sender.sent) == 1


async def test_retry_after_header_is_honoured(
    wired: tuple[Services, RecordingSender], clock: FakeClock
) -> None:
    services, sender = wired
    [outbox_id] = await queue_sms(services)
    sender.script.append(RetryableSendError("429", retry_after=60))
    await services.delivery.run_once()
    assert (await _row(services, outbox_id)).due_at >= clock.now() + timedelta(seconds=60)


async def test_gives_up_after_max_attempts_and_row_shows_failed(
    wired: tuple[Services, RecordingSender], clock: FakeClock
) -> None:
    services, sender = wired
    [outbox_id] = await queue_sms(services)
    sender.script.extend(RetryableSendError("503") for _ in range(3))
    for _ in range(3):
        await services.delivery.run_once()
        clock.advance(minutes=10)
    row = await _row(services, outbox_id)
    assert (row.status, row.attempts) == ("failed", 3)
    assert "503" in (row.last_error or "")
    assert sender.sent == []


async def test_permanent_failure_is_not_retried(wired: tuple[Services, RecordingSender]) -> None:
    services, sender = wired
    [outbox_id] = await queue_sms(services)
    sender.script.append(PermanentSendError("unsubscribed recipient", code="21610"))
    await services.delivery.run_once()
    row = await _row(services, outbox_id)
    assert (row.status, row.attempts) == ("failed", 1)
    assert "21610" in (row.last_error or "")


async def test_ambiguous_failure_is_never_resent_blind(
    wired: tuple[Services, RecordingSender], clock: FakeClock
) -> None:
    services, sender = wired
    [outbox_id] = await queue_sms(services)
    sender.script.append(AmbiguousSendError("read timeout after sending"))
    await services.delivery.run_once()
    clock.advance(hours=1)
    await services.delivery.run_once()
    assert (await _row(services, outbox_id)).status == "unknown"
    assert sender.sent == []


async def test_expired_lease_becomes_unknown_not_resent(
    wired: tuple[Services, RecordingSender], clock: FakeClock
) -> None:
    services, sender = wired
    [outbox_id] = await queue_sms(services)
    async with services.db.transaction() as session:
        row = await session.get(Outbox, outbox_id)
        assert row is not None
        row.status, row.lease_owner = OutboxStatus.SENDING, "dead-worker"
        row.lease_until = clock.now() + timedelta(seconds=60)
    await services.delivery.run_once()
    assert (await _row(services, outbox_id)).status == "sending"  # lease still valid
    clock.advance(seconds=61)
    await services.delivery.run_once()
    assert (await _row(services, outbox_id)).status == "unknown"
    assert sender.sent == []


async def test_opted_out_user_gets_nothing(wired: tuple[Services, RecordingSender]) -> None:
    services, sender = wired
    [outbox_id] = await queue_sms(services)
    async with services.db.transaction() as session:
        user = (await session.execute(select(User))).scalar_one()
        user.opted_out = True
    await services.delivery.run_once()
    assert (await _row(services, outbox_id)).status == "cancelled"
    assert sender.sent == []


def test_backoff_grows_and_is_capped() -> None:
    assert backoff(1, jitter=1.0) == timedelta(seconds=2)
    assert backoff(3, jitter=1.0) == timedelta(seconds=8)
    assert backoff(30, jitter=1.0) == timedelta(seconds=300)


async def test_concurrent_workers_never_send_a_row_twice(
    wired: tuple[Services, RecordingSender], database_url: str, clock: FakeClock
) -> None:
    """Four workers with their own connection pools race over 400 rows."""
    services, _sender = wired
    await queue_sms(services, 400)
    senders = [RecordingSender() for _ in range(4)]
    for sender in senders:
        sender.delay = 0.005  # a batch in flight long enough for the others to claim theirs
    workers = [
        build(make_settings(database_url, batch_size=25), clock=clock, sender=s) for s in senders
    ]
    deliveries = [
        DeliveryWorker(db=w.db, sender=s, clock=clock, owner=f"w{i}", batch_size=25)
        for i, (w, s) in enumerate(zip(workers, senders, strict=True))
    ]

    for worker in workers:  # every pool connected before the race, so a slow start under
        async with worker.db.sessions() as session:  # load cannot leave one worker alone
            await session.execute(select(1))

    async def drain(worker: DeliveryWorker) -> None:
        for _ in range(1000):
            if not await worker.run_once():
                return

    await asyncio.gather(*(drain(d) for d in deliveries))
    for worker in workers:
        await worker.close()
    sent_ids = [outbox_id for s in senders for _to, _body, outbox_id in s.sent]
    assert len(sent_ids) == 400
    assert len(set(sent_ids)) == 400
    async with services.db.sessions() as session:
        statuses = (
            await session.execute(select(Outbox.status, func.count()).group_by(Outbox.status))
        ).all()
    assert dict(statuses) == {"sent": 400}
    if services.db.dialect == "postgresql":
        assert sum(1 for s in senders if s.sent) >= 2  # work really was shared


class _StopAfterFirst(RecordingSender):
    """Asks the worker to stop while its first SMS is in flight (like SIGTERM would)."""

    def __init__(self) -> None:
        super().__init__()
        self.worker: DeliveryWorker | None = None

    async def send(self, *, to: str, body: str, outbox_id: int):  # type: ignore[no-untyped-def]
        assert self.worker is not None
        self.worker.request_stop()
        return await super().send(to=to, body=body, outbox_id=outbox_id)


async def test_stop_finishes_the_send_in_flight_and_releases_the_rest(
    wired: tuple[Services, RecordingSender], clock: FakeClock
) -> None:
    services, _sender = wired
    ids = await queue_sms(services, 3)
    sender = _StopAfterFirst()
    worker = DeliveryWorker(db=services.db, sender=sender, clock=clock, owner="stopping")
    sender.worker = worker
    assert await worker.run_once() == 3
    assert [outbox_id for _to, _body, outbox_id in sender.sent] == [ids[0]]
    rows = [await _row(services, outbox_id) for outbox_id in ids]
    assert [(r.status, r.attempts) for r in rows] == [("sent", 1), ("pending", 0), ("pending", 0)]
    assert await worker.run_once() == 0  # a stopping worker claims nothing more
    assert await services.delivery.run_once() == 2  # another worker sends the rest at once
    assert [r.status for r in [await _row(services, i) for i in ids]] == ["sent"] * 3


async def test_delivery_metrics_count_attempts_failures_and_depth(
    wired: tuple[Services, RecordingSender], clock: FakeClock
) -> None:
    from nudge.observability.metrics import REGISTRY

    def value(name: str, **labels: str) -> float:
        return REGISTRY.get_sample_value(name, labels) or 0.0

    services, sender = wired
    attempts = value("nudge_delivery_attempts_total")
    retryable = value("nudge_delivery_failures_total", reason="retryable")
    await queue_sms(services, 2)
    sender.script.append(RetryableSendError("503"))
    await services.delivery.run_once()
    assert value("nudge_delivery_attempts_total") == attempts + 2
    assert value("nudge_delivery_failures_total", reason="retryable") == retryable + 1
    assert value("nudge_outbox_depth") == 0  # the failed one waits for its backoff
    clock.advance(minutes=1)
    await services.delivery.run_once()
    assert value("nudge_outbox_depth") == 0
    assert value("nudge_outbox_oldest_pending_age_seconds") == 0
