"""How each reminder change is reversed: a record of what changed, and its ``reverse``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from nudge.features.context import Context
from nudge.features.reminders import changes, service
from nudge.store.states import OccurrenceState, ReminderState
from nudge.store.tables import Occurrence, Reminder


@dataclass(frozen=True, slots=True)
class ReminderCreated:
    """A new reminder: undo cancels it."""

    op: ClassVar[str] = "create_reminder"
    reminder_id: int

    async def reverse(self, ctx: Context) -> str | None:
        """Cancel the reminder; None when it is gone."""
        reminder = await service.get(ctx.session, user_id=ctx.user.id, reminder_id=self.reminder_id)
        if reminder is None:
            return None
        await service.cancel(ctx.session, reminder=reminder)
        return ctx.say("undone_reminder", text=reminder.text)


@dataclass(frozen=True, slots=True)
class ReminderCancelled:
    """A deleted reminder and the firings it cancelled: undo brings them back."""

    op: ClassVar[str] = "cancel_reminder"
    reminder_id: int
    occurrence_ids: tuple[int, ...]
    previous: ReminderState = ReminderState.ACTIVE  # a paused one comes back paused

    async def reverse(self, ctx: Context) -> str | None:
        """Restore the reminder and its firings; say when the next one is."""
        reminder = await _reminder(ctx, self.reminder_id)
        if reminder is None:
            return None
        if self.previous == ReminderState.PAUSED:
            await changes.set_state(ctx.session, reminder=reminder, state=ReminderState.PAUSED)
            return ctx.say("undone_done", text=reminder.text)
        following = await service.restore(
            ctx.session, reminder=reminder, occurrence_ids=self.occurrence_ids
        )
        when = ctx.when(following.due_at) if following else ""
        return ctx.say("undone_cancel", text=reminder.text, when=when)


@dataclass(frozen=True, slots=True)
class ReminderDone:
    """A firing acknowledged ("done"): the states before, and the snoozes it dropped."""

    op: ClassVar[str] = "acknowledge"
    occurrence_id: int
    previous: OccurrenceState
    reminder_state: ReminderState
    snoozes: tuple[int, ...]
    following: int | None = None  # a repeat done ahead: the next firing it booked

    async def reverse(self, ctx: Context) -> str | None:
        """Put the firing, the reminder and the dropped snoozes back."""
        occurrence = await _occurrence(ctx, self.occurrence_id)
        reminder = await _reminder_of(ctx, occurrence) if occurrence else None
        if occurrence is None or reminder is None:
            return None
        if self.following is not None:
            await changes.drop(ctx.session, occurrence_id=self.following)
        await service.unacknowledge(
            ctx.session,
            occurrence=occurrence,
            reminder=reminder,
            previous=self.previous,
            reminder_state=self.reminder_state,
            snoozes=self.snoozes,
        )
        return ctx.say("undone_done", text=reminder.text)


@dataclass(frozen=True, slots=True)
class ReminderSnoozed:
    """A snoozed firing and the new one it made: undo drops the new one."""

    op: ClassVar[str] = "snooze"
    occurrence_id: int
    again_id: int

    async def reverse(self, ctx: Context) -> str | None:
        """Cancel the snooze if it has not fired yet; the original is "sent" again."""
        again = await _occurrence(ctx, self.again_id)
        original = await _occurrence(ctx, self.occurrence_id)
        if again is None or original is None or again.state != OccurrenceState.PENDING:
            return None
        reminder = await _reminder_of(ctx, original)
        await service.unsnooze(ctx.session, again=again, original=original)
        return ctx.say("undone_snooze", text=reminder.text if reminder else "")


@dataclass(frozen=True, slots=True)
class ReminderPaused:
    """A paused reminder and the firings the pause cancelled: undo lets them fire again."""

    op: ClassVar[str] = "pause_reminder"
    reminder_id: int
    occurrence_ids: tuple[int, ...]

    async def reverse(self, ctx: Context) -> str | None:
        """Active again, with its firings back."""
        reminder = await _reminder(ctx, self.reminder_id)
        if reminder is None or reminder.state != ReminderState.PAUSED:
            return None
        await service.restore(ctx.session, reminder=reminder, occurrence_ids=self.occurrence_ids)
        return ctx.say("undone_done", text=reminder.text)


@dataclass(frozen=True, slots=True)
class ReminderResumed:
    """A resumed reminder and the firing it booked: undo pauses it again."""

    op: ClassVar[str] = "resume_reminder"
    reminder_id: int
    booked: int | None

    async def reverse(self, ctx: Context) -> str | None:
        """Paused again, the booked firing dropped."""
        reminder = await _reminder(ctx, self.reminder_id)
        if reminder is None or reminder.state != ReminderState.ACTIVE:
            return None
        if self.booked is not None:
            await changes.drop(ctx.session, occurrence_id=self.booked)
        await changes.set_state(ctx.session, reminder=reminder, state=ReminderState.PAUSED)
        return ctx.say("undone_resume", text=reminder.text)


@dataclass(frozen=True, slots=True)
class ReminderEdited:
    """An edited reminder: its text, timing and the firings the edit replaced."""

    op: ClassVar[str] = "edit_reminder"
    reminder_id: int
    text: str
    first_at: datetime
    rrule: str | None
    cancelled: tuple[int, ...]
    booked: int | None

    async def reverse(self, ctx: Context) -> str | None:
        """Text, timing and firings as they were."""
        reminder = await _reminder(ctx, self.reminder_id)
        if reminder is None:
            return None
        edited = changes.Edited(self.text, self.first_at, self.rrule, self.cancelled, self.booked)
        await changes.unedit(ctx.session, reminder=reminder, edited=edited)
        return ctx.say("undone_edit", text=reminder.text)


async def _reminder(ctx: Context, reminder_id: int) -> Reminder | None:
    return await service.get(ctx.session, user_id=ctx.user.id, reminder_id=reminder_id)


async def _occurrence(ctx: Context, occurrence_id: int) -> Occurrence | None:
    return await service.occurrence(ctx.session, user_id=ctx.user.id, occurrence_id=occurrence_id)


async def _reminder_of(ctx: Context, occurrence: Occurrence) -> Reminder | None:
    return await service.get(ctx.session, user_id=ctx.user.id, reminder_id=occurrence.reminder_id)
