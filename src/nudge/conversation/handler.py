"""② One inbound SMS in: stored once, opt-out honoured, understood, carried out, reply queued."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.agent.loop import Agent
from nudge.channels.base import Inbound
from nudge.clock import Clock
from nudge.commands import Command, Unknown
from nudge.conversation import state as dialogue
from nudge.conversation.keywords import carrier_keyword
from nudge.features import executor
from nudge.features.context import Context
from nudge.features.users import service as users
from nudge.language import detect_locale, understand
from nudge.language.texts import render
from nudge.observability.logging import get_logger
from nudge.observability.metrics import SMS_INBOUND, UNDERSTANDING
from nudge.outbox.enqueue import enqueue
from nudge.settings import Settings
from nudge.store.db import Database
from nudge.store.dialect import insert_ignore
from nudge.store.tables import Message, User

log = get_logger("conversation")
FOLLOW_LANGUAGE_MIN_WORDS = 3

Understand = Callable[..., Command]


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
    ) -> None:
        self._db, self._clock, self._settings = db, clock, settings
        self._on_enqueue = on_enqueue
        self._agent = agent  # None: rules only (no model configured)

    async def handle(self, inbound: Inbound) -> Handled:
        """Handle ``inbound`` exactly once per provider id, in one transaction."""
        now = self._clock.now()
        async with self._db.transaction() as session:
            user, _created = await users.get_or_create(
                session,
                phone=inbound.phone,
                now=now,
                timezone=self._settings.default_timezone,
                locale=detect_locale(inbound.body) or self._settings.default_locale,
                quiet=(self._settings.default_quiet_start, self._settings.default_quiet_end),
            )
            message = await _store_once(session, user=user, inbound=inbound, now=now)
            if message is None:
                log.info("inbound.duplicate", sid=inbound.provider_sid, phone=user.phone)
                SMS_INBOUND.labels(inbound.channel, "duplicate").inc()
                return Handled(duplicate=True, user_id=user.id)
            user.last_inbound_at = now
            intent, reply, compliance = await self._respond(session, user, inbound, now)
            message.intent = intent
            outbox_id = None
            if reply is not None and (compliance or not user.opted_out):
                outbox_id = await enqueue(
                    session,
                    user_id=user.id,
                    to_phone=user.phone,
                    body=reply,
                    key=f"reply:{inbound.provider_sid}",
                    kind="compliance" if compliance else "reply",
                    now=now,
                )
        log.info("inbound.handled", sid=inbound.provider_sid, phone=user.phone, intent=intent)
        SMS_INBOUND.labels(inbound.channel, "handled").inc()
        UNDERSTANDING.labels(_source_of(intent), intent).inc()
        if outbox_id is not None:
            self._on_enqueue()
        return Handled(False, user.id, intent, reply, outbox_id)

    async def _respond(
        self, session: AsyncSession, user: User, inbound: Inbound, now: datetime
    ) -> tuple[str, str | None, bool]:
        """Decide the intent and the reply text; the flag marks carrier-compliance replies."""
        keyword = carrier_keyword(inbound.body)
        if keyword == "stop":
            await users.set_opted_out(session, user=user, opted_out=True)
            confirm = inbound.channel != "twilio"  # Twilio confirms STOP itself
            return "opt_out", render(user.locale, "opted_out") if confirm else None, True
        if keyword == "start":
            await users.set_opted_out(session, user=user, opted_out=False)
            return "opt_in", render(user.locale, "opted_in"), False
        if user.opted_out:
            return "ignored_opted_out", None, False
        if keyword == "help":
            return "help", render(user.locale, "help"), False
        body = inbound.body.strip()
        if not body:
            return (
                "empty",
                render(user.locale, "media_only" if inbound.num_media else "empty"),
                False,
            )
        if len(body) > self._settings.max_body_chars:
            return "too_long", render(user.locale, "too_long"), False
        self._follow_language(user, body)
        state = await dialogue.load(session, user_id=user.id, now=now)
        command = understand(
            body, now=now, tz=user.timezone, lang=user.locale, state=dialogue.pending_of(state)
        )
        ctx = Context(session, user, state, now)
        # --- agent hook: the rules missed and a model is configured (see agent/loop.py) ---
        if isinstance(command, Unknown) and self._agent is not None:
            answered = await self._agent.respond(ctx, body)
            if answered is not None:
                dialogue.apply(state, answered, now=now)
                return "Agent", answered.reply, False
        # --- end agent hook ---
        outcome = await executor.run(ctx, command)
        dialogue.apply(state, outcome, now=now)
        return type(command).__name__, outcome.reply, False

    @staticmethod
    def _follow_language(user: User, body: str) -> None:
        """Reply in the language the person writes in, unless they chose one explicitly.

        Short commands ("done", "help") are shared by both languages in practice, so only a
        message of three words or more can switch the language.
        """
        if len(body.split()) < FOLLOW_LANGUAGE_MIN_WORDS:
            return
        detected = detect_locale(body)
        if detected and not user.locale_locked and detected != user.locale:
            user.locale = detected


KEYWORD_INTENTS = frozenset({"opt_out", "opt_in", "ignored_opted_out", "help"})
UNREAD_INTENTS = frozenset({"Unknown", "empty", "too_long"})


def _source_of(intent: str) -> str:
    """Who understood the message: a carrier keyword, the rules, the LLM, or no one."""
    if intent == "Agent":
        return "llm"
    if intent in KEYWORD_INTENTS:
        return "keyword"
    return "none" if intent in UNREAD_INTENTS else "rules"


async def _store_once(
    session: AsyncSession, *, user: User, inbound: Inbound, now: datetime
) -> Message | None:
    """Insert the inbound message; None when this provider id was already stored."""
    values = {
        "user_id": user.id,
        "direction": "in",
        "channel": inbound.channel,
        "provider_sid": inbound.provider_sid,
        "body": inbound.body,
        "num_media": inbound.num_media,
        "status": "received",
        "created_at": now,
    }
    inserted = await session.execute(insert_ignore(session, Message, values, ["provider_sid"]))
    if not getattr(inserted, "rowcount", 0):
        return None
    result = await session.execute(
        select(Message).where(Message.provider_sid == inbound.provider_sid)
    )
    return result.scalar_one()
