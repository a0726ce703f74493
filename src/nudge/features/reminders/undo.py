"""How each reminder change is reversed: a record of what changed, and its ``reverse``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from nudge.features.context import Context
from nudge.features.reminders import service
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

    async def reverse(self, ctx: Context) -> str | None:
        """Restore the reminder and its firings; say when the next one is."""
        reminder = await service.get(ctx.session, user_id=ctx.user.id, reminder_id=self.reminder_id)
        if reminder is None:
            return None
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

    async def reverse(self, ctx: Context) -> str | None:
        """Put the firing, the reminder and the dropped snoozes back."""
        occurrence = await _occurrence(ctx, self.occurrence_id)
        reminder = await _reminder_of(ctx, occurrence) if occurrence else None
        if occurrence is None or reminder is None:
            return None
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


async def _occurrence(ctx: Context, occurrence_id: int) -> Occurrence | None:
    return await service.occurrence(ctx.session, user_id=ctx.user.id, occurrence_id=occurrence_id)


async def _reminder_of(ctx: Context, occurrence: Occurrence) -> Reminder | None:
    return await service.get(ctx.session, user_id=ctx.user.id, reminder_id=occurrence.reminder_id)
