"""The optional email and password, through the app on SQLite and PostgreSQL.

Set with a fresh sign-in, changed with the current password, refused with kind reasons in
the person's language, looked up by email for sign-in (any case), rehashed when old.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from pwdlib.hashers.argon2 import Argon2Hasher
from sqlalchemy import select

from nudge.accounts import audit, credentials
from nudge.clock import FakeClock
from nudge.store.account_tables import PasswordCredential
from tests.integration.account_web import AccountWeb, account_web, person
from tests.web_auth import bearer_for

GOOD = "a few words that are mine"
ANA = "+15145550101"


@pytest.fixture
async def web(database_url: str, clock: FakeClock) -> AsyncIterator[AccountWeb]:
    async with account_web(database_url, clock) as served:
        yield served


async def _put(client: httpx.AsyncClient, headers: dict[str, str], **body: str) -> httpx.Response:
    return await client.put("/api/v1/me/password", json=body, headers=headers)


async def test_a_first_password_needs_a_fresh_sign_in(web: AccountWeb, clock: FakeClock) -> None:
    services, client = web.services, web.client
    ana = await person(services, ANA)
    stale = await bearer_for(services, ana)
    clock.advance(minutes=11)  # the session was opened 11 minutes ago; its token still works
    refused = await _put(client, stale, email="ana@example.org", password=GOOD)
    assert refused.status_code == 403
    assert refused.json()["detail"]["code"] == "fresh_sign_in_needed"
    headers = await bearer_for(services, ana)  # signed in again, just now
    assert (
        await _put(client, headers, email=" Ana@Example.ORG ", password=GOOD)
    ).status_code == 204
    shown = (await client.get("/api/v1/me/password", headers=stale)).json()
    assert shown["email"] == "ana@example.org"
    assert shown["set_at"] is not None
    async with services.db.transaction() as session:
        (entry,) = await audit.entries(session, user_id=ana, limit=1)
        stored = await session.scalar(select(PasswordCredential.password_hash))
    assert (entry.action, entry.detail) == ("password_set", {"first": True})
    assert stored is not None
    assert GOOD not in stored
    assert stored.startswith("$argon2id$")


async def test_changing_it_needs_the_current_one_once_the_sign_in_is_old(
    web: AccountWeb, clock: FakeClock
) -> None:
    services, client = web.services, web.client
    headers = await bearer_for(services, await person(services, ANA))
    await _put(client, headers, email="ana@example.org", password=GOOD)
    clock.advance(minutes=11)
    new = "another set of my words"
    wrong = await _put(
        client, headers, email="ana@example.org", password=new, current_password="not it at all"
    )
    missing = await _put(client, headers, email="ana@example.org", password=new)
    assert [wrong.status_code, missing.status_code] == [403, 403]
    assert wrong.json()["detail"]["code"] == "current_password_wrong"
    changed = await _put(
        client, headers, email="ana@example.org", password=new, current_password=GOOD
    )
    assert changed.status_code == 204
    async with services.db.transaction() as session:
        assert await credentials.check_password(session, email="ana@example.org", password=new)
        assert not await credentials.check_password(session, email="ana@example.org", password=GOOD)


async def test_a_weak_password_is_refused_kindly_in_the_persons_language(
    web: AccountWeb,
) -> None:
    services, client = web.services, web.client
    headers = await bearer_for(services, await person(services, ANA, locale="fr"))
    refused = await _put(client, headers, email="ana@example.org", password="5550101")
    assert refused.status_code == 400
    detail = refused.json()["detail"]
    assert detail["code"] == "password_weak"
    assert [item["code"] for item in detail["problems"]] == [
        "password_too_short",
        "password_has_phone",
    ]
    assert detail["problems"][0]["message"].startswith("Mettez au moins 12 caractères")
    common = await _put(client, headers, email="ana@example.org", password="Password2024!!")
    assert [item["code"] for item in common.json()["detail"]["problems"]] == ["password_common"]
    mine = await _put(client, headers, email="ana@example.org", password="ana loves long walks")
    assert [item["code"] for item in mine.json()["detail"]["problems"]] == ["password_has_email"]
    assert (await client.get("/api/v1/me/password", headers=headers)).json()["email"] is None


async def test_an_email_belongs_to_one_person(web: AccountWeb) -> None:
    services, client = web.services, web.client
    ana, ben = await person(services, ANA), await person(services, "+15145550102")
    await _put(client, await bearer_for(services, ana), email="ana@example.org", password=GOOD)
    taken = await _put(
        client,
        await bearer_for(services, ben),
        email="ANA@example.org",
        password="bens own long words",
    )
    assert taken.status_code == 409
    assert taken.json()["detail"]["code"] == "email_taken"
    bad = await _put(
        client, await bearer_for(services, ben), email="ben@nowhere", password="bens own long words"
    )
    assert bad.status_code == 400
    assert bad.json()["detail"]["code"] == "email_invalid"


async def test_sign_in_finds_the_person_by_email_and_upgrades_an_old_hash(
    web: AccountWeb,
) -> None:
    services = web.services
    ana = await person(services, ANA)
    old = Argon2Hasher(time_cost=1, memory_cost=8192, parallelism=1).hash(GOOD)
    async with services.db.transaction() as session:
        now = services.clock.now()
        session.add(
            PasswordCredential(
                user_id=ana, email="ana@example.org", password_hash=old, set_at=now, created_at=now
            )
        )
    async with services.db.transaction() as session:
        assert await credentials.find_by_email(session, email="  ANA@example.org") == ana
        assert await credentials.find_by_email(session, email="nobody@example.org") is None
        assert await credentials.check_password(session, email="nobody@example.org",
                                                password=GOOD) is None  # fmt: skip
        assert await credentials.check_password(session, email="ana@example.org",
                                                password="wrong") is None  # fmt: skip
        assert await credentials.check_password(session, email="Ana@Example.org",
                                                password=GOOD) == ana  # fmt: skip
    async with services.db.transaction() as session:
        upgraded = await session.scalar(select(PasswordCredential.password_hash))
    assert upgraded is not None
    assert upgraded != old
    assert "m=65536" in upgraded


async def test_the_operator_and_strangers_get_no_password_page(
    web: AccountWeb,
) -> None:
    client = web.client
    assert (await client.get("/api/v1/me/password")).status_code == 401
    response = await client.put("/api/v1/me/password", json={"email": "a@b.c", "password": "x"})
    assert response.status_code == 401
