"""Running one command as a user inside one transaction, for memory/breakdown/agent tests."""

from __future__ import annotations

from nudge.bootstrap import Services
from nudge.commands import Command
from nudge.conversation import state as dialogue
from nudge.features import executor
from nudge.features.context import Context
from nudge.features.users import service as users


async def run_as(services: Services, phone: str, command: Command, locale: str = "en") -> str:
    """Carry out ``command`` for the user with ``phone`` (created if new); the reply."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        user, _ = await users.get_or_create(
            session, phone=phone, now=now, timezone="America/Toronto", locale=locale
        )
        state = await dialogue.load(session, user_id=user.id, now=now)
        outcome = await executor.run(Context(session, user, state, now, services.features), command)
        dialogue.apply(state, outcome, now=now)
    return outcome.reply
