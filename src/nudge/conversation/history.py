"""A person's conversation with Nudge, both ways, newest first: the history read model.

What they texted is the ``messages`` table; what Nudge texted them (replies, reminders,
briefings) is the ``outbox``. Both are merged in one timeline, paged by a cursor naming the
last line seen (``in:<id>`` or ``out:<id>``), so a page never repeats or skips a line when
new ones arrive. At the same instant a reply comes after the text it answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Literal

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.tables import MAX_ID, Message, Outbox

CURSOR: Final = re.compile(r"^(in|out):([0-9]{1,10})$")
_RANK: Final = {"in": 0, "out": 1}  # at one instant, "out" is the newer


@dataclass(frozen=True, slots=True)
class MessageView:
    """One line of the conversation."""

    cursor: str  # pass it as ``before`` to read what came earlier
    direction: Literal["in", "out"]
    body: str
    at: datetime
    kind: str  # "sms" for what they sent; the outbox kind (reply, reminder, ...) for ours
    status: str


class BadCursorError(ValueError):
    """A ``before`` that is not ``in:<id>`` or ``out:<id>``."""


async def history(
    session: AsyncSession, *, user_id: int, limit: int = 50, before: str | None = None
) -> list[MessageView]:
    """The person's last ``limit`` lines before ``before`` (the newest when None)."""
    mark = await _mark(session, user_id, before) if before is not None else None
    if before is not None and mark is None:
        return []  # a line that is not theirs (or gone): nothing before it to show
    inbound = await session.execute(
        select(Message.id, Message.body, Message.created_at, Message.status)
        .where(Message.user_id == user_id, *_older(Message, "in", mark))
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(limit)
    )
    outbound = await session.execute(
        select(Outbox.id, Outbox.body, Outbox.created_at, Outbox.status, Outbox.kind)
        .where(Outbox.user_id == user_id, *_older(Outbox, "out", mark))
        .order_by(Outbox.created_at.desc(), Outbox.id.desc())
        .limit(limit)
    )
    lines = [MessageView(f"in:{i}", "in", body, at, "sms", str(s)) for i, body, at, s in inbound]
    lines += [
        MessageView(f"out:{i}", "out", body, at, kind, str(s)) for i, body, at, s, kind in outbound
    ]
    lines.sort(key=_position, reverse=True)
    return lines[:limit]


def _position(line: MessageView) -> tuple[datetime, int, int]:
    direction, _, number = line.cursor.partition(":")
    return line.at, _RANK[direction], int(number)


async def _mark(
    session: AsyncSession, user_id: int, cursor: str
) -> tuple[datetime, int, int] | None:
    """Where ``cursor`` sits in the timeline: (instant, direction rank, id)."""
    matched = CURSOR.match(cursor)
    if matched is None:
        raise BadCursorError(cursor)
    direction, number = matched[1], int(matched[2])
    if number > MAX_ID:
        return None  # names no row (and would not bind on PostgreSQL)
    table: Any = Message if direction == "in" else Outbox
    at = await session.scalar(
        select(table.created_at).where(table.user_id == user_id, table.id == number)
    )
    return (at, _RANK[direction], number) if at is not None else None


def _older(
    table: Any, direction: str, mark: tuple[datetime, int, int] | None
) -> list[ColumnElement[bool]]:
    """The rows of ``table`` that come before ``mark`` in the merged, newest-first timeline."""
    if mark is None:
        return []
    at, rank, number = mark
    mine = _RANK[direction]
    if mine < rank:
        return [table.created_at <= at]
    if mine > rank:
        return [table.created_at < at]
    return [or_(table.created_at < at, and_(table.created_at == at, table.id < number))]
