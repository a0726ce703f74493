"""Sessions: refresh tokens rotate, a reused one ends the family, signing out is immediate.

Through the whole app on SQLite and PostgreSQL, with the fake clock: access tokens are
checked against their session on every request, so a revoked or expired session is 401
while its access token is still signed for minutes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from nudge.accounts import audit
from nudge.clock import FakeClock
from nudge.store.account_tables import AuthSession
from nudge.web.auth.cookies import CSRF_COOKIE
from tests.integration.sign_in_web import ANA, Web, bearer, sign_in_web
from tests.web_auth import sign_in_as

REFRESH = "/api/v1/auth/refresh"
SESSIONS = "/api/v1/auth/sessions"


@pytest.fixture
async def web(database_url: str, clock: FakeClock) -> AsyncIterator[Web]:
    async with sign_in_web(database_url, clock) as served:
        yield served


async def _signed_in(web: Web) -> tuple[int, dict[str, Any]]:
    """Ana, signed in by texted code: her id, and the tokens."""
    user_id = await web.person(ANA)
    answer = await web.sign_in(ANA)
    assert answer.status_code == 200
    body: dict[str, Any] = answer.json()
    return user_id, body


async def _works(web: Web, access: str) -> bool:
    status = (await web.browser.get(SESSIONS, headers=bearer(access))).status_code
    assert status in (200, 401)
    return status == 200


async def _actions(web: Web, user_id: int) -> list[str]:
    async with web.services.db.sessions() as session:
        return [entry.action for entry in await audit.entries(session, user_id=user_id)]


async def test_a_refresh_rotates_both_tokens_and_keeps_the_session(
    web: Web, clock: FakeClock
) -> None:
    _, first = await _signed_in(web)
    clock.advance(minutes=16)
    assert not await _works(web, first["access_token"])  # 15 minutes
    answer = await web.browser.post(REFRESH, json={"refresh_token": first["refresh_token"]})
    assert answer.status_code == 200
    second = answer.json()
    assert second["session_id"] == first["session_id"]
    assert second["refresh_token"] != first["refresh_token"]
    assert await _works(web, second["access_token"])


async def test_a_reused_refresh_token_ends_the_whole_family(web: Web) -> None:
    user_id, first = await _signed_in(web)
    rotated = await web.browser.post(REFRESH, json={"refresh_token": first["refresh_token"]})
    second = rotated.json()
    reuse = await web.browser.post(REFRESH, json={"refresh_token": first["refresh_token"]})
    assert reuse.status_code == 401
    assert reuse.json()["reason"] == "signed_out"
    assert not await _works(web, second["access_token"])  # signed for 15 minutes, yet 401
    newest = await web.browser.post(REFRESH, json={"refresh_token": second["refresh_token"]})
    assert newest.status_code == 401
    assert "refresh_reused" in await _actions(web, user_id)


async def test_a_session_lives_seven_days_from_its_last_refresh(web: Web, clock: FakeClock) -> None:
    _, first = await _signed_in(web)
    clock.advance(days=6)
    kept = await web.browser.post(REFRESH, json={"refresh_token": first["refresh_token"]})
    assert kept.status_code == 200
    clock.advance(days=6, hours=23)
    token = kept.json()["refresh_token"]
    later = await web.browser.post(REFRESH, json={"refresh_token": token})
    assert later.status_code == 200  # 12 days in: it slid
    clock.advance(days=7)
    late = await web.browser.post(REFRESH, json={"refresh_token": later.json()["refresh_token"]})
    assert late.status_code == 401


async def test_a_session_expired_is_401_though_its_access_token_is_still_signed(
    web: Web, clock: FakeClock
) -> None:
    user_id = await web.person(ANA)
    signed = await sign_in_as(web.services, user_id)
    async with web.services.db.transaction() as session:  # its seventh day ends in a minute
        row = await session.get_one(AuthSession, signed.session_id)
        row.expires_at = clock.now() + timedelta(minutes=1)
    assert await _works(web, signed.access_token)
    clock.advance(minutes=1)
    assert not await _works(web, signed.access_token)  # signed for 14 more minutes


async def test_signing_out_ends_this_session_at_once_and_no_other(web: Web) -> None:
    user_id = await web.person(ANA)
    here = await sign_in_as(web.services, user_id)
    there = await sign_in_as(web.services, user_id)
    out = await web.browser.post("/api/v1/auth/sign-out", headers=bearer(here.access_token))
    assert out.status_code == 204
    assert not await _works(web, here.access_token)
    assert await _works(web, there.access_token)
    refreshed = await web.browser.post(REFRESH, json={"refresh_token": here.refresh_token})
    assert refreshed.status_code == 401
    assert (await _actions(web, user_id))[0] == "sign_out"


async def test_signing_out_everywhere_ends_every_session(web: Web) -> None:
    user_id = await web.person(ANA)
    mine = [await sign_in_as(web.services, user_id) for _ in range(3)]
    listed = await web.browser.get(SESSIONS, headers=bearer(mine[0].access_token))
    assert len(listed.json()["sessions"]) == 3
    assert [s["current"] for s in listed.json()["sessions"]].count(True) == 1
    out = await web.browser.post(
        "/api/v1/auth/sign-out-everywhere", headers=bearer(mine[1].access_token)
    )
    assert out.json() == {"signed_out": 3}
    assert [await _works(web, signed.access_token) for signed in mine] == [False] * 3
    assert (await _actions(web, user_id))[0] == "sign_out_everywhere"


async def test_a_browser_refreshes_by_cookie_with_its_csrf_token(web: Web) -> None:
    await web.person(ANA)
    signed = await web.sign_in(ANA, cookie=True)
    assert signed.json()["access_token"] is None  # in HttpOnly cookies, not for the page
    without = await web.browser.post(REFRESH)
    assert without.status_code == 403
    csrf = web.browser.cookies[CSRF_COOKIE]
    refreshed = await web.browser.post(REFRESH, headers={"X-CSRF-Token": csrf})
    assert refreshed.status_code == 200
    assert refreshed.json()["refresh_token"] is None
    assert "nudge_refresh=" in refreshed.headers["set-cookie"]
    assert (await web.browser.get(SESSIONS)).status_code == 200


async def test_the_operator_token_is_no_person_to_sign_out(
    database_url: str, clock: FakeClock
) -> None:
    async with sign_in_web(database_url, clock, api_token="operator-secret-token") as web:
        answer = await web.browser.post(
            "/api/v1/auth/sign-out", headers=bearer("operator-secret-token")
        )
        assert answer.status_code == 403
