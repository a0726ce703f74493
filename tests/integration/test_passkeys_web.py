"""Passkeys with real WebAuthn answers (a P-256 key made in the test), on both databases.

Registration through the app (``none`` and ``packed`` attestation), sign-in through the
options route and ``authenticate_passkey`` (which sign-in completes); a signature count that
goes back, a challenge used twice or too late, another origin, and another person's passkey
are all refused.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import func, select
from webauthn.helpers import base64url_to_bytes

from nudge.accounts import audit
from nudge.accounts.passkeys import RelyingParty, authenticate_passkey
from nudge.clock import FakeClock
from nudge.store.account_tables import Passkey, WebauthnChallenge
from tests.integration.account_web import PUBLIC, AccountWeb, account_web, person
from tests.passkey_authenticator import SoftAuthenticator
from tests.web_auth import bearer_for

ANA, BEN = "+15145550101", "+15145550102"
KEYS = "/api/v1/me/passkeys"
PARTY = RelyingParty.from_public_url(PUBLIC)


@pytest.fixture
async def web(database_url: str, clock: FakeClock) -> AsyncIterator[AccountWeb]:
    async with account_web(database_url, clock) as served:
        yield served


async def _register(
    web: AccountWeb, user_id: int, device: SoftAuthenticator, *, fmt: str = "none"
) -> dict[str, Any]:
    headers = await bearer_for(web.services, user_id)
    options = (await web.client.post(f"{KEYS}/register/options", headers=headers)).json()
    answer = device.create(options, fmt=fmt)
    response = await web.client.post(
        f"{KEYS}/register/verify", json={"credential": answer, "name": "My phone"}, headers=headers
    )
    body: dict[str, Any] = response.json()
    body["status"] = response.status_code
    return body


async def _sign_in_options(web: AccountWeb) -> dict[str, Any]:
    options: dict[str, Any] = (await web.client.post("/api/v1/auth/passkey/options")).json()
    return options


def _challenge_of(answer: dict[str, Any]) -> str:
    """The challenge an answer signed, read back from its clientDataJSON."""
    data = json.loads(base64url_to_bytes(answer["response"]["clientDataJSON"]))
    return str(data["challenge"])


async def _authenticate(web: AccountWeb, answer: dict[str, Any]) -> int | None:
    async with web.services.db.transaction() as session:
        return await authenticate_passkey(
            session, response=answer, party=PARTY, now=web.services.clock.now()
        )


def test_the_relying_party_is_the_public_urls() -> None:
    assert (PARTY.id, PARTY.origin) == ("nudge.example.org", "https://nudge.example.org")
    local = RelyingParty.from_public_url("http://localhost:8000/")
    assert (local.id, local.origin) == ("localhost", "http://localhost:8000")
    default_port = RelyingParty.from_public_url("https://Nudge.Example.org:443/app")
    assert (default_port.id, default_port.origin) == ("nudge.example.org", PUBLIC)


@pytest.mark.parametrize("fmt", ["none", "packed"])
async def test_a_passkey_registers_and_signs_in(web: AccountWeb, fmt: str) -> None:
    ana = await person(web.services, ANA)
    device = SoftAuthenticator(PUBLIC)
    added = await _register(web, ana, device, fmt=fmt)
    assert added["status"] == 201, added
    assert (added["name"], added["transports"]) == ("My phone", ["internal", "hybrid"])
    listed = (await web.client.get(KEYS, headers=await bearer_for(web.services, ana))).json()
    assert [item["id"] for item in listed] == [added["id"]]
    assert listed[0]["last_used_at"] is None
    options = await _sign_in_options(web)
    assert options["rpId"] == "nudge.example.org"
    assert await _authenticate(web, device.get(options, rp_id=PARTY.id)) == ana
    async with web.services.db.transaction() as session:
        row = await session.scalar(select(Passkey))
        actions = [entry.action for entry in await audit.entries(session, user_id=ana)]
    assert row is not None
    assert (row.sign_count, row.last_used_at) == (1, web.services.clock.now())
    assert actions == ["passkey_added"]


async def test_registration_options_exclude_the_persons_passkeys(web: AccountWeb) -> None:
    ana = await person(web.services, ANA)
    first = SoftAuthenticator(PUBLIC)
    await _register(web, ana, first)
    headers = await bearer_for(web.services, ana)
    options = (await web.client.post(f"{KEYS}/register/options", headers=headers)).json()
    assert [item["id"] for item in options["excludeCredentials"]] == [first.id]
    assert options["rp"] == {"name": "Nudge", "id": "nudge.example.org"}
    second = SoftAuthenticator(PUBLIC)
    added = await _register(web, ana, second)
    assert added["status"] == 201
    assert second.user_handle == first.user_handle  # one account, one user handle
    again = await _register(web, ana, first)  # the same credential a second time
    assert again["status"] == 400
    assert again["detail"]["code"] == "passkey_refused"


async def test_a_signature_count_that_goes_back_is_refused(web: AccountWeb) -> None:
    ana = await person(web.services, ANA)
    device = SoftAuthenticator(PUBLIC)
    await _register(web, ana, device)
    assert await _authenticate(
        web, device.get(await _sign_in_options(web), rp_id=PARTY.id, count=5)
    )
    cloned = device.get(await _sign_in_options(web), rp_id=PARTY.id, count=3)
    assert await _authenticate(web, cloned) is None
    same = device.get(await _sign_in_options(web), rp_id=PARTY.id, count=5)
    assert await _authenticate(web, same) is None
    assert await _authenticate(web, device.get(await _sign_in_options(web), rp_id=PARTY.id)) == ana


async def test_a_challenge_is_good_once_and_for_five_minutes(
    web: AccountWeb, clock: FakeClock
) -> None:
    ana = await person(web.services, ANA)
    device = SoftAuthenticator(PUBLIC)
    await _register(web, ana, device)
    answer = device.get(await _sign_in_options(web), rp_id=PARTY.id)
    assert await _authenticate(web, answer) == ana
    replayed = device.get({"challenge": _challenge_of(answer)}, rp_id=PARTY.id)
    assert await _authenticate(web, replayed) is None  # a fresh count, a spent challenge
    late = device.get(await _sign_in_options(web), rp_id=PARTY.id)
    clock.advance(minutes=5)
    assert await _authenticate(web, late) is None
    headers = await bearer_for(web.services, ana)
    options = (await web.client.post(f"{KEYS}/register/options", headers=headers)).json()
    clock.advance(minutes=5, seconds=1)
    expired = SoftAuthenticator(PUBLIC).create(options)
    refused = await web.client.post(
        f"{KEYS}/register/verify", json={"credential": expired}, headers=headers
    )
    assert refused.status_code == 400
    await _sign_in_options(web)  # making one sweeps the expired ones
    async with web.services.db.transaction() as session:
        assert await session.scalar(select(func.count()).select_from(WebauthnChallenge)) == 1


async def test_an_answer_from_another_origin_or_site_is_refused(web: AccountWeb) -> None:
    ana = await person(web.services, ANA)
    headers = await bearer_for(web.services, ana)
    options = (await web.client.post(f"{KEYS}/register/options", headers=headers)).json()
    phishing = SoftAuthenticator("https://nudge.example.org.evil.test").create(options)
    refused = await web.client.post(
        f"{KEYS}/register/verify", json={"credential": phishing}, headers=headers
    )
    assert refused.status_code == 400
    device = SoftAuthenticator(PUBLIC)
    await _register(web, ana, device)
    other_site = device.get(await _sign_in_options(web), rp_id="evil.test")
    assert await _authenticate(web, other_site) is None
    assert await _authenticate(web, {"id": "x", "response": {}}) is None  # malformed
    options = await _sign_in_options(web)
    unknown = SoftAuthenticator(PUBLIC)
    unknown.user_handle = device.user_handle
    assert await _authenticate(web, unknown.get(options, rp_id=PARTY.id)) is None


async def test_a_second_person_can_neither_use_nor_remove_the_firsts(web: AccountWeb) -> None:
    ana, ben = await person(web.services, ANA), await person(web.services, BEN)
    anas, bens = await bearer_for(web.services, ana), await bearer_for(web.services, ben)
    added = await _register(web, ana, SoftAuthenticator(PUBLIC))
    assert (await web.client.get(KEYS, headers=bens)).json() == []
    gone = await web.client.delete(f"{KEYS}/{added['id']}", headers=bens)
    assert gone.status_code == 404
    assert gone.json()["detail"]["code"] == "passkey_not_found"
    options = (await web.client.post(f"{KEYS}/register/options", headers=anas)).json()
    stolen = SoftAuthenticator(PUBLIC).create(options)  # Ana's challenge, answered for Ben
    refused = await web.client.post(
        f"{KEYS}/register/verify", json={"credential": stolen}, headers=bens
    )
    assert refused.status_code == 400
    assert len((await web.client.get(KEYS, headers=anas)).json()) == 1
    removed = await web.client.delete(f"{KEYS}/{added['id']}", headers=anas)
    assert removed.status_code == 204
    assert (await web.client.get(KEYS, headers=anas)).json() == []
    async with web.services.db.transaction() as session:
        assert (await audit.entries(session, user_id=ana))[0].action == "passkey_removed"


async def test_the_passkey_pages_need_a_persons_token(web: AccountWeb) -> None:
    assert (await web.client.get(KEYS)).status_code == 401
    assert (await web.client.post(f"{KEYS}/register/options")).status_code == 401
    assert (await web.client.delete(f"{KEYS}/1")).status_code == 401
