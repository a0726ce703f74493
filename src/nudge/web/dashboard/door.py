"""The dashboard's changes go through the features' one door, as an SMS would.

Each button or form becomes a Command carried out by ``features.executor.run`` in one
transaction, and its Outcome is folded into the person's dialogue state exactly as the SMS
handler folds it: so "undo" on the page and "undo" by text reverse the same last change,
and the page shows the reply SMS would have sent (nothing is texted).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.bootstrap import Services
from nudge.commands import Command
from nudge.conversation import state as dialogue
from nudge.features import executor
from nudge.features.context import Context, Outcome
from nudge.store.tables import ConversationState, User
from nudge.web.dashboard.said import Said


async def carry_out(services: Services, *, user_id: int, command: Command) -> Outcome:
    """Run ``command`` for the person and keep its undo record, in one transaction."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        state = await dialogue.load(session, user_id=user_id, now=now)  # locked: one at a time
        user = (await session.execute(select(User).where(User.id == user_id))).scalar_one()
        outcome = await executor.run(Context(session, user, state, now, services.features), command)
        dialogue.apply(state, outcome, now=now)
    return outcome


def said_of(outcome: Outcome) -> Said:
    """What the page shows after the change: the reply, and an undo button when it can."""
    return Said(outcome.reply, undoable=outcome.undo is not None)


async def can_undo(session: AsyncSession, *, user_id: int) -> bool:
    """Whether the person's last change (here or by text) can still be undone."""
    record = await session.scalar(
        select(ConversationState.undo).where(ConversationState.user_id == user_id)
    )
    return record is not None
