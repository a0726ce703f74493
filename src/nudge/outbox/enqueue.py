"""Writing an outgoing SMS: always inside the caller's transaction, once per idempotency key."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.channels.segments import gsm_friendly
from nudge.store.dialect import insert_ignore_returning_id, insert_ignore_statement
from nudge.store.tables import Outbox


async def enqueue(
    session: AsyncSession,
    *,
    user_id: int,
    to_phone: str,
    body: str,
    key: str,
    now: datetime,
    kind: str = "reply",
    due_at: datetime | None = None,
    occurrence_id: int | None = None,
) -> int:
    """Queue ``body`` for ``to_phone``; a second call with the same ``key`` changes nothing.

    The body is stored as it will be sent: GSM-7 look-alikes replace characters that would
    force the costly UCS-2 encoding. Returns the outbox row id (the existing one on a repeat).
    """
    values = outbox_values(
        user_id=user_id,
        to_phone=to_phone,
        body=body,
        key=key,
        now=now,
        kind=kind,
        due_at=due_at,
        occurrence_id=occurrence_id,
    )
    statement = insert_ignore_returning_id(session, Outbox.__table__, ["idempotency_key"])
    inserted = (await session.execute(statement, values)).scalar_one_or_none()
    if inserted is not None:  # new: one round trip
        return int(inserted)
    existing = await session.execute(select(Outbox.id).where(Outbox.idempotency_key == key))
    return int(existing.scalar_one())


async def enqueue_many(session: AsyncSession, rows: list[dict[str, object]]) -> None:
    """Queue many ``outbox_values`` rows in one statement (once per key, ids not returned)."""
    if not rows:
        return
    statement = insert_ignore_statement(session, Outbox.__table__, ["idempotency_key"])
    await session.execute(statement, rows)  # executemany: compiled once, cached


def outbox_values(
    *,
    user_id: int,
    to_phone: str,
    body: str,
    key: str,
    now: datetime,
    kind: str = "reply",
    due_at: datetime | None = None,
    occurrence_id: int | None = None,
) -> dict[str, object]:
    """The columns of one outbox row, body made GSM-7 friendly."""
    return {
        "user_id": user_id,
        "to_phone": to_phone,
        "body": gsm_friendly(body),
        "kind": kind,
        "idempotency_key": key,
        "status": "pending",
        "due_at": due_at or now,
        "attempts": 0,
        "occurrence_id": occurrence_id,
        "created_at": now,
    }
