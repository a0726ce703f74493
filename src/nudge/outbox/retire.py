"""Texts that carried a secret, once it has expired: their body is removed from the outbox.

A sign-in text holds a code or a link that works for 10 minutes. The outbox keeps every text
it sent, and backups keep the outbox, so after that time the body is replaced by a marker;
one still unsent by then is cancelled too (a code arriving after it expired only confuses).
The scan is bounded to the rows due in the last two days (``ix_outbox_status_due``): the
caller runs every few minutes, so older ones were retired already.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.states import OUTBOX, OutboxStatus
from nudge.store.tables import Outbox

REMOVED: Final = "[sign-in text: removed once it expired]"
LOOKBACK: Final = timedelta(days=2)
_DONE: Final = (
    OutboxStatus.SENT, OutboxStatus.DELIVERED, OutboxStatus.READ, OutboxStatus.FAILED,
    OutboxStatus.CANCELLED,
)  # fmt: skip


async def retire_expired(
    session: AsyncSession, *, kind: str, expired_before: datetime, now: datetime
) -> None:
    """Remove the bodies of ``kind`` texts written before ``expired_before``; cancel unsent ones."""
    recent = (
        Outbox.kind == kind,
        Outbox.due_at > now - LOOKBACK,
        Outbox.created_at < expired_before,
        Outbox.body != REMOVED,
    )
    pending = OutboxStatus.PENDING
    await session.execute(
        update(Outbox)
        .where(Outbox.status == pending, *recent)
        .values(
            status=OUTBOX.move(pending, OutboxStatus.CANCELLED),
            body=REMOVED,
            last_error="expired before it was sent",
        )
    )
    await session.execute(
        update(Outbox).where(Outbox.status.in_(_DONE), *recent).values(body=REMOVED)
    )
