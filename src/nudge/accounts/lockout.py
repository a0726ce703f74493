"""The lockout: 5 failed sign-ins within 15 minutes pause signing in for 15 minutes.

Failures are wrong texted codes, wrong second factors and wrong passwords, counted
per phone number: the person's own, or the one typed into the form,
known or not, so the pause answers the same for a stranger's number (the form tells no one
who uses Nudge). The pause runs 15 minutes from the failure that filled the count; while it
lasts, nothing is checked, so no guess counts. A sign-in that succeeds starts the count over.

The way back: texting LOGIN. The link it answers with proves the phone is in the person's
hand, so it is not paused (a second factor after it still is: that is what is guessed).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import attempts, audit
from nudge.accounts.audit import AuditAction
from nudge.store.account_tables import AttemptKind, SignInAttempt

MAX_FAILURES: Final = 5
WINDOW: Final = timedelta(minutes=15)
PAUSE: Final = timedelta(minutes=15)


async def paused_until(session: AsyncSession, *, phone: str, now: datetime) -> datetime | None:
    """When signing in with this phone resumes, if it is paused now."""
    number, oldest, newest = await attempts.oldest_of_last(
        session, kind=AttemptKind.FAILED, where=SignInAttempt.phone == phone, last=MAX_FAILURES
    )
    if number < MAX_FAILURES or oldest is None or newest is None:
        return None
    if newest - oldest >= WINDOW:  # the last five were not one burst
        return None
    until = newest + PAUSE
    return until if now < until else None


async def fail(
    session: AsyncSession,
    *,
    phone: str,
    network: str | None,
    user_id: int | None,
    method: str,
    now: datetime,
) -> None:
    """Count a failed sign-in; audit it (and the pause it starts) on the person, if any."""
    attempts.note(session, kind=AttemptKind.FAILED, phone=phone, network=network, now=now)
    await session.flush()
    if user_id is None:
        return  # a stranger's number: counted, but there is no one's log to write in
    await audit.record(
        session, user_id=user_id, action=AuditAction.SIGN_IN_FAILED, now=now, method=method
    )
    if await paused_until(session, phone=phone, now=now) is not None:
        await audit.record(
            session, user_id=user_id, action=AuditAction.LOCKED_OUT, now=now, method=method
        )


async def succeed(session: AsyncSession, *, phone: str) -> None:
    """A sign-in went through: the failures before it no longer count."""
    await attempts.forget(session, kind=AttemptKind.FAILED, phone=phone)
