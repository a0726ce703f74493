"""The user's list: add, show, complete, and the reverse of each for undo."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.states import TodoStatus
from nudge.store.tables import Todo


async def add(session: AsyncSession, *, user_id: int, text: str, now: datetime) -> Todo:
    """Put ``text`` at the end of the list."""
    todo = Todo(user_id=user_id, text=text, status=TodoStatus.OPEN, created_at=now)
    session.add(todo)
    await session.flush()
    return todo


async def open_items(session: AsyncSession, *, user_id: int) -> Sequence[Todo]:
    """Open items, oldest first: the numbering the user sees."""
    result = await session.execute(
        select(Todo)
        .where(Todo.user_id == user_id, Todo.status == TodoStatus.OPEN)
        .order_by(Todo.priority.desc(), Todo.created_at, Todo.id)
    )
    return result.scalars().all()


async def count_open(session: AsyncSession, *, user_id: int) -> int:
    """How many items are still open."""
    result = await session.execute(
        select(func.count()).where(Todo.user_id == user_id, Todo.status == TodoStatus.OPEN)
    )
    return int(result.scalar_one())


async def by_number(session: AsyncSession, *, user_id: int, number: int) -> Todo | None:
    """The open item shown as ``number`` (1-based) in the list."""
    items = await open_items(session, user_id=user_id)
    return items[number - 1] if 1 <= number <= len(items) else None


async def get(session: AsyncSession, *, user_id: int, todo_id: int) -> Todo | None:
    """One of the user's items by id (never another user's)."""
    result = await session.execute(select(Todo).where(Todo.user_id == user_id, Todo.id == todo_id))
    return result.scalar_one_or_none()


async def complete(session: AsyncSession, *, todo: Todo, now: datetime) -> None:
    """Mark an item done."""
    todo.status, todo.done_at = TodoStatus.DONE, now
    await session.flush()


async def reopen(session: AsyncSession, *, todo: Todo) -> None:
    """Put a done item back on the list (undo of complete)."""
    todo.status, todo.done_at = TodoStatus.OPEN, None
    await session.flush()


async def remove(session: AsyncSession, *, todo: Todo) -> None:
    """Take an item off the list for good (undo of add)."""
    await session.delete(todo)
    await session.flush()


async def note_passed_due_dates(session: AsyncSession, *, now: datetime) -> int:
    """Open items whose due date passed: ``missed_count`` + 1 and the date is cleared.

    Clearing it means each new date the user sets (and lets pass) counts once; at 3 the
    briefing offers to split the task into smaller steps. Returns how many items moved.
    """
    result = await session.execute(
        update(Todo)
        .where(Todo.status == TodoStatus.OPEN, Todo.due_at.is_not(None), Todo.due_at <= now)
        .values(missed_count=Todo.missed_count + 1, due_at=None)
        .returning(Todo.id)
    )
    return len(result.all())
