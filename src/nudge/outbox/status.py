"""Provider status callbacks: move an outbox row forward, never backward.

A callback is matched on the provider id we stored for the row. The ``outbox_id`` our
StatusCallback URL carries must then name that same row; on its own it may only claim a
row that has no provider id yet (its send call timed out before Twilio's answer arrived).
A callback naming another person's message by ``outbox_id`` changes nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

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
        found = await session.execute(
            select(Outbox).where(Outbox.provider_sid == provider_sid).with_for_update()
        )
        row = found.scalar_one_or_none()
        if row is not None and outbox_id is not None and row.id != outbox_id:
            return False
        if row is None and outbox_id is not None:
            unclaimed = await session.execute(
                select(Outbox)
                .where(Outbox.id == outbox_id, Outbox.provider_sid.is_(None))
                .with_for_update()
            )
            row = unclaimed.scalar_one_or_none()
        if row is None:
            return False
        row.provider_sid = provider_sid
        if RANK[new_status] >= RANK.get(row.status, 0):
            row.status, row.status_updated_at = OutboxStatus(new_status), now
            row.lease_until = None
            if error_code:
                row.last_error = f"provider error {error_code}"
    return True
