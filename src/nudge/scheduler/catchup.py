"""Missed reminders (past their catch-up window) told to the user once, in waking hours."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.outbox.enqueue import enqueue
from nudge.scheduler.quiet_hours import is_quiet
from nudge.store.db import Database
from nudge.store.states import OccurrenceState
from nudge.store.tables import Occurrence, Reminder, User
from nudge.texts.catalog import render

MAX_NAMED = 2


async def summarize_missed(db: Database, *, now: datetime, limit: int) -> int:
    """Queue one kind summary per user with unreported missed reminders; return users told.

    A user inside quiet hours is left for a later pass, so the summary comes at their next
    waking hour, never at night. The user row is locked (skip locked) so two workers never
    write two summaries for one person.
    """
    async with db.sessions() as session:
        result = await session.execute(
            select(Occurrence.user_id)
            .where(Occurrence.state == OccurrenceState.MISSED, Occurrence.summarized_at.is_(None))
            .group_by(Occurrence.user_id)
            .limit(limit)
        )
        user_ids = list(result.scalars().all())
    told = 0
    for user_id in user_ids:
        async with db.transaction() as session:
            told += await _summarize_user(session, user_id=user_id, now=now)
    return told


async def _summarize_user(session: AsyncSession, *, user_id: int, now: datetime) -> int:
    result = await session.execute(
        select(User).where(User.id == user_id).with_for_update(skip_locked=True)
    )
    user = result.scalar_one_or_none()
    if user is None or is_quiet(now, tz=user.timezone, start=user.quiet_start, end=user.quiet_end):
        return 0
    rows = await session.execute(
        select(Occurrence, Reminder.text)
        .join(Reminder, Reminder.id == Occurrence.reminder_id)
        .where(
            Occurrence.user_id == user_id,
            Occurrence.state == OccurrenceState.MISSED,
            Occurrence.summarized_at.is_(None),
        )
        .order_by(Occurrence.scheduled_at, Occurrence.id)
    )
    missed = rows.all()
    if not missed:
        return 0
    for occurrence, _text in missed:
        occurrence.summarized_at = now
    if user.opted_out:
        return 0
    texts = list(dict.fromkeys(text for _occurrence, text in missed))
    body = _summary(user.locale, texts)
    await enqueue(
        session,
        user_id=user.id,
        to_phone=user.phone,
        body=body,
        key=f"missed:{user.id}:{missed[0][0].id}",
        kind="summary",
        now=now,
    )
    return 1


def _summary(locale: str, texts: list[str]) -> str:
    """One short, guilt-free message naming what could not be sent on time."""
    if len(texts) == 1:
        return render(locale, "missed_one", text=texts[0])
    named = ", ".join(texts[:MAX_NAMED])
    return render(locale, "missed_many", n=len(texts), text=named)
