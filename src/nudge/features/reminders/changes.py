"""Changing one reminder found by id: pause, resume, edit, and booking one firing.

The queries behind the id-addressed commands (``by_id.py``) and their undo records. A firing
is booked with ``book``: the unique (reminder, instant) row is revived when it exists (a time
chosen, undone, and chosen again), so a change never trips over its own past.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Update, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.features.reminders.views import OPEN_FIRINGS
from nudge.scheduler.occurrences import next_after
from nudge.store.states import OCCURRENCES, OccurrenceState, ReminderState
from nudge.store.tables import Occurrence, Reminder

_PENDING, _CANCELLED = OccurrenceState.PENDING, OccurrenceState.CANCELLED


@dataclass(frozen=True, slots=True)
class Booked:
    """A firing booked by a change; ``made`` when the change made it pending (undo drops it)."""

    occurrence: Occurrence
    made: bool


@dataclass(frozen=True, slots=True)
class Edited:
    """What an edit replaced, for its undo."""

    text: str
    first_at: datetime
    rrule: str | None
    cancelled: tuple[int, ...]
    booked: int | None


async def book(session: AsyncSession, *, reminder: Reminder, at: datetime) -> Booked:
    """A pending firing of ``reminder`` at ``at`` (a cancelled one at that instant revived)."""
    found = await session.scalar(
        select(Occurrence).where(
            Occurrence.reminder_id == reminder.id, Occurrence.scheduled_at == at
        )
    )
    if found is None:
        found = Occurrence(
            reminder_id=reminder.id,
            user_id=reminder.user_id,
            scheduled_at=at,
            due_at=at,
            state=_PENDING,
        )
        session.add(found)
        await session.flush()
        return Booked(found, made=True)
    if found.state != _CANCELLED:
        return Booked(found, made=False)  # already pending (or fired): nothing new
    found.state, found.due_at, found.is_snooze = _PENDING, at, False
    await session.flush()
    return Booked(found, made=True)


async def book_following(
    session: AsyncSession, *, reminder: Reminder, after: datetime
) -> Booked | None:
    """A repeating reminder's firing after ``after`` (None: a one-off, or the rule ended)."""
    if reminder.rrule is None:
        return None
    following = next_after(
        reminder.rrule, first=reminder.first_at, after=after, tz=reminder.timezone
    )
    return await book(session, reminder=reminder, at=following) if following else None


async def drop(session: AsyncSession, *, occurrence_id: int) -> None:
    """Undo of a booking: the firing is cancelled again, if it has not fired."""
    await session.execute(_cancel().where(Occurrence.id == occurrence_id))


async def bring_back(session: AsyncSession, *, occurrence_ids: Sequence[int]) -> None:
    """Cancelled firings pending again (undo of a pause or an edit)."""
    if occurrence_ids:
        await session.execute(
            update(Occurrence)
            .where(Occurrence.id.in_(occurrence_ids), Occurrence.state == _CANCELLED)
            .values(state=OCCURRENCES.move(_CANCELLED, _PENDING))
        )


async def open_firing(session: AsyncSession, *, reminder: Reminder) -> Occurrence | None:
    """The reminder's last firing texted, while it waits for "done"."""
    last = await session.scalar(
        select(Occurrence)
        .where(Occurrence.reminder_id == reminder.id, Occurrence.sent_at.is_not(None))
        .order_by(Occurrence.sent_at.desc(), Occurrence.id.desc())
        .limit(1)
    )
    return last if last is not None and last.state in OPEN_FIRINGS else None


async def next_firing(
    session: AsyncSession, *, reminder: Reminder, snoozes: bool = True
) -> Occurrence | None:
    """The reminder's soonest pending firing (``snoozes=False``: of its own times only)."""
    query = select(Occurrence).where(
        Occurrence.reminder_id == reminder.id, Occurrence.state == _PENDING
    )
    if not snoozes:
        query = query.where(Occurrence.is_snooze.is_(False))
    found: Occurrence | None = await session.scalar(
        query.order_by(Occurrence.due_at, Occurrence.id).limit(1)
    )
    return found


async def pause(session: AsyncSession, *, reminder: Reminder) -> tuple[int, ...]:
    """Nothing fires until resumed: pending firings cancelled (their ids returned for undo)."""
    cancelled = await _cancel_pending(session, reminder, snoozes=True)
    reminder.state = ReminderState.PAUSED
    await session.flush()
    return cancelled


async def set_state(session: AsyncSession, *, reminder: Reminder, state: ReminderState) -> None:
    """Put a reminder in ``state`` (an undo putting back what was)."""
    reminder.state = state
    await session.flush()


async def resume(session: AsyncSession, *, reminder: Reminder, now: datetime) -> Booked | None:
    """Fire again from the next time after ``now``; None (still paused) when there is none."""
    if reminder.rrule is not None:
        booked = await book_following(session, reminder=reminder, after=now)
    elif reminder.first_at > now:
        booked = await book(session, reminder=reminder, at=reminder.first_at)
    else:
        booked = None  # a one-off whose time has passed: it needs a new time (edit)
    if booked is not None:
        reminder.state = ReminderState.ACTIVE
        await session.flush()
    return booked


async def edit(
    session: AsyncSession,
    *,
    reminder: Reminder,
    text: str | None,
    timing: tuple[datetime, str | None] | None,
) -> Edited:
    """New text and/or timing (next time, repeat); firings to come are replaced by the new one.

    A pending snooze ("again in 10 min") stays: it was asked for on its own. A paused
    reminder keeps no firing; resuming it books one from the new timing.
    """
    before = Edited(reminder.text, reminder.first_at, reminder.rrule, (), None)
    if text is not None:
        reminder.text = text
    if timing is None:
        await session.flush()
        return before
    reminder.first_at, reminder.rrule = timing
    cancelled = await _cancel_pending(session, reminder, snoozes=False)
    booked = None
    if reminder.state == ReminderState.ACTIVE:
        made = await book(session, reminder=reminder, at=timing[0])
        booked = made.occurrence.id if made.made else None
    await session.flush()
    return Edited(before.text, before.first_at, before.rrule, cancelled, booked)


async def unedit(session: AsyncSession, *, reminder: Reminder, edited: Edited) -> None:
    """Undo of ``edit``: the text, the timing and the firings as they were."""
    reminder.text, reminder.first_at, reminder.rrule = edited.text, edited.first_at, edited.rrule
    if edited.booked is not None:
        await drop(session, occurrence_id=edited.booked)
    await bring_back(session, occurrence_ids=edited.cancelled)
    await session.flush()


def _cancel() -> Update:
    """Pending firings cancelled (the caller says which)."""
    return (
        update(Occurrence)
        .where(Occurrence.state == _PENDING)
        .values(state=OCCURRENCES.move(_PENDING, _CANCELLED))
    )


async def _cancel_pending(
    session: AsyncSession, reminder: Reminder, *, snoozes: bool
) -> tuple[int, ...]:
    statement = _cancel().where(Occurrence.reminder_id == reminder.id)
    if not snoozes:
        statement = statement.where(Occurrence.is_snooze.is_(False))
    result = await session.execute(statement.returning(Occurrence.id))
    return tuple(result.scalars().all())
