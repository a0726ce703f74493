"""Signing in with a passkey: a first factor, finished by ``sign_in``.

The browser's answer to ``/api/v1/auth/passkey/options`` names its credential; the
``webauthn`` package checks it (``passkeys.authenticate_passkey``) and, when it passes, the
person's lockout is asked and ``complete_first_factor`` decides about the second factor. A
refused answer counts against the client's network, as an unknown email does: it names no
one whose sign-in could be paused.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Final

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import attempts, lockout, passkeys
from nudge.accounts.attempts import network_of
from nudge.accounts.factors import SecondFactors
from nudge.accounts.passkeys import RelyingParty
from nudge.accounts.sessions import Client
from nudge.accounts.sign_in import Outcome, Refused, complete_first_factor, over_guess_limit
from nudge.store.account_tables import AttemptKind
from nudge.store.tables import User

METHOD: Final = "passkey"


async def sign_in_with_passkey(
    session: AsyncSession,
    *,
    response: dict[str, Any],
    party: RelyingParty,
    client: Client,
    now: datetime,
    factors: SecondFactors,
    keys: Sequence[bytes],
) -> Outcome:
    """A session (or a second factor owed) for a passkey's valid answer, else a refusal."""
    network = network_of(client.ip)
    refused = await over_guess_limit(session, network=network, now=now)
    if refused is not None:
        return refused
    user_id = await passkeys.authenticate_passkey(session, response=response, party=party, now=now)
    user = None if user_id is None else await session.get(User, user_id)
    if user is None:
        attempts.note(session, kind=AttemptKind.FAILED, phone=None, network=network, now=now)
        return Refused("invalid")
    until = await lockout.paused_until(session, phone=user.phone, now=now)
    if until is not None:
        return Refused("paused", until - now)
    return await complete_first_factor(
        session, user_id=user.id, method=METHOD, client=client, now=now,
        factors=factors, keys=keys,
    )  # fmt: skip
