"""Provider status callbacks: move an outbox row forward, never backward."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select

from nudge.store.db import Database
from nudge.store.states import OutboxStatus
from nudge.store.tables import Outbox

# Twilio's MessageStatus values, ranked so that a late "sent" never undoes "delivered".
RANK = {
    "pending": 0,
    "sending": 1,
    "unknown": 1,
    "queued": 2,
    "accepted": 2,
    "scheduled": 2,
    "sent": 3,
    "failed": 4,
    "undelivered": 4,
    "delivered": 5,
    "read": 5,
}
OURS = {"queued": "sent", "accepted": "sent", "scheduled": "sent", "undelivered": "failed"}


async def apply_status(
    db: Database,
    *,
    provider_sid: str,
    status: str,
    outbox_id: int | None,
    error_code: str | None,
    now: datetime,
) -> bool:
    """Record a provider status for a message; return False when no row matches."""
    new_status = OURS.get(status, status)
    if new_status not in RANK:
        return False
    async with db.transaction() as session:
        conditions = [Outbox.provider_sid == provider_sid]
        if outbox_id is not None:
            conditions.append(Outbox.id == outbox_id)
        result = await session.execute(
            select(Outbox).where(or_(*conditions)).with_for_update().limit(1)
        )
        row = result.scalar_one_or_none()
        if row is None:
            return False
        row.provider_sid = row.provider_sid or provider_sid
        if RANK[new_status] >= RANK.get(row.status, 0):
            row.status, row.status_updated_at = OutboxStatus(new_status), now
            row.lease_until = None
            if error_code:
                row.last_error = f"provider error {error_code}"
    return True
