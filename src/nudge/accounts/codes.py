"""Signing in with a texted code: the web form asks, the phone receives 6 digits.

Asking always gets the same answer, whether the number is anyone's or not, so the form
cannot be used to learn who uses Nudge. Only a person's number gets a text: a number that
never texted Nudge has no account, and none is made through the web (nor is a stranger
sent anything: the form would be a way to text anyone). An opted-out number (STOP) is sent
nothing either. The rate limits and the lockout count a stranger's number exactly as a
person's. The code goes through the outbox with its own idempotency key, as a direct reply:
quiet hours hold reminders, never an answer the person is waiting for at the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import lockout, one_time, rate_limits
from nudge.accounts.attempts import network_of
from nudge.accounts.factors import SecondFactors
from nudge.accounts.rate_limits import Limited
from nudge.accounts.sessions import Client
from nudge.accounts.sign_in import Outcome, Refused, complete_first_factor, over_guess_limit
from nudge.outbox.enqueue import enqueue
from nudge.store.account_tables import SecretPurpose
from nudge.store.tables import User
from nudge.texts.catalog import render

CODE_TTL: Final = timedelta(minutes=10)
METHOD: Final = "sms_code"
OUTBOX_KIND: Final = "sign_in"


@dataclass(frozen=True, slots=True)
class CodeRequested:
    """The request was taken (a text went out only if the number is a person's)."""

    outbox_id: int | None  # for the caller to ring the delivery loop; never shown


async def request_code(
    session: AsyncSession, *, phone: str, client: Client, now: datetime, public_url: str
) -> CodeRequested | Limited:
    """Text a fresh code to ``phone`` if it is a person's; the same answer either way."""
    network = network_of(client.ip)
    limited = await rate_limits.code_request(session, phone=phone, network=network, now=now)
    if limited is not None:
        return limited
    rate_limits.note_code_request(session, phone=phone, network=network, now=now)
    user = await _person(session, phone)
    if user is None or user.opted_out:
        return CodeRequested(None)
    code = one_time.new_code()
    row = await one_time.issue(
        session, user_id=user.id, purpose=SecretPurpose.CODE, secret=code, ttl=CODE_TTL, now=now
    )
    host = urlsplit(public_url).hostname or "localhost"
    body = render(user.locale, "sign_in_code", code=code, host=host)
    outbox_id = await enqueue(
        session, user_id=user.id, to_phone=user.phone, body=body,
        key=f"sign-in-code:{row.id}", now=now, kind=OUTBOX_KIND,
    )  # fmt: skip
    return CodeRequested(outbox_id)


async def verify_code(
    session: AsyncSession,
    *,
    phone: str,
    code: str,
    client: Client,
    now: datetime,
    factors: SecondFactors,
    keys: Sequence[bytes],
) -> Outcome:
    """Sign in with the code texted to ``phone``, or a refusal (counted and committed)."""
    network = network_of(client.ip)
    refused = await over_guess_limit(session, network=network, now=now)
    if refused is not None:
        return refused
    until = await lockout.paused_until(session, phone=phone, now=now)
    if until is not None:
        return Refused("paused", until - now)
    user = await _person(session, phone)
    row = None
    if user is not None:
        row = await one_time.newest_live(
            session, user_id=user.id, purpose=SecretPurpose.CODE, now=now
        )
    if user is None or row is None or not one_time.matches(row, code):
        if row is not None:
            one_time.miss(row)
        await lockout.fail(
            session, phone=phone, network=network, user_id=user.id if user else None,
            method=METHOD, now=now,
        )  # fmt: skip
        return Refused("invalid")
    one_time.use(row, now=now)
    return await complete_first_factor(
        session, user_id=user.id, method=METHOD, client=client, now=now,
        factors=factors, keys=keys,
    )  # fmt: skip


async def _person(session: AsyncSession, phone: str) -> User | None:
    found: User | None = await session.scalar(select(User).where(User.phone == phone))
    return found
