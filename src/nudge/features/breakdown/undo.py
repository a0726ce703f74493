"""How a breakdown is reversed: its steps removed, and the task too when it made one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from nudge.features.breakdown import service
from nudge.features.context import Context
from nudge.features.todos import service as todos


@dataclass(frozen=True, slots=True)
class BreakdownCreated:
    """Steps stored under ``parent_id``; ``with_parent`` when the breakdown created the task."""

    op: ClassVar[str] = "break_down"
    parent_id: int
    with_parent: bool

    async def reverse(self, ctx: Context) -> str | None:
        """Remove the steps (and the task it created); None when the task is gone."""
        parent = await todos.get(ctx.session, user_id=ctx.user.id, todo_id=self.parent_id)
        if parent is None:
            return None
        text = parent.text
        await service.remove(
            ctx.session, user_id=ctx.user.id, parent_id=self.parent_id, with_parent=self.with_parent
        )
        return ctx.say("undone_breakdown", text=text)


@dataclass(frozen=True, slots=True)
class StepDone:
    """A step done by id: undo opens it again, the next step waits, the task reopens."""

    op: ClassVar[str] = "finish_step"
    step_id: int
    opened_id: int | None
    task_id: int | None

    async def reverse(self, ctx: Context) -> str | None:
        """The step is the current one again; None when it is gone."""
        step = await service.unfinish_step(
            ctx.session,
            user_id=ctx.user.id,
            step_id=self.step_id,
            opened_id=self.opened_id,
            task_id=self.task_id,
        )
        return ctx.say("undone_done", text=step.text) if step is not None else None
