"""A person's own commands: reply language, carrier opt-out and opt-in."""

from __future__ import annotations

from nudge.commands import OptIn, OptOut, SetLanguage
from nudge.features.context import Context, Outcome
from nudge.features.users import service
from nudge.features.users.undo import LanguageSet


async def set_language(ctx: Context, command: SetLanguage) -> Outcome:
    """Switch the reply language (undoable)."""
    previous = await service.set_locale(ctx.session, user=ctx.user, locale=command.locale)
    return Outcome(ctx.say("language_set"), undo=LanguageSet(previous))


async def opt_out(ctx: Context, _command: OptOut) -> Outcome:
    """STOP: record the opt-out; the confirmation is sent even though they opted out."""
    await service.set_opted_out(ctx.session, user=ctx.user, opted_out=True)
    return Outcome(ctx.say("opted_out"))


async def opt_in(ctx: Context, _command: OptIn) -> Outcome:
    """START: texts resume."""
    await service.set_opted_out(ctx.session, user=ctx.user, opted_out=False)
    return Outcome(ctx.say("opted_in"))
