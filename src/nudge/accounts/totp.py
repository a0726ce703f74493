"""TOTP second factor: enrolment (start, confirm, turn off) and the check sign-in asks.

Start makes a secret (sealed at rest, bound to the person's row) and shows it as an
``otpauth://`` URI and an inline SVG QR code; nothing is asked of the person until a first
valid code confirms it, which also makes their ten recovery codes. A code is accepted one
step either side of now (``valid_window=1``) and only for a step later than the last one
accepted, so a code seen once cannot be used again, nor an older one. Five wrong codes in
a row block every code for 15 minutes. ``TotpFactors`` is the ``SecondFactors`` that
sign-in asks (accounts/factors.py).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

import pyotp
import segno
from sqlalchemy import delete, or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import audit, recovery_codes
from nudge.accounts.audit import AuditAction
from nudge.crypto.keyring import Keyring, aad_for
from nudge.crypto.secret_keys import SecretKeys
from nudge.store.account_tables import TotpFactor
from nudge.store.roles import Role
from nudge.store.tables import User

ISSUER: Final = "Nudge"
STEP_SECONDS: Final = 30
VALID_WINDOW: Final = 1
MAX_FAILURES: Final = 5
BLOCKED_FOR: Final = timedelta(minutes=15)


class FactorError(Exception):
    """A step asked out of turn; ``code`` names its text in the catalogs' ``[account]``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class TotpEnrolment:
    """What the person scans or types into their app (shown once, at start)."""

    secret: str
    uri: str
    qr_svg: str


@dataclass(frozen=True, slots=True)
class MfaStatus:
    """The person's second factor as their settings page shows it."""

    enrolled: bool
    pending: bool
    confirmed_at: datetime | None
    recovery_codes_left: int


def _aad(user_id: int) -> bytes:
    return aad_for(TotpFactor.__tablename__, "secret", user_id)


async def has_second_factor(session: AsyncSession, *, user_id: int) -> bool:
    """Whether the person has a confirmed TOTP (every admin session needs one)."""
    confirmed = await session.scalar(
        select(TotpFactor.confirmed_at).where(TotpFactor.user_id == user_id)
    )
    return confirmed is not None


async def status(session: AsyncSession, *, user_id: int) -> MfaStatus:
    """Enrolled, pending or neither, and how many recovery codes are left."""
    row = await session.get(TotpFactor, user_id)
    confirmed = None if row is None else row.confirmed_at
    left = await recovery_codes.remaining(session, user_id=user_id) if confirmed else 0
    return MfaStatus(confirmed is not None, row is not None and not confirmed, confirmed, left)


def matching_step(secret: str, code: str, *, now: datetime, after: int | None) -> int | None:
    """The step within the window whose code is ``code`` and is later than ``after``."""
    typed = code.replace(" ", "")
    if len(typed) != 6 or not (typed.isascii() and typed.isdigit()):
        return None
    totp, current = pyotp.TOTP(secret), int(now.timestamp()) // STEP_SECONDS
    found = None
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), typed) and (after is None or step > after):
            found = step
    return found


class TotpFactors:
    """The person's TOTP and recovery codes, with the secrets opened by ``keys``."""

    def __init__(self, keys: SecretKeys) -> None:
        self._keys = keys

    async def enrolled(self, session: AsyncSession, *, user_id: int) -> bool:
        """Whether the person has a confirmed TOTP."""
        return await has_second_factor(session, user_id=user_id)

    async def verify(
        self, session: AsyncSession, *, user_id: int, code: str, now: datetime
    ) -> bool:
        """Whether ``code`` (a TOTP code, or an unused recovery code) passes, used up if so."""
        row = await session.get(TotpFactor, user_id)
        if row is None or row.confirmed_at is None or _blocked(row, now):
            return False
        if recovery_codes.looks_like_one(code):
            passed = await recovery_codes.use(session, user_id=user_id, code=code, now=now)
        else:
            keyring = await self._keys.keyring(session, now=now)
            passed = await _accept_totp(session, row, code, keyring, now)
        await _note_attempt(session, row, passed=passed, now=now)
        return passed

    async def start(self, session: AsyncSession, *, user_id: int, now: datetime) -> TotpEnrolment:
        """A new secret for the person, pending until ``confirm`` (a pending one is replaced)."""
        row = await session.get(TotpFactor, user_id)
        if row is not None and row.confirmed_at is not None:
            raise FactorError("mfa_already_on")
        secret = pyotp.random_base32()
        keyring = await self._keys.keyring(session, now=now)
        sealed = keyring.seal(secret.encode(), aad=_aad(user_id))
        if row is None:
            row = TotpFactor(user_id=user_id)
            session.add(row)
        row.secret, row.last_step, row.failures, row.blocked_until = sealed, None, 0, None
        row.created_at = now
        phone = await session.scalar(select(User.phone).where(User.id == user_id))
        uri = pyotp.TOTP(secret).provisioning_uri(name=phone or "Nudge", issuer_name=ISSUER)
        return TotpEnrolment(secret, uri, segno.make(uri, error="m").svg_inline(scale=4))

    async def confirm(
        self, session: AsyncSession, *, user_id: int, code: str, now: datetime
    ) -> list[str] | None:
        """Turn the pending TOTP on with a first valid code: the recovery codes, or None."""
        row = await session.get(TotpFactor, user_id)
        if row is None:
            raise FactorError("mfa_not_started")
        if row.confirmed_at is not None:
            raise FactorError("mfa_already_on")
        keyring = await self._keys.keyring(session, now=now)
        passed = not _blocked(row, now) and await _accept_totp(session, row, code, keyring, now)
        await _note_attempt(session, row, passed=passed, now=now)
        if not passed:
            return None
        row.confirmed_at = now
        await audit.record(session, user_id=user_id, action=AuditAction.MFA_ENABLED, now=now)
        return await recovery_codes.make(session, user_id=user_id, now=now)

    async def disable(
        self, session: AsyncSession, *, user_id: int, code: str, now: datetime
    ) -> bool:
        """Turn the TOTP off with a valid code (False: the code did not pass)."""
        await self._must_be_on(session, user_id)
        if await session.scalar(select(User.role).where(User.id == user_id)) == Role.ADMIN:
            raise FactorError("mfa_admin_keeps")
        if not await self.verify(session, user_id=user_id, code=code, now=now):
            return False
        await session.execute(delete(TotpFactor).where(TotpFactor.user_id == user_id))
        await recovery_codes.forget(session, user_id=user_id)
        await audit.record(session, user_id=user_id, action=AuditAction.MFA_DISABLED, now=now)
        return True

    async def new_recovery_codes(
        self, session: AsyncSession, *, user_id: int, code: str, now: datetime
    ) -> list[str] | None:
        """Ten new recovery codes (the old ones stop working), for a valid code; else None."""
        await self._must_be_on(session, user_id)
        if not await self.verify(session, user_id=user_id, code=code, now=now):
            return None
        return await recovery_codes.make(session, user_id=user_id, now=now)

    async def _must_be_on(self, session: AsyncSession, user_id: int) -> None:
        if not await has_second_factor(session, user_id=user_id):
            raise FactorError("mfa_not_on")


def _blocked(row: TotpFactor, now: datetime) -> bool:
    return row.blocked_until is not None and now < row.blocked_until


async def _accept_totp(
    session: AsyncSession, row: TotpFactor, code: str, keyring: Keyring, now: datetime
) -> bool:
    """Accept ``code`` for a step after the last one, and move the last step to it."""
    secret = keyring.open(row.secret, aad=_aad(row.user_id)).decode()
    step = matching_step(secret, code, now=now, after=row.last_step)
    if step is None:
        return False
    later = or_(TotpFactor.last_step.is_(None), TotpFactor.last_step < step)
    result = await session.execute(
        update(TotpFactor).where(TotpFactor.user_id == row.user_id, later).values(last_step=step)
    )
    return isinstance(result, CursorResult) and result.rowcount == 1  # else: raced, and lost


async def _note_attempt(
    session: AsyncSession, row: TotpFactor, *, passed: bool, now: datetime
) -> None:
    """Count a wrong code (the fifth blocks codes for a while); a right one clears the count."""
    if passed:
        row.failures = 0
        return
    row.failures = (row.failures or 0) + 1
    if row.failures >= MAX_FAILURES:
        row.failures, row.blocked_until = 0, now + BLOCKED_FOR
