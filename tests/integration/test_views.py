"""The read models a page shows (features/*/views.py, conversation/history.py), on both stores.

Data is made the way a person makes it, through the executor or a phone; each view must show
the person's own rows, in the order a screen needs, and never another person's.
"""

from __future__ import annotations

from datetime import time, timedelta
from zoneinfo import ZoneInfo

import pytest

from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.commands import (
    AddTodo,
    BreakDown,
    Complete,
    CreateReminder,
    ListReminders,
    Remember,
    SetBriefing,
    SetQuietHours,
)
from nudge.conversation import history
from nudge.features.agenda import views as agenda
from nudge.features.memory import views as memories
from nudge.features.reminders import views as reminders
from nudge.features.todos import views as todos
from nudge.features.users import service as user_service
from nudge.features.users import views as users
from tests.integration.engine_helpers import make_user, run_command
from tests.phone import TestPhone

TORONTO = ZoneInfo("America/Toronto")


async def _two_people(services: Services) -> tuple[int, int]:
    return await make_user(services, "+15145550101"), await make_user(services, "+15145550102")


async def test_reminders_upcoming_listed_one_and_firings(
    services: Services, clock: FakeClock
) -> None:
    ana, ben = await _two_people(services)
    now = clock.now()
    await run_command(services, ana, CreateReminder("dentist", now + timedelta(days=2)))
    await run_command(
        services, ana, CreateReminder("pills", now + timedelta(minutes=5), "FREQ=DAILY")
    )
    await run_command(services, ben, CreateReminder("ben's thing", now + timedelta(minutes=1)))
    async with services.db.sessions() as session:
        coming = await reminders.upcoming(session, user_id=ana)
        newest_first = await reminders.listed(session, user_id=ana)
        bens = await reminders.listed(session, user_id=ben)
    assert [view.text for view in coming] == ["pills", "dentist"]
    assert coming[0].next_at == now + timedelta(minutes=5)
    assert coming[0].rrule == "FREQ=DAILY"
    assert coming[0].timezone == "America/Toronto"
    assert coming[0].open_firing_id is None
    assert [view.text for view in newest_first] == ["pills", "dentist"]
    assert [view.text for view in bens] == ["ben's thing"]
    async with services.db.sessions() as session:
        assert await reminders.one(session, user_id=ana, reminder_id=bens[0].id) is None
        assert await reminders.firings(session, user_id=ana, reminder_id=bens[0].id) == []
        mine = await reminders.one(session, user_id=ana, reminder_id=coming[0].id)
    assert mine == coming[0]


async def test_a_texted_firing_waits_for_done_until_said(
    services: Services, clock: FakeClock
) -> None:
    ana, _ben = await _two_people(services)
    now = clock.now()
    await run_command(
        services, ana, CreateReminder("pills", now + timedelta(minutes=1), "FREQ=DAILY")
    )
    clock.advance(minutes=2)
    await services.scheduler.run_once()
    async with services.db.sessions() as session:
        (waiting,) = await reminders.awaiting_done(session, user_id=ana)
        fired = await reminders.firings(session, user_id=ana, reminder_id=waiting.id)
    assert waiting.text == "pills"
    assert [firing.state for firing in fired] == ["pending", "sent"]  # newest first
    assert waiting.open_firing_id == fired[1].id
    assert waiting.next_at == now + timedelta(days=1, minutes=1)
    async with services.db.sessions() as session:
        (older,) = await reminders.firings(
            session, user_id=ana, reminder_id=waiting.id, limit=1, before=fired[0].id
        )
    assert older == fired[1]
    await run_command(services, ana, Complete())
    async with services.db.sessions() as session:
        assert await reminders.awaiting_done(session, user_id=ana) == []
        again = await reminders.one(session, user_id=ana, reminder_id=waiting.id)
    assert again is not None
    assert again.open_firing_id is None
    assert again.state == "active"


async def test_listed_filters_by_state_and_pages_by_id(
    services: Services, clock: FakeClock
) -> None:
    ana, _ben = await _two_people(services)
    now = clock.now()
    for n in range(3):
        await run_command(services, ana, CreateReminder(f"r{n}", now + timedelta(hours=n + 1)))
    await run_command(services, ana, ListReminders())
    await run_command(services, ana, Complete(number=1))  # r0, listed first, is done
    async with services.db.sessions() as session:
        done = await reminders.listed(session, user_id=ana, states=["done"])
        page = await reminders.listed(session, user_id=ana, limit=2)
        rest = await reminders.listed(session, user_id=ana, limit=2, before=page[-1].id)
    assert [view.text for view in done] == ["r0"]
    assert [view.text for view in page + rest] == ["r2", "r1", "r0"]


async def test_todos_come_with_their_steps_in_order(services: Services) -> None:
    ana, ben = await _two_people(services)
    await run_command(services, ana, AddTodo("taxes"))
    await run_command(
        services, ana, BreakDown("the garage", ("Clear one shelf", "Sweep the floor"))
    )
    await run_command(services, ben, AddTodo("ben's list"))
    async with services.db.sessions() as session:
        listed = await todos.open_with_steps(session, user_id=ana)
    assert [item.text for item in listed] == ["taxes", "the garage"]
    garage = listed[1]
    assert [(step.text, step.status, step.position) for step in garage.steps] == [
        ("Clear one shelf", "open", 1),
        ("Sweep the floor", "later", 2),
    ]
    assert listed[0].steps == ()
    await run_command(services, ana, Complete(words="taxes"))
    async with services.db.sessions() as session:
        done = await todos.listed(session, user_id=ana, shown="done")
        everything = await todos.listed(session, user_id=ana, shown="all")
        step = await todos.one(session, user_id=ana, todo_id=garage.steps[0].id)
        bens = await todos.listed(session, user_id=ben, shown="all")
        assert await todos.one(session, user_id=ben, todo_id=garage.id) is None
    assert [item.text for item in done] == ["taxes"]
    assert done[0].done_at is not None
    assert [item.text for item in everything] == ["the garage", "taxes"]
    assert step is not None
    assert step.parent_id == garage.id
    assert [item.text for item in bens] == ["ben's list"]


async def test_memories_listed_paged_and_searched_per_person(services: Services) -> None:
    ana, ben = await _two_people(services)
    for fact in ("my locker code is 4512", "my sister is Julie", "I like green tea"):
        await run_command(services, ana, Remember(fact))
    await run_command(services, ben, Remember("my locker code is 9999"))
    now = services.clock.now()
    async with services.db.sessions() as session:
        first = await memories.listed(session, user_id=ana, limit=2)
        rest = await memories.listed(session, user_id=ana, before=first[-1].id)
        found = await memories.search(
            session, user_id=ana, query="locker code", now=now, embedder=services.features.embedder
        )
        assert await memories.one(session, user_id=ben, memory_id=first[0].id) is None
    assert [m.text for m in first + rest] == [
        "I like green tea",
        "my sister is Julie",
        "my locker code is 4512",
    ]
    assert first[0].importance == 7
    assert first[0].tags == ()
    assert found[0].memory.text == "my locker code is 4512"
    assert all("9999" not in hit.memory.text for hit in found)
    assert found[0].score > 0


async def test_settings_show_quiet_hours_and_briefings_as_set(services: Services) -> None:
    ana, _ben = await _two_people(services)
    async with services.db.sessions() as session:
        before = await users.settings_of(session, user_id=ana)
    assert before is not None
    assert (before.quiet_start, before.quiet_end) == ("22:00", "08:00")
    assert before.morning_briefing is None
    await run_command(services, ana, SetQuietHours(None, None))
    await run_command(services, ana, SetBriefing("morning", time(7, 30)))
    async with services.db.sessions() as session:
        after = await users.person(session, user_id=ana)
        assert await users.person(session, user_id=ana + 100) is None
    assert after is not None
    assert after.phone == "+15145550101"
    assert after.role == "user"
    assert (after.settings.quiet_start, after.settings.quiet_end) == (None, None)
    assert after.settings.morning_briefing == "07:30"
    assert after.settings.locale == "en"


async def test_today_has_ids_repeats_and_one_focus(services: Services, clock: FakeClock) -> None:
    ana, ben = await _two_people(services)
    now = clock.now()  # Tue 10:00 in Toronto
    await run_command(services, ana, CreateReminder("call", now + timedelta(hours=2)))
    await run_command(
        services, ana, CreateReminder("water", now + timedelta(hours=1), "FREQ=HOURLY;INTERVAL=4")
    )
    await run_command(services, ana, AddTodo("taxes"))
    await run_command(services, ben, CreateReminder("ben's", now + timedelta(hours=3)))
    async with services.db.sessions() as session:
        day = await agenda.today(session, user_id=ana, tz="America/Toronto", now=now)
    assert day.day == now.astimezone(TORONTO).date()
    assert [(item.text, item.state) for item in day.due] == [
        ("water", "pending"),
        ("call", "pending"),
        ("water", "expected"),  # 15:00 and 19:00: repeats not stored yet
        ("water", "expected"),
        ("water", "expected"),  # 23:00
    ]
    assert day.due[0].firing_id is not None
    assert day.due[2].firing_id is None
    assert [item.text for item in day.todos] == ["taxes"]
    assert day.focus is not None
    assert (day.focus.kind, day.focus.text) == ("reminder", "water")
    clock.advance(hours=1, minutes=1)
    await services.scheduler.run_once()  # "water" is texted: it waits for "done"
    async with services.db.sessions() as session:
        later = await agenda.today(session, user_id=ana, tz="America/Toronto", now=clock.now())
    assert [view.text for view in later.awaiting] == ["water"]
    assert later.focus is not None
    assert later.focus.id == later.awaiting[0].id


async def test_history_merges_both_ways_newest_first_and_pages(
    services: Services, clock: FakeClock
) -> None:
    ana, ben = TestPhone(services, "+15145550101"), TestPhone(services, "+15145550102")
    for text in ("add milk", "add bread", "list"):
        await ana.ask(text)
        clock.advance(seconds=30)
    await ben.ask("add ben's secret")
    user_id = await _user_id(services, "+15145550101")
    async with services.db.sessions() as session:
        lines = await history.history(session, user_id=user_id, limit=50)
        pages, before = [], None
        while True:
            page = await history.history(session, user_id=user_id, limit=4, before=before)
            if not page:
                break
            pages += page
            before = page[-1].cursor
    assert [(line.direction, line.body.split("\n")[0][:10]) for line in lines][:2] == [
        ("out", "Your list:"),
        ("in", "list"),
    ]
    assert [line.direction for line in lines] == ["out", "in"] * 3
    assert lines[0].kind == "reply"
    assert lines[1].kind == "sms"
    assert pages == lines
    assert all("ben" not in line.body for line in lines)


async def test_history_refuses_a_malformed_cursor(services: Services) -> None:
    async with services.db.sessions() as session:
        with pytest.raises(history.BadCursorError):
            await history.history(session, user_id=1, before="sms:1")
        assert await history.history(session, user_id=1, before="in:999") == []


async def _user_id(services: Services, phone: str) -> int:
    async with services.db.sessions() as session:
        found = await user_service.find(session, phone=phone)
    assert found is not None
    return found.id
