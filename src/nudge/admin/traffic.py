"""Traffic for the admin: texts in and out per day, failed deliveries, the outbox's depth.

Counts and ids only: never a message body. A provider's error text may name a number, so
it is shown with phone numbers masked. Days are UTC days (one server, many zones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.channels.phones import mask_phone
from nudge.store.states import OutboxStatus
from nudge.store.tables import Message, Outbox

MAX_DAYS = 90
FAILED = (OutboxStatus.FAILED, OutboxStatus.UNKNOWN)
WAITING = (OutboxStatus.PENDING, OutboxStatus.SENDING)
_PHONE = re.compile(r"\+\d{8,15}")


@dataclass(frozen=True, slots=True)
class DayVolume:
    """One UTC day: texts received, texts queued by kind (reply, reminder, briefing...)."""

    day: date
    inbound: int
    outbound: dict[str, int]
    people: int  # distinct people who texted that day


@dataclass(frozen=True, slots=True)
class FailedDelivery:
    """An SMS that failed for good, or may have gone out (``unknown``, being reconciled)."""

    id: int
    user_id: int
    kind: str
    status: str
    attempts: int
    last_error: str | None
    created_at: datetime
    status_updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class OutboxDepth:
    """The outbox by status, and how late its oldest due, unsent row is."""

    by_status: dict[str, int]
    due_waiting: int
    oldest_due_age_seconds: float


async def volumes(session: AsyncSession, *, now: datetime, days: int = 7) -> list[DayVolume]:
    """The last ``days`` UTC days to today, oldest first (one scan of each table)."""
    starts = _day_starts(now, max(1, min(MAX_DAYS, days)))
    end = starts[-1] + timedelta(days=1)
    counted = await session.execute(
        select(*_buckets(Message.created_at, starts), *_people(starts)).where(
            Message.created_at >= starts[0], Message.created_at < end
        )
    )
    inbound = counted.one()
    people = inbound[len(starts) :]
    outbound: dict[str, Any] = {}
    rows = await session.execute(
        select(Outbox.kind, *_buckets(Outbox.created_at, starts))
        .where(Outbox.created_at >= starts[0], Outbox.created_at < end)
        .group_by(Outbox.kind)
    )
    for kind, *per_day in rows:
        outbound[str(kind)] = per_day
    return [
        DayVolume(
            start.date(),
            int(inbound[n] or 0),
            {kind: int(per_day[n]) for kind, per_day in sorted(outbound.items()) if per_day[n]},
            int(people[n] or 0),
        )
        for n, start in enumerate(starts)
    ]


async def failures(
    session: AsyncSession, *, limit: int = 50, before: int | None = None
) -> list[FailedDelivery]:
    """Failed and unknown deliveries, newest first, paged by id."""
    query = select(Outbox).where(Outbox.status.in_(FAILED))
    if before is not None:
        query = query.where(Outbox.id < before)
    rows = await session.scalars(query.order_by(Outbox.id.desc()).limit(limit))
    return [
        FailedDelivery(
            row.id,
            row.user_id,
            row.kind,
            str(row.status),
            row.attempts,
            _masked(row.last_error),
            row.created_at,
            row.status_updated_at,
        )
        for row in rows
    ]


async def outbox_depth(session: AsyncSession, *, now: datetime) -> OutboxDepth:
    """Rows per status, and the due rows not sent yet with the age of the oldest."""
    rows = await session.execute(select(Outbox.status, func.count()).group_by(Outbox.status))
    by_status = {str(status): int(count) for status, count in rows}
    waiting, oldest = (
        await session.execute(
            select(func.count(), func.min(Outbox.due_at)).where(
                Outbox.status.in_(WAITING), Outbox.due_at <= now
            )
        )
    ).one()
    age = max((now - oldest).total_seconds(), 0.0) if oldest is not None else 0.0
    return OutboxDepth(by_status, int(waiting), age)


def _day_starts(now: datetime, days: int) -> list[datetime]:
    today = datetime.combine(now.astimezone(UTC).date(), time(0), tzinfo=UTC)
    return [today - timedelta(days=days - 1 - n) for n in range(days)]


def _buckets(column: Any, starts: list[datetime]) -> list[ColumnElement[Any]]:
    """One ``SUM(CASE …)`` per day: rows of ``column`` that fall in each UTC day."""
    return [func.sum(case((_within(column, start), 1), else_=0)) for start in starts]


def _people(starts: list[datetime]) -> list[ColumnElement[Any]]:
    """One ``COUNT(DISTINCT CASE …)`` per day: the people who texted on it."""
    return [
        func.count(func.distinct(case((_within(Message.created_at, start), Message.user_id))))
        for start in starts
    ]


def _within(column: Any, start: datetime) -> ColumnElement[bool]:
    """``column`` falls in the UTC day that begins at ``start``."""
    result: ColumnElement[bool] = (column >= start) & (column < start + timedelta(days=1))
    return result


def _masked(error: str | None) -> str | None:
    return _PHONE.sub(lambda found: mask_phone(found.group(0)), error) if error else error
