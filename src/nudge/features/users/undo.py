"""How a change of the person's settings is reversed (the reply language)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from nudge.features.context import Context
from nudge.features.users import service


@dataclass(frozen=True, slots=True)
class LanguageSet:
    """The reply language switched: undo switches back to ``previous``."""

    op: ClassVar[str] = "set_language"
    previous: str

    async def reverse(self, ctx: Context) -> str | None:
        """Back to the previous language (the reply is in it)."""
        await service.set_locale(ctx.session, user=ctx.user, locale=self.previous)
        return ctx.say("undone_language")
