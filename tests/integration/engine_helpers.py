"""Helpers for the reminder-engine tests: users and reminders straight through the services."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from nudge.bootstrap import Services
from nudge.commands import Command
from nudge.conversation import state as dialogue
from nudge.features import executor
from nudge.features.context import Context
from nudge.features.reminders import service as reminders
from nudge.outbox.enqueue import enqueue
from nudge.store.tables import Occurrence, Outbox, User

PHONE = "+15145550001"


async def make_user(services: Services, phone: str = PHONE, **fields: Any) -> int:
    """A user in Toronto with default quiet hours (22:00-08:00) unless ``fields`` say otherwise."""
    async with services.db.transaction() as session:
        values: dict[str, Any] = {
            "phone": phone,
            "timezone": "America/Toronto",
            "locale": "en",
            "created_at": services.clock.now(),
            **fields,
        }
        user = User(**values)
        session.add(user)
        await session.flush()
        return user.id


async def add_reminder(
    services: Services,
    user_id: int,
    text: str,
    at: datetime,
    *,
    rrule: str | None = None,
    always: bool = False,
    ack_required: bool | None = None,
) -> int:
    """A reminder created through the reminders service; returns its id."""
    async with services.db.transaction() as session:
        user = await session.get(User, user_id)
        assert user is not None
        reminder, _first = await reminders.create(
            session,
            user_id=user_id,
            text=text,
            at=at,
            rrule=rrule,
            timezone=user.timezone,
            always=always,
            now=services.clock.now(),
            ack_required=ack_required,
        )
        return reminder.id


async def run_command(services: Services, user_id: int, command: Command) -> str:
    """Carry out a command for the user as the conversation handler would."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        user = await session.get(User, user_id)
        assert user is not None
        state = await dialogue.load(session, user_id=user_id, now=now)
        outcome = await executor.run(Context(session, user, state, now, services.features), command)
        dialogue.apply(state, outcome, now=now)
        return outcome.reply


async def outbox(services: Services, kind: str | None = None) -> list[Outbox]:
    """Outbox rows, oldest first."""
    query = select(Outbox).order_by(Outbox.id)
    if kind is not None:
        query = query.where(Outbox.kind == kind)
    async with services.db.sessions() as session:
        return list((await session.execute(query)).scalars().all())


async def occurrences(services: Services, reminder_id: int) -> list[Occurrence]:
    """A reminder's occurrences in time order."""
    async with services.db.sessions() as session:
        result = await session.execute(
            select(Occurrence)
            .where(Occurrence.reminder_id == reminder_id)
            .order_by(Occurrence.scheduled_at)
        )
        return list(result.scalars().all())


async def queue_sms(
    services: Services, count: int = 1, *, phone: str = "+15145550001"
) -> list[int]:
    """A new person at ``phone`` with ``count`` SMS queued for them ("msg 0", "msg 1"…)."""
    now = services.clock.now()
    async with services.db.transaction() as session:
        user = User(phone=phone, timezone="America/Toronto", locale="en", created_at=now)
        session.add(user)
        await session.flush()
        return [
            await enqueue(
                session,
                user_id=user.id,
                to_phone=phone,
                body=f"msg {n}",
                key=f"k{phone}{n}",
                now=now,
            )
            for n in range(count)
        ]
