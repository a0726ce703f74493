"""Briefing settings by SMS: turn the morning briefing or evening check-in on, off, or move it."""

from __future__ import annotations

from datetime import time

from nudge.commands import SetBriefing
from nudge.features.briefings import service
from nudge.features.context import Context, Outcome
from nudge.language.texts import format_clock


def _parse(hhmm: str | None) -> time | None:
    return time.fromisoformat(hhmm) if hhmm else None


async def set_briefing(ctx: Context, command: SetBriefing) -> Outcome:
    """Change one of the two daily messages, keep the other; undo puts both back."""
    user = ctx.user
    undo = {"op": "set_briefing", "briefing_at": user.briefing_at, "checkin_at": user.checkin_at}
    morning, evening = _parse(user.briefing_at), _parse(user.checkin_at)
    if command.kind == "morning":
        morning = command.at
    else:
        evening = command.at
    await service.set_times(ctx.session, user=user, morning=morning, evening=evening, now=ctx.now)
    if command.at is None:
        return Outcome(ctx.say(f"{command.kind}_briefing_off"), undo=undo)
    at = format_clock(command.at, user.locale)
    return Outcome(ctx.say(f"{command.kind}_briefing_on", time=at), undo=undo)


async def restore(ctx: Context, *, briefing_at: str | None, checkin_at: str | None) -> None:
    """Undo of set_briefing."""
    await service.set_times(
        ctx.session,
        user=ctx.user,
        morning=_parse(briefing_at),
        evening=_parse(checkin_at),
        now=ctx.now,
    )
