"""Follow-ups until "done" (capped), reconciliation of ambiguous sends, pacing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from nudge.bootstrap import Services
from nudge.channels.simulator import received
from nudge.clock import FakeClock
from nudge.outbox.enqueue import enqueue
from nudge.outbox.pacing import Pacer
from nudge.outbox.reconcile import Reconciler
from nudge.store.states import OutboxStatus
from nudge.store.tables import Outbox
from tests.integration.engine_helpers import PHONE, add_reminder, make_user, occurrences, outbox
from tests.phone import TestPhone

TORONTO = ZoneInfo("America/Toronto")
FOLLOW_UP = 'Gentle nudge: pills. Reply "done" when it\'s handled, or "snooze 10".'


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TORONTO).astimezone(UTC)


async def test_follow_ups_after_10_then_30_minutes_capped_at_3(
    services: Services, clock: FakeClock
) -> None:
    user = await make_user(services)
    reminder = await add_reminder(services, user, "pills", local(24, 10, 5), ack_required=True)
    phone = TestPhone(services, PHONE)
    clock.set(local(24, 10, 5))
    assert await phone.inbox() == ['Reminder: pills. Reply "done" or "snooze 10".']
    clock.advance(minutes=9)
    assert await phone.inbox() == []
    clock.advance(minutes=1)
    assert await phone.inbox() == [FOLLOW_UP]
    for _ in range(2):
        clock.advance(minutes=29)
        assert await phone.inbox() == []
        clock.advance(minutes=1)
        assert await phone.inbox() == [FOLLOW_UP]
    clock.advance(hours=3)
    assert await phone.inbox() == []  # stopped after 3
    [occurrence] = await occurrences(services, reminder)
    assert (occurrence.state, occurrence.follow_ups, occurrence.follow_up_at) == ("sent", 3, None)
    assert await phone.ask("done") == "Nice, done: pills."


async def test_done_stops_the_follow_ups(services: Services, clock: FakeClock) -> None:
    user = await make_user(services)
    await add_reminder(services, user, "pills", local(24, 10, 5), always=True)  # asks by default
    phone = TestPhone(services, PHONE)
    clock.set(local(24, 10, 5))
    await phone.inbox()
    clock.advance(minutes=10)
    assert await phone.inbox() == [FOLLOW_UP]
    assert await phone.ask("done") == "Nice, done: pills."
    clock.advance(hours=2)
    assert await phone.inbox() == []


async def test_plain_reminder_gets_no_follow_up(services: Services, clock: FakeClock) -> None:
    user = await make_user(services)
    await add_reminder(services, user, "call mom", local(24, 10, 5))
    phone = TestPhone(services, PHONE)
    clock.set(local(24, 10, 5))
    assert len(await phone.inbox()) == 1
    clock.advance(hours=2)
    assert await phone.inbox() == []


async def test_follow_up_in_quiet_hours_waits_for_morning(
    services: Services, clock: FakeClock
) -> None:
    user = await make_user(services)
    await add_reminder(services, user, "bins", local(24, 21, 55), ack_required=True)
    clock.set(local(24, 21, 55))
    await services.scheduler.run_once()
    clock.set(local(24, 22, 5))
    await services.scheduler.run_once()
    assert len(await outbox(services, "followup")) == 0
    clock.set(local(25, 8))
    await services.scheduler.run_once()
    assert len(await outbox(services, "followup")) == 1


async def _unknown_row(services: Services, user_id: int, *, sent_first: bool) -> int:
    now = services.clock.now()
    async with services.db.transaction() as session:
        outbox_id = await enqueue(
            session, user_id=user_id, to_phone=PHONE, body="hello", key="k1", now=now
        )
    if sent_first:  # the provider took it, then our worker died before recording it
        await services.sender.send(to=PHONE, body="hello", outbox_id=outbox_id)
    async with services.db.transaction() as session:
        row = await session.get(Outbox, outbox_id)
        assert row is not None
        row.status = OutboxStatus.SENDING  # claimed, and its lease then expired while sending
        row.status, row.last_error = OutboxStatus.UNKNOWN, "lease expired while sending"
    return outbox_id


async def _status(services: Services, outbox_id: int) -> str:
    async with services.db.sessions() as session:
        return (
            await session.execute(select(Outbox.status).where(Outbox.id == outbox_id))
        ).scalar_one()


async def test_unknown_row_found_at_provider_is_marked_not_resent(
    services: Services, clock: FakeClock
) -> None:
    user = await make_user(services)
    outbox_id = await _unknown_row(services, user, sent_first=True)
    assert services.reconciler is not None
    assert await services.reconciler.run_once() == 0  # waits before looking
    clock.advance(minutes=3)
    assert await services.reconciler.run_once() == 1
    assert await _status(services, outbox_id) == "delivered"
    while await services.delivery.run_once():
        pass
    assert [m.body for m in await received(services.db, phone=PHONE)] == ["hello"]


async def test_unknown_row_absent_at_provider_is_sent_once(
    services: Services, clock: FakeClock
) -> None:
    user = await make_user(services)
    outbox_id = await _unknown_row(services, user, sent_first=False)
    clock.advance(minutes=3)
    assert services.reconciler is not None
    assert await services.reconciler.run_once() == 1
    assert await _status(services, outbox_id) == "pending"
    while await services.delivery.run_once():
        pass
    assert await _status(services, outbox_id) == "delivered"
    assert [m.body for m in await received(services.db, phone=PHONE)] == ["hello"]


async def test_without_a_lookup_unknown_stays_visible(services: Services, clock: FakeClock) -> None:
    user = await make_user(services)
    outbox_id = await _unknown_row(services, user, sent_first=False)
    clock.advance(minutes=3)
    blind = Reconciler(db=services.db, clock=clock, lookup=None)
    assert await blind.run_once() == 0
    assert await _status(services, outbox_id) == "unknown"


async def test_pacer_spaces_segments_per_sender_in_order(
    services: Services, clock: FakeClock
) -> None:
    pacer = Pacer(db=services.db, clock=clock, key="+15145550100", rate=2.0)
    other = Pacer(db=services.db, clock=clock, key="MGother", rate=2.0)
    start = clock.now()
    slots = [await pacer.reserve("short") for _ in range(3)]
    assert [s - start for s in slots] == [
        timedelta(0),
        timedelta(seconds=0.5),
        timedelta(seconds=1),
    ]
    long_body = "x" * 200  # two segments: the next slot is a full second later
    assert await pacer.reserve(long_body) - start == timedelta(seconds=1.5)
    assert await pacer.reserve("short") - start == timedelta(seconds=2.5)
    assert await other.reserve("short") == start  # each sender number has its own pace
    assert pacer.claim_limit(60, 100) == 30
