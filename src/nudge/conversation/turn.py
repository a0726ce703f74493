"""A command from a signed-in person (the API, the dashboard): the SMS door and dialogue state.

An SMS is carried out by ``features/executor.run`` and its outcome folded into the person's
dialogue row (``state.apply``): the undo record, the list "done 2" means, the unfinished
reminder. A screen's command does exactly the same, so "undo" by SMS reverses a change made
on the web and the other way round. The dialogue row is locked first, as for an SMS, so a
text and a click of the same person are carried out one after the other.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.commands import Command
from nudge.conversation import state as dialogue
from nudge.features import executor
from nudge.features.context import Context, Dependencies, Outcome


async def carry_out(
    session: AsyncSession, *, user_id: int, command: Command, now: datetime, deps: Dependencies
) -> Outcome:
    """Run ``command`` for person ``user_id`` in ``session``'s transaction; its outcome.

    An outcome with a ``problem`` changed nothing, and the dialogue is left as it was (a
    refused click must not drop the unfinished reminder an SMS is answering), except that a
    spent undo record is cleared, as "undo" by SMS clears it.
    """
    await dialogue.load(session, user_id=user_id, now=now)  # made if new, and locked
    user, state = await dialogue.load_by_id(session, user_id=user_id)
    outcome = await executor.run(Context(session, user, state, now, deps), command)
    if outcome.problem is None or outcome.clear_undo:
        dialogue.apply(state, outcome, now=now)
    return outcome
