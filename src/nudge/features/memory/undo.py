"""How forgetting is reversed: the fact is remembered again, as it was kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from nudge.features.context import Context
from nudge.features.memory import service


@dataclass(frozen=True, slots=True)
class MemoryForgotten:
    """A forgotten fact, with its importance, tags and source: undo keeps it again."""

    op: ClassVar[str] = "forget_memory"
    text: str
    importance: int
    tags: tuple[str, ...]
    source: str

    async def reverse(self, ctx: Context) -> str | None:
        """Remember the fact again (a new memory, found as before)."""
        await service.remember(
            ctx.session,
            user_id=ctx.user.id,
            fact=self.text,
            now=ctx.now,
            embedder=ctx.deps.embedder,
            importance=self.importance,
            tags=self.tags,
            source=self.source,
        )
        return ctx.say("undone_forget", text=self.text[:60])
