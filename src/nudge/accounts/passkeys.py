"""Passkeys (WebAuthn): registering one to a person, and signing in with one.

Both ceremonies run server side with the ``webauthn`` package, unchanged: options (with a
single-use challenge, ``webauthn_challenges.py``) go to the browser, and its answer is
verified against the relying party that ``NUDGE_PUBLIC_URL`` names (its host is the RP id,
its scheme, host and port the one origin). A stored passkey keeps its public key and the
authenticator's signature count; an answer whose count did not move past it (a cloned
authenticator, or a replay) is refused. A passkey is a first factor: sign-in still asks for
the second factor of a person who has one.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final
from urllib.parse import urlsplit

from sqlalchemy import delete, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import (
    options_to_json_dict,
    parse_authentication_credential_json,
    parse_client_data_json,
    parse_registration_credential_json,
)
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from nudge.accounts import audit
from nudge.accounts.audit import AuditAction
from nudge.accounts.webauthn_challenges import LIFETIME, Ceremony, consume, issue
from nudge.observability.logging import get_logger
from nudge.store.account_tables import Passkey
from nudge.store.tables import User

NAME_LENGTH: Final = 64
_TIMEOUT_MS: Final = int(LIFETIME.total_seconds() * 1000)
_MALFORMED: Final = (WebAuthnException, ValueError, TypeError, KeyError, AttributeError)
log = get_logger("accounts.passkeys")


@dataclass(frozen=True, slots=True)
class RelyingParty:
    """Who the passkeys are for: the RP id (a host name) and the one origin answers come from."""

    id: str
    origin: str
    name: str = "Nudge"

    @classmethod
    def from_public_url(cls, url: str) -> RelyingParty:
        """The relying party of ``NUDGE_PUBLIC_URL`` (browsers refuse an IP address as RP id)."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        default = {"https": 443, "http": 80}.get(parts.scheme)
        port = "" if parts.port in (None, default) else f":{parts.port}"
        return cls(host, f"{parts.scheme}://{host}{port}")


@dataclass(frozen=True, slots=True)
class PasskeyInfo:
    """A passkey as its owner's settings page lists it (no key material)."""

    id: int
    name: str
    transports: list[str]
    created_at: datetime
    last_used_at: datetime | None


def _info(row: Passkey) -> PasskeyInfo:
    return PasskeyInfo(row.id, row.name, list(row.transports), row.created_at, row.last_used_at)


async def list_passkeys(session: AsyncSession, *, user_id: int) -> list[PasskeyInfo]:
    """The person's passkeys, oldest first."""
    rows = await session.scalars(
        select(Passkey).where(Passkey.user_id == user_id).order_by(Passkey.id)
    )
    return [_info(row) for row in rows]


async def registration_options(
    session: AsyncSession, *, user_id: int, party: RelyingParty, now: datetime
) -> dict[str, Any]:
    """``navigator.credentials.create()`` options for a new passkey of the person."""
    owned = list(await session.scalars(select(Passkey).where(Passkey.user_id == user_id)))
    handle = owned[0].user_handle if owned else secrets.token_bytes(32)
    challenge = await issue(
        session, ceremony=Ceremony.REGISTER, now=now, user_id=user_id, user_handle=handle
    )
    phone = await session.scalar(select(User.phone).where(User.id == user_id))
    options = generate_registration_options(
        rp_id=party.id,
        rp_name=party.name,
        user_name=phone or "Nudge",
        user_id=handle,
        challenge=challenge,
        timeout=_TIMEOUT_MS,
        exclude_credentials=[PublicKeyCredentialDescriptor(id=row.credential_id) for row in owned],
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    return options_to_json_dict(options)


async def register(
    session: AsyncSession,
    *,
    user_id: int,
    credential: dict[str, Any],
    name: str,
    party: RelyingParty,
    now: datetime,
) -> PasskeyInfo | None:
    """Store the passkey the browser made from the person's options; None when refused.

    A refusal still spends the challenge: commit the session either way.
    """
    try:
        parsed = parse_registration_credential_json(credential)
        challenge = parse_client_data_json(parsed.response.client_data_json).challenge
    except _MALFORMED:
        return None
    issued = await consume(session, challenge=challenge, ceremony=Ceremony.REGISTER, now=now)
    if issued is None or issued.user_id != user_id or issued.user_handle is None:
        return None
    try:
        verified = verify_registration_response(
            credential=parsed,
            expected_challenge=challenge,
            expected_rp_id=party.id,
            expected_origin=party.origin,
        )
    except _MALFORMED as error:
        log.info("passkey_registration_refused", reason=type(error).__name__)
        return None
    known = await session.scalar(
        select(Passkey.id).where(Passkey.credential_id == verified.credential_id)
    )
    if known is not None:
        return None
    row = Passkey(
        user_id=user_id,
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        transports=[transport.value for transport in parsed.response.transports or []],
        user_handle=issued.user_handle,
        name=(name.strip() or "Passkey")[:NAME_LENGTH],
        created_at=now,
    )
    session.add(row)
    await session.flush()
    await audit.record(
        session, user_id=user_id, action=AuditAction.PASSKEY_ADDED, now=now, passkey=row.id
    )
    return _info(row)


async def authentication_options(
    session: AsyncSession, *, party: RelyingParty, now: datetime
) -> dict[str, Any]:
    """``navigator.credentials.get()`` options for signing in with any passkey of this site."""
    challenge = await issue(session, ceremony=Ceremony.AUTHENTICATE, now=now)
    options = generate_authentication_options(
        rp_id=party.id,
        challenge=challenge,
        timeout=_TIMEOUT_MS,
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    return options_to_json_dict(options)


async def authenticate_passkey(
    session: AsyncSession, *, response: dict[str, Any], party: RelyingParty, now: datetime
) -> int | None:
    """The person whose passkey signed this sign-in challenge, or None (commit either way)."""
    try:
        parsed = parse_authentication_credential_json(response)
        challenge = parse_client_data_json(parsed.response.client_data_json).challenge
    except _MALFORMED:
        return None
    issued = await consume(session, challenge=challenge, ceremony=Ceremony.AUTHENTICATE, now=now)
    row = await session.scalar(select(Passkey).where(Passkey.credential_id == parsed.raw_id))
    if issued is None or row is None:
        return None
    handle = parsed.response.user_handle
    if handle is not None and handle != row.user_handle:
        return None
    try:
        verified = verify_authentication_response(
            credential=parsed,
            expected_challenge=challenge,
            expected_rp_id=party.id,
            expected_origin=party.origin,
            credential_public_key=row.public_key,
            credential_current_sign_count=row.sign_count,
        )
    except _MALFORMED as error:
        log.info("passkey_sign_in_refused", passkey=row.id, reason=type(error).__name__)
        return None
    counted = await _count_use(session, row, verified.new_sign_count, now)
    return row.user_id if counted else None


async def _count_use(session: AsyncSession, row: Passkey, count: int, now: datetime) -> bool:
    """Record the new count, unless another sign-in moved it meanwhile."""
    result = await session.execute(
        update(Passkey)
        .where(Passkey.id == row.id, Passkey.sign_count == row.sign_count)
        .values(sign_count=count, last_used_at=now)
    )
    return isinstance(result, CursorResult) and result.rowcount == 1


async def remove(session: AsyncSession, *, user_id: int, passkey_id: int, now: datetime) -> bool:
    """Delete one of the person's passkeys (False: no such passkey of theirs)."""
    result = await session.execute(
        delete(Passkey).where(Passkey.id == passkey_id, Passkey.user_id == user_id)
    )
    if not (isinstance(result, CursorResult) and result.rowcount == 1):
        return False
    await audit.record(
        session, user_id=user_id, action=AuditAction.PASSKEY_REMOVED, now=now, passkey=passkey_id
    )
    return True
