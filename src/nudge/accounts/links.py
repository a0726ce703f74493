"""Signing in with a texted link: text LOGIN (or "connexion"), tap the link that comes back.

The link is ``{NUDGE_PUBLIC_URL}/api/v1/auth/link/<token>``: 32 random bytes, kept hashed,
valid 10 minutes, once. Only the phone that texted receives it, so it is a first factor
by itself, and not paused by the lockout: it is the way back when the form is paused.

Opening the link only shows a page with a button (``peek``); the button signs in (``use``).
Messaging apps and link scanners open links to preview them, and a link spent by a preview
would leave the person with an expired one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import one_time
from nudge.accounts.factors import SecondFactors
from nudge.accounts.sessions import Client
from nudge.accounts.sign_in import Outcome, Refused, complete_first_factor
from nudge.store.account_tables import SecretPurpose, SignInSecret
from nudge.store.tables import User

LINK_TTL: Final = timedelta(minutes=10)
METHOD: Final = "sms_link"
PATH: Final = "/api/v1/auth/link/"


async def issue_link(session: AsyncSession, *, user_id: int, now: datetime, public_url: str) -> str:
    """A fresh sign-in link for the person (their earlier links stop working)."""
    token = one_time.new_token()
    await one_time.issue(
        session, user_id=user_id, purpose=SecretPurpose.LINK, secret=token, ttl=LINK_TTL, now=now
    )
    return f"{public_url.rstrip('/')}{PATH}{token}"


async def peek(session: AsyncSession, *, token: str, now: datetime) -> str | None:
    """The locale of the person a live link is for (None: expired, used or never made)."""
    query = (
        select(User.locale)
        .join(SignInSecret, SignInSecret.user_id == User.id)
        .where(
            SignInSecret.digest == one_time.digest(token),
            SignInSecret.purpose == SecretPurpose.LINK,
            SignInSecret.used_at.is_(None),
            SignInSecret.expires_at > now,
        )
    )
    locale: str | None = await session.scalar(query)
    return locale


async def use(
    session: AsyncSession,
    *,
    token: str,
    client: Client,
    now: datetime,
    factors: SecondFactors,
    keys: Sequence[bytes],
) -> Outcome:
    """Sign in with the link's token: it is spent, whatever follows."""
    row = await one_time.live_by_token(session, purpose=SecretPurpose.LINK, token=token, now=now)
    if row is None:
        return Refused("invalid")
    one_time.use(row, now=now)
    return await complete_first_factor(
        session, user_id=row.user_id, method=METHOD, client=client, now=now,
        factors=factors, keys=keys,
    )  # fmt: skip
