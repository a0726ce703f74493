"""Writing an outgoing SMS: always inside the caller's transaction, once per idempotency key."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Insert

from nudge.channels.segments import gsm_friendly
from nudge.store.dialect import insert_ignore_returning_id, insert_ignore_statement
from nudge.store.states import OutboxStatus
from nudge.store.tables import Outbox, User


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
        "status": OutboxStatus.PENDING,
        "due_at": due_at or now,
        "attempts": 0,
        "occurrence_id": occurrence_id,
        "created_at": now,
    }


async def enqueue_unless_opted_out(
    session: AsyncSession, *, user_id: int, body: str, key: str, now: datetime
) -> int | None:
    """Queue ``body`` to the person's current number unless they opted out (STOP) meanwhile.

    For a reply written after the person's row was last read (an agent turn's last
    transaction, the sweep): one ``INSERT … SELECT … FROM users`` reads the number and the
    opt-out with the insert. The new row's id; None when opted out or ``key`` is queued.
    """
    values = outbox_values(user_id=user_id, to_phone="", body=body, key=key, now=now)
    del values["to_phone"]
    inserted = await session.execute(_unless_opted_out(session), {**values, "person": user_id})
    row_id: int | None = inserted.scalar_one_or_none()
    return row_id


_OUTBOX = Outbox.__table__
_COLUMNS = [
    name
    for name in outbox_values(user_id=0, to_phone="", body="", key="", now=datetime.now(UTC))
    if name != "to_phone"
]
_UNLESS_OPTED_OUT: dict[str, Insert] = {}  # per dialect: built once, executed with parameters


def _unless_opted_out(session: AsyncSession) -> Insert:
    dialect = session.get_bind().dialect.name
    statement = _UNLESS_OPTED_OUT.get(dialect)
    if statement is None:
        source = select(
            *(bindparam(name, type_=_OUTBOX.c[name].type).label(name) for name in _COLUMNS),
            User.phone,
        ).where(User.id == bindparam("person"), User.opted_out.is_(False))
        statement = insert_ignore_statement(session, _OUTBOX, ["idempotency_key"])
        statement = statement.from_select([*_COLUMNS, "to_phone"], source)
        statement = _UNLESS_OPTED_OUT[dialect] = statement.returning(_OUTBOX.c.id)
    return statement
