"""⑥ Due occurrences → outbox rows, each exactly once, in one short transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.language.texts import render
from nudge.outbox.enqueue import enqueue
from nudge.scheduler.occurrences import next_after
from nudge.store.db import Database
from nudge.store.dialect import insert_ignore
from nudge.store.tables import Occurrence, Reminder, User


async def fire_due(db: Database, *, now: datetime, limit: int) -> int:
    """Claim up to ``limit`` due occurrences and queue their SMS; return how many were claimed.

    Rows are locked with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL so any number of workers
    can run this at once; SQLite serialises writers, so one claimer at a time is implied.
    The outbox row, the occurrence's new state and the next occurrence of a recurring
    reminder are written in the same transaction: a crash leaves all or nothing.
    """
    async with db.transaction() as session:
        result = await session.execute(
            select(Occurrence)
            .where(Occurrence.state == "pending", Occurrence.due_at <= now)
            .order_by(Occurrence.due_at, Occurrence.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        occurrences = result.scalars().all()
        for occurrence in occurrences:
            await _fire(session, occurrence, now=now)
    return len(occurrences)


async def _fire(session: AsyncSession, occurrence: Occurrence, *, now: datetime) -> None:
    reminder = await session.get(Reminder, occurrence.reminder_id)
    user = await session.get(User, occurrence.user_id)
    if reminder is None or user is None or reminder.state != "active":
        occurrence.state = "cancelled"
        return
    if user.opted_out:
        occurrence.state = "skipped"
    else:
        await enqueue(
            session,
            user_id=user.id,
            to_phone=user.phone,
            body=render(user.locale, "reminder", text=reminder.text),
            key=f"occurrence:{occurrence.id}",
            kind="reminder",
            occurrence_id=occurrence.id,
            now=now,
        )
        occurrence.state, occurrence.sent_at = "sent", now
    if reminder.rrule and not occurrence.is_snooze:
        await _schedule_next(session, reminder, after=occurrence.scheduled_at)


async def _schedule_next(session: AsyncSession, reminder: Reminder, *, after: datetime) -> None:
    """Insert the following occurrence; the unique (reminder, time) key makes it once-only."""
    assert reminder.rrule is not None
    following = next_after(
        reminder.rrule, first=reminder.first_at, after=after, tz=reminder.timezone
    )
    if following is None:
        return
    values = {
        "reminder_id": reminder.id,
        "user_id": reminder.user_id,
        "scheduled_at": following,
        "due_at": following,
        "state": "pending",
        "is_snooze": False,
    }
    await session.execute(
        insert_ignore(session, Occurrence, values, ["reminder_id", "scheduled_at"])
    )
