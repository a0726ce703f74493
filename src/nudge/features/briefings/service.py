"""Briefing jobs: the morning briefing and the evening check-in, each once per local day.

The scheduler loop calls ``send_due`` every pass. A user row is claimed with
``FOR UPDATE SKIP LOCKED`` when its ``*_next_at`` has come; its text is written to the
outbox (key per user and instant, so never twice) and the next local day is booked.
Quiet hours defer a briefing; one older than the catch-up window is skipped, not sent late.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.features.briefings import compose
from nudge.features.reminders import service as reminders
from nudge.features.todos import service as todos
from nudge.outbox.enqueue import enqueue
from nudge.scheduler.occurrences import attach_local
from nudge.scheduler.quiet_hours import is_quiet, parse_hhmm, window_end
from nudge.store.db import Database
from nudge.store.tables import User

STUCK_AFTER = 3


def next_local(hhmm: str, *, tz: str, after: datetime) -> datetime:
    """The first instant strictly after ``after`` whose local wall time is ``hhmm``."""
    zone, at = ZoneInfo(tz), parse_hhmm(hhmm)
    assert at is not None
    day = after.astimezone(zone).date()
    for offset in range(3):
        candidate = attach_local(datetime.combine(day + timedelta(days=offset), at), zone)
        if candidate > after:
            return candidate.astimezone(UTC)
    raise AssertionError("unreachable: a wall time recurs within two days")


def stored_time(hhmm: str | None) -> time | None:
    """A stored local ``HH:MM`` (None: off) as a time."""
    return time.fromisoformat(hhmm) if hhmm else None


async def set_times(
    session: AsyncSession, *, user: User, morning: time | None, evening: time | None, now: datetime
) -> None:
    """Turn the briefing and check-in on at these local times (None: off)."""
    user.briefing_at = morning.strftime("%H:%M") if morning else None
    user.checkin_at = evening.strftime("%H:%M") if evening else None
    user.briefing_next_at = (
        next_local(user.briefing_at, tz=user.timezone, after=now) if user.briefing_at else None
    )
    user.checkin_next_at = (
        next_local(user.checkin_at, tz=user.timezone, after=now) if user.checkin_at else None
    )
    await session.flush()


async def send_due(db: Database, *, now: datetime, limit: int, grace: timedelta) -> int:
    """Note passed todo dates, then queue due briefings and check-ins; return how many."""
    sent = 0
    async with db.transaction() as session:
        await todos.note_passed_due_dates(session, now=now)
    for kind in ("briefing", "checkin"):
        column = User.briefing_next_at if kind == "briefing" else User.checkin_next_at
        async with db.transaction() as session:
            result = await session.execute(
                select(User)
                .where(column <= now)
                .order_by(column, User.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
            for user in result.scalars().all():
                sent += await _one(session, user, kind=kind, now=now, grace=grace)
    return sent


async def _one(
    session: AsyncSession, user: User, *, kind: str, now: datetime, grace: timedelta
) -> int:
    """Send (or defer, or skip) one user's briefing or check-in; book the next one."""
    hhmm = user.briefing_at if kind == "briefing" else user.checkin_at
    scheduled = user.briefing_next_at if kind == "briefing" else user.checkin_next_at
    assert scheduled is not None
    quiet = {"tz": user.timezone, "start": user.quiet_start, "end": user.quiet_end}
    if hhmm and now - scheduled <= grace and not user.opted_out and is_quiet(now, **quiet):
        _book(user, kind, window_end(now, **quiet))
        return 0
    _book(user, kind, next_local(hhmm, tz=user.timezone, after=now) if hhmm else None)
    if not hhmm or user.opted_out or now - scheduled > grace:
        return 0
    body = (
        await _morning(session, user, now)
        if kind == "briefing"
        else compose.evening(locale=user.locale)
    )
    await enqueue(
        session,
        user_id=user.id,
        to_phone=user.phone,
        body=body,
        key=f"{kind}:{user.id}:{scheduled.isoformat()}",
        kind=kind,
        now=now,
    )
    return 1


def _book(user: User, kind: str, at: datetime | None) -> None:
    if kind == "briefing":
        user.briefing_next_at = at
    else:
        user.checkin_next_at = at


async def _morning(session: AsyncSession, user: User, now: datetime) -> str:
    zone = ZoneInfo(user.timezone)
    local_day = now.astimezone(zone).date()
    end = attach_local(datetime.combine(local_day + timedelta(days=1), time()), zone)
    due = await reminders.due_between(session, user_id=user.id, start=now, end=end)
    items = await todos.open_items(session, user_id=user.id)
    stuck = next(
        ((n, t.text) for n, t in enumerate(items, 1) if t.missed_count >= STUCK_AFTER), None
    )
    day = compose.Day(reminders=due, todos=[t.text for t in items], stuck=stuck)
    return compose.morning(day, locale=user.locale, tz=user.timezone)
