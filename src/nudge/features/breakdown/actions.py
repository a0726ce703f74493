"""Task breakdown as the user sees it: "I'm stuck on X" → first tiny step; "next" → the next."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.commands import BreakDown, NextStep
from nudge.features.breakdown import service, steps
from nudge.features.breakdown.undo import BreakdownCreated
from nudge.features.context import Context, Outcome
from nudge.features.todos import service as todos
from nudge.store.tables import Todo

PLANNER_TIMEOUT_SECONDS = 6.0


async def plan(task: str, locale: str, planner: steps.Planner | None) -> list[str]:
    """The steps of ``task``: the planner's when valid, else the template (never raises).

    The planner is a model call: never made inside a transaction (see ``break_down``).
    """
    if planner is not None:
        try:
            proposed = await asyncio.wait_for(planner(task, locale), PLANNER_TIMEOUT_SECONDS)
        except Exception:  # any model trouble (timeout included) → the template
            proposed = None
        checked = steps.validate(proposed) if proposed else None
        if checked:
            return checked
    return steps.template(task, locale)


async def listed_todo(session: AsyncSession, *, user_id: int, task: str) -> Todo | None:
    """The open todo a bare number ("break down 2") points at, if any."""
    number = task.lstrip("#")
    if not number.isdigit():
        return None
    return await todos.by_number(session, user_id=user_id, number=int(number))


async def _listed_todo(ctx: Context, task: str) -> Todo | None:
    return await listed_todo(ctx.session, user_id=ctx.user.id, task=task)


async def listed_task(ctx: Context, task: str) -> str:
    """The task a breakdown is about: the listed todo's text for a bare number ("2")."""
    task = " ".join(task.split())
    parent = await _listed_todo(ctx, task)
    return parent.text if parent is not None else task


async def break_down(ctx: Context, command: BreakDown) -> Outcome:
    """Store the steps as todos and send only the first (undo removes them).

    The command's ``steps`` are used when valid, else the template. They were asked of the
    model before the transaction (the agent's tool, ``conversation/plan_ahead``): the model
    is never called here, where a transaction is open.
    """
    task = " ".join(command.task.split())
    parent = await _listed_todo(ctx, task)
    task = parent.text if parent is not None else task
    chosen = steps.validate(list(command.steps)) if command.steps else None
    if chosen is None:
        chosen = steps.template(task, ctx.user.locale)
    first = await service.create(
        ctx.session, user_id=ctx.user.id, task=task, steps=chosen, now=ctx.now, parent=parent
    )
    assert first.parent_id is not None
    undo = BreakdownCreated(first.parent_id, with_parent=parent is None)
    return Outcome(ctx.say("breakdown_first", text=first.text), undo=undo, made=first.parent_id)


async def next_step(ctx: Context, _command: NextStep) -> Outcome:
    """The current step is done: send the next one, or a kind "all done"."""
    step, finished = await service.advance(ctx.session, user_id=ctx.user.id, now=ctx.now)
    if step is not None:
        return Outcome(ctx.say("breakdown_next", text=step.text))
    if finished is not None:
        return Outcome(ctx.say("breakdown_done", text=finished.text))
    return Outcome(ctx.say("breakdown_none"))
