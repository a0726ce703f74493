"""The list as a screen shows it: items with their steps, as read models.

A broken-down task's steps are child todos (``parent_id``); here they are nested under their
task, in order, so a page never has to rebuild the tree. Scoped by ``user_id``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.states import TodoStatus
from nudge.store.tables import Todo

Shown = Literal["open", "done", "all"]


@dataclass(frozen=True, slots=True)
class StepView:
    """One step of a broken-down task: ``open`` is the current one, ``later`` waits."""

    id: int
    text: str
    status: str
    position: int
    done_at: datetime | None


@dataclass(frozen=True, slots=True)
class TodoView:
    """An item of the list; a step itself has ``parent_id`` and no steps."""

    id: int
    text: str
    status: str  # open | later | done
    priority: int
    due_at: datetime | None
    missed_count: int
    created_at: datetime
    done_at: datetime | None
    parent_id: int | None
    steps: tuple[StepView, ...]


async def open_with_steps(
    session: AsyncSession, *, user_id: int, limit: int = 50
) -> list[TodoView]:
    """Open items in the order "list" numbers them, each with all its steps."""
    rows = await session.scalars(
        select(Todo)
        .where(Todo.user_id == user_id, Todo.status == TodoStatus.OPEN, Todo.parent_id.is_(None))
        .order_by(Todo.priority.desc(), Todo.created_at, Todo.id)
        .limit(limit)
    )
    return await _with_steps(session, user_id=user_id, items=list(rows))


async def listed(
    session: AsyncSession,
    *,
    user_id: int,
    shown: Shown = "open",
    limit: int = 50,
    before: int | None = None,
) -> list[TodoView]:
    """Items (not steps), newest first, paged by id: open ones, done ones, or all."""
    query = select(Todo).where(Todo.user_id == user_id, Todo.parent_id.is_(None))
    if shown == "open":
        query = query.where(Todo.status == TodoStatus.OPEN)
    elif shown == "done":
        query = query.where(Todo.status == TodoStatus.DONE)
    if before is not None:
        query = query.where(Todo.id < before)
    rows = await session.scalars(query.order_by(Todo.id.desc()).limit(limit))
    return await _with_steps(session, user_id=user_id, items=list(rows))


async def one(session: AsyncSession, *, user_id: int, todo_id: int) -> TodoView | None:
    """One item or step of the person's (None when there is no such one of theirs)."""
    row = await session.scalar(select(Todo).where(Todo.user_id == user_id, Todo.id == todo_id))
    if row is None:
        return None
    return (await _with_steps(session, user_id=user_id, items=[row]))[0]


async def _with_steps(
    session: AsyncSession, *, user_id: int, items: Sequence[Todo]
) -> list[TodoView]:
    """``items`` as views, with their steps read in one query."""
    ids = [item.id for item in items]
    steps: dict[int, list[StepView]] = {}
    if ids:
        rows = await session.scalars(
            select(Todo)
            .where(Todo.user_id == user_id, Todo.parent_id.in_(ids))
            .order_by(Todo.position, Todo.id)
        )
        for row in rows:
            assert row.parent_id is not None
            step = StepView(row.id, row.text, str(row.status), row.position or 0, row.done_at)
            steps.setdefault(row.parent_id, []).append(step)
    return [_view(item, tuple(steps.get(item.id, ()))) for item in items]


def _view(item: Todo, steps: tuple[StepView, ...]) -> TodoView:
    return TodoView(
        item.id,
        item.text,
        str(item.status),
        item.priority,
        item.due_at,
        item.missed_count,
        item.created_at,
        item.done_at,
        item.parent_id,
        steps,
    )
