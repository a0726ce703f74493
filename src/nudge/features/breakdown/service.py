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


async def finish_step(
    session: AsyncSession, *, step: Todo, now: datetime
) -> tuple[Todo | None, Todo | None]:
    """The current (open) step done: the next waiting one opens, or the task is done.

    Returns (the step opened, the task when no step is left): what undo puts back.
    """
    step.status, step.done_at = TodoStatus.DONE, now
    siblings = list(
        await session.scalars(
            select(Todo)
            .where(Todo.user_id == step.user_id, Todo.parent_id == step.parent_id)
            .order_by(Todo.position, Todo.id)
        )
    )
    opened = None
    if not any(other.status == TodoStatus.OPEN for other in siblings):
        opened = next((other for other in siblings if other.status == TodoStatus.LATER), None)
        if opened is not None:
            opened.status = TodoStatus.OPEN
    finished = None
    if all(other.status == TodoStatus.DONE for other in siblings):
        parent = await session.get(Todo, step.parent_id)
        if (
            parent is not None
            and parent.user_id == step.user_id
            and parent.status == TodoStatus.OPEN
        ):
            parent.status, parent.done_at, finished = TodoStatus.DONE, now, parent
    await session.flush()
    return opened, finished


async def unfinish_step(
    session: AsyncSession, *, user_id: int, step_id: int, opened_id: int | None, task_id: int | None
) -> Todo | None:
    """Undo of ``finish_step``: the step open again, the next one waiting, the task open."""
    step = await _mine(session, user_id, step_id)
    if step is None:
        return None
    step.status, step.done_at = TodoStatus.OPEN, None
    opened = await _mine(session, user_id, opened_id)
    if opened is not None and opened.status == TodoStatus.OPEN:
        opened.status = TodoStatus.LATER
    task = await _mine(session, user_id, task_id)
    if task is not None and task.status == TodoStatus.DONE:
        task.status, task.done_at = TodoStatus.OPEN, None
    await session.flush()
    return step


async def _mine(session: AsyncSession, user_id: int, todo_id: int | None) -> Todo | None:
    if todo_id is None:
        return None
    found = await session.get(Todo, todo_id)
    return found if found is not None and found.user_id == user_id else None
