"""How a change of the daily messages is reversed: both times put back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from nudge.features.briefings import service
from nudge.features.context import Context


@dataclass(frozen=True, slots=True)
class BriefingsSet:
    """The morning briefing and evening check-in times before the change (None: off)."""

    op: ClassVar[str] = "set_briefing"
    briefing_at: str | None
    checkin_at: str | None

    async def reverse(self, ctx: Context) -> str | None:
        """Both messages back at their previous times."""
        await service.set_times(
            ctx.session,
            user=ctx.user,
            morning=service.stored_time(self.briefing_at),
            evening=service.stored_time(self.checkin_at),
            now=ctx.now,
        )
        return ctx.say("undone_briefing")
