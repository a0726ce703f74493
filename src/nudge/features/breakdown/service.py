"""Broken-down tasks stored as todos: the task, and its steps as child todos.

The current step is ``open`` (so it shows in "list" and "done N" works on it); the steps
after it wait as ``later`` and are opened one at a time by "next".
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.states import TodoStatus
from nudge.store.tables import Todo


async def create(
    session: AsyncSession,
    *,
    user_id: int,
    task: str,
    steps: list[str],
    now: datetime,
    parent: Todo | None = None,
) -> Todo:
    """Store the steps under ``parent`` (a new task todo when None); the first step is open.

    Returns the first step.
    """
    if parent is None:
        parent = Todo(user_id=user_id, text=task, status=TodoStatus.OPEN, created_at=now)
        session.add(parent)
        await session.flush()
    children = [
        Todo(
            user_id=user_id,
            text=step,
            status=TodoStatus.OPEN if position == 1 else TodoStatus.LATER,
            parent_id=parent.id,
            position=position,
            created_at=now,
        )
        for position, step in enumerate(steps, 1)
    ]
    session.add_all(children)
    await session.flush()
    return children[0]


async def _latest_step(session: AsyncSession, *, user_id: int, status: TodoStatus) -> Todo | None:
    result = await session.execute(
        select(Todo)
        .where(Todo.user_id == user_id, Todo.parent_id.is_not(None), Todo.status == status)
        .order_by(Todo.parent_id.desc(), Todo.position)
        .limit(1)
    )
    return result.scalar_one_or_none()


async def advance(
    session: AsyncSession, *, user_id: int, now: datetime
) -> tuple[Todo | None, Todo | None]:
    """Finish the current step and open the next: (next step, task when it is all done).

    (None, None) when the user has no broken-down task in progress.
    """
    current = await _latest_step(session, user_id=user_id, status=TodoStatus.OPEN)
    if current is not None:
        current.status, current.done_at = TodoStatus.DONE, now
        await session.flush()
    waiting = await _latest_step(session, user_id=user_id, status=TodoStatus.LATER)
    if waiting is not None and (current is None or waiting.parent_id == current.parent_id):
        waiting.status = TodoStatus.OPEN
        await session.flush()
        return waiting, None
    if current is None:
        return None, None
    parent = await session.get(Todo, current.parent_id)
    if parent is not None and parent.user_id == user_id:
        parent.status, parent.done_at = TodoStatus.DONE, now
        await session.flush()
    return None, parent


async def remove(session: AsyncSession, *, user_id: int, parent_id: int, with_parent: bool) -> None:
    """Undo of create: drop the steps, and the task too when the breakdown created it."""
    result = await session.execute(
        select(Todo).where(Todo.user_id == user_id, Todo.parent_id == parent_id)
    )
    for step in result.scalars():
        await session.delete(step)
    parent = await session.get(Todo, parent_id)
    if with_parent and parent is not None and parent.user_id == user_id:
        await session.delete(parent)
    await session.flush()
