"""Dialogue state kept between two SMS: the pending reminder, what "undo" and "done 2" mean."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.commands import Pending
from nudge.features import undo
from nudge.features.context import Outcome
from nudge.store.dialect import insert_ignore
from nudge.store.tables import ConversationState, User


async def load_by_phone(
    session: AsyncSession, *, phone: str
) -> tuple[User, ConversationState] | None:
    """The person and their dialogue row (locked), in one round trip; None for a first contact.

    Only the dialogue row is locked (``FOR UPDATE OF``): it serialises the messages of one
    person, as ``load`` does.
    """
    return await _person(session, _BY_PHONE, "phone", phone)


async def load_by_id(session: AsyncSession, *, user_id: int) -> tuple[User, ConversationState]:
    """The person and their locked dialogue row, for a transaction after the first one."""
    found = await _person(session, _BY_ID, "user_id", user_id)
    if found is None:
        raise LookupError(f"no dialogue row for user {user_id}")
    return found


_PERSON = (  # built once: building costs more than the query; ``FOR UPDATE OF`` the dialogue row
    select(User, ConversationState)
    .join(ConversationState, ConversationState.user_id == User.id)
    .with_for_update(of=ConversationState)
)
_BY_PHONE = _PERSON.where(User.phone == bindparam("phone"))
_BY_ID = _PERSON.where(User.id == bindparam("user_id"))


async def _person(
    session: AsyncSession,
    statement: Select[User, ConversationState],
    key: str,
    value: object,
) -> tuple[User, ConversationState] | None:
    row = (await session.execute(statement, {key: value})).first()
    return (row[0], row[1]) if row is not None else None


async def load(session: AsyncSession, *, user_id: int, now: datetime) -> ConversationState:
    """The user's dialogue row, locked for this transaction where the database can."""
    values = {"user_id": user_id, "updated_at": now}
    await session.execute(insert_ignore(session, ConversationState, values, ["user_id"]))
    result = await session.execute(
        select(ConversationState).where(ConversationState.user_id == user_id).with_for_update()
    )
    return result.scalar_one()


def pending_of(state: ConversationState) -> Pending | None:
    """The unfinished reminder stored in the state, if any."""
    data = state.pending
    if not data:
        return None
    at = datetime.fromisoformat(data["at"]) if data.get("at") else None
    return Pending(text=data.get("text"), at=at, rrule=data.get("rrule"))


def _pending_json(pending: Pending | None) -> dict[str, Any] | None:
    if pending is None:
        return None
    at = pending.at.isoformat() if pending.at else None
    return {"text": pending.text, "at": at, "rrule": pending.rrule}


def apply(state: ConversationState, outcome: Outcome, *, now: datetime) -> None:
    """Fold a command's outcome into the dialogue state."""
    state.pending = _pending_json(outcome.pending)
    if outcome.undo is not None:
        state.undo = undo.to_json(outcome.undo)
    elif outcome.clear_undo:
        state.undo = None
    if outcome.last_list is not None:
        state.last_list = outcome.last_list
    state.updated_at = now


def hand_over(state: ConversationState, *, now: datetime) -> None:
    """The message goes to the agent: the unfinished reminder is dropped, as any answer would.

    The agent's tools then fold their own outcomes in, one transaction each (``apply``).
    Nothing is written when there is no unfinished reminder.
    """
    if state.pending is not None:
        state.pending = None
        state.updated_at = now
