"""Reminder engine: quiet hours, catch-up and missed summaries, DST, time zones, settings."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.commands import SetQuietHours, SetTimezone
from nudge.observability.metrics import REGISTRY
from nudge.store.tables import Occurrence, User
from tests.integration.engine_helpers import (
    add_reminder,
    make_user,
    occurrences,
    outbox,
    run_command,
)

TORONTO = ZoneInfo("America/Toronto")
PARIS = ZoneInfo("Europe/Paris")


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A Toronto wall time as aware UTC."""
    return datetime(year, month, day, hour, minute, tzinfo=TORONTO).astimezone(UTC)


def metric(name: str) -> float:
    return REGISTRY.get_sample_value(name) or 0.0


async def test_time_chosen_inside_quiet_hours_is_honoured(
    services: Services, clock: FakeClock
) -> None:
    user = await make_user(services)
    await add_reminder(services, user, "take out bins", local(2026, 11, 24, 23))
    clock.set(local(2026, 11, 24, 23))
    await services.scheduler.run_once()
    [row] = await outbox(services, "reminder")
    assert row.body == 'Reminder: take out bins. Reply "done" or "snooze 10".'


async def test_repeat_landing_in_quiet_hours_waits_for_morning_and_is_never_dropped(
    services: Services, clock: FakeClock
) -> None:
    user = await make_user(services)
    deferred_before = metric("nudge_reminders_deferred_total")
    reminder = await add_reminder(
        services, user, "drink water", local(2026, 11, 24, 21), rrule="FREQ=HOURLY"
    )
    clock.set(local(2026, 11, 24, 21))
    await services.scheduler.run_once()
    clock.set(local(2026, 11, 24, 22))
    await services.scheduler.run_once()
    assert len(await outbox(services, "reminder")) == 1
    waiting = [o for o in await occurrences(services, reminder) if o.state == "pending"]
    assert [o.due_at for o in waiting] == [local(2026, 11, 25, 8)]
    assert metric("nudge_reminders_deferred_total") == deferred_before + 1
    clock.set(local(2026, 11, 25, 8))
    await services.scheduler.run_once()
    rows = await outbox(services, "reminder")
    assert [r.body for r in rows][-1] == 'Reminder: drink water. Reply "done" or "snooze 10".'
    states = [(o.state, o.scheduled_at) for o in await occurrences(services, reminder)]
    assert ("missed", local(2026, 11, 24, 23)) not in states
    assert states[-1] == ("pending", local(2026, 11, 25, 9))  # no flood of night hours


async def test_always_reminder_ignores_quiet_hours(services: Services, clock: FakeClock) -> None:
    user = await make_user(services)
    await add_reminder(
        services, user, "meds", local(2026, 11, 24, 21), rrule="FREQ=HOURLY", always=True
    )
    for hour in (21, 22, 23):
        clock.set(local(2026, 11, 24, hour))
        await services.scheduler.run_once()
    assert len(await outbox(services, "reminder")) == 3


async def test_catch_up_after_two_hour_outage(services: Services, clock: FakeClock) -> None:
    user = await make_user(services)
    missed_before = metric("nudge_reminders_missed_total")
    late_before = metric("nudge_reminders_late_total")
    await add_reminder(services, user, "call bank", local(2026, 11, 24, 10, 20))
    await add_reminder(services, user, "stretch", local(2026, 11, 24, 10, 30), rrule="FREQ=DAILY")
    await add_reminder(services, user, "lunch", local(2026, 11, 24, 11, 50))
    clock.set(local(2026, 11, 24, 12))  # the workers were down from 10:00 to 12:00
    await services.scheduler.run_once()
    [late] = await outbox(services, "reminder")
    assert late.body.startswith("Reminder (sent a little late, sorry): lunch.")
    [summary] = await outbox(services, "summary")
    assert summary.body == (
        "I was offline and couldn't text you 2 reminders on time, like: call bank, stretch. "
        'Text "reminders" to see what\'s next.'
    )
    assert metric("nudge_reminders_missed_total") == missed_before + 2
    assert metric("nudge_reminders_late_total") == late_before + 1
    await services.scheduler.run_once()
    assert len(await outbox(services, "summary")) == 1
    async with services.db.sessions() as session:
        pending = (
            (
                await session.execute(
                    select(Occurrence.scheduled_at).where(Occurrence.state == "pending")
                )
            )
            .scalars()
            .all()
        )
    assert pending == [local(2026, 11, 25, 10, 30)]  # the daily one goes on tomorrow


async def test_missed_at_night_is_told_at_the_next_waking_hour(
    services: Services, clock: FakeClock
) -> None:
    user = await make_user(services)
    await add_reminder(services, user, "night feed", local(2026, 11, 25, 2))
    clock.set(local(2026, 11, 25, 4))
    await services.scheduler.run_once()
    clock.set(local(2026, 11, 25, 7, 59))
    await services.scheduler.run_once()
    assert await outbox(services) == []
    clock.set(local(2026, 11, 25, 8))
    await services.scheduler.run_once()
    [summary] = await outbox(services)
    assert summary.body.startswith("I was offline and couldn't text you on time about: night feed")


async def _fire_in_order(services: Services, clock: FakeClock, times: int) -> list[datetime]:
    """Jump to each next pending firing in turn and fire it; the local times they went out."""
    went: list[datetime] = []
    for _ in range(times):
        async with services.db.sessions() as session:
            due = (
                await session.execute(
                    select(Occurrence.due_at)
                    .where(Occurrence.state == "pending")
                    .order_by(Occurrence.due_at)
                    .limit(1)
                )
            ).scalar_one()
        clock.set(due)
        await services.scheduler.run_once()
        went.append(due.astimezone(TORONTO))
    return went


async def test_daily_8am_and_2_30_across_spring_forward(
    services: Services, clock: FakeClock
) -> None:
    user = await make_user(services)
    clock.set(local(2027, 3, 12, 0))
    await add_reminder(services, user, "pills", local(2027, 3, 12, 8), rrule="FREQ=DAILY")
    await add_reminder(services, user, "bottle", local(2027, 3, 12, 2, 30), rrule="FREQ=DAILY")
    went = await _fire_in_order(services, clock, 8)
    # 02:30 does not exist on Mar 14: it goes out at 03:30 (the gap's length later), once.
    assert [(t.day, t.hour, t.minute) for t in went] == [
        (12, 2, 30),
        (12, 8, 0),
        (13, 2, 30),
        (13, 8, 0),
        (14, 3, 30),
        (14, 8, 0),
        (15, 2, 30),
        (15, 8, 0),
    ]
    assert [t.astimezone(UTC).hour for t in went[1::2]] == [13, 13, 12, 12]
    bodies = [row.body for row in await outbox(services, "reminder")]
    assert bodies.count('Reminder: bottle. Reply "done" or "snooze 10".') == 4
    assert len(bodies) == 8


async def test_daily_8am_and_2_30_across_fall_back(services: Services, clock: FakeClock) -> None:
    user = await make_user(services)
    clock.set(local(2027, 11, 5, 0))
    await add_reminder(services, user, "pills", local(2027, 11, 5, 8), rrule="FREQ=DAILY")
    await add_reminder(services, user, "bottle", local(2027, 11, 5, 2, 30), rrule="FREQ=DAILY")
    went = await _fire_in_order(services, clock, 8)
    assert [(t.day, t.hour, t.minute) for t in went] == [
        (day, hour, minute) for day in (5, 6, 7, 8) for hour, minute in ((2, 30), (8, 0))
    ]
    assert [t.astimezone(UTC).hour for t in went[1::2]] == [12, 12, 13, 13]
    assert len(await outbox(services, "reminder")) == 8  # each once, none twice in the hour


async def test_changing_time_zone_keeps_local_wall_time(
    services: Services, clock: FakeClock
) -> None:
    user = await make_user(services)
    reminder = await add_reminder(
        services, user, "pills", local(2026, 11, 25, 8), rrule="FREQ=DAILY"
    )
    reply = await run_command(services, user, SetTimezone("Europe/Paris"))
    assert reply == "OK, your time zone is now Europe/Paris. Your reminders keep their local times."
    [pending] = await occurrences(services, reminder)
    paris_8am = datetime(2026, 11, 25, 8, tzinfo=PARIS).astimezone(UTC)
    assert (pending.scheduled_at, pending.due_at) == (paris_8am, paris_8am)
    clock.set(paris_8am)
    await services.scheduler.run_once()
    following = [o for o in await occurrences(services, reminder) if o.state == "pending"]
    assert [o.scheduled_at.astimezone(PARIS).hour for o in following] == [8]
    async with services.db.sessions() as session:
        assert (await session.get(User, user)).timezone == "Europe/Paris"  # type: ignore[union-attr]


async def test_set_quiet_hours_by_sms_changes_what_waits(
    services: Services, clock: FakeClock
) -> None:
    user = await make_user(services)
    reply = await run_command(services, user, SetQuietHours(time(23, 0), time(7, 0)))
    assert reply.startswith("OK, quiet hours 11:00 PM-7:00 AM:")
    await add_reminder(services, user, "water", local(2026, 11, 24, 21), rrule="FREQ=HOURLY")
    for hour in (21, 22, 23):
        clock.set(local(2026, 11, 24, hour))
        await services.scheduler.run_once()
    assert len(await outbox(services, "reminder")) == 2  # 21:00, 22:00; 23:00 waits till 7:00
    assert await run_command(services, user, SetQuietHours(None, None)) == (
        "OK, no quiet hours: I'll text you at any hour."
    )
    async with services.db.sessions() as session:
        row = await session.get(User, user)
        assert row is not None
        assert (row.quiet_start, row.quiet_end) == ("", "")
    await services.scheduler.run_once()  # the waiting 23:00 firing: quiet hours are now off
    assert len(await outbox(services, "reminder")) == 2  # still due at 7:00, not dropped
    pending = [o for o in await occurrences(services, 1) if o.state == "pending"]
    assert pending[0].due_at == local(2026, 11, 25, 7)
