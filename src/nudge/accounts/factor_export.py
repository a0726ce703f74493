"""A person's sign-in factors in their GDPR export, and gone with their erasure.

The export says which factors exist and when they were made and used, never what would let
someone sign in: no password hash, TOTP secret, recovery code digest or key material.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.account_tables import (
    Passkey,
    PasswordCredential,
    RecoveryCode,
    TotpFactor,
    WebauthnChallenge,
)

PERSON_TABLES = (PasswordCredential, TotpFactor, RecoveryCode, Passkey, WebauthnChallenge)


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


async def export_factors(session: AsyncSession, *, user_id: int) -> dict[str, Any]:
    """The person's factors: that they exist, and their dates (no secret of any kind)."""
    password = await session.get(PasswordCredential, user_id)
    totp = await session.get(TotpFactor, user_id)
    codes = await session.scalars(
        select(RecoveryCode).where(RecoveryCode.user_id == user_id).order_by(RecoveryCode.id)
    )
    keys = await session.scalars(
        select(Passkey).where(Passkey.user_id == user_id).order_by(Passkey.id)
    )
    challenges = await session.scalars(
        select(WebauthnChallenge).where(WebauthnChallenge.user_id == user_id)
    )
    return {
        "password": None if password is None else {
            "email": password.email,
            "set_at": _when(password.set_at),
            "created_at": _when(password.created_at),
        },
        "totp": None if totp is None else {
            "confirmed_at": _when(totp.confirmed_at),
            "created_at": _when(totp.created_at),
        },
        "recovery_codes": [
            {"created_at": _when(code.created_at), "used_at": _when(code.used_at)} for code in codes
        ],
        "passkeys": [
            {"id": key.id, "name": key.name, "transports": list(key.transports),
             "created_at": _when(key.created_at), "last_used_at": _when(key.last_used_at)}
            for key in keys
        ],
        "passkey_challenges": [
            {"purpose": item.purpose, "created_at": _when(item.created_at),
             "expires_at": _when(item.expires_at)}
            for item in challenges
        ],
    }  # fmt: skip


async def erase_factors(session: AsyncSession, *, user_id: int) -> None:
    """Delete every factor row of the person."""
    for model in PERSON_TABLES:
        await session.execute(delete(model).where(model.user_id == user_id))
