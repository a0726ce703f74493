"""Marking an item or a step done by its id, as the API and the dashboard ask.

An item is done as SMS "done N" does it; a step is the current step of a broken-down task,
so the next step opens (as "next" would), and the last one finishes the task.
"""

from __future__ import annotations

from dataclasses import replace

from nudge.commands import CompleteTodo
from nudge.features.breakdown import service as breakdown
from nudge.features.breakdown.undo import StepDone
from nudge.features.context import Context, Outcome
from nudge.features.todos import actions, service
from nudge.store.states import TodoStatus


async def complete(ctx: Context, command: CompleteTodo) -> Outcome:
    """Done: an open item, or the open step of a task (undoable either way)."""
    todo = await service.get(ctx.session, user_id=ctx.user.id, todo_id=command.todo_id)
    if todo is None:
        return Outcome(ctx.say("no_such_todo"), problem="no_such_todo")
    if todo.status != TodoStatus.OPEN:
        return Outcome(
            ctx.say("todo_not_open", text=todo.text), problem="todo_not_open", made=todo.id
        )
    if todo.parent_id is None:
        return replace(await actions.complete_item(ctx, todo), made=todo.id)
    opened, finished = await breakdown.finish_step(ctx.session, step=todo, now=ctx.now)
    undo = StepDone(todo.id, opened.id if opened else None, finished.id if finished else None)
    if opened is not None:
        reply = ctx.say("breakdown_next", text=opened.text)
    elif finished is not None:
        reply = ctx.say("breakdown_done", text=finished.text)
    else:
        reply = ctx.say("done_todo", text=todo.text)
    return Outcome(reply, undo, made=todo.id)
