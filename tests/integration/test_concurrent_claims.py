"""Several claimers with their own connections fire each due occurrence exactly once."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.features.reminders import service as reminders
from nudge.scheduler.claim import fire_due
from nudge.store.tables import Occurrence, Outbox, User
from tests.conftest import make_settings


async def test_parallel_schedulers_fire_each_occurrence_once(
    services: Services, database_url: str, clock: FakeClock
) -> None:
    now = clock.now()
    async with services.db.transaction() as session:
        user = User(phone="+15145550001", timezone="America/Toronto", locale="en", created_at=now)
        session.add(user)
        await session.flush()
        for n in range(300):
            await reminders.create(
                session,
                user_id=user.id,
                text=f"task {n}",
                at=now,
                rrule="FREQ=DAILY" if n % 3 == 0 else None,
                timezone="America/Toronto",
                always=False,
                now=now,
            )
    claimers = [build(make_settings(database_url), clock=clock) for _ in range(3)]

    async def drain(claimer: Services) -> int:
        total = 0
        while count := await fire_due(claimer.db, now=now, limit=20):
            total += count
        return total

    totals = await asyncio.gather(*(drain(c) for c in claimers))
    for claimer in claimers:
        await claimer.close()
    assert sum(totals) == 300
    async with services.db.sessions() as session:
        outbox = (await session.execute(select(func.count()).select_from(Outbox))).scalar_one()
        keys = (
            await session.execute(select(func.count(func.distinct(Outbox.idempotency_key))))
        ).scalar_one()
        upcoming = (
            await session.execute(
                select(func.count()).where(Occurrence.state == "pending", Occurrence.due_at > now)
            )
        ).scalar_one()
    assert outbox == keys == 300
    assert upcoming == 100  # one next occurrence per daily reminder, never two
