"""A change asked through the API: the executor (``conversation.turn.carry_out``), then HTTP.

Every mutation of a person's data goes through the same door as an SMS, with the same undo
slot. An outcome's ``problem`` (nothing was done) becomes an ``ApiError`` with the status
below and the reply Nudge would have texted, in the person's language, as the message.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.bootstrap import Services
from nudge.commands import Command
from nudge.conversation.turn import carry_out
from nudge.features.context import Outcome
from nudge.web.errors import ApiError

STATUS: Final = {
    "no_such_reminder": 404,
    "no_such_todo": 404,
    "no_such_memory": 404,
    "no_such_person": 404,
    "not_an_admin": 403,
    "nothing_to_complete": 409,
    "nothing_to_snooze": 409,
    "reminder_not_active": 409,
    "reminder_not_paused": 409,
    "resume_time_passed": 409,
    "todo_not_open": 409,
    "own_role": 409,
}
"""Any other problem is 422: the request was understood, but cannot be done as asked."""


async def act(
    session: AsyncSession, services: Services, *, user_id: int, command: Command
) -> Outcome:
    """Carry ``command`` out for ``user_id`` in ``session``'s transaction, or raise why not."""
    outcome = await carry_out(
        session, user_id=user_id, command=command, now=services.clock.now(), deps=services.features
    )
    if outcome.problem is not None and outcome.problem != "nothing_to_undo":
        raise ApiError(STATUS.get(outcome.problem, 422), outcome.problem, outcome.reply)
    return outcome
