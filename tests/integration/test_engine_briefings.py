"""Morning briefing and evening check-in: once per local day, quiet hours, missed_count."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.features.briefings.service import set_times
from nudge.features.todos import service as todos
from nudge.store.tables import Todo, User
from tests.integration.engine_helpers import add_reminder, make_user, outbox

TORONTO = ZoneInfo("America/Toronto")


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TORONTO).astimezone(UTC)


async def _setup(services: Services, morning: time | None, evening: time | None) -> int:
    user_id = await make_user(services)
    async with services.db.transaction() as session:
        user = await session.get(User, user_id)
        assert user is not None
        await set_times(
            session, user=user, morning=morning, evening=evening, now=services.clock.now()
        )
    return user_id


async def test_morning_briefing_lists_today_and_top_three_once_a_day(
    services: Services, clock: FakeClock
) -> None:
    user = await _setup(services, time(8, 30), None)
    await add_reminder(services, user, "dentist", local(25, 14))
    await add_reminder(services, user, "next week", local(30, 9))
    async with services.db.transaction() as session:
        for text in ("taxes", "milk", "call Sam", "plants"):
            await todos.add(session, user_id=user, text=text, now=clock.now())
    clock.set(local(25, 8, 29))
    await services.scheduler.run_once()
    assert await outbox(services, "briefing") == []
    clock.set(local(25, 8, 30))
    await services.scheduler.run_once()
    await services.scheduler.run_once()
    [briefing] = await outbox(services, "briefing")
    assert briefing.body == (
        "Good morning! Today:\n- 2:00 PM dentist\nOn your list:\n1. taxes\n2. milk\n3. call Sam"
    )
    clock.set(local(26, 8, 30))
    await services.scheduler.run_once()
    assert len(await outbox(services, "briefing")) == 2


async def test_briefing_inside_quiet_hours_waits_and_checkin_comes_in_the_evening(
    services: Services, clock: FakeClock
) -> None:
    await _setup(services, time(7, 0), time(21, 0))  # 7:00 is inside 22:00-08:00
    clock.set(local(24, 21))
    await services.scheduler.run_once()
    [checkin] = await outbox(services, "checkin")
    assert checkin.body.startswith("Evening check-in: what did you finish today?")
    clock.set(local(25, 7))
    await services.scheduler.run_once()
    assert await outbox(services, "briefing") == []
    clock.set(local(25, 8))
    await services.scheduler.run_once()
    [briefing] = await outbox(services, "briefing")
    assert briefing.body.startswith("Good morning! Nothing planned today.")


async def test_stale_briefing_after_an_outage_is_skipped_not_sent_late(
    services: Services, clock: FakeClock
) -> None:
    await _setup(services, time(9, 0), None)
    clock.set(local(25, 11))
    await services.scheduler.run_once()
    assert await outbox(services, "briefing") == []
    clock.set(local(26, 9))
    await services.scheduler.run_once()
    assert len(await outbox(services, "briefing")) == 1


async def test_a_task_whose_date_passes_three_times_gets_a_kind_offer_to_split(
    services: Services, clock: FakeClock
) -> None:
    user = await _setup(services, time(9, 0), None)
    async with services.db.transaction() as session:
        todo = await todos.add(session, user_id=user, text="file taxes", now=clock.now())
        todo_id = todo.id
    for day in (24, 25, 26):
        async with services.db.transaction() as session:
            row = await session.get(Todo, todo_id)
            assert row is not None
            row.due_at = local(day, 12)
        clock.set(local(day, 12, 1))
        await services.scheduler.run_once()
    async with services.db.sessions() as session:
        row = await session.get(Todo, todo_id)
        assert row is not None
        assert (row.missed_count, row.due_at) == (3, None)
    clock.set(local(27, 9))
    await services.scheduler.run_once()
    briefing = (await outbox(services, "briefing"))[-1]
    assert briefing.body.endswith(
        'Still on your list: file taxes. Want to split it into tiny steps? Text "break down 1".'
    )
    assert "overdue" not in briefing.body
    assert "forgot" not in briefing.body
