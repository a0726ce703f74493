"""Commands addressed by id (the API's and the dashboard's), each with its undo, on both stores.

Run through ``conversation.turn.carry_out``, the same door and dialogue row an SMS uses; the
firings each change leaves are read back from the views.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.commands import (
    AddTodo,
    BreakDown,
    Command,
    CompleteReminder,
    CompleteTodo,
    CreateReminder,
    DeleteReminder,
    EditReminder,
    ForgetMemory,
    PauseReminder,
    Remember,
    ResumeReminder,
    SetRole,
    SnoozeReminder,
    Undo,
)
from nudge.conversation import state as dialogue
from nudge.conversation.turn import carry_out
from nudge.features.context import Outcome
from nudge.features.memory import views as memories
from nudge.features.reminders import views as reminders
from nudge.features.todos import views as todos
from nudge.store.roles import Role
from nudge.store.tables import User
from tests.integration.engine_helpers import make_user


async def _do(services: Services, user_id: int, command: Command) -> Outcome:
    async with services.db.transaction() as session:
        return await carry_out(
            session,
            user_id=user_id,
            command=command,
            now=services.clock.now(),
            deps=services.features,
        )


async def _reminder(services: Services, user_id: int, reminder_id: int) -> reminders.ReminderView:
    async with services.db.sessions() as session:
        found = await reminders.one(session, user_id=user_id, reminder_id=reminder_id)
    assert found is not None
    return found


async def _states(services: Services, user_id: int, reminder_id: int) -> list[str]:
    async with services.db.sessions() as session:
        fired = await reminders.firings(session, user_id=user_id, reminder_id=reminder_id)
    return [firing.state for firing in reversed(fired)]


async def test_pause_resume_and_their_undo(services: Services, clock: FakeClock) -> None:
    ana = await make_user(services)
    made = await _do(
        services, ana, CreateReminder("pills", clock.now() + timedelta(hours=1), "FREQ=DAILY")
    )
    assert made.made is not None
    paused = await _do(services, ana, PauseReminder(made.made))
    assert paused.reply == "Paused: pills. Nothing will be sent until you resume it."
    view = await _reminder(services, ana, made.made)
    assert (view.state, view.next_at) == ("paused", None)
    again = await _do(services, ana, PauseReminder(made.made))
    assert again.problem == "reminder_not_active"
    assert (await _do(services, ana, Undo())).reply == "Undone. Back on: pills."
    assert (await _reminder(services, ana, made.made)).next_at == clock.now() + timedelta(hours=1)
    await _do(services, ana, PauseReminder(made.made))
    clock.advance(hours=30)  # today's 11:00 is gone: resuming books tomorrow's
    resumed = await _do(services, ana, ResumeReminder(made.made))
    assert resumed.problem is None
    view = await _reminder(services, ana, made.made)
    assert view.state == "active"
    assert view.next_at == clock.now() - timedelta(hours=30) + timedelta(days=2, hours=1)
    assert (await _do(services, ana, Undo())).reply == "Undone. Paused again: pills."
    view = await _reminder(services, ana, made.made)
    assert (view.state, view.next_at) == ("paused", None)


async def test_a_one_off_whose_time_passed_needs_a_new_time_to_resume(
    services: Services, clock: FakeClock
) -> None:
    ana = await make_user(services)
    made = await _do(services, ana, CreateReminder("call", clock.now() + timedelta(hours=1)))
    assert made.made is not None
    await _do(services, ana, PauseReminder(made.made))
    clock.advance(hours=2)
    refused = await _do(services, ana, ResumeReminder(made.made))
    assert refused.problem == "resume_time_passed"
    later = clock.now() + timedelta(hours=1)
    edited = await _do(services, ana, EditReminder(made.made, at=later))
    assert edited.problem is None
    assert (await _reminder(services, ana, made.made)).next_at is None  # still paused
    assert (await _do(services, ana, ResumeReminder(made.made))).problem is None
    assert (await _reminder(services, ana, made.made)).next_at == later


async def test_edit_text_time_and_repeat_then_undo(services: Services, clock: FakeClock) -> None:
    ana = await make_user(services)
    first = clock.now() + timedelta(hours=1)
    made = await _do(services, ana, CreateReminder("call mom", first))
    assert made.made is not None
    moved = first + timedelta(days=1)
    edited = await _do(services, ana, EditReminder(made.made, text="call dad", at=moved))
    assert edited.reply.startswith("Changed: call dad, next tomorrow")
    view = await _reminder(services, ana, made.made)
    assert (view.text, view.next_at, view.rrule) == ("call dad", moved, None)
    assert await _states(services, ana, made.made) == ["cancelled", "pending"]
    weekly = await _do(
        services, ana, EditReminder(made.made, rrule="FREQ=WEEKLY", rrule_changed=True)
    )
    assert weekly.problem is None
    view = await _reminder(services, ana, made.made)
    assert (view.rrule, view.next_at) == ("FREQ=WEEKLY", moved)  # its next instant after now
    await _do(services, ana, Undo())
    view = await _reminder(services, ana, made.made)
    assert (view.text, view.rrule, view.next_at) == ("call dad", None, moved)
    await _do(services, ana, EditReminder(made.made, at=first))  # back to the first time
    await _do(services, ana, Undo())
    assert (await _reminder(services, ana, made.made)).next_at == moved
    past = await _do(services, ana, EditReminder(made.made, at=clock.now() - timedelta(minutes=1)))
    assert past.problem == "time_passed"


async def test_done_ahead_on_a_repeat_books_the_next_and_undo_drops_it(
    services: Services, clock: FakeClock
) -> None:
    ana = await make_user(services)
    first = clock.now() + timedelta(hours=1)
    made = await _do(services, ana, CreateReminder("pills", first, "FREQ=DAILY"))
    assert made.made is not None
    done = await _do(services, ana, CompleteReminder(made.made))
    assert done.reply == "Nice, done: pills."
    view = await _reminder(services, ana, made.made)
    assert (view.state, view.next_at) == ("active", first + timedelta(days=1))
    await _do(services, ana, Undo())
    assert await _states(services, ana, made.made) == ["pending", "cancelled"]
    assert (await _reminder(services, ana, made.made)).next_at == first


async def test_snooze_by_id_needs_a_texted_firing(services: Services, clock: FakeClock) -> None:
    ana = await make_user(services)
    made = await _do(services, ana, CreateReminder("stretch", clock.now() + timedelta(minutes=1)))
    assert made.made is not None
    assert (await _do(services, ana, SnoozeReminder(made.made, 15))).problem == "nothing_to_snooze"
    clock.advance(minutes=2)
    await services.scheduler.run_once()
    snoozed = await _do(services, ana, SnoozeReminder(made.made, 15))
    assert snoozed.problem is None
    assert (await _reminder(services, ana, made.made)).next_at == clock.now() + timedelta(
        minutes=15
    )
    done = await _do(services, ana, CompleteReminder(made.made))
    assert done.problem is None
    assert (await _reminder(services, ana, made.made)).state == "done"


async def test_a_deleted_paused_reminder_comes_back_paused(
    services: Services, clock: FakeClock
) -> None:
    ana = await make_user(services)
    made = await _do(services, ana, CreateReminder("yoga", clock.now() + timedelta(days=1)))
    assert made.made is not None
    await _do(services, ana, PauseReminder(made.made))
    await _do(services, ana, DeleteReminder(made.made))
    assert (await _reminder(services, ana, made.made)).state == "cancelled"
    assert (await _do(services, ana, DeleteReminder(made.made))).problem == "reminder_not_active"
    await _do(services, ana, Undo())
    assert (await _reminder(services, ana, made.made)).state == "paused"


async def test_another_persons_id_is_no_such_thing(services: Services, clock: FakeClock) -> None:
    ana, ben = await make_user(services), await make_user(services, "+15145550199")
    made = await _do(services, ana, CreateReminder("ana's", clock.now() + timedelta(hours=1)))
    todo = await _do(services, ana, AddTodo("ana's todo"))
    assert made.made is not None
    assert todo.made is not None
    for command in (
        PauseReminder(made.made),
        ResumeReminder(made.made),
        EditReminder(made.made, text="x"),
        CompleteReminder(made.made),
        SnoozeReminder(made.made),
        DeleteReminder(made.made),
    ):
        assert (await _do(services, ben, command)).problem == "no_such_reminder", command
    assert (await _do(services, ben, CompleteTodo(todo.made))).problem == "no_such_todo"
    assert (await _do(services, ben, ForgetMemory(1))).problem == "no_such_memory"
    view = await _reminder(services, ana, made.made)
    assert (view.text, view.state) == ("ana's", "active")


async def test_a_step_done_by_id_opens_the_next_and_the_last_ends_the_task(
    services: Services,
) -> None:
    ana = await make_user(services)
    await _do(services, ana, BreakDown("the garage", ("Clear one shelf", "Sweep the floor")))
    async with services.db.sessions() as session:
        (garage,) = await todos.open_with_steps(session, user_id=ana)
    first, second = garage.steps
    assert (await _do(services, ana, CompleteTodo(second.id))).problem == "todo_not_open"
    assert (
        await _do(services, ana, CompleteTodo(first.id))
    ).reply == 'Next: Sweep the floor. Reply "next" when done.'
    finished = await _do(services, ana, CompleteTodo(second.id))
    assert finished.reply.startswith("All done with the garage")
    async with services.db.sessions() as session:
        assert await todos.open_with_steps(session, user_id=ana) == []
    await _do(services, ana, Undo())
    async with services.db.sessions() as session:
        (back,) = await todos.open_with_steps(session, user_id=ana)
    assert [step.status for step in back.steps] == ["done", "open"]


async def test_forget_by_id_is_undone_by_remembering_again(services: Services) -> None:
    ana = await make_user(services)
    await _do(services, ana, Remember("my locker code is 4512", importance=9, tags=("gym",)))
    async with services.db.sessions() as session:
        (memory,) = await memories.listed(session, user_id=ana)
    forgot = await _do(services, ana, ForgetMemory(memory.id))
    assert forgot.reply == "Done, removed from memory: my locker code is 4512"
    assert (
        await _do(services, ana, Undo())
    ).reply == "Undone. I remember again: my locker code is 4512"
    async with services.db.sessions() as session:
        (back,) = await memories.listed(session, user_id=ana)
    assert (back.text, back.importance, back.tags) == (memory.text, 9, ("gym",))


async def test_only_an_admin_sets_roles_never_their_own(services: Services) -> None:
    admin, ana = await make_user(services), await make_user(services, "+15145550199")
    assert (await _do(services, ana, SetRole(admin, "admin"))).problem == "not_an_admin"
    async with services.db.transaction() as session:
        await session.execute(update(User).where(User.id == admin).values(role=Role.ADMIN))
    assert (await _do(services, admin, SetRole(admin, "user"))).problem == "own_role"
    assert (await _do(services, admin, SetRole(ana, "boss"))).problem == "unknown_role"
    assert (await _do(services, admin, SetRole(999, "premium"))).problem == "no_such_person"
    done = await _do(services, admin, SetRole(ana, "premium"))
    assert (done.reply, done.made) == ("Done: their role is now premium.", ana)
    assert (await _do(services, admin, Undo())).problem == "nothing_to_undo"  # not the admin's
    async with services.db.sessions() as session:
        person = await session.get(User, ana)
    assert person is not None
    assert person.role == "premium"


async def test_a_refused_command_leaves_the_dialogue_as_it_was(
    services: Services, clock: FakeClock
) -> None:
    ana = await make_user(services)
    made = await _do(services, ana, CreateReminder("call", clock.now() + timedelta(hours=1)))
    assert made.made is not None
    async with services.db.transaction() as session:
        state = await dialogue.load(session, user_id=ana, now=clock.now())
        state.pending = {"text": "water the plants", "at": None, "rrule": None}
    assert (await _do(services, ana, ResumeReminder(made.made))).problem == "reminder_not_paused"
    async with services.db.sessions() as session:
        kept = await dialogue.load_by_id(session, user_id=ana)
    assert kept[1].pending == {"text": "water the plants", "at": None, "rrule": None}
    assert (kept[1].undo or {}).get("op") == "create_reminder"
