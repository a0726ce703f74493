"""Signing in with an email and password: a first factor, finished by ``sign_in``.

The recipe of every first factor (docs/accounts.md): the client network's guess limit, the
person's lockout, the secret checked, a miss counted (and committed with the refusal), a
match handed to ``complete_first_factor``, which asks for the second factor when one is
enrolled. An unknown email is counted against the client's network only: it has no phone
to pause, and it answers exactly as a wrong password does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import attempts, credentials, lockout
from nudge.accounts.attempts import network_of
from nudge.accounts.factors import SecondFactors
from nudge.accounts.sessions import Client
from nudge.accounts.sign_in import Outcome, Refused, complete_first_factor, over_guess_limit
from nudge.store.account_tables import AttemptKind
from nudge.store.tables import User

METHOD: Final = "password"


async def sign_in_with_password(
    session: AsyncSession,
    *,
    email: str,
    password: str,
    client: Client,
    now: datetime,
    factors: SecondFactors,
    keys: Sequence[bytes],
) -> Outcome:
    """A session (or a second factor owed) for a right email and password, else a refusal."""
    network = network_of(client.ip)
    refused = await over_guess_limit(session, network=network, now=now)
    if refused is not None:
        return refused
    owner = await credentials.find_by_email(session, email=email)
    user = None if owner is None else await session.get(User, owner)
    if user is not None:
        until = await lockout.paused_until(session, phone=user.phone, now=now)
        if until is not None:
            return Refused("paused", until - now)
    user_id = await credentials.check_password(session, email=email, password=password)
    if user is None or user_id != user.id:
        if user is None:
            attempts.note(session, kind=AttemptKind.FAILED, phone=None, network=network, now=now)
        else:
            await lockout.fail(
                session, phone=user.phone, network=network, user_id=user.id, method=METHOD,
                now=now,
            )  # fmt: skip
        return Refused("invalid")
    return await complete_first_factor(
        session, user_id=user.id, method=METHOD, client=client, now=now,
        factors=factors, keys=keys,
    )  # fmt: skip
