"""Todo commands as the user sees them: add, list, done N."""

from __future__ import annotations

from nudge.commands import AddTodo, ListTodos
from nudge.features.context import Context, Outcome
from nudge.features.todos import service
from nudge.features.todos.undo import TodoAdded, TodoDone
from nudge.store.tables import Todo

MAX_LISTED = 8


async def add_todo(ctx: Context, command: AddTodo) -> Outcome:
    """Add an item and say how many are on the list."""
    todo = await service.add(ctx.session, user_id=ctx.user.id, text=command.text, now=ctx.now)
    count = await service.count_open(ctx.session, user_id=ctx.user.id)
    key = "todo_added_one" if count == 1 else "todo_added"
    return Outcome(ctx.say(key, text=todo.text, n=count), undo=TodoAdded(todo.id), made=todo.id)


async def list_todos(ctx: Context, _command: ListTodos) -> Outcome:
    """Number the open items (short enough for one or two SMS)."""
    items = await service.open_items(ctx.session, user_id=ctx.user.id)
    if not items:
        return Outcome(ctx.say("list_empty"), last_list="todos")
    lines = [ctx.say("list_header")]
    lines += [f"{number}. {todo.text}" for number, todo in enumerate(items[:MAX_LISTED], 1)]
    if len(items) > MAX_LISTED:
        lines.append(ctx.say("list_more", n=len(items) - MAX_LISTED))
    return Outcome("\n".join(lines), last_list="todos")


async def complete_todo(ctx: Context, number: int) -> Outcome:
    """Mark item ``number`` of the list done."""
    todo = await service.by_number(ctx.session, user_id=ctx.user.id, number=number)
    if todo is None:
        return Outcome(ctx.say("no_such_number", n=number))
    return await complete_item(ctx, todo)


async def complete_item(ctx: Context, todo: Todo) -> Outcome:
    """Mark one item done (undoable) and say so."""
    await service.complete(ctx.session, todo=todo, now=ctx.now)
    return Outcome(ctx.say("done_todo", text=todo.text), undo=TodoDone(todo.id))
