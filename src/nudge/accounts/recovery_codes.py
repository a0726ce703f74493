"""Recovery codes: ten single-use codes that stand in for a lost authenticator app.

Shown once when made, kept only as salted SHA-256 digests (they are random, 49 bits each,
so a slow hash adds nothing). A code used is marked in the same statement that checks it is
unused, so two requests racing with one code let one through. Making new codes replaces
every old one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime
from typing import Final

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import audit
from nudge.accounts.audit import AuditAction
from nudge.store.account_tables import RecoveryCode

COUNT: Final = 10
LENGTH: Final = 10
ALPHABET: Final = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L or U to misread
_TYPED: Final = str.maketrans("", "", "- ")


def _new_code() -> str:
    code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{code[:5]}-{code[5:]}"


def canonical(code: str) -> str:
    """A code as typed (any case, with or without its dash or spaces) in its stored form."""
    return code.translate(_TYPED).upper()


def looks_like_one(code: str) -> bool:
    """Whether ``code`` has the shape of a recovery code (not a 6-digit TOTP code)."""
    typed = canonical(code)
    return len(typed) == LENGTH and all(character in ALPHABET for character in typed)


def _digest(salt: str, code: str) -> str:
    return hashlib.sha256(bytes.fromhex(salt) + canonical(code).encode()).hexdigest()


async def make(session: AsyncSession, *, user_id: int, now: datetime) -> list[str]:
    """Ten new codes for the person (every old one stops working), to show them once."""
    await forget(session, user_id=user_id)
    codes = [_new_code() for _ in range(COUNT)]
    for code in codes:
        salt = secrets.token_hex(16)
        session.add(RecoveryCode(user_id=user_id, salt=salt, digest=_digest(salt, code),
                                 created_at=now))  # fmt: skip
    await audit.record(session, user_id=user_id, action=AuditAction.RECOVERY_CODES_MADE, now=now)
    return codes


async def use(session: AsyncSession, *, user_id: int, code: str, now: datetime) -> bool:
    """Spend one of the person's unused codes; False when ``code`` is none of them."""
    if not looks_like_one(code):
        return False
    rows = await session.execute(
        select(RecoveryCode.id, RecoveryCode.salt, RecoveryCode.digest).where(
            RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None)
        )
    )
    matched = [row.id for row in rows if hmac.compare_digest(row.digest, _digest(row.salt, code))]
    if not matched or not await _mark_used(session, matched[0], now):
        return False
    left = await remaining(session, user_id=user_id)
    await audit.record(
        session, user_id=user_id, action=AuditAction.RECOVERY_CODE_USED, now=now, left=left
    )
    return True


async def _mark_used(session: AsyncSession, code_id: int, now: datetime) -> bool:
    result = await session.execute(
        update(RecoveryCode)
        .where(RecoveryCode.id == code_id, RecoveryCode.used_at.is_(None))
        .values(used_at=now)
    )
    return isinstance(result, CursorResult) and result.rowcount == 1


async def remaining(session: AsyncSession, *, user_id: int) -> int:
    """How many of the person's codes are still unused."""
    left = await session.scalar(
        select(func.count())
        .select_from(RecoveryCode)
        .where(RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None))
    )
    return int(left or 0)


async def forget(session: AsyncSession, *, user_id: int) -> None:
    """Delete every code of the person (new codes, or the second factor turned off)."""
    await session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user_id))
