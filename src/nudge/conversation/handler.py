"""② One inbound SMS in: stored once, opt-out honoured, understood, carried out, reply queued."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.agent.loop import Agent, Prompt
from nudge.channels.base import Inbound
from nudge.clock import Clock
from nudge.commands import BreakDown, OptIn, OptOut, Unknown
from nudge.conversation import agent_turn, rate_limit, sign_in_request
from nudge.conversation import state as dialogue
from nudge.conversation.agent_turn import AgentTurns
from nudge.conversation.plan_ahead import Planned, plan_ahead
from nudge.conversation.reading import Reading, read_message
from nudge.features import executor
from nudge.features.context import Context, Dependencies
from nudge.features.users import service as users
from nudge.language import detect_locale
from nudge.observability.logging import get_logger
from nudge.observability.metrics import SMS_INBOUND, UNDERSTANDING
from nudge.outbox.enqueue import enqueue
from nudge.settings import Settings
from nudge.store.db import Database
from nudge.store.dialect import insert_ignore_returning_id
from nudge.store.states import MessageStatus
from nudge.store.tables import ConversationState, Message, User
from nudge.texts.catalog import render

log = get_logger("conversation")


@dataclass(frozen=True, slots=True)
class Handled:
    """What became of one inbound message."""

    duplicate: bool
    user_id: int | None = None
    intent: str | None = None
    reply: str | None = None
    outbox_id: int | None = None


class ConversationHandler:
    """Turns an authenticated Inbound into stored state and one queued reply."""

    def __init__(
        self,
        *,
        db: Database,
        clock: Clock,
        settings: Settings,
        on_enqueue: Callable[[], None] = lambda: None,
        agent: Agent | None = None,
        features: Dependencies | None = None,
    ) -> None:
        self._db, self._clock, self._settings = db, clock, settings
        self._on_enqueue = on_enqueue
        self._limits = rate_limit.Limits.of(settings)
        self._agent = agent  # None: rules only (no model configured)
        self._features = features or Dependencies()
        self._turns = (
            AgentTurns(db=db, agent=agent, features=self._features) if agent is not None else None
        )

    async def handle(self, inbound: Inbound, *, received_at: datetime | None = None) -> Handled:
        """Handle ``inbound`` exactly once per provider id.

        One transaction, unless the agent must answer: then this transaction stores the
        message as awaiting the agent, and ``AgentTurns`` does the rest in short ones.
        ``received_at`` (the inbox's, when it waited there) dates the message and its rate
        limits, so a backlog handled at once is not taken for a flood; what the message asks
        is read at the time it is handled, and its confirmation says that time.
        """
        inbound = inbound.storable()
        now = self._clock.now()
        received = received_at if received_at is not None and received_at <= now else now
        planned = await plan_ahead(  # a model call: no transaction open
            self._db, self._settings, inbound, now, self._features.planner
        )
        async with self._db.transaction() as session:
            user, state = await self._person(session, inbound, now)
            limited = await rate_limit.assess(  # over a limit: stored, not read, one notice
                session, user, state, inbound, now=received, limits=self._limits
            )
            reading = limited.reading if limited is not None else read_message(
                user, state, inbound, now=now, max_chars=self._settings.max_body_chars
            )  # fmt: skip
            to_agent = self._agent is not None and isinstance(reading.command, Unknown)
            message_id = await _store_once(
                session, user_id=user.id, inbound=inbound, now=received,
                intent=None if to_agent else reading.intent,
                status=MessageStatus.AWAITING_AGENT if to_agent else MessageStatus.RECEIVED,
            )  # fmt: skip
            if message_id is None:
                log.info("inbound.duplicate", sid=inbound.provider_sid, phone=user.phone)
                SMS_INBOUND.labels(inbound.channel, "duplicate").inc()
                return Handled(duplicate=True, user_id=user.id)
            users.note_inbound(user, now=received)
            if limited is not None:
                rate_limit.note(state, limited, now=received)
            response = await self._respond(session, user, state, reading, now, planned)
            if to_agent and response.prompt is None:  # answered here after all
                await agent_turn.close(session, message_id=message_id, intent=response.intent)
            outbox_id = None
            if response.reply is not None and (response.compliance or not user.opted_out):
                outbox_id = await enqueue(
                    session,
                    user_id=user.id,
                    to_phone=user.phone,
                    body=response.reply,
                    key=f"reply:{inbound.provider_sid}",
                    kind="compliance" if response.compliance else response.kind,
                    now=now,
                )
        intent, reply = response.intent, response.reply
        if response.prompt is not None and self._turns is not None:
            handoff = agent_turn.Handoff(
                message_id, inbound.provider_sid, user.id, now, response.prompt
            )
            answer = await self._turns.run(handoff)
            intent, reply, outbox_id = answer.intent, answer.reply, answer.outbox_id
        log.info("inbound.handled", sid=inbound.provider_sid, phone=user.phone, intent=intent)
        if limited is not None:  # not understood: counted apart
            SMS_INBOUND.labels(inbound.channel, "rate_limited").inc()
            rate_limit.observe(limited)
        else:
            SMS_INBOUND.labels(inbound.channel, "handled").inc()
            UNDERSTANDING.labels(_source_of(intent), intent).inc()
        if outbox_id is not None:
            self._on_enqueue()
        return Handled(False, user.id, intent, reply, outbox_id)

    async def answer_stalled(self, *, now: datetime, limit: int) -> int:
        """Answer the messages a dead process left awaiting the agent (the scheduler's sweep)."""
        older_than = timedelta(seconds=self._settings.agent_timeout_seconds)
        return await agent_turn.answer_stalled(
            self._db, now=now, older_than=older_than + agent_turn.SWEEP_MARGIN, limit=limit
        )

    async def _person(
        self, session: AsyncSession, inbound: Inbound, now: datetime
    ) -> tuple[User, ConversationState]:
        """The sender and their locked dialogue row: one query, more on a first contact."""
        found = await dialogue.load_by_phone(session, phone=inbound.phone)
        if found is not None:
            return found
        user, _created = await users.get_or_create(
            session,
            phone=inbound.phone,
            now=now,
            timezone=self._settings.default_timezone,
            locale=detect_locale(inbound.body) or self._settings.default_locale,
            quiet=(self._settings.default_quiet_start, self._settings.default_quiet_end),
        )
        return user, await dialogue.load(session, user_id=user.id, now=now)

    async def _respond(
        self,
        session: AsyncSession,
        user: User,
        state: ConversationState,
        reading: Reading,
        now: datetime,
        planned: Planned | None = None,
    ) -> Response:
        """Carry the reading out, or prepare the agent's turn (``Response.prompt``)."""
        if reading.intent == sign_in_request.INTENT:
            reply = await sign_in_request.link_reply(
                session, user=user, now=now, public_url=self._settings.public_url
            )
            return Response(reading.intent, reply, kind=sign_in_request.OUTBOX_KIND)
        if reading.command is None:
            key = "media_only" if reading.media else _UNREAD_REPLIES.get(reading.intent)
            return Response(reading.intent, render(user.locale, key) if key else None)
        ctx = Context(session, user, state, now, self._features)
        if isinstance(reading.command, OptOut | OptIn):  # the dialogue is left as it is
            outcome = await executor.run(ctx, reading.command)
            opted_out = isinstance(reading.command, OptOut)
            return Response(reading.intent, outcome.reply if reading.confirm else None, opted_out)
        if reading.locale is not None and reading.locale != user.locale:
            users.follow_locale(user, locale=reading.locale)
        # --- agent hook: the rules missed and a model is configured (see agent_turn.py) ---
        if isinstance(reading.command, Unknown) and self._agent is not None:
            prepared = await self._agent.prepare(ctx, reading.body)
            if isinstance(prepared, Prompt):
                dialogue.hand_over(state, now=now)
                return Response("Agent", None, prompt=prepared)
            if prepared is not None:  # a confirmed call, carried out here
                dialogue.apply(state, prepared, now=now)
                return Response("Agent", prepared.reply)
        # --- end agent hook ---
        command = reading.command
        if isinstance(command, BreakDown) and planned is not None:  # steps asked before
            command = replace(command, steps=tuple(planned.for_command(command) or ()))
        outcome = await executor.run(ctx, command)
        dialogue.apply(state, outcome, now=now)
        return Response(reading.intent, outcome.reply)


@dataclass(frozen=True, slots=True)
class Response:
    """The intent and reply of a message, or the prompt of the agent turn that will answer it."""

    intent: str
    reply: str | None
    compliance: bool = False  # a carrier-compliance reply (sent even to an opted-out number)
    prompt: Prompt | None = None
    kind: str = "reply"  # the outbox row's kind ("sign_in": its body is removed once expired)


_UNREAD_REPLIES = {
    "help": "help",
    "empty": "empty",
    "too_long": "too_long",
    rate_limit.NOTICE: rate_limit.NOTICE,  # the one notice; QUIET has no reply
    rate_limit.NOTICE_LATER: rate_limit.NOTICE_LATER,
}


KEYWORD_INTENTS = frozenset(
    {"opt_out", "opt_in", "ignored_opted_out", "help", sign_in_request.INTENT}
)
UNREAD_INTENTS = frozenset({"Unknown", "empty", "too_long"})


def _source_of(intent: str) -> str:
    """Who understood the message: a carrier keyword, the rules, the LLM, or no one."""
    if intent == "Agent":
        return "llm"
    if intent in KEYWORD_INTENTS:
        return "keyword"
    return "none" if intent in UNREAD_INTENTS else "rules"


async def _store_once(
    session: AsyncSession,
    *,
    user_id: int,
    inbound: Inbound,
    now: datetime,
    intent: str | None,
    status: MessageStatus,
) -> int | None:
    """Insert the inbound message; its id, or None when this provider id was already stored."""
    values = {
        "user_id": user_id,
        "direction": "in",
        "channel": inbound.channel,
        "provider_sid": inbound.provider_sid,
        "body": inbound.body,
        "num_media": inbound.num_media,
        "status": status,
        "intent": intent,
        "created_at": now,
    }
    statement = insert_ignore_returning_id(session, _MESSAGES, ["provider_sid"])
    inserted = await session.execute(statement, values)
    message_id: int | None = inserted.scalar_one_or_none()
    return message_id


_MESSAGES = cast("Table", Message.__table__)
