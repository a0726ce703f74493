"""Reminders and their occurrences: create, list, complete, snooze, cancel, and undo each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import ReturningUpdate

from nudge.scheduler import occurrences as wall
from nudge.store.states import OCCURRENCES, OccurrenceState, ReminderState
from nudge.store.tables import Occurrence, Reminder


def _drop_snoozes(reminder_id: int) -> ReturningUpdate[int]:
    """A reminder's pending snoozes dropped ("done", or a new snooze replacing them)."""
    return (
        update(Occurrence)
        .where(
            Occurrence.reminder_id == reminder_id,
            Occurrence.state == OccurrenceState.PENDING,
            Occurrence.is_snooze.is_(True),
        )
        .values(state=OCCURRENCES.move(OccurrenceState.PENDING, OccurrenceState.CANCELLED))
        .returning(Occurrence.id)
    )


# Cancelled firings back to pending (undo of delete and of "done"); the caller picks which.
_RESTORE = (
    update(Occurrence)
    .where(Occurrence.state == OccurrenceState.CANCELLED)
    .values(state=OCCURRENCES.move(OccurrenceState.CANCELLED, OccurrenceState.PENDING))
)


@dataclass(frozen=True, slots=True)
class Upcoming:
    """A reminder with its next pending firing, as listed to the user."""

    reminder: Reminder
    occurrence: Occurrence


async def create(
    session: AsyncSession,
    *,
    user_id: int,
    text: str,
    at: datetime,
    rrule: str | None,
    timezone: str,
    always: bool,
    now: datetime,
    ack_required: bool | None = None,
) -> tuple[Reminder, Occurrence]:
    """Store a reminder and its first occurrence.

    ``ack_required`` (follow-ups until "done") defaults to ``always``: medication-type
    reminders are the ones worth a gentle second nudge.
    """
    reminder = Reminder(
        user_id=user_id,
        text=text,
        rrule=rrule,
        first_at=at,
        timezone=timezone,
        always=always,
        ack_required=always if ack_required is None else ack_required,
        state=ReminderState.ACTIVE,
        created_at=now,
    )
    session.add(reminder)
    await session.flush()
    occurrence = Occurrence(
        reminder_id=reminder.id,
        user_id=user_id,
        scheduled_at=at,
        due_at=at,
        state=OccurrenceState.PENDING,
    )
    session.add(occurrence)
    await session.flush()
    return reminder, occurrence


async def upcoming(session: AsyncSession, *, user_id: int) -> Sequence[Upcoming]:
    """Active reminders with a pending occurrence, soonest first: the numbering users see."""
    result = await session.execute(
        select(Reminder, Occurrence)
        .join(Occurrence, Occurrence.reminder_id == Reminder.id)
        .where(
            Reminder.user_id == user_id,
            Reminder.state == ReminderState.ACTIVE,
            Occurrence.state == OccurrenceState.PENDING,
        )
        .order_by(Occurrence.due_at, Occurrence.id)
    )
    seen: set[int] = set()
    rows: list[Upcoming] = []
    for reminder, occurrence in result.all():
        if reminder.id not in seen:
            seen.add(reminder.id)
            rows.append(Upcoming(reminder, occurrence))
    return rows


async def get(session: AsyncSession, *, user_id: int, reminder_id: int) -> Reminder | None:
    """One of the user's reminders by id (never another user's)."""
    result = await session.execute(
        select(Reminder).where(Reminder.user_id == user_id, Reminder.id == reminder_id)
    )
    return result.scalar_one_or_none()


async def occurrence(
    session: AsyncSession, *, user_id: int, occurrence_id: int
) -> Occurrence | None:
    """One of the user's occurrences by id."""
    result = await session.execute(
        select(Occurrence).where(Occurrence.user_id == user_id, Occurrence.id == occurrence_id)
    )
    return result.scalar_one_or_none()


async def last_sent(session: AsyncSession, *, user_id: int) -> Occurrence | None:
    """The firing texted most recently to the user: what a bare "done" or "snooze" means."""
    result = await session.execute(
        select(Occurrence)
        .where(Occurrence.user_id == user_id, Occurrence.sent_at.is_not(None))
        .order_by(Occurrence.sent_at.desc(), Occurrence.id.desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def acknowledge(
    session: AsyncSession, *, occurrence: Occurrence, reminder: Reminder, now: datetime
) -> tuple[OccurrenceState, ReminderState, tuple[int, ...]]:
    """The user said "done": this firing is acknowledged and its pending snoozes dropped.

    A one-off reminder is then finished. Returns what undo needs to put things back: the
    firing's and the reminder's states before, and the snoozes dropped.
    """
    previous = occurrence.state
    occurrence.state, occurrence.acknowledged_at = OccurrenceState.ACKNOWLEDGED, now
    occurrence.follow_up_at = None
    result = await session.execute(_drop_snoozes(reminder.id))
    previous_reminder = reminder.state
    if reminder.rrule is None:
        reminder.state = ReminderState.DONE
    await session.flush()
    return previous, previous_reminder, tuple(result.scalars().all())


async def unacknowledge(
    session: AsyncSession,
    *,
    occurrence: Occurrence,
    reminder: Reminder,
    previous: OccurrenceState,
    reminder_state: ReminderState,
    snoozes: Sequence[int],
) -> None:
    """Undo of acknowledge."""
    occurrence.state, occurrence.acknowledged_at = previous, None
    reminder.state = reminder_state
    if snoozes:
        await session.execute(_RESTORE.where(Occurrence.id.in_(snoozes)))
    await session.flush()


async def snooze(
    session: AsyncSession, *, occurrence: Occurrence, minutes: int, now: datetime
) -> Occurrence:
    """Fire the same reminder again in ``minutes``: a new occurrence, the old one ``snoozed``.

    An earlier snooze still waiting is replaced, so "snooze" twice texts once.
    """
    await session.execute(_drop_snoozes(occurrence.reminder_id))
    at = (now + timedelta(minutes=minutes)).replace(microsecond=0)
    again = Occurrence(
        reminder_id=occurrence.reminder_id,
        user_id=occurrence.user_id,
        scheduled_at=at,
        due_at=at,
        state=OccurrenceState.PENDING,
        is_snooze=True,
    )
    occurrence.state, occurrence.follow_up_at = OccurrenceState.SNOOZED, None
    session.add(again)
    await session.flush()
    return again


async def unsnooze(session: AsyncSession, *, again: Occurrence, original: Occurrence) -> None:
    """Undo of snooze: the new firing is dropped, the snoozed one is "sent" again."""
    again.state, original.state = OccurrenceState.CANCELLED, OccurrenceState.SENT
    await session.flush()


async def cancel(session: AsyncSession, *, reminder: Reminder) -> tuple[int, ...]:
    """Stop a reminder and its pending firings; return the occurrence ids it cancelled."""
    result = await session.execute(
        update(Occurrence)
        .where(Occurrence.reminder_id == reminder.id, Occurrence.state == OccurrenceState.PENDING)
        .values(state=OCCURRENCES.move(OccurrenceState.PENDING, OccurrenceState.CANCELLED))
        .returning(Occurrence.id)
    )
    reminder.state = ReminderState.CANCELLED
    await session.flush()
    return tuple(result.scalars().all())


async def restore(
    session: AsyncSession, *, reminder: Reminder, occurrence_ids: Sequence[int]
) -> Occurrence | None:
    """Undo of cancel: the reminder and its cancelled firings come back; return the next one."""
    reminder.state = ReminderState.ACTIVE
    if occurrence_ids:
        await session.execute(_RESTORE.where(Occurrence.id.in_(occurrence_ids)))
    await session.flush()
    result = await session.execute(
        select(Occurrence)
        .where(Occurrence.reminder_id == reminder.id, Occurrence.state == OccurrenceState.PENDING)
        .order_by(Occurrence.due_at)
        .limit(1)
    )
    return result.scalar_one_or_none()


async def move_zone(
    session: AsyncSession, *, user_id: int, old: str, new: str, now: datetime
) -> int:
    """The user changed zone: future firings keep their local wall time in the new zone.

    Recurring rules are re-anchored too, so "every day at 8" stays 8:00 where the user is.
    A snooze ("in 10 min") keeps its instant. A firing whose new time has already passed
    is due now rather than missed. Returns how many pending firings moved.
    """
    reminders = await session.execute(
        select(Reminder).where(Reminder.user_id == user_id, Reminder.state == ReminderState.ACTIVE)
    )
    for reminder in reminders.scalars():
        reminder.first_at = wall.move_zone(reminder.first_at, old=old, new=new)
        reminder.timezone = new
    pending = await session.execute(
        select(Occurrence).where(
            Occurrence.user_id == user_id,
            Occurrence.state == OccurrenceState.PENDING,
            Occurrence.is_snooze.is_(False),
        )
    )
    moved = 0
    for occurrence in pending.scalars():
        occurrence.scheduled_at = wall.move_zone(occurrence.scheduled_at, old=old, new=new)
        occurrence.due_at = max(occurrence.scheduled_at, now)
        moved += 1
    await session.flush()
    return moved


async def due_between(
    session: AsyncSession, *, user_id: int, start: datetime, end: datetime
) -> list[tuple[datetime, str]]:
    """The user's pending firings in ``[start, end)`` with their text, in time order."""
    result = await session.execute(
        select(Occurrence.due_at, Reminder.text)
        .join(Reminder, Reminder.id == Occurrence.reminder_id)
        .where(
            Occurrence.user_id == user_id,
            Occurrence.state == OccurrenceState.PENDING,
            Reminder.state == ReminderState.ACTIVE,
            Occurrence.due_at >= start,
            Occurrence.due_at < end,
        )
        .order_by(Occurrence.due_at, Occurrence.id)
    )
    return [(due_at, text) for due_at, text in result.all()]
