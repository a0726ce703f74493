"""Signing in with a passkey through the whole app, on SQLite and PostgreSQL.

Real WebAuthn answers from a software authenticator (``tests/passkey_authenticator.py``):
a registered passkey's answer opens a session whose first factor is ``passkey``; the same
answer again, another origin's, or an unknown credential's is refused, and counted.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from nudge.clock import FakeClock
from tests.integration.account_web import PUBLIC, AccountWeb, account_web, person
from tests.passkey_authenticator import SoftAuthenticator
from tests.web_auth import bearer_for

ANA = "+15145550101"
RP_ID = "nudge.example.org"


@pytest.fixture
async def web(database_url: str, clock: FakeClock) -> AsyncIterator[AccountWeb]:
    async with account_web(database_url, clock) as served:
        yield served


async def _registered(web: AccountWeb) -> SoftAuthenticator:
    headers = await bearer_for(web.services, await person(web.services, ANA))
    device = SoftAuthenticator(PUBLIC)
    options = await web.client.post("/api/v1/me/passkeys/register/options", headers=headers)
    answer = device.create(options.json())
    added = await web.client.post(
        "/api/v1/me/passkeys/register/verify",
        json={"credential": answer, "name": "My phone"},
        headers=headers,
    )
    assert added.status_code == 201, added.text
    return device


async def _answer(web: AccountWeb, device: SoftAuthenticator) -> dict[str, Any]:
    options = (await web.client.post("/api/v1/auth/passkey/options")).json()
    return device.get(options, rp_id=RP_ID)


async def _verify(web: AccountWeb, answer: dict[str, Any]) -> httpx.Response:
    return await web.client.post("/api/v1/auth/passkey/verify", json={"credential": answer})


async def test_a_passkeys_answer_opens_a_session(web: AccountWeb) -> None:
    device = await _registered(web)
    signed = await _verify(web, await _answer(web, device))
    assert signed.status_code == 200, signed.text
    token = signed.json()["access_token"]
    listed = await web.client.get(
        "/api/v1/auth/sessions", headers={"Authorization": f"Bearer {token}"}
    )
    assert "passkey" in [row["method"] for row in listed.json()["sessions"]]


async def test_the_same_answer_twice_or_another_sites_is_refused(web: AccountWeb) -> None:
    device = await _registered(web)
    answer = await _answer(web, device)
    assert (await _verify(web, answer)).status_code == 200
    again = await _verify(web, answer)  # its challenge was used up
    assert again.status_code == 401
    elsewhere = SoftAuthenticator("https://evil.example.com")
    elsewhere.key, elsewhere.credential_id = device.key, device.credential_id  # same passkey
    elsewhere.user_handle, elsewhere.sign_count = device.user_handle, device.sign_count
    assert (await _verify(web, await _answer(web, elsewhere))).status_code == 401
    assert (await _verify(web, {"id": "nope"})).status_code == 401
