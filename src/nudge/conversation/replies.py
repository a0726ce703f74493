"""The reply to one inbound message: queued once, under the key ``reply:{provider sid}``."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Insert

from nudge.outbox.enqueue import outbox_values
from nudge.store.dialect import insert_ignore_statement
from nudge.store.tables import Outbox, User

_OUTBOX = Outbox.__table__


async def queue_reply_unless_opted_out(
    session: AsyncSession, *, user_id: int, body: str, key: str, now: datetime
) -> int | None:
    """Queue ``body`` to the person's current number unless they opted out (STOP) meanwhile.

    One ``INSERT … SELECT … FROM users`` reads the number and the opt-out with the insert.
    The new row's id; None when opted out or ``key`` is already queued.
    """
    values = outbox_values(user_id=user_id, to_phone="", body=body, key=key, now=now)
    del values["to_phone"]
    inserted = await session.execute(_unless_opted_out(session), {**values, "person": user_id})
    row_id: int | None = inserted.scalar_one_or_none()
    return row_id


_COLUMNS = [
    name
    for name in outbox_values(user_id=0, to_phone="", body="", key="", now=datetime.now(UTC))
    if name != "to_phone"
]
_STATEMENTS: dict[str, Insert] = {}  # per dialect: built once, executed with parameters


def _unless_opted_out(session: AsyncSession) -> Insert:
    dialect = session.get_bind().dialect.name
    statement = _STATEMENTS.get(dialect)
    if statement is None:
        source = select(
            *(bindparam(name, type_=_OUTBOX.c[name].type).label(name) for name in _COLUMNS),
            User.phone,
        ).where(User.id == bindparam("person"), User.opted_out.is_(False))
        statement = insert_ignore_statement(session, _OUTBOX, ["idempotency_key"])
        statement = statement.from_select([*_COLUMNS, "to_phone"], source)
        statement = _STATEMENTS[dialect] = statement.returning(_OUTBOX.c.id)
    return statement
