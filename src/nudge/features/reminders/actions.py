"""Reminder commands as the user sees them: create, list, done, snooze, delete."""

from __future__ import annotations

from nudge.commands import CancelReminder, Complete, CreateReminder, ListReminders, Snooze
from nudge.features.context import Context, Outcome
from nudge.features.reminders import changes, service
from nudge.features.reminders.undo import (
    ReminderCancelled,
    ReminderCreated,
    ReminderDone,
    ReminderSnoozed,
)
from nudge.store.states import OccurrenceState
from nudge.store.tables import Occurrence, Reminder
from nudge.texts.formatting import describe_rrule

MAX_LISTED = 8
_OPEN_FIRINGS = frozenset({OccurrenceState.SENT, OccurrenceState.SNOOZED})  # "done" may mean


async def create_reminder(ctx: Context, command: CreateReminder) -> Outcome:
    """Store the reminder and echo the exact local time understood."""
    reminder, _first = await service.create(
        ctx.session,
        user_id=ctx.user.id,
        text=command.text,
        at=command.at,
        rrule=command.rrule,
        timezone=ctx.user.timezone,
        always=command.always,
        now=ctx.now,
    )
    return Outcome(confirmation(ctx, command), ReminderCreated(reminder.id), made=reminder.id)


def confirmation(ctx: Context, command: CreateReminder) -> str:
    """The reply a new reminder gets: the exact local time understood, and its repeat."""
    if command.rrule:
        rule = describe_rrule(command.rrule, locale=ctx.user.locale)
        return ctx.say("confirm_recurring", rule=rule, when=ctx.when(command.at), text=command.text)
    return ctx.say("confirm_reminder", when=ctx.when(command.at), text=command.text)


async def list_reminders(ctx: Context, _command: ListReminders) -> Outcome:
    """Number the upcoming reminders, soonest first."""
    rows = await service.upcoming(ctx.session, user_id=ctx.user.id)
    if not rows:
        return Outcome(ctx.say("reminders_empty"), last_list="reminders")
    lines = [ctx.say("reminders_header")]
    for number, row in enumerate(rows[:MAX_LISTED], 1):
        lines.append(f"{number}. {ctx.when(row.occurrence.due_at)}: {row.reminder.text}")
    if len(rows) > MAX_LISTED:
        lines.append(ctx.say("list_more", n=len(rows) - MAX_LISTED))
    return Outcome("\n".join(lines), last_list="reminders")


async def last_sent(ctx: Context) -> tuple[Occurrence, Reminder] | None:
    """The firing "done" and "snooze" refer to: the last one texted, if still open."""
    occurrence = await service.last_sent(ctx.session, user_id=ctx.user.id)
    if occurrence is None or occurrence.state not in _OPEN_FIRINGS:
        return None
    reminder = await service.get(
        ctx.session, user_id=ctx.user.id, reminder_id=occurrence.reminder_id
    )
    return (occurrence, reminder) if reminder is not None else None


async def complete(ctx: Context, command: Complete) -> Outcome:
    """Say "done": to the last reminder texted, or to reminder N as listed."""
    if command.number is not None:
        return await _complete_listed_reminder(ctx, command.number)
    last = await last_sent(ctx)
    if last is None:
        return Outcome(ctx.say("nothing_to_complete"))
    return await acknowledge(ctx, *last)


async def acknowledge(ctx: Context, occurrence: Occurrence, reminder: Reminder) -> Outcome:
    """Mark one firing done (undoable) and say so."""
    previous, reminder_state, snoozes = await service.acknowledge(
        ctx.session, occurrence=occurrence, reminder=reminder, now=ctx.now
    )
    following = None
    if previous == OccurrenceState.PENDING and not occurrence.is_snooze:  # done ahead
        booked = await changes.book_following(
            ctx.session, reminder=reminder, after=occurrence.scheduled_at
        )  # a repeat goes on: the scheduler books the next one only when one fires
        following = booked.occurrence.id if booked is not None and booked.made else None
    undo = ReminderDone(occurrence.id, previous, reminder_state, snoozes, following)
    return Outcome(ctx.say("done_reminder", text=reminder.text), undo=undo)


async def _complete_listed_reminder(ctx: Context, number: int) -> Outcome:
    rows = await service.upcoming(ctx.session, user_id=ctx.user.id)
    if not 1 <= number <= len(rows):
        return Outcome(ctx.say("no_such_number", n=number))
    return await acknowledge(ctx, rows[number - 1].occurrence, rows[number - 1].reminder)


async def snooze(ctx: Context, command: Snooze) -> Outcome:
    """Say "snooze 10": text the last reminder again in N minutes."""
    last = await last_sent(ctx)
    if last is None:
        return Outcome(ctx.say("nothing_to_snooze"))
    return await snooze_firing(ctx, *last, command.minutes)


async def snooze_firing(
    ctx: Context, occurrence: Occurrence, reminder: Reminder, minutes: int
) -> Outcome:
    """Text one firing again in ``minutes`` (undoable) and say when."""
    again = await service.snooze(ctx.session, occurrence=occurrence, minutes=minutes, now=ctx.now)
    undo = ReminderSnoozed(occurrence.id, again.id)
    return Outcome(ctx.say("snoozed", when=ctx.when(again.due_at), text=reminder.text), undo)


async def cancel(ctx: Context, command: CancelReminder) -> Outcome:
    """Delete reminder N as listed (or the last one texted); undo brings it back."""
    reminder: Reminder | None = None
    if command.number is None:
        last = await last_sent(ctx)
        reminder = last[1] if last else None
    else:
        rows = await service.upcoming(ctx.session, user_id=ctx.user.id)
        if not 1 <= command.number <= len(rows):
            return Outcome(ctx.say("no_such_number", n=command.number))
        reminder = rows[command.number - 1].reminder
    if reminder is None:
        return Outcome(ctx.say("nothing_to_cancel"))
    return await delete(ctx, reminder)


async def delete(ctx: Context, reminder: Reminder) -> Outcome:
    """Stop one reminder (undoable) and say so."""
    previous = reminder.state
    cancelled = await service.cancel(ctx.session, reminder=reminder)
    undo = ReminderCancelled(reminder.id, cancelled, previous)
    return Outcome(ctx.say("reminder_cancelled", text=reminder.text), undo=undo)
