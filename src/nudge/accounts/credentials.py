"""A person's optional email and password: set or changed, and checked at sign-in.

Setting or changing the password needs the current one, or a sign-in moments ago (the web
side says which; a first password has no current one, so it needs the fresh sign-in). The
email is stored normalised and unique: sign-in finds at most one person by it, and a miss
costs the same time as a wrong password, so timing does not tell which emails are known.
"""

from __future__ import annotations

import asyncio
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import audit, passwords
from nudge.accounts.audit import AuditAction
from nudge.accounts.passwords import Weakness
from nudge.store.account_tables import AuthSession, PasswordCredential
from nudge.store.tables import User

MAX_EMAIL: Final = 254
FRESH_SIGN_IN: Final = timedelta(minutes=10)


class CredentialError(Exception):
    """Why a password was not set; ``code`` names its text in the catalogs' ``[account]``."""

    def __init__(self, code: str, weaknesses: tuple[Weakness, ...] = ()) -> None:
        super().__init__(code)
        self.code = code
        self.weaknesses = weaknesses


@dataclass(frozen=True, slots=True)
class PasswordStatus:
    """Whether the person has a password, for which email, since when."""

    email: str
    set_at: datetime


def normalise_email(raw: str) -> str:
    """The stored form of an email: NFKC, trimmed, lower case; a bad shape is refused."""
    email = unicodedata.normalize("NFKC", raw).strip().casefold()
    local, at, domain = email.rpartition("@")
    shaped = bool(at and local and "." in domain.strip(".") and len(email) <= MAX_EMAIL)
    if not shaped or any(character.isspace() for character in email):
        raise CredentialError("email_invalid")
    return email


async def status(session: AsyncSession, *, user_id: int) -> PasswordStatus | None:
    """The person's email and when their password was set, if they have one."""
    row = await session.get(PasswordCredential, user_id)
    return None if row is None else PasswordStatus(row.email, row.set_at)


async def set_password(
    session: AsyncSession,
    *,
    user_id: int,
    email: str,
    password: str,
    current_password: str | None,
    fresh_sign_in: bool,
    now: datetime,
) -> None:
    """Set (or change) the person's email and password, if they proved it is them."""
    normalised = normalise_email(email)
    row = await session.get(PasswordCredential, user_id)
    await _check_proof(row, current_password, fresh_sign_in=fresh_sign_in)
    phone = await session.scalar(select(User.phone).where(User.id == user_id))
    weaknesses = passwords.check_policy(password, phone=phone, email=normalised)
    if weaknesses:
        raise CredentialError("password_weak", weaknesses)
    hashed = await asyncio.to_thread(passwords.hash_password, password)
    await _store(session, row, user_id, normalised, hashed, now)
    await audit.record(
        session, user_id=user_id, action=AuditAction.PASSWORD_SET, now=now, first=row is None
    )


async def _check_proof(
    row: PasswordCredential | None, current_password: str | None, *, fresh_sign_in: bool
) -> None:
    if fresh_sign_in:
        return
    if row is None:
        raise CredentialError("fresh_sign_in_needed")
    if current_password is None:
        raise CredentialError("current_password_wrong")
    valid, _ = await _verify(current_password, row.password_hash)
    if not valid:
        raise CredentialError("current_password_wrong")


async def _verify(password: str, password_hash: str) -> tuple[bool, str | None]:
    """argon2 in a worker thread: a verify is ~0.1 s of CPU the event loop should not wait on."""
    return await asyncio.to_thread(passwords.verify_password, password, password_hash)


async def _store(
    session: AsyncSession,
    row: PasswordCredential | None,
    user_id: int,
    email: str,
    password_hash: str,
    now: datetime,
) -> None:
    taken = await session.scalar(
        select(PasswordCredential.user_id).where(
            PasswordCredential.email == email, PasswordCredential.user_id != user_id
        )
    )
    if taken is not None:
        raise CredentialError("email_taken")
    if row is None:
        row = PasswordCredential(user_id=user_id, created_at=now)
        session.add(row)
    row.email, row.password_hash, row.set_at = email, password_hash, now
    try:
        async with session.begin_nested():  # another person took the email meanwhile
            await session.flush()
    except IntegrityError as error:
        raise CredentialError("email_taken") from error


async def find_by_email(session: AsyncSession, *, email: str) -> int | None:
    """The person whose password is set for ``email`` (any case or spacing), if any."""
    try:
        normalised = normalise_email(email)
    except CredentialError:
        return None
    return await session.scalar(
        select(PasswordCredential.user_id).where(PasswordCredential.email == normalised)
    )


async def check_password(session: AsyncSession, *, email: str, password: str) -> int | None:
    """The person ``email`` and ``password`` name, or None (sign-in counts the failures).

    A hash made with older parameters is replaced by one made with today's, in this
    transaction. An unknown email spends a verify's time all the same.
    """
    user_id = await find_by_email(session, email=email)
    row = None if user_id is None else await session.get(PasswordCredential, user_id)
    if row is None:
        await asyncio.to_thread(passwords.spend_verify_time, password)
        return None
    valid, rehashed = await _verify(password, row.password_hash)
    if valid and rehashed is not None:
        row.password_hash = rehashed
    return row.user_id if valid else None


async def signed_in_recently(session: AsyncSession, *, session_id: str, now: datetime) -> bool:
    """Whether the session was opened by a sign-in in the last 10 minutes (not a refresh)."""
    opened = await session.scalar(
        select(AuthSession.created_at).where(
            AuthSession.id == session_id, AuthSession.revoked_at.is_(None)
        )
    )
    return opened is not None and now - opened <= FRESH_SIGN_IN
