"""② The agent's part of a message, in short transactions: none is open while the model thinks.

Phase 1 is the handler's own transaction: the message is stored as ``awaiting_agent`` and
the prompt read (``Agent.prepare``), then committed. Phase 2 (``AgentTurns.run``): the model
thinks with no transaction open; each tool call runs in a short transaction of its own that
holds the person's dialogue row (``FOR UPDATE`` on PostgreSQL; SQLite's write lock), so two
messages of one person never interleave their writes. It folds the tool's outcome into the
dialogue state (undo works at once) and notes the tool's reply on the message
(``agent_reply``), only while the message still awaits the agent; otherwise it rolls back.
Phase 3, one short transaction: the usage is recorded (failed turns too), the message is
closed if it still awaits the agent, and the reply is queued under ``reply:{sid}``.

A process that dies between phases leaves the message awaiting: ``answer_stalled`` (run by
the scheduler loop) answers every message awaiting longer than the agent's timeout plus
``SWEEP_MARGIN`` with the last tool's reply, or the rules' reply when no tool ran. The close
is conditional, so the sweep and a late phase 3 never both answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.agent import execute
from nudge.agent.loop import Agent, Prompt
from nudge.agent.models.base import ToolCall
from nudge.conversation import state as dialogue
from nudge.features.breakdown import actions as breakdown
from nudge.features.context import Context, Dependencies
from nudge.observability.logging import get_logger
from nudge.observability.metrics import UNDERSTANDING
from nudge.outbox.enqueue import enqueue_unless_opted_out
from nudge.store.db import Database
from nudge.store.states import MESSAGES, MessageStatus
from nudge.store.tables import Message, User
from nudge.texts.catalog import render

log = get_logger("conversation")

SWEEP_MARGIN = timedelta(seconds=60)
_MESSAGES = cast("Table", Message.__table__)
_AWAITING = update(_MESSAGES).where(
    _MESSAGES.c.id == bindparam("message_id"), _MESSAGES.c.status == MessageStatus.AWAITING_AGENT
)  # the two updates below, built once
_NOTE = _AWAITING.values(agent_reply=bindparam("agent_reply"))
_CLOSE = _AWAITING.values(
    status=MESSAGES.move(MessageStatus.AWAITING_AGENT, MessageStatus.ANSWERED),
    intent=bindparam("intent"),
)


class TurnAbandoned(Exception):  # noqa: N818 - a state, not a failure of the code
    """The message was answered meanwhile (the sweep): this tool call must not take effect."""


@dataclass(frozen=True, slots=True)
class Handoff:
    """A stored message the agent must answer, and what phase 1 prepared for it."""

    message_id: int
    sid: str
    user_id: int
    now: datetime
    prompt: Prompt


@dataclass(frozen=True, slots=True)
class Answer:
    """What phase 3 did: the intent, the reply, its outbox row (None: not queued)."""

    intent: str
    reply: str | None
    outbox_id: int | None


class AgentTurns:
    """Phases 2 and 3 of a message handed to the agent."""

    def __init__(self, *, db: Database, agent: Agent, features: Dependencies) -> None:
        self._db, self._agent, self._features = db, agent, features

    async def run(self, handoff: Handoff) -> Answer:
        """Let the model think (tools in their own transactions), then close the message."""

        async def run_tool(call: ToolCall) -> execute.Result:
            return await self._run_tool(handoff, call)

        thought = await self._agent.think(handoff.prompt, run_tool)
        intent = "Agent" if thought.outcome is not None else "Unknown"
        reply = thought.outcome.reply if thought.outcome is not None else None
        async with self._db.transaction() as session:
            await self._agent.record(
                session, user_id=handoff.user_id, calls=thought.calls, now=handoff.now
            )
            if not await close(session, message_id=handoff.message_id, intent=intent):
                log.info("agent.late", sid=handoff.sid)  # the sweep answered it already
                return Answer(intent, None, None)
            reply = reply or render(handoff.prompt.locale, "unknown")  # the rules' reply
            outbox_id = await enqueue_unless_opted_out(  # STOP while the model thought
                session,
                user_id=handoff.user_id,
                body=reply,
                key=f"reply:{handoff.sid}",
                now=handoff.now,
            )
        return Answer(intent, reply, outbox_id)

    async def _run_tool(self, handoff: Handoff, call: ToolCall) -> execute.Result:
        """One tool call in its own transaction, under the person's dialogue row lock."""
        task = execute.unplanned_task(call)
        if task is not None:  # the planner is a model call: made before the transaction
            call = execute.with_steps(call, await self._plan(handoff, task))
        async with self._db.transaction() as session:
            user, state = await dialogue.load_by_id(session, user_id=handoff.user_id)
            result = await execute.run_call(
                Context(session, user, state, handoff.now, self._features), call
            )
            dialogue.apply(state, result.outcome, now=handoff.now)
            noted = await session.execute(
                _NOTE, {"message_id": handoff.message_id, "agent_reply": result.outcome.reply}
            )
            if not getattr(noted, "rowcount", 0):
                raise TurnAbandoned(handoff.sid)  # rolls the tool's changes back
        return result

    async def _plan(self, handoff: Handoff, task: str) -> list[str]:
        """Steps for a breakdown the model gave none for (a listed todo's text read first)."""
        if task.lstrip("#").isdigit():
            async with self._db.transaction() as session:
                user, state = await dialogue.load_by_id(session, user_id=handoff.user_id)
                ctx = Context(session, user, state, handoff.now, self._features)
                task = await breakdown.listed_task(ctx, task)
        return await breakdown.plan(task, handoff.prompt.locale, self._features.planner)


async def close(session: AsyncSession, *, message_id: int, intent: str) -> bool:
    """Mark an awaiting message answered; False when something else answered it first."""
    closed = await session.execute(_CLOSE, {"message_id": message_id, "intent": intent})
    return bool(getattr(closed, "rowcount", 0))


async def answer_stalled(db: Database, *, now: datetime, older_than: timedelta, limit: int) -> int:
    """Answer messages left awaiting the agent (a process died mid-turn); how many.

    Each gets the last tool's reply (what was really done) or, with no tool run, the rules'
    reply, once: the key ``reply:{sid}`` and the conditional close make a repeat a no-op.
    """
    cutoff = now - older_than
    async with db.transaction() as session:
        stalled = await session.execute(
            select(Message.id, Message.user_id, Message.provider_sid, Message.agent_reply)
            .add_columns(User.locale)
            .join(User, User.id == Message.user_id)
            .where(Message.status == MessageStatus.AWAITING_AGENT, Message.created_at < cutoff)
            .order_by(Message.id)
            .limit(limit)
            .with_for_update(of=Message, skip_locked=True)
        )
        rows = stalled.all()
        for row in rows:
            intent = "Agent" if row.agent_reply else "Unknown"
            await close(session, message_id=row.id, intent=intent)
            await enqueue_unless_opted_out(
                session,
                user_id=row.user_id,
                body=row.agent_reply or render(row.locale, "unknown"),
                key=f"reply:{row.provider_sid}",
                now=now,
            )
            UNDERSTANDING.labels(source="none", intent="agent_swept").inc()
            log.warning("agent.swept", sid=row.provider_sid, tool_reply=bool(row.agent_reply))
    return len(rows)
