"""A place Nudge has no zone for: a kind question, and the user's zone stays as it was."""

from __future__ import annotations

from nudge.bootstrap import Services
from nudge.commands import AskTimezone
from nudge.store.tables import User
from tests.integration.engine_helpers import make_user, run_command


async def test_unknown_place_asks_and_changes_nothing(services: Services) -> None:
    user = await make_user(services)
    reply = await run_command(services, user, AskTimezone("Springfield"))
    assert reply.startswith("I don't know the time zone of Springfield yet.")
    assert len(reply) <= 160
    async with services.db.sessions() as session:
        row = await session.get(User, user)
        assert row is not None
        assert row.timezone == "America/Toronto"


async def test_unknown_place_asks_in_french(services: Services) -> None:
    user = await make_user(services, locale="fr")
    reply = await run_command(services, user, AskTimezone("Tadoussac"))
    assert reply.startswith("Je ne connais pas encore le fuseau de Tadoussac.")
