"""How each change of the list is reversed: a record of what changed, and its ``reverse``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from nudge.features.context import Context
from nudge.features.todos import service


@dataclass(frozen=True, slots=True)
class TodoAdded:
    """An item added: undo takes it off the list."""

    op: ClassVar[str] = "add_todo"
    todo_id: int

    async def reverse(self, ctx: Context) -> str | None:
        """Remove the item; None when it is gone."""
        todo = await service.get(ctx.session, user_id=ctx.user.id, todo_id=self.todo_id)
        if todo is None:
            return None
        text = todo.text
        await service.remove(ctx.session, todo=todo)
        return ctx.say("undone_todo", text=text)


@dataclass(frozen=True, slots=True)
class TodoDone:
    """An item marked done: undo puts it back on the list."""

    op: ClassVar[str] = "complete_todo"
    todo_id: int

    async def reverse(self, ctx: Context) -> str | None:
        """Reopen the item; None when it is gone."""
        todo = await service.get(ctx.session, user_id=ctx.user.id, todo_id=self.todo_id)
        if todo is None:
            return None
        await service.reopen(ctx.session, todo=todo)
        return ctx.say("undone_done", text=todo.text)
