"""GDPR: everything stored about one person, as JSON; and erasing all of it.

Sign-in rows are exported without their hashes (``digest``: of a code, a link, a ticket or a
refresh token), which name no fact about the person and only matter to the server; the
sign-in attempts counted on the person's number go with them, and are erased with them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase

from nudge.accounts.factor_export import erase_factors, export_factors
from nudge.features.users.service import find
from nudge.store.account_tables import AuthSession, RefreshToken, SignInAttempt, SignInSecret
from nudge.store.tables import (
    AgentConfirmation,
    AuditLog,
    ConversationState,
    Inbox,
    LlmUsage,
    Memory,
    Message,
    Occurrence,
    Outbox,
    Reminder,
    SimulatorMessage,
    Todo,
)

DERIVED = frozenset({"embedding"})  # a memory's vector: computed from its text, not theirs


def _row(model: DeclarativeBase) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in model.__table__.columns:
        value = getattr(model, column.key)
        values[column.key] = value.isoformat() if isinstance(value, datetime) else value
    return values


async def _all(session: AsyncSession, model: Any, user_id: int) -> list[dict[str, Any]]:
    result = await session.execute(
        select(model).where(model.user_id == user_id).order_by(*model.__table__.primary_key)
    )
    return [_row(item) for item in result.scalars()]


def _without_derived(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key not in DERIVED}


async def _all_but_digest(session: AsyncSession, model: Any, user_id: int) -> list[dict[str, Any]]:
    rows = await _all(session, model, user_id)
    return [{key: value for key, value in row.items() if key != "digest"} for row in rows]


async def export_user(session: AsyncSession, *, phone: str) -> dict[str, Any] | None:
    """Every row about the person with ``phone`` (None when unknown)."""
    user = await find(session, phone=phone)
    if user is None:
        return None
    reminders = await _all(session, Reminder, user.id)
    occurrences = await _all(session, Occurrence, user.id)
    for reminder in reminders:
        reminder["occurrences"] = [o for o in occurrences if o["reminder_id"] == reminder["id"]]
    handset = await session.execute(
        select(SimulatorMessage)
        .where(SimulatorMessage.phone == phone)
        .order_by(SimulatorMessage.id)
    )
    waiting = await session.execute(select(Inbox).where(Inbox.phone == phone).order_by(Inbox.id))
    counted = await session.execute(
        select(SignInAttempt).where(SignInAttempt.phone == phone).order_by(SignInAttempt.id)
    )
    return {
        "profile": _row(user),
        "messages": await _all(session, Message, user.id),
        "reminders": reminders,
        "todos": await _all(session, Todo, user.id),
        "outbox": await _all(session, Outbox, user.id),
        "conversation_state": await _all(session, ConversationState, user.id),
        "audit_log": await _all(session, AuditLog, user.id),
        "memories": [_without_derived(row) for row in await _all(session, Memory, user.id)],
        "llm_usage": await _all(session, LlmUsage, user.id),
        "agent_confirmations": await _all(session, AgentConfirmation, user.id),
        "sign_in_factors": await export_factors(session, user_id=user.id),  # no secrets
        "simulator_messages": [_row(item) for item in handset.scalars()],
        "inbox": [_row(item) for item in waiting.scalars()],  # texts not handled yet
        "auth_sessions": await _all(session, AuthSession, user.id),
        "sign_in_secrets": await _all_but_digest(session, SignInSecret, user.id),
        "sign_in_attempts": [_row(item) for item in counted.scalars()],
    }


async def erase_user(session: AsyncSession, *, phone: str) -> bool:
    """Delete the person and everything that refers to them; False when unknown."""
    user = await find(session, phone=phone)
    await session.execute(delete(SimulatorMessage).where(SimulatorMessage.phone == phone))
    await session.execute(delete(Inbox).where(Inbox.phone == phone))
    await session.execute(delete(SignInAttempt).where(SignInAttempt.phone == phone))
    if user is None:
        return False
    sessions = select(AuthSession.id).where(AuthSession.user_id == user.id)
    await session.execute(delete(RefreshToken).where(RefreshToken.session_id.in_(sessions)))
    for model in (
        AuthSession, SignInSecret, Outbox, ConversationState, Occurrence, Reminder, Todo,
        Message, AuditLog, Memory, LlmUsage, AgentConfirmation,
    ):  # fmt: skip
        await session.execute(delete(model).where(model.user_id == user.id))
    await erase_factors(session, user_id=user.id)
    await session.delete(user)
    return True
