"""The built-in phone simulator: a fake carrier whose handsets live in the database.

Any process (web page, ``nudge chat``, tests) reads the same handset, so replies sent by
a worker in another process still show up where the person is typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from nudge.channels.base import Lookup, SendResult
from nudge.clock import Clock
from nudge.store.db import Database
from nudge.store.dialect import insert_ignore
from nudge.store.tables import Message, SimulatorMessage, User


class SimulatorSender:
    """A Sender that "delivers" by writing to the simulated handset; idempotent per outbox row."""

    def __init__(self, *, db: Database, clock: Clock) -> None:
        self._db, self._clock = db, clock

    async def send(self, *, to: str, body: str, outbox_id: int) -> SendResult:
        """Put ``body`` on ``to``'s simulated phone (a repeat for the same row is a no-op)."""
        sid = f"SIM{outbox_id:016d}"
        values = {"phone": to, "body": body, "provider_sid": sid, "created_at": self._clock.now()}
        async with self._db.transaction() as session:
            await session.execute(
                insert_ignore(session, SimulatorMessage, values, ["provider_sid"])
            )
        return SendResult(provider_sid=sid, status="delivered")

    async def lookup(self, *, to: str, body: str, since: datetime, outbox_id: int) -> Lookup:
        """``StatusLookup``: the handset either has this row's message or not."""
        return await simulator_lookup(self._db, outbox_id=outbox_id)


@dataclass(frozen=True, slots=True)
class Bubble:
    """One line of the simulated conversation, as the phone shows it."""

    id: str
    direction: str
    body: str
    at: datetime


async def received(db: Database, *, phone: str, after_id: int = 0) -> Sequence[SimulatorMessage]:
    """What the simulated phone received after ``after_id``, oldest first."""
    async with db.sessions() as session:
        result = await session.execute(
            select(SimulatorMessage)
            .where(SimulatorMessage.phone == phone, SimulatorMessage.id > after_id)
            .order_by(SimulatorMessage.id)
        )
        return result.scalars().all()


async def conversation(db: Database, *, phone: str, limit: int = 100) -> list[Bubble]:
    """The last messages both ways for a simulated phone, oldest first."""
    async with db.sessions() as session:
        sent = await session.execute(
            select(Message)
            .join(User, User.id == Message.user_id)
            .where(User.phone == phone)
            .order_by(Message.id.desc())
            .limit(limit)
        )
        got = await session.execute(
            select(SimulatorMessage)
            .where(SimulatorMessage.phone == phone)
            .order_by(SimulatorMessage.id.desc())
            .limit(limit)
        )
        bubbles = [Bubble(f"in-{m.id}", "out", m.body, m.created_at) for m in sent.scalars()]
        bubbles += [Bubble(f"sim-{m.id}", "in", m.body, m.created_at) for m in got.scalars()]
    return sorted(bubbles, key=lambda bubble: (bubble.at, bubble.id))[-limit:]


async def simulator_lookup(db: Database, *, outbox_id: int) -> Lookup:
    """Whether the simulated handset got outbox row ``outbox_id`` (its sid is derived)."""
    sid = f"SIM{outbox_id:016d}"
    async with db.sessions() as session:
        result = await session.execute(
            select(SimulatorMessage.id).where(SimulatorMessage.provider_sid == sid)
        )
        found = result.first() is not None
    return Lookup(found=found, provider_sid=sid if found else None, status="delivered")
