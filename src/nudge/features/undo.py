"""Undo: every command that changes something leaves a record of how to reverse it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from nudge.features.breakdown import service as breakdown
from nudge.features.briefings import actions as briefing_actions
from nudge.features.context import Context, Outcome
from nudge.features.reminders import service as reminders
from nudge.features.todos import service as todos
from nudge.features.users import service as users

Reverser = Callable[[Context, dict[str, Any]], Awaitable[str | None]]


async def _create_reminder(ctx: Context, record: dict[str, Any]) -> str | None:
    reminder = await reminders.get(
        ctx.session, user_id=ctx.user.id, reminder_id=record["reminder_id"]
    )
    if reminder is None:
        return None
    await reminders.cancel(ctx.session, reminder=reminder)
    return ctx.say("undone_reminder", text=reminder.text)


async def _cancel_reminder(ctx: Context, record: dict[str, Any]) -> str | None:
    reminder = await reminders.get(
        ctx.session, user_id=ctx.user.id, reminder_id=record["reminder_id"]
    )
    if reminder is None:
        return None
    following = await reminders.restore(
        ctx.session, reminder=reminder, occurrence_ids=record["occurrence_ids"]
    )
    when = ctx.when(following.due_at) if following else ""
    return ctx.say("undone_cancel", text=reminder.text, when=when)


async def _acknowledge(ctx: Context, record: dict[str, Any]) -> str | None:
    occurrence = await reminders.occurrence(
        ctx.session, user_id=ctx.user.id, occurrence_id=record["occurrence_id"]
    )
    if occurrence is None:
        return None
    reminder = await reminders.get(
        ctx.session, user_id=ctx.user.id, reminder_id=occurrence.reminder_id
    )
    if reminder is None:
        return None
    await reminders.unacknowledge(
        ctx.session, occurrence=occurrence, reminder=reminder, record=record
    )
    return ctx.say("undone_done", text=reminder.text)


async def _snooze(ctx: Context, record: dict[str, Any]) -> str | None:
    again = await reminders.occurrence(
        ctx.session, user_id=ctx.user.id, occurrence_id=record["again_id"]
    )
    original = await reminders.occurrence(
        ctx.session, user_id=ctx.user.id, occurrence_id=record["occurrence_id"]
    )
    if again is None or original is None or again.state != "pending":
        return None
    reminder = await reminders.get(
        ctx.session, user_id=ctx.user.id, reminder_id=original.reminder_id
    )
    again.state, original.state = "cancelled", "sent"
    await ctx.session.flush()
    return ctx.say("undone_snooze", text=reminder.text if reminder else "")


async def _add_todo(ctx: Context, record: dict[str, Any]) -> str | None:
    todo = await todos.get(ctx.session, user_id=ctx.user.id, todo_id=record["todo_id"])
    if todo is None:
        return None
    text = todo.text
    await todos.remove(ctx.session, todo=todo)
    return ctx.say("undone_todo", text=text)


async def _complete_todo(ctx: Context, record: dict[str, Any]) -> str | None:
    todo = await todos.get(ctx.session, user_id=ctx.user.id, todo_id=record["todo_id"])
    if todo is None:
        return None
    await todos.reopen(ctx.session, todo=todo)
    return ctx.say("undone_done", text=todo.text)


async def _set_language(ctx: Context, record: dict[str, Any]) -> str | None:
    await users.set_locale(ctx.session, user=ctx.user, locale=record["previous"])
    return ctx.say("undone_language")


async def _break_down(ctx: Context, record: dict[str, Any]) -> str | None:
    parent = await todos.get(ctx.session, user_id=ctx.user.id, todo_id=record["parent_id"])
    if parent is None:
        return None
    text = parent.text
    await breakdown.remove(
        ctx.session,
        user_id=ctx.user.id,
        parent_id=record["parent_id"],
        with_parent=bool(record["with_parent"]),
    )
    return ctx.say("undone_breakdown", text=text)


async def _set_briefing(ctx: Context, record: dict[str, Any]) -> str | None:
    await briefing_actions.restore(
        ctx, briefing_at=record["briefing_at"], checkin_at=record["checkin_at"]
    )
    return ctx.say("undone_briefing")


REVERSERS: dict[str, Reverser] = {
    "set_briefing": _set_briefing,
    "break_down": _break_down,
    "create_reminder": _create_reminder,
    "cancel_reminder": _cancel_reminder,
    "acknowledge": _acknowledge,
    "snooze": _snooze,
    "add_todo": _add_todo,
    "complete_todo": _complete_todo,
    "set_language": _set_language,
}


async def undo_last(ctx: Context) -> Outcome:
    """Reverse the last change, once; a second "undo" says there is nothing left."""
    record = ctx.dialogue.undo
    reverser = REVERSERS.get(str(record.get("op"))) if record else None
    reply = await reverser(ctx, record) if reverser and record else None
    return Outcome(reply or ctx.say("nothing_to_undo"), clear_undo=True)
