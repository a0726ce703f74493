"""The reply to one inbound message: queued once, under the key ``reply:{provider sid}``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.outbox.enqueue import outbox_values
from nudge.store.dialect import insert_ignore_statement
from nudge.store.tables import Outbox, User

_OUTBOX = Outbox.__table__


async def queue_reply(
    session: AsyncSession,
    *,
    user_id: int,
    to_phone: str,
    body: str,
    key: str,
    now: datetime,
    kind: str = "reply",
) -> int:
    """Queue ``body`` as ``outbox.enqueue`` does, in one round trip (RETURNING) when new.

    The outbox row id; the existing row's id when ``key`` was already queued.
    """
    values = outbox_values(
        user_id=user_id, to_phone=to_phone, body=body, key=key, now=now, kind=kind
    )
    statement = insert_ignore_statement(session, _OUTBOX, ["idempotency_key"]).values(values)
    inserted = (await session.execute(statement.returning(_OUTBOX.c.id))).scalar_one_or_none()
    if inserted is not None:
        return int(inserted)
    existing = await session.execute(select(Outbox.id).where(Outbox.idempotency_key == key))
    return int(existing.scalar_one())


async def queue_reply_unless_opted_out(
    session: AsyncSession, *, user_id: int, body: str, key: str, now: datetime
) -> int | None:
    """Queue ``body`` to the person's current number unless they opted out (STOP) meanwhile.

    One ``INSERT … SELECT … FROM users`` reads the number and the opt-out with the insert.
    The new row's id; None when opted out or ``key`` is already queued.
    """
    values = outbox_values(user_id=user_id, to_phone="", body=body, key=key, now=now)
    columns = [name for name in values if name != "to_phone"]
    source = select(
        *(literal(values[name], _OUTBOX.c[name].type).label(name) for name in columns),
        User.phone,
    ).where(User.id == user_id, User.opted_out.is_(False))
    statement = insert_ignore_statement(session, _OUTBOX, ["idempotency_key"])
    inserted = await session.execute(
        statement.from_select([*columns, "to_phone"], source).returning(_OUTBOX.c.id)
    )
    row_id: int | None = inserted.scalar_one_or_none()
    return row_id
