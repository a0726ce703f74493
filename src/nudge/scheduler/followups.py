"""Follow-ups: a reminder that wants "done" nudges again, gently and a capped number of times."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.observability import metrics
from nudge.observability.logging import get_logger
from nudge.outbox.enqueue import enqueue
from nudge.scheduler.policy import Policy
from nudge.scheduler.quiet_hours import is_quiet, window_end
from nudge.store.db import Database
from nudge.store.states import OccurrenceState
from nudge.store.tables import Occurrence, Reminder, User
from nudge.texts.catalog import render

log = get_logger("followups")


async def send_follow_ups(
    db: Database, *, now: datetime, limit: int, policy: Policy | None = None
) -> int:
    """Queue the follow-ups that are due; return how many occurrences were looked at.

    Only firings still ``sent`` (no "done", no snooze) are followed up. After
    ``policy.follow_up_max`` follow-ups the occurrence keeps its count and gets no more.
    """
    rules = policy or Policy()
    deferred = 0
    async with db.transaction() as session:
        result = await session.execute(
            select(Occurrence)
            .where(Occurrence.follow_up_at <= now)
            .order_by(Occurrence.follow_up_at, Occurrence.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        rows = result.scalars().all()
        for occurrence in rows:
            deferred += await _follow_up(session, occurrence, now=now, policy=rules)
    metrics.REMINDERS_DEFERRED.inc(deferred)
    return len(rows)


async def _follow_up(
    session: AsyncSession, occurrence: Occurrence, *, now: datetime, policy: Policy
) -> int:
    """Send one follow-up, or defer it past quiet hours (returns 1), or stop following up."""
    reminder = await session.get(Reminder, occurrence.reminder_id)
    user = await session.get(User, occurrence.user_id)
    if (
        reminder is None
        or user is None
        or user.opted_out
        or occurrence.state != OccurrenceState.SENT
        or occurrence.follow_ups >= policy.follow_up_max
    ):
        occurrence.follow_up_at = None
        return 0
    quiet = {"tz": user.timezone, "start": user.quiet_start, "end": user.quiet_end}
    if not reminder.always and is_quiet(now, **quiet):
        occurrence.follow_up_at = window_end(now, **quiet)
        return 1
    occurrence.follow_ups += 1
    await enqueue(
        session,
        user_id=user.id,
        to_phone=user.phone,
        body=render(user.locale, "follow_up", text=reminder.text),
        key=f"followup:{occurrence.id}:{occurrence.follow_ups}",
        kind="followup",
        occurrence_id=occurrence.id,
        now=now,
    )
    occurrence.sent_at = now  # "done" now means this reminder
    if occurrence.follow_ups >= policy.follow_up_max:
        occurrence.follow_up_at = None
        log.info("followup.gave_up", occurrence_id=occurrence.id, follow_ups=occurrence.follow_ups)
    else:
        occurrence.follow_up_at = now + policy.follow_up_delay(occurrence.follow_ups)
    return 0
