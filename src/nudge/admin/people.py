"""Everyone Nudge knows, for the admin: who, their role, and how much they have stored."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, ScalarSelect, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.features.users.views import PersonView, person_view
from nudge.store.states import ReminderState, TodoStatus
from nudge.store.tables import Memory, Message, Reminder, Todo, User


@dataclass(frozen=True, slots=True)
class Holdings:
    """How much a person has stored (counts only, nothing of what it says)."""

    active_reminders: int
    open_todos: int
    memories: int
    messages: int


async def people(
    session: AsyncSession, *, limit: int = 50, before: int | None = None, phone: str | None = None
) -> list[PersonView]:
    """People, newest first, paged by id; ``phone`` finds the one with that E.164 number."""
    query = select(User)
    if phone is not None:
        query = query.where(User.phone == phone)
    if before is not None:
        query = query.where(User.id < before)
    rows = await session.scalars(query.order_by(User.id.desc()).limit(limit))
    return [person_view(user) for user in rows]


async def holdings(session: AsyncSession, *, user_id: int) -> Holdings:
    """The counts of one person's reminders, todos, memories and messages."""
    values = await session.execute(
        select(
            _count(Reminder, Reminder.state == ReminderState.ACTIVE, user_id=user_id),
            _count(Todo, Todo.status == TodoStatus.OPEN, user_id=user_id),
            _count(Memory, user_id=user_id),
            _count(Message, user_id=user_id),
        )
    )
    reminders, todos, memories, messages = values.one()
    return Holdings(int(reminders), int(todos), int(memories), int(messages))


def _count(
    table: type[Reminder | Todo | Memory | Message],
    *where: ColumnElement[bool],
    user_id: int,
) -> ScalarSelect[int]:
    """How many of the person's rows of ``table`` match ``where`` (a scalar subquery)."""
    return (
        select(func.count())
        .select_from(table)
        .where(table.user_id == user_id, *where)
        .scalar_subquery()
    )
