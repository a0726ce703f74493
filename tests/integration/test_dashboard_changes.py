"""Every dashboard form changes what the executor changes, with the SMS undo (both stores).

Through the whole ASGI app with a real access cookie, without JavaScript (a form post, then a
303 back to a page); the reply shown next is the one SMS would send.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.store.states import OccurrenceState, ReminderState, TodoStatus
from nudge.store.tables import Memory, Occurrence, Reminder, Todo
from tests.integration.dashboard_web import browser
from tests.integration.engine_helpers import add_reminder, make_user
from tests.phone import TestPhone


async def _reminders(services: Services, user_id: int) -> list[Reminder]:
    async with services.db.transaction() as session:
        rows = await session.scalars(select(Reminder).where(Reminder.user_id == user_id))
        return list(rows)


async def _firings(services: Services, reminder_id: int) -> list[Occurrence]:
    async with services.db.transaction() as session:
        query = select(Occurrence).where(Occurrence.reminder_id == reminder_id)
        return list(await session.scalars(query.order_by(Occurrence.id)))


async def test_the_box_creates_the_reminder_it_previews(services: Services) -> None:
    user_id = await make_user(services)
    async with browser(services, user_id) as client:
        preview = await client.post(
            "/app/reminders/preview", data={"text": "call mom tomorrow at 9"}
        )
        created = await client.post("/app/reminders", data={"text": "call mom tomorrow at 9"})
        landed = await client.get(created.headers["location"])
    assert preview.text.strip() == (
        '<span class="understood">I understood: tomorrow (Wed) 9:00 AM: call mom</span>'
    )
    assert created.status_code == 303
    assert created.headers["location"] == "/app/reminders"
    assert "<p>OK - tomorrow (Wed) 9:00 AM: call mom</p>" in landed.text
    [reminder] = await _reminders(services, user_id)
    assert reminder.text == "call mom"
    assert reminder.first_at == services.clock.now() + timedelta(hours=23)  # Wed 9:00 Toronto


async def test_a_phrase_without_a_time_is_asked_about_and_nothing_is_made(
    services: Services,
) -> None:
    user_id = await make_user(services)
    async with browser(services, user_id) as client:
        preview = await client.post("/app/reminders/preview", data={"text": "call the bank"})
        asked = await client.post("/app/reminders", data={"text": "call the bank"})
        past = await client.post(
            "/app/reminders", data={"text": "remind me to call the bank yesterday at 9"}
        )
    question = "When should I remind you to call the bank?"
    assert question in preview.text
    assert asked.status_code == past.status_code == 422
    assert question in asked.text
    assert 'value="call the bank"' in asked.text  # the box keeps what was typed
    assert "has already passed" in past.text
    assert await _reminders(services, user_id) == []


async def test_a_french_phrase_is_read_as_french(services: Services) -> None:
    user_id = await make_user(services, locale="fr")
    async with browser(services, user_id) as client:
        preview = await client.post(
            "/app/reminders/preview",
            data={"text": "rappelle-moi d'arroser les plantes demain à 8h"},
        )
    assert "J&#39;ai compris : demain (mer.) 8:00 : arroser les plantes" in preview.text


async def test_done_early_then_undo_from_today(services: Services, clock: FakeClock) -> None:
    user_id = await make_user(services)
    reminder_id = await add_reminder(services, user_id, "stretch", clock.now() + timedelta(hours=1))
    async with browser(services, user_id) as client:
        today = await client.get("/app")
        assert f'action="/app/reminders/{reminder_id}/done"' in today.text
        done = await client.post(f"/app/reminders/{reminder_id}/done", data={"back": "/app"})
        assert done.headers["location"] == "/app"
        after = await client.get("/app")
        assert "<p>Nice, done: stretch.</p>" in after.text
        assert [f.state for f in await _firings(services, reminder_id)] == [
            OccurrenceState.ACKNOWLEDGED
        ]
        await client.post("/app/undo", data={"back": "/app"})
    assert [f.state for f in await _firings(services, reminder_id)] == [OccurrenceState.PENDING]


async def test_a_texted_reminder_waits_on_today_for_done_or_snooze(
    services: Services, clock: FakeClock
) -> None:
    phone = TestPhone(services)
    handled = await phone.text("remind me to take my pills in 5 min")
    user_id = handled.user_id
    assert user_id is not None
    [reminder] = await _reminders(services, user_id)
    clock.advance(minutes=6)
    await phone.inbox()  # the reminder is texted
    async with browser(services, user_id) as client:
        today = await client.get("/app")
        assert "Waiting for you" in today.text
        snoozed = await client.post(f"/app/reminders/{reminder.id}/snooze", data={"back": "/app"})
        landed = await client.get(snoozed.headers["location"])
    assert "OK, again today 10:16 AM: take my pills" in landed.text
    states = [f.state for f in await _firings(services, reminder.id)]
    assert states == [OccurrenceState.SNOOZED, OccurrenceState.PENDING]


async def test_pause_resume_edit_and_delete(services: Services, clock: FakeClock) -> None:
    user_id = await make_user(services)
    reminder_id = await add_reminder(
        services, user_id, "water plants", clock.now() + timedelta(days=1), rrule="FREQ=DAILY"
    )
    base = f"/app/reminders/{reminder_id}"
    async with browser(services, user_id) as client:
        await client.post(f"{base}/pause")
        paused = await client.get("/app/reminders")
        assert (await _reminders(services, user_id))[0].state == ReminderState.PAUSED
        assert "Paused: water plants." in paused.text
        assert f'action="{base}/resume"' in paused.text
        await client.post(f"{base}/resume")
        assert (await _reminders(services, user_id))[0].state == ReminderState.ACTIVE
        form = await client.get(f"{base}/edit")
        assert 'value="water plants"' in form.text
        edited = await client.post(
            f"{base}/edit", data={"text": "water the plants", "when": "every day at 7pm"}
        )
        assert edited.headers["location"] == "/app/reminders"
        [reminder] = await _reminders(services, user_id)
        assert (reminder.text, reminder.rrule) == ("water the plants", "FREQ=DAILY")
        unread = await client.post(f"{base}/edit", data={"text": "water", "when": "whenever"})
        assert unread.status_code == 422
        await client.post(f"{base}/delete")
        assert (await _reminders(services, user_id))[0].state == ReminderState.CANCELLED
        await client.post("/app/undo")
    assert (await _reminders(services, user_id))[0].state == ReminderState.ACTIVE


async def test_todos_and_memories_change_through_the_door(services: Services) -> None:
    user_id = await make_user(services)
    async with browser(services, user_id) as client:
        added = await client.post("/app/todos", data={"text": "  buy   stamps "})
        assert added.status_code == 303
        async with services.db.transaction() as session:
            todo = (await session.scalars(select(Todo).where(Todo.user_id == user_id))).one()
        assert todo.text == "buy stamps"
        await client.post(f"/app/todos/{todo.id}/done")
        remembered = await client.post("/app/memory", data={"fact": "my bike lock is 7731"})
        assert remembered.status_code == 303
        async with services.db.transaction() as session:
            memory = (await session.scalars(select(Memory).where(Memory.user_id == user_id))).one()
        await client.post(f"/app/memory/{memory.id}/forget")
        forgot = await client.get("/app/memory")
        assert "7731" not in forgot.text.split('id="said"', 1)[1].split("</div>", 1)[1]
        await client.post("/app/undo")
    async with services.db.transaction() as session:
        assert (await session.get(Todo, todo.id)).status == TodoStatus.DONE  # type: ignore[union-attr]
        assert (await session.scalars(select(Memory.text))).all() == ["my bike lock is 7731"]


async def test_a_second_person_cannot_touch_the_first_persons_things(
    services: Services, clock: FakeClock
) -> None:
    first = await make_user(services)
    reminder_id = await add_reminder(services, first, "stretch", clock.now() + timedelta(hours=1))
    second = await make_user(services, phone="+15145550122")
    async with browser(services, second) as client:
        for action in ("done", "snooze", "pause", "delete"):
            answer = await client.post(f"/app/reminders/{reminder_id}/{action}")
            assert answer.status_code == 303
            shown = await client.get("/app/reminders")
            assert "I can&#39;t find that reminder." in shown.text
        edit = await client.get(f"/app/reminders/{reminder_id}/edit")
        assert edit.status_code == 404
        await client.post(f"/app/reminders/{reminder_id}/edit", data={"text": "mine now"})
    [reminder] = await _reminders(services, first)
    assert (reminder.text, reminder.state) == ("stretch", ReminderState.ACTIVE)
    assert [f.state for f in await _firings(services, reminder_id)] == [OccurrenceState.PENDING]
