"""Read-only queries for a day's agenda, always scoped by ``user_id``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.features.todos import service as todos
from nudge.language.wall import wall
from nudge.scheduler.occurrences import next_after
from nudge.store.states import OccurrenceState, ReminderState
from nudge.store.tables import Occurrence, Reminder, Todo

MAX_PER_RULE = 24  # "every 30 min" must not flood the agenda
_SHOWN_STATES = (
    OccurrenceState.PENDING,
    OccurrenceState.SNOOZED,
    OccurrenceState.SENT,
    OccurrenceState.ACKNOWLEDGED,
)


@dataclass(frozen=True, slots=True)
class Due:
    """One firing of a reminder on the day asked about."""

    at: datetime
    text: str


def day_window(day: date, tz: str) -> tuple[datetime, datetime]:
    """The instants where local ``day`` starts and the next day starts (DST-safe)."""
    zone = ZoneInfo(tz)
    return wall(day, 0, 0, zone), wall(day + timedelta(days=1), 0, 0, zone)


async def due_on(session: AsyncSession, *, user_id: int, day: date, tz: str) -> list[Due]:
    """The user's active reminders firing during local ``day``, in time order.

    Stored occurrences of that day come first; repeating reminders are then expanded on
    their rule (local wall time) for the firings not stored yet.
    """
    start, end = day_window(day, tz)
    rows = await session.execute(
        select(Reminder, Occurrence)
        .join(Occurrence, Occurrence.reminder_id == Reminder.id)
        .where(
            Reminder.user_id == user_id,
            Reminder.state == ReminderState.ACTIVE,
            Occurrence.user_id == user_id,
            Occurrence.state.in_(_SHOWN_STATES),
            Occurrence.due_at >= start,
            Occurrence.due_at < end,
        )
    )
    found = {(reminder.id, occurrence.due_at): reminder.text for reminder, occurrence in rows}
    for reminder in await repeating(session, user_id=user_id):
        for at in firings_between(reminder, start, end):
            found.setdefault((reminder.id, at), reminder.text)
    return sorted((Due(at, text) for (_, at), text in found.items()), key=lambda due: due.at)


async def repeating(session: AsyncSession, *, user_id: int) -> Sequence[Reminder]:
    """The person's active repeating reminders (their future firings are not all stored)."""
    result = await session.execute(
        select(Reminder).where(
            Reminder.user_id == user_id,
            Reminder.state == ReminderState.ACTIVE,
            Reminder.rrule.is_not(None),
        )
    )
    return result.scalars().all()


def firings_between(reminder: Reminder, start: datetime, end: datetime) -> list[datetime]:
    """Firings of a repeating reminder in ``[start, end)``, on its own zone's wall time."""
    assert reminder.rrule is not None
    found: list[datetime] = []
    if reminder.first_at >= start:
        after = reminder.first_at - timedelta(seconds=1)
    else:
        after = start - timedelta(seconds=1)
    while len(found) < MAX_PER_RULE:
        at = next_after(reminder.rrule, first=reminder.first_at, after=after, tz=reminder.timezone)
        if at is None or at >= end:
            break
        found.append(at)
        after = at
    return found


async def top_todos(session: AsyncSession, *, user_id: int, limit: int) -> Sequence[Todo]:
    """The first ``limit`` open items of the user's list, as numbered in "list"."""
    items = await todos.open_items(session, user_id=user_id)
    return [item for item in items if item.parent_id is None][:limit]
