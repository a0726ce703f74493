"""GDPR: a person's sign-in factors are in their export (no secret) and go with erasure."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pyotp
import pytest
from sqlalchemy import func, select

from nudge.accounts import credentials
from nudge.accounts.factor_export import PERSON_TABLES
from nudge.accounts.passkeys import RelyingParty, registration_options
from nudge.accounts.totp import TotpFactors
from nudge.clock import FakeClock
from nudge.features.users.export import erase_user, export_user
from nudge.store.account_tables import PasswordCredential, RecoveryCode, TotpFactor
from tests.integration.account_web import PUBLIC, AccountWeb, account_web, person
from tests.passkey_authenticator import SoftAuthenticator
from tests.web_auth import bearer_for

ANA, BEN = "+15145550101", "+15145550102"


@pytest.fixture
async def web(database_url: str, clock: FakeClock) -> AsyncIterator[AccountWeb]:
    async with account_web(database_url, clock) as served:
        yield served


async def _every_factor(web: AccountWeb, user_id: int, email: str) -> str:
    """Password, TOTP with recovery codes, a passkey, a pending challenge; the TOTP secret."""
    services, now = web.services, web.services.clock.now()
    factors = TotpFactors(services.secret_keys)
    async with services.db.transaction() as session:
        await credentials.set_password(
            session,
            user_id=user_id,
            email=email,
            password="a few words that are mine",
            current_password=None,
            fresh_sign_in=True,
            now=now,
        )
        secret = (await factors.start(session, user_id=user_id, now=now)).secret
    async with services.db.transaction() as session:
        code = pyotp.TOTP(secret).at(now)
        assert await factors.confirm(session, user_id=user_id, code=code, now=now)
    headers = await bearer_for(services, user_id)
    keys = "/api/v1/me/passkeys"
    options = (await web.client.post(f"{keys}/register/options", headers=headers)).json()
    answer = {"credential": SoftAuthenticator(PUBLIC).create(options), "name": "Laptop"}
    assert (
        await web.client.post(f"{keys}/register/verify", json=answer, headers=headers)
    ).is_success
    async with services.db.transaction() as session:
        await registration_options(
            session, user_id=user_id, party=RelyingParty.from_public_url(PUBLIC), now=now
        )
    return secret


async def test_the_export_says_which_factors_exist_and_never_a_secret(web: AccountWeb) -> None:
    ana = await person(web.services, ANA)
    secret = await _every_factor(web, ana, "ana@example.org")
    async with web.services.db.transaction() as session:
        exported = await export_user(session, phone=ANA)
        hidden = [
            await session.scalar(select(PasswordCredential.password_hash)),
            await session.scalar(select(TotpFactor.secret)),
            *(await session.scalars(select(RecoveryCode.digest))),
            *(await session.scalars(select(RecoveryCode.salt))),
        ]
    assert exported is not None
    factors = exported["sign_in_factors"]
    assert factors["password"]["email"] == "ana@example.org"
    assert factors["totp"]["confirmed_at"] is not None
    assert len(factors["recovery_codes"]) == 10
    assert [(key["name"], key["transports"]) for key in factors["passkeys"]] == [
        ("Laptop", ["internal", "hybrid"])
    ]
    assert [item["purpose"] for item in factors["passkey_challenges"]] == ["register"]
    text = json.dumps(exported)
    assert secret not in text
    assert not [value for value in hidden if value and value in text]
    assert "public_key" not in text
    assert "credential_id" not in text


async def test_erasure_takes_every_factor_and_only_the_persons(web: AccountWeb) -> None:
    ana, ben = await person(web.services, ANA), await person(web.services, BEN)
    await _every_factor(web, ana, "ana@example.org")
    await _every_factor(web, ben, "ben@example.org")
    async with web.services.db.transaction() as session:
        assert await erase_user(session, phone=ANA)
    async with web.services.db.transaction() as session:
        for model in PERSON_TABLES:
            left = select(model.user_id, func.count()).group_by(model.user_id)
            counts = {row[0]: row[1] for row in await session.execute(left)}
            assert counts == ({ben: 10} if model is RecoveryCode else {ben: 1}), model.__tablename__
