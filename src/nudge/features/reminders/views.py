"""Reminders as a screen shows them: read models for the API and the dashboard.

Plain frozen dataclasses, never ORM rows, so a page cannot change a reminder by accident
and the same query serves JSON and HTML. Instants are aware UTC; ``timezone`` says where the
person reads them. Every query is scoped by ``user_id``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Subquery, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.states import OccurrenceState, ReminderState
from nudge.store.tables import Occurrence, Reminder

OPEN_FIRINGS = frozenset({OccurrenceState.SENT, OccurrenceState.SNOOZED})
"""A firing texted and not yet said "done": what "done" and "snooze" act on."""


@dataclass(frozen=True, slots=True)
class FiringView:
    """One firing (occurrence) of a reminder."""

    id: int
    reminder_id: int
    scheduled_at: datetime
    due_at: datetime
    state: str
    is_snooze: bool
    sent_at: datetime | None
    acknowledged_at: datetime | None


@dataclass(frozen=True, slots=True)
class ReminderView:
    """A reminder with what comes next and what waits for "done"."""

    id: int
    text: str
    state: str  # active | paused | done | cancelled
    rrule: str | None
    timezone: str
    first_at: datetime
    always: bool
    created_at: datetime
    next_at: datetime | None  # the next pending firing (None: nothing scheduled)
    next_firing_id: int | None
    open_firing_id: int | None  # the last firing texted, while it waits for "done"


async def upcoming(session: AsyncSession, *, user_id: int, limit: int = 50) -> list[ReminderView]:
    """Active reminders with a firing to come, soonest first (the SMS "reminders" order)."""
    rows = await session.execute(
        select(Reminder.id, Occurrence.due_at)
        .join(Occurrence, Occurrence.reminder_id == Reminder.id)
        .where(
            Reminder.user_id == user_id,
            Reminder.state == ReminderState.ACTIVE,
            Occurrence.state == OccurrenceState.PENDING,
        )
        .order_by(Occurrence.due_at, Occurrence.id)
    )
    ordered: list[int] = []
    for reminder_id, _due in rows:
        if reminder_id not in ordered:
            ordered.append(reminder_id)
    wanted = ordered[:limit]
    found = {view.id: view for view in await _views(session, user_id=user_id, ids=wanted)}
    return [found[reminder_id] for reminder_id in wanted if reminder_id in found]


async def listed(
    session: AsyncSession,
    *,
    user_id: int,
    states: Collection[str] | None = None,
    limit: int = 50,
    before: int | None = None,
) -> list[ReminderView]:
    """The person's reminders in ``states`` (all when None), newest first, paged by id."""
    query = select(Reminder.id).where(Reminder.user_id == user_id)
    if states is not None:
        query = query.where(Reminder.state.in_([ReminderState(state) for state in states]))
    if before is not None:
        query = query.where(Reminder.id < before)
    ids = list(await session.scalars(query.order_by(Reminder.id.desc()).limit(limit)))
    found = {view.id: view for view in await _views(session, user_id=user_id, ids=ids)}
    return [found[reminder_id] for reminder_id in ids]


async def one(session: AsyncSession, *, user_id: int, reminder_id: int) -> ReminderView | None:
    """One of the person's reminders (None when there is no such reminder of theirs)."""
    views = await _views(session, user_id=user_id, ids=[reminder_id])
    return views[0] if views else None


async def firings(
    session: AsyncSession,
    *,
    user_id: int,
    reminder_id: int,
    limit: int = 50,
    before: int | None = None,
) -> list[FiringView]:
    """A reminder's firings, newest first, paged by id (empty when it is not theirs)."""
    query = select(Occurrence).where(
        Occurrence.user_id == user_id, Occurrence.reminder_id == reminder_id
    )
    if before is not None:
        query = query.where(Occurrence.id < before)
    rows = await session.scalars(query.order_by(Occurrence.id.desc()).limit(limit))
    return [firing_view(row) for row in rows]


async def awaiting_done(
    session: AsyncSession, *, user_id: int, limit: int = 20
) -> list[ReminderView]:
    """Active reminders whose last firing was texted and waits for "done", latest first."""
    last = _last_sent(user_id)
    rows = await session.execute(
        select(Occurrence.reminder_id)
        .join(last, last.c.id == Occurrence.id)
        .join(Reminder, Reminder.id == Occurrence.reminder_id)
        .where(Reminder.state == ReminderState.ACTIVE, Occurrence.state.in_(OPEN_FIRINGS))
        .order_by(Occurrence.sent_at.desc(), Occurrence.id.desc())
        .limit(limit)
    )
    ids = list(rows.scalars())
    found = {view.id: view for view in await _views(session, user_id=user_id, ids=ids)}
    return [found[reminder_id] for reminder_id in ids if reminder_id in found]


def firing_view(row: Occurrence) -> FiringView:
    """An occurrence row as a read model."""
    return FiringView(
        row.id,
        row.reminder_id,
        row.scheduled_at,
        row.due_at,
        str(row.state),
        row.is_snooze,
        row.sent_at,
        row.acknowledged_at,
    )


async def _views(session: AsyncSession, *, user_id: int, ids: Sequence[int]) -> list[ReminderView]:
    """The reminders ``ids`` of the person, each with its next and its open firing."""
    if not ids:
        return []
    reminders = list(
        await session.scalars(
            select(Reminder).where(Reminder.user_id == user_id, Reminder.id.in_(ids))
        )
    )
    nexts = await _next_pending(session, user_id, ids)
    opens = await _open_firings(session, user_id, ids)
    return [
        _view(reminder, nexts.get(reminder.id), opens.get(reminder.id)) for reminder in reminders
    ]


def _view(
    reminder: Reminder, following: tuple[int, datetime] | None, open_firing: int | None
) -> ReminderView:
    return ReminderView(
        reminder.id,
        reminder.text,
        str(reminder.state),
        reminder.rrule,
        reminder.timezone,
        reminder.first_at,
        reminder.always,
        reminder.created_at,
        following[1] if following else None,
        following[0] if following else None,
        open_firing,
    )


async def _next_pending(
    session: AsyncSession, user_id: int, ids: Sequence[int]
) -> dict[int, tuple[int, datetime]]:
    """Each reminder's soonest pending firing: (occurrence id, due at)."""
    rows = await session.execute(
        select(Occurrence.reminder_id, Occurrence.id, Occurrence.due_at)
        .where(
            Occurrence.user_id == user_id,
            Occurrence.reminder_id.in_(ids),
            Occurrence.state == OccurrenceState.PENDING,
        )
        .order_by(Occurrence.due_at.desc(), Occurrence.id.desc())
    )
    return {reminder_id: (firing_id, due) for reminder_id, firing_id, due in rows}


def _last_sent(user_id: int) -> Subquery:
    """The id of each of the person's reminders' last firing texted (one row per reminder)."""
    latest = (
        select(Occurrence.reminder_id, func.max(Occurrence.sent_at).label("sent_at"))
        .where(Occurrence.user_id == user_id, Occurrence.sent_at.is_not(None))
        .group_by(Occurrence.reminder_id)
        .subquery()
    )
    return (
        select(func.max(Occurrence.id).label("id"))
        .join(
            latest,
            and_(
                latest.c.reminder_id == Occurrence.reminder_id,
                latest.c.sent_at == Occurrence.sent_at,
            ),
        )
        .where(Occurrence.user_id == user_id)
        .group_by(Occurrence.reminder_id)
        .subquery()
    )


async def _open_firings(session: AsyncSession, user_id: int, ids: Sequence[int]) -> dict[int, int]:
    """Each reminder's last firing texted, when it still waits for "done"."""
    last = _last_sent(user_id)
    rows = await session.execute(
        select(Occurrence.reminder_id, Occurrence.id)
        .join(last, last.c.id == Occurrence.id)
        .where(Occurrence.reminder_id.in_(ids), Occurrence.state.in_(OPEN_FIRINGS))
    )
    return {reminder_id: firing_id for reminder_id, firing_id in rows}
