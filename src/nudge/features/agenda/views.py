"""One day as a screen shows it: what is due, what waits for "done", and the one thing to do.

The dashboard's Today page and ``GET /api/v1/today`` read this. A day's firings are the
stored ones plus the repeats not stored yet (as the SMS agenda counts them), each with the
ids a button needs; ``focus`` is the single thing worth highlighting, so a person with ADHD
sees one next step before the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.features.agenda.service import day_window, firings_between, repeating
from nudge.features.reminders import views as reminders
from nudge.features.todos import views as todos
from nudge.store.states import OccurrenceState, ReminderState
from nudge.store.tables import Occurrence, Reminder

EXPECTED = "expected"  # a repeat's firing that is not stored yet
_SHOWN = (
    OccurrenceState.PENDING,
    OccurrenceState.SNOOZED,
    OccurrenceState.SENT,
    OccurrenceState.ACKNOWLEDGED,
)


@dataclass(frozen=True, slots=True)
class DueView:
    """One firing on the day: stored (``firing_id``) or a repeat still to be stored."""

    at: datetime
    text: str
    reminder_id: int
    firing_id: int | None
    state: str  # pending | sent | snoozed | acknowledged | expected


@dataclass(frozen=True, slots=True)
class Focus:
    """The one thing to highlight: a reminder waiting for "done", the next one, or a todo."""

    kind: Literal["reminder", "todo"]
    id: int
    text: str
    at: datetime | None


@dataclass(frozen=True, slots=True)
class DayView:
    """A local day of the person's: its firings in time order, what waits, the top of the list."""

    day: date
    timezone: str
    due: tuple[DueView, ...]
    awaiting: tuple[reminders.ReminderView, ...]
    todos: tuple[todos.TodoView, ...]
    focus: Focus | None


async def today(
    session: AsyncSession, *, user_id: int, tz: str, now: datetime, todo_limit: int = 3
) -> DayView:
    """The person's local today."""
    local_day = now.astimezone(ZoneInfo(tz)).date()
    return await day(session, user_id=user_id, day=local_day, tz=tz, now=now, todo_limit=todo_limit)


async def day(
    session: AsyncSession,
    *,
    user_id: int,
    day: date,
    tz: str,
    now: datetime,
    todo_limit: int = 3,
) -> DayView:
    """Local ``day`` of the person in zone ``tz``, seen at ``now``."""
    due = await due_on(session, user_id=user_id, day=day, tz=tz)
    awaiting = await reminders.awaiting_done(session, user_id=user_id)
    top = await todos.open_with_steps(session, user_id=user_id, limit=todo_limit)
    return DayView(
        day, tz, tuple(due), tuple(awaiting), tuple(top), _focus(due, awaiting, top, now)
    )


async def due_on(session: AsyncSession, *, user_id: int, day: date, tz: str) -> list[DueView]:
    """The firings of the person's active reminders during local ``day``, in time order."""
    start, end = day_window(day, tz)
    rows = await session.execute(
        select(Reminder.id, Reminder.text, Occurrence.id, Occurrence.due_at, Occurrence.state)
        .join(Occurrence, Occurrence.reminder_id == Reminder.id)
        .where(
            Reminder.user_id == user_id,
            Reminder.state == ReminderState.ACTIVE,
            Occurrence.user_id == user_id,
            Occurrence.state.in_(_SHOWN),
            Occurrence.due_at >= start,
            Occurrence.due_at < end,
        )
    )
    found = {
        (reminder_id, at): DueView(at, text, reminder_id, firing_id, str(state))
        for reminder_id, text, firing_id, at, state in rows
    }
    for reminder in await repeating(session, user_id=user_id):
        for at in firings_between(reminder, start, end):
            found.setdefault(
                (reminder.id, at), DueView(at, reminder.text, reminder.id, None, EXPECTED)
            )
    return sorted(found.values(), key=lambda item: (item.at, item.reminder_id))


def _focus(
    due: list[DueView],
    awaiting: list[reminders.ReminderView],
    top: list[todos.TodoView],
    now: datetime,
) -> Focus | None:
    """What waits for "done" first; else the next firing to come today; else the first todo."""
    if awaiting:
        return Focus("reminder", awaiting[0].id, awaiting[0].text, None)
    coming = next((item for item in due if item.at >= now and item.state != "acknowledged"), None)
    if coming is not None:
        return Focus("reminder", coming.reminder_id, coming.text, coming.at)
    if top:
        current = next((step for step in top[0].steps if step.status == "open"), None)
        chosen = current or top[0]
        return Focus("todo", chosen.id, chosen.text, None)
    return None
