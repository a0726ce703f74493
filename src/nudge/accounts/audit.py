"""The audit log: security-relevant actions, for the person, their admins and support.

One row per action, on the person it concerns (``user_id``), with who did it when that is
someone else (``actor``: an admin's id, or "operator" for the service credential). Never a
message body, code, token or password; the detail holds ids and names of things only.
A person's rows go with their export and their erasure (``features/users/export.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.tables import AuditLog


class AuditAction(StrEnum):
    """Every action the log knows; a new kind of entry is a new member."""

    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    LOCKED_OUT = "locked_out"
    SIGN_OUT = "sign_out"
    SIGN_OUT_EVERYWHERE = "sign_out_everywhere"
    REFRESH_REUSED = "refresh_reused"  # a rotated refresh token came back: family revoked
    PASSWORD_SET = "password_set"
    MFA_ENABLED = "mfa_enabled"
    MFA_DISABLED = "mfa_disabled"
    RECOVERY_CODES_MADE = "recovery_codes_made"
    RECOVERY_CODE_USED = "recovery_code_used"
    PASSKEY_ADDED = "passkey_added"
    PASSKEY_REMOVED = "passkey_removed"
    ROLE_CHANGED = "role_changed"
    EXPORTED = "exported"
    ERASED = "erased"
    ADMIN_VIEWED = "admin_viewed"  # an admin read this person's data


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the log as the person or an admin reads it."""

    id: int
    action: str
    detail: dict[str, Any]
    created_at: datetime


async def record(
    session: AsyncSession,
    *,
    user_id: int | None,
    action: AuditAction,
    now: datetime,
    actor: int | str | None = None,
    **detail: str | int | bool | None,
) -> None:
    """Add one entry (in the caller's transaction, so it lands with what it records)."""
    body: dict[str, Any] = {key: value for key, value in detail.items() if value is not None}
    if actor is not None:
        body["actor"] = actor
    session.add(AuditLog(user_id=user_id, action=action.value, detail=body, created_at=now))


async def entries(
    session: AsyncSession, *, user_id: int, limit: int = 100, before_id: int | None = None
) -> list[AuditEntry]:
    """The person's entries, newest first, ``limit`` at a time (page with ``before_id``)."""
    query = select(AuditLog).where(AuditLog.user_id == user_id)
    if before_id is not None:
        query = query.where(AuditLog.id < before_id)
    rows = await session.scalars(query.order_by(AuditLog.id.desc()).limit(limit))
    return [AuditEntry(row.id, row.action, row.detail or {}, row.created_at) for row in rows]
