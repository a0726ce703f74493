"""What the agent knows before it answers, each read in a single round trip.

The day's token spend with the pending confirmation, the recent conversation, and the
relevant memories.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.agent import budget
from nudge.agent.models.base import Turn
from nudge.features.memory import service as memories
from nudge.features.memory.embeddings import Embedder
from nudge.store.tables import AgentConfirmation, Message, Outbox, User

MEMORIES_IN_PROMPT = 3


# Built once, executed with parameters: building a statement costs more than its SQL here.
_SPENT = budget.tokens_since(user_id=bindparam("user_id"), since=bindparam("since"))
_STANDING = (
    select(_SPENT.scalar_subquery(), AgentConfirmation)
    .select_from(User)
    .outerjoin(AgentConfirmation, AgentConfirmation.user_id == User.id)
    .where(User.id == bindparam("user_id"))
)
_INBOUND = (
    select(Message.created_at, literal(0).label("side"), Message.id, Message.body)
    .where(Message.user_id == bindparam("user_id"), Message.created_at >= bindparam("since"))
    .order_by(Message.created_at.desc(), Message.id.desc())
    .limit(bindparam("inbound_limit"))
    .subquery()
)
_OUTBOUND = (
    select(Outbox.created_at, literal(1).label("side"), Outbox.id, Outbox.body)
    .where(
        Outbox.user_id == bindparam("user_id"),
        Outbox.kind == "reply",
        Outbox.created_at >= bindparam("since"),
    )
    .order_by(Outbox.created_at.desc(), Outbox.id.desc())
    .limit(bindparam("outbound_limit"))
    .subquery()
)
_HISTORY = union_all(select(_INBOUND), select(_OUTBOUND))


async def standing(
    session: AsyncSession, *, user_id: int, now: datetime, tz: str
) -> tuple[int, AgentConfirmation | None]:
    """Tokens the user's turns used today, and the destructive call awaiting "confirm"."""
    since = budget.start_of_day(now, tz)
    tokens, pending = (await session.execute(_STANDING, {"user_id": user_id, "since": since})).one()
    return int(tokens), pending


async def recent_turns(
    session: AsyncSession, *, user_id: int, now: datetime, minutes: int, limit: int
) -> list[Turn]:
    """The conversation resumed within ``minutes`` (oldest first), without the current text.

    Inbound messages and sent replies in one ``UNION ALL``.
    """
    since = now - timedelta(minutes=minutes)
    parameters = {
        "user_id": user_id, "since": since, "inbound_limit": limit + 1, "outbound_limit": limit
    }  # fmt: skip
    rows = sorted(tuple(row) for row in await session.execute(_HISTORY, parameters))
    newest_inbound = max((row for row in rows if row[1] == 0), default=None)
    entries = [row for row in rows if row is not newest_inbound]  # the message being answered
    return [
        Turn("assistant" if side else "user", body) for _at, side, _id, body in entries[-limit:]
    ]


async def relevant_memories(
    session: AsyncSession, *, user_id: int, text: str, now: datetime, embedder: Embedder
) -> list[str]:
    """The user's memories most relevant to ``text`` (never another user's)."""
    return await memories.relevant_texts(
        session,
        user_id=user_id,
        query=text,
        now=now,
        embedder=embedder,
        limit=MEMORIES_IN_PROMPT,
    )
