"""``/api/v1/todos``: the list with its steps; add an item (or a task with steps), done."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.commands import AddTodo, BreakDown, Command, CompleteTodo
from nudge.features.breakdown import steps
from nudge.features.todos import views as todos
from nudge.store.tables import MAX_ID
from nudge.texts.catalog import render
from nudge.web.api.v1.access import ANSWERS, ReadOwn, WriteOwn, person
from nudge.web.api.v1.acting import act
from nudge.web.api.v1.list_models import NewTodo, TodoChange, TodoOut, TodoPage, todo_out
from nudge.web.api.v1.paging import Before, Limit, next_before
from nudge.web.deps import ServicesDep
from nudge.web.errors import ApiError

router = APIRouter(prefix="/todos", tags=["todos"], responses=ANSWERS)
TodoId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("", response_model=TodoPage)
async def listed(
    principal: ReadOwn,
    services: ServicesDep,
    show: Annotated[Literal["open", "done", "all"], Query()] = "open",
    limit: Limit = 50,
    before: Before = None,
) -> TodoPage:
    """Items with their steps: open ones in list order; done or all ones newest first."""
    async with services.db.sessions() as session:
        me = await person(session, principal)
        if show == "open" and before is None:
            views = await todos.open_with_steps(session, user_id=me.id, limit=limit)
        else:
            views = await todos.listed(
                session, user_id=me.id, shown=show, limit=limit, before=before
            )
    tz = me.settings.timezone
    cursor = next_before([view.id for view in views], limit) if show != "open" else None
    return TodoPage(items=[todo_out(view, tz) for view in views], next_before=cursor)


@router.post("", status_code=201, response_model=TodoChange)
async def add(body: NewTodo, principal: WriteOwn, services: ServicesDep) -> TodoChange:
    """Add an item; with ``steps``, a task broken down (its first step open)."""
    async with services.db.transaction() as session:
        me = await person(session, principal)
        command: Command = AddTodo(body.text)
        if body.steps is not None:
            checked = steps.validate(list(body.steps))
            if checked is None:
                raise ApiError(422, "invalid_steps", render(me.settings.locale, "invalid_steps"))
            command = BreakDown(body.text, tuple(checked))
        outcome = await act(session, services, user_id=me.id, command=command)
        return await _change(session, me.id, me.settings.timezone, outcome.made, outcome.reply)


@router.get("/{todo_id}", response_model=TodoOut)
async def one(todo_id: TodoId, principal: ReadOwn, services: ServicesDep) -> TodoOut:
    """One item (or step) of the person's list."""
    async with services.db.sessions() as session:
        me = await person(session, principal)
        view = await todos.one(session, user_id=me.id, todo_id=todo_id)
    if view is None:
        raise ApiError(404, "no_such_todo", render(me.settings.locale, "no_such_todo"))
    return todo_out(view, me.settings.timezone)


@router.post("/{todo_id}/done", response_model=TodoChange)
async def done(todo_id: TodoId, principal: WriteOwn, services: ServicesDep) -> TodoChange:
    """Mark an open item done, or a task's open step (the next step opens)."""
    async with services.db.transaction() as session:
        me = await person(session, principal)
        outcome = await act(session, services, user_id=me.id, command=CompleteTodo(todo_id))
        return await _change(session, me.id, me.settings.timezone, todo_id, outcome.reply)


async def _change(
    session: AsyncSession, user_id: int, tz: str, todo_id: int | None, said: str
) -> TodoChange:
    view = await todos.one(session, user_id=user_id, todo_id=todo_id or 0)
    assert view is not None  # the command just acted on it, in this transaction
    return TodoChange(said=said, todo=todo_out(view, tz))
