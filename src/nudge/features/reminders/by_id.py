"""Reminder commands addressed by id, as the API and the dashboard send them.

SMS says "done" or "delete 2"; a screen shows the reminder and its id. These actions find
the person's reminder by that id (another person's id is "no such reminder"), keep the same
rules and undo records as SMS, and say with ``Outcome.problem`` when nothing could be done.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from nudge.commands import (
    CompleteReminder,
    DeleteReminder,
    EditReminder,
    PauseReminder,
    ResumeReminder,
    SnoozeReminder,
)
from nudge.features.context import Context, Outcome
from nudge.features.reminders import actions, changes, rules, service
from nudge.features.reminders.undo import ReminderEdited, ReminderPaused, ReminderResumed
from nudge.scheduler.occurrences import next_after
from nudge.store.states import ReminderState
from nudge.store.tables import Reminder

_LIVE = frozenset({ReminderState.ACTIVE, ReminderState.PAUSED})


async def complete(ctx: Context, command: CompleteReminder) -> Outcome:
    """Done: the firing that waits for "done", else the next one (a repeat books the one after)."""
    reminder = await _mine(ctx, command.reminder_id)
    if reminder is None or reminder.state != ReminderState.ACTIVE:
        return _refused(ctx, reminder, "nothing_to_complete")
    firing = await changes.open_firing(ctx.session, reminder=reminder)
    firing = firing or await changes.next_firing(ctx.session, reminder=reminder)
    if firing is None:
        return _refused(ctx, reminder, "nothing_to_complete")
    return replace(await actions.acknowledge(ctx, firing, reminder), made=reminder.id)


async def snooze(ctx: Context, command: SnoozeReminder) -> Outcome:
    """Again in N minutes: only a firing that was texted and waits for "done"."""
    reminder = await _mine(ctx, command.reminder_id)
    firing = await changes.open_firing(ctx.session, reminder=reminder) if reminder else None
    if reminder is None or firing is None:
        return _refused(ctx, reminder, "nothing_to_snooze")
    return replace(
        await actions.snooze_firing(ctx, firing, reminder, command.minutes), made=reminder.id
    )


async def delete(ctx: Context, command: DeleteReminder) -> Outcome:
    """Delete an active or paused reminder (undo brings it back as it was)."""
    reminder = await _mine(ctx, command.reminder_id)
    if reminder is None or reminder.state not in _LIVE:
        return _refused(ctx, reminder, "reminder_not_active")
    return replace(await actions.delete(ctx, reminder), made=reminder.id)


async def pause(ctx: Context, command: PauseReminder) -> Outcome:
    """Nothing fires until resumed."""
    reminder = await _mine(ctx, command.reminder_id)
    if reminder is None or reminder.state != ReminderState.ACTIVE:
        return _refused(ctx, reminder, "reminder_not_active")
    cancelled = await changes.pause(ctx.session, reminder=reminder)
    undo = ReminderPaused(reminder.id, cancelled)
    return Outcome(ctx.say("reminder_paused", text=reminder.text), undo, made=reminder.id)


async def resume(ctx: Context, command: ResumeReminder) -> Outcome:
    """Fire again from the next time to come; a one-off whose time passed needs a new one."""
    reminder = await _mine(ctx, command.reminder_id)
    if reminder is None or reminder.state != ReminderState.PAUSED:
        return _refused(ctx, reminder, "reminder_not_paused")
    booked = await changes.resume(ctx.session, reminder=reminder, now=ctx.now)
    if booked is None:
        return _refused(ctx, reminder, "resume_time_passed")
    undo = ReminderResumed(reminder.id, booked.occurrence.id if booked.made else None)
    when = ctx.when(booked.occurrence.due_at)
    return Outcome(
        ctx.say("reminder_resumed", text=reminder.text, when=when), undo, made=reminder.id
    )


async def edit(ctx: Context, command: EditReminder) -> Outcome:
    """New text, time or repeat; the firings to come follow the new time."""
    reminder = await _mine(ctx, command.reminder_id)
    if reminder is None or reminder.state not in _LIVE:
        return _refused(ctx, reminder, "reminder_not_active")
    timing = await _timing(ctx, reminder, command)
    if timing is None and command.at is None and command.rrule_changed:
        return _refused(ctx, reminder, "edit_needs_time")
    if timing is not None:
        at, rrule = timing
        problem = rules.problem_with(at=at, rrule=rrule, now=ctx.now, tz=reminder.timezone)
        if problem is not None:
            return _refused(ctx, reminder, problem)
    edited = await changes.edit(ctx.session, reminder=reminder, text=command.text, timing=timing)
    undo = ReminderEdited(
        reminder.id, edited.text, edited.first_at, edited.rrule, edited.cancelled, edited.booked
    )
    following = await changes.next_firing(ctx.session, reminder=reminder)
    when = ctx.when(following.due_at) if following else ctx.when(reminder.first_at)
    return Outcome(
        ctx.say("reminder_edited", text=reminder.text, when=when), undo, made=reminder.id
    )


async def _timing(
    ctx: Context, reminder: Reminder, command: EditReminder
) -> tuple[datetime, str | None] | None:
    """The new (next time, repeat), or None when the timing does not change or cannot be told.

    A new repeat without a time starts at its next instant after now, on the reminder's own
    wall time; a repeat dropped without a time keeps its next firing as the one-off.
    """
    rrule = command.rrule if command.rrule_changed else reminder.rrule
    if command.at is not None:
        return command.at, rrule
    if not command.rrule_changed:
        return None
    if rrule is not None:
        following = next_after(rrule, first=reminder.first_at, after=ctx.now, tz=reminder.timezone)
        return (following, rrule) if following is not None else None
    upcoming = await changes.next_firing(ctx.session, reminder=reminder, snoozes=False)
    return (upcoming.scheduled_at, None) if upcoming is not None else None


async def _mine(ctx: Context, reminder_id: int) -> Reminder | None:
    return await service.get(ctx.session, user_id=ctx.user.id, reminder_id=reminder_id)


def _refused(ctx: Context, reminder: Reminder | None, problem: str) -> Outcome:
    """Nothing done, and why: no such reminder of theirs, or the ``problem`` with it."""
    if reminder is None:
        return Outcome(ctx.say("no_such_reminder"), problem="no_such_reminder")
    return Outcome(ctx.say(problem, text=reminder.text), problem=problem, made=reminder.id)
