"""How often a sign-in code may be asked for, and wrong codes tried, per phone and network.

Per phone number: 5 codes an hour, whoever asks (so a number cannot be flooded with texts,
and at most 25 guesses an hour reach its codes, the lockout aside). Per client network: 20
codes and 30 failures an hour (one client cannot text many numbers, nor guess across many).
Counted alike for a stranger's number and a person's: the answer tells no one who uses
Nudge. Only what was allowed is counted, so a client hammering a limit adds no rows.

Two requests racing at a limit on PostgreSQL may both pass (each counts before the other's
row commits): a limit can be exceeded by the number of requests in flight at once, which
the Nginx limits bound. SQLite's write lock serialises them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import attempts
from nudge.store.account_tables import AttemptKind, SignInAttempt

WINDOW: Final = timedelta(hours=1)
CODES_PER_PHONE: Final = 5
CODES_PER_NETWORK: Final = 20
FAILURES_PER_NETWORK: Final = 30


@dataclass(frozen=True, slots=True)
class Limited:
    """Over a limit: try again after ``retry_after``."""

    retry_after: timedelta


async def _over(
    session: AsyncSession,
    *,
    kind: AttemptKind,
    where: ColumnElement[bool],
    limit: int,
    now: datetime,
) -> Limited | None:
    since = now - WINDOW
    if await attempts.count(session, kind=kind, where=where, since=since, limit=limit) < limit:
        return None
    _, oldest, _ = await attempts.oldest_of_last(session, kind=kind, where=where, last=limit)
    frees_at = (oldest or now) + WINDOW
    return Limited(max(frees_at - now, timedelta(seconds=1)))


async def code_request(
    session: AsyncSession, *, phone: str, network: str | None, now: datetime
) -> Limited | None:
    """Whether another code may be texted to ``phone`` for this client (None: yes)."""
    kind = AttemptKind.CODE_REQUESTED
    by_phone = await _over(
        session, kind=kind, where=SignInAttempt.phone == phone, limit=CODES_PER_PHONE, now=now
    )
    if by_phone is not None or network is None:
        return by_phone
    where = SignInAttempt.network == network
    return await _over(session, kind=kind, where=where, limit=CODES_PER_NETWORK, now=now)


async def guesses(session: AsyncSession, *, network: str | None, now: datetime) -> Limited | None:
    """Whether this client may try another code (None: yes)."""
    if network is None:
        return None
    where = SignInAttempt.network == network
    return await _over(
        session, kind=AttemptKind.FAILED, where=where, limit=FAILURES_PER_NETWORK, now=now
    )


def note_code_request(
    session: AsyncSession, *, phone: str, network: str | None, now: datetime
) -> None:
    """Count a code asked for (allowed), whether or not the number is anyone's."""
    attempts.note(session, kind=AttemptKind.CODE_REQUESTED, phone=phone, network=network, now=now)
