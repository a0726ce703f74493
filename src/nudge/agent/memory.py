"""What the agent knows before it answers: the recent conversation and relevant memories."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.agent.models.base import Turn
from nudge.features.memory import service as memories
from nudge.store.tables import Message, Outbox

MEMORIES_IN_PROMPT = 3


async def recent_turns(
    session: AsyncSession, *, user_id: int, now: datetime, minutes: int, limit: int
) -> list[Turn]:
    """The conversation resumed within ``minutes`` (oldest first), without the current text."""
    since = now - timedelta(minutes=minutes)
    inbound = await session.execute(
        select(Message.created_at, Message.id, Message.body)
        .where(Message.user_id == user_id, Message.created_at >= since)
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(limit + 1)
    )
    outbound = await session.execute(
        select(Outbox.created_at, Outbox.id, Outbox.body)
        .where(Outbox.user_id == user_id, Outbox.kind == "reply", Outbox.created_at >= since)
        .order_by(Outbox.created_at.desc(), Outbox.id.desc())
        .limit(limit)
    )
    rows_in = list(inbound)[1:]  # the newest inbound is the message being answered
    entries = [(at, 0, i, "user", body) for at, i, body in rows_in]
    entries += [(at, 1, i, "assistant", body) for at, i, body in outbound]
    entries.sort()
    return [Turn(role, text) for *_, role, text in entries[-limit:]]  # type: ignore[arg-type]


async def relevant_memories(
    session: AsyncSession, *, user_id: int, text: str, now: datetime
) -> list[str]:
    """The user's memories most relevant to ``text`` (never another user's)."""
    hits = await memories.search(
        session, user_id=user_id, query=text, now=now, limit=MEMORIES_IN_PROMPT
    )
    return [hit.memory.text for hit in hits]
