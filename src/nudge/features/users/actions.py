"""Settings commands: language, help."""

from __future__ import annotations

from nudge.commands import SetLanguage
from nudge.features.context import Context, Outcome
from nudge.features.users import service


async def set_language(ctx: Context, command: SetLanguage) -> Outcome:
    """Switch the reply language (undoable)."""
    previous = await service.set_locale(ctx.session, user=ctx.user, locale=command.locale)
    return Outcome(ctx.say("language_set"), undo={"op": "set_language", "previous": previous})
