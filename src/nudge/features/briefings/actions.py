"""Briefing settings by SMS: turn the morning briefing or evening check-in on, off, or move it."""

from __future__ import annotations

from nudge.commands import SetBriefing
from nudge.features.briefings import service
from nudge.features.briefings.undo import BriefingsSet
from nudge.features.context import Context, Outcome
from nudge.texts.formatting import format_clock


async def set_briefing(ctx: Context, command: SetBriefing) -> Outcome:
    """Change one of the two daily messages, keep the other; undo puts both back."""
    user = ctx.user
    undo = BriefingsSet(user.briefing_at, user.checkin_at)
    morning, evening = service.stored_time(user.briefing_at), service.stored_time(user.checkin_at)
    if command.kind == "morning":
        morning = command.at
    else:
        evening = command.at
    await service.set_times(ctx.session, user=user, morning=morning, evening=evening, now=ctx.now)
    if command.at is None:
        return Outcome(ctx.say(f"{command.kind}_briefing_off"), undo=undo)
    at = format_clock(command.at, user.locale)
    return Outcome(ctx.say(f"{command.kind}_briefing_on", time=at), undo=undo)
