"""Reminders and their occurrences: create, list, complete, snooze, cancel, and undo each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.tables import Occurrence, Reminder


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
) -> tuple[Reminder, Occurrence]:
    """Store a reminder and its first occurrence."""
    reminder = Reminder(
        user_id=user_id,
        text=text,
        rrule=rrule,
        first_at=at,
        timezone=timezone,
        always=always,
        state="active",
        created_at=now,
    )
    session.add(reminder)
    await session.flush()
    occurrence = Occurrence(
        reminder_id=reminder.id, user_id=user_id, scheduled_at=at, due_at=at, state="pending"
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
            Reminder.state == "active",
            Occurrence.state == "pending",
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
) -> dict[str, object]:
    """The user said "done": this firing is acknowledged and its pending snoozes dropped.

    A one-off reminder is then finished. Returns what undo needs to put things back.
    """
    previous = occurrence.state
    occurrence.state, occurrence.acknowledged_at = "acknowledged", now
    result = await session.execute(
        update(Occurrence)
        .where(
            Occurrence.reminder_id == reminder.id,
            Occurrence.state == "pending",
            Occurrence.is_snooze.is_(True),
        )
        .values(state="cancelled")
        .returning(Occurrence.id)
    )
    previous_reminder = reminder.state
    if reminder.rrule is None:
        reminder.state = "done"
    await session.flush()
    return {
        "previous": previous,
        "reminder_state": previous_reminder,
        "snoozes": list(result.scalars().all()),
    }


async def unacknowledge(
    session: AsyncSession, *, occurrence: Occurrence, reminder: Reminder, record: dict[str, object]
) -> None:
    """Undo of acknowledge."""
    occurrence.state, occurrence.acknowledged_at = str(record["previous"]), None
    reminder.state = str(record["reminder_state"])
    snoozes = record.get("snoozes") or []
    assert isinstance(snoozes, list)
    if snoozes:
        await session.execute(
            update(Occurrence)
            .where(Occurrence.id.in_(snoozes), Occurrence.state == "cancelled")
            .values(state="pending")
        )
    await session.flush()


async def snooze(
    session: AsyncSession, *, occurrence: Occurrence, minutes: int, now: datetime
) -> Occurrence:
    """Fire the same reminder again in ``minutes``: a new occurrence, the old one ``snoozed``.

    An earlier snooze still waiting is replaced, so "snooze" twice texts once.
    """
    await session.execute(
        update(Occurrence)
        .where(
            Occurrence.reminder_id == occurrence.reminder_id,
            Occurrence.state == "pending",
            Occurrence.is_snooze.is_(True),
        )
        .values(state="cancelled")
    )
    at = (now + timedelta(minutes=minutes)).replace(microsecond=0)
    again = Occurrence(
        reminder_id=occurrence.reminder_id,
        user_id=occurrence.user_id,
        scheduled_at=at,
        due_at=at,
        state="pending",
        is_snooze=True,
    )
    occurrence.state = "snoozed"
    session.add(again)
    await session.flush()
    return again


async def cancel(session: AsyncSession, *, reminder: Reminder) -> list[int]:
    """Stop a reminder and its pending firings; return the occurrence ids it cancelled."""
    result = await session.execute(
        update(Occurrence)
        .where(Occurrence.reminder_id == reminder.id, Occurrence.state == "pending")
        .values(state="cancelled")
        .returning(Occurrence.id)
    )
    reminder.state = "cancelled"
    await session.flush()
    return list(result.scalars().all())


async def restore(
    session: AsyncSession, *, reminder: Reminder, occurrence_ids: Sequence[int]
) -> Occurrence | None:
    """Undo of cancel: the reminder and its cancelled firings come back; return the next one."""
    reminder.state = "active"
    if occurrence_ids:
        await session.execute(
            update(Occurrence)
            .where(Occurrence.id.in_(occurrence_ids), Occurrence.state == "cancelled")
            .values(state="pending")
        )
    await session.flush()
    result = await session.execute(
        select(Occurrence)
        .where(Occurrence.reminder_id == reminder.id, Occurrence.state == "pending")
        .order_by(Occurrence.due_at)
        .limit(1)
    )
    return result.scalar_one_or_none()
