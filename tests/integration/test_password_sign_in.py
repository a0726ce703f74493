"""Signing in with an email and password, on SQLite and PostgreSQL, through the whole app.

A right pair opens a session (or owes the second factor when TOTP is on), a wrong one is
refused as an unknown email is, five misses pause the person's sign-in for 15 minutes by the
clock, and the texted code still works once the pause has run out.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pyotp
import pytest

from nudge.accounts import audit, credentials
from nudge.clock import FakeClock
from tests.integration.account_web import person
from tests.integration.sign_in_web import ANA, Web, bearer, sign_in_web
from tests.web_auth import bearer_for

EMAIL, GOOD = "ana@example.org", "a few words that are mine"


@pytest.fixture
async def web(database_url: str, clock: FakeClock) -> AsyncIterator[Web]:
    async with sign_in_web(database_url, clock) as served:
        user_id = await person(served.services, ANA)
        async with served.services.db.transaction() as session:
            await credentials.set_password(
                session, user_id=user_id, email=EMAIL, password=GOOD, current_password=None,
                fresh_sign_in=True, now=clock.now(),
            )  # fmt: skip
        yield served


async def _password(web: Web, email: str = EMAIL, password: str = GOOD) -> httpx.Response:
    return await web.browser.post(
        "/api/v1/auth/password", json={"email": email, "password": password}
    )


async def test_a_right_email_and_password_open_a_session(web: Web) -> None:
    answer = await _password(web, email=" Ana@Example.ORG ")
    assert answer.status_code == 200, answer.text
    me = await web.browser.get(
        "/api/v1/auth/sessions", headers=bearer(answer.json()["access_token"])
    )
    assert me.status_code == 200
    assert [row["method"] for row in me.json()["sessions"]] == ["password"]


async def test_a_wrong_password_and_an_unknown_email_are_refused_alike(web: Web) -> None:
    wrong, stranger = (
        await _password(web, password="not it at all"),
        await _password(web, email="who@example.org"),
    )
    assert wrong.status_code == stranger.status_code == 401
    assert wrong.json()["detail"] == stranger.json()["detail"]
    async with web.services.db.transaction() as session:
        (entry,) = await audit.entries(session, user_id=await person(web.services, ANA), limit=1)
    assert (entry.action, entry.detail) == ("sign_in_failed", {"method": "password"})


async def test_five_misses_pause_signing_in_for_fifteen_minutes(web: Web, clock: FakeClock) -> None:
    for _ in range(5):
        assert (await _password(web, password="guess guess guess")).status_code == 401
    paused = await _password(web)
    assert paused.status_code == 429
    clock.advance(minutes=15)
    assert (await _password(web)).status_code == 200


async def test_with_totp_on_the_password_owes_the_second_factor(web: Web, clock: FakeClock) -> None:
    headers = await bearer_for(web.services, await person(web.services, ANA))
    started = (await web.browser.post("/api/v1/me/mfa/totp/start", headers=headers)).json()
    totp = pyotp.TOTP(started["secret"])
    await web.browser.post(
        "/api/v1/me/mfa/totp/confirm", json={"code": totp.at(clock.now())}, headers=headers
    )
    clock.advance(seconds=30)
    owed = (await _password(web)).json()
    assert owed["second_factor_required"] is True
    done = await web.browser.post(
        "/api/v1/auth/second-factor", json={"ticket": owed["ticket"], "code": totp.at(clock.now())}
    )
    assert done.status_code == 200, done.text
