"""The dashboard's changes go through the features' one door, as an SMS would.

Each button or form becomes a Command carried out by ``conversation.turn.carry_out`` (the
executor, then the outcome folded into the person's dialogue row exactly as for an SMS, the
API's path too) in one transaction: so "undo" on the page and "undo" by text reverse the
same last change, and the page shows the reply SMS would have sent (nothing is texted).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.bootstrap import Services
from nudge.commands import Command
from nudge.conversation import turn
from nudge.features.context import Outcome
from nudge.store.tables import ConversationState
from nudge.web.dashboard.said import Said


async def carry_out(services: Services, *, user_id: int, command: Command) -> Outcome:
    """Run ``command`` for the person and keep its undo record, in one transaction."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        return await turn.carry_out(
            session, user_id=user_id, command=command, now=now, deps=services.features
        )


def said_of(outcome: Outcome) -> Said:
    """What the page shows after the change: the reply, and an undo button when it can."""
    return Said(outcome.reply, undoable=outcome.undo is not None)


async def can_undo(session: AsyncSession, *, user_id: int) -> bool:
    """Whether the person's last change (here or by text) can still be undone."""
    record = await session.scalar(
        select(ConversationState.undo).where(ConversationState.user_id == user_id)
    )
    return record is not None
