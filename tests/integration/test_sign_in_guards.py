"""The guards of signing in: the lockout, admins' second factor, CSRF, cookie flags, logs.

Through the whole app on SQLite and PostgreSQL with the fake clock; the second factor is a
small fake (``FakeSecondFactors``) behind the ``SecondFactors`` protocol.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import pytest
import structlog
from fastapi import Depends
from sqlalchemy import update

from nudge.accounts import audit
from nudge.accounts.roles import Scope
from nudge.clock import FakeClock
from nudge.observability.logging import configure_logging
from nudge.store.roles import Role
from nudge.store.tables import User
from nudge.web.auth.cookies import CSRF_COOKIE
from nudge.web.auth.principal import Principal, require
from tests.integration.sign_in_web import (
    ANA,
    STRANGER,
    FakeSecondFactors,
    Web,
    bearer,
    sign_in_web,
)
from tests.web_auth import access_token_for

VERIFY = "/api/v1/auth/sms-code/verify"
SECOND = "/api/v1/auth/second-factor"
ADMIN_PAGE = "/test/admin"


@pytest.fixture
async def factors() -> FakeSecondFactors:
    return FakeSecondFactors()


@pytest.fixture
async def web(
    database_url: str, clock: FakeClock, factors: FakeSecondFactors
) -> AsyncIterator[Web]:
    async with sign_in_web(database_url, clock, factors=factors) as served:

        @served.app.get(ADMIN_PAGE)
        async def admin_only(
            principal: Annotated[Principal, Depends(require(Scope.ADMIN_READ))],
        ) -> dict[str, str]:
            return {"ok": "admin"}

        yield served


async def _wrong(web: Web, phone: str = ANA) -> int:
    answer = await web.browser.post(VERIFY, json={"phone": phone, "code": "000000"})
    return answer.status_code


async def _make_admin(web: Web, user_id: int) -> None:
    async with web.services.db.transaction() as session:
        await session.execute(update(User).where(User.id == user_id).values(role=Role.ADMIN))


# --- the lockout ---


async def test_five_wrong_codes_pause_signing_in_for_fifteen_minutes(
    web: Web, clock: FakeClock
) -> None:
    user_id = await web.person(ANA)
    assert [await _wrong(web) for _ in range(5)] == [401] * 5
    code = await web.texted_code(ANA)  # even the right code waits
    paused = await web.browser.post(VERIFY, json={"phone": ANA, "code": code})
    assert paused.status_code == 429
    body = paused.json()
    assert body["reason"] == "paused"
    assert body["retry_after_seconds"] == 900 == int(paused.headers["Retry-After"])
    assert body["detail"] == (
        "Too many tries. For your safety, signing in is paused for 15 min. "
        "Texting LOGIN to Nudge still works."
    )
    clock.advance(minutes=14, seconds=59)
    assert (await web.browser.post(VERIFY, json={"phone": ANA, "code": code})).status_code == 429
    clock.advance(seconds=1)
    assert (await web.sign_in(ANA)).status_code == 200  # (that code expired meanwhile)
    async with web.services.db.sessions() as session:
        actions = [entry.action for entry in await audit.entries(session, user_id=user_id)]
    assert actions == ["sign_in", "locked_out", *["sign_in_failed"] * 5]


async def test_a_stranger_s_number_is_paused_alike(web: Web) -> None:
    assert [await _wrong(web, STRANGER) for _ in range(6)] == [401] * 5 + [429]


async def test_tries_spread_over_more_than_fifteen_minutes_do_not_pause(
    web: Web, clock: FakeClock
) -> None:
    await web.person(ANA)
    for _ in range(4):
        assert await _wrong(web) == 401
        clock.advance(minutes=4)
    assert await _wrong(web) == 401  # five within 16 minutes, not within 15
    assert await _wrong(web) == 401  # the last five now are (within 12): paused from here
    assert await _wrong(web) == 429


async def test_a_sign_in_starts_the_count_over(web: Web) -> None:
    await web.person(ANA)
    for _ in range(4):
        await _wrong(web)
    assert (await web.sign_in(ANA)).status_code == 200
    assert [await _wrong(web) for _ in range(4)] == [401] * 4


async def test_texting_login_still_works_while_paused(web: Web) -> None:
    await web.person(ANA)
    for _ in range(5):
        await _wrong(web)
    assert await _wrong(web) == 429
    token = await web.texted_link(ANA)
    await web.browser.get(f"/api/v1/auth/link/{token}")
    csrf = web.browser.cookies[CSRF_COOKIE]
    pressed = await web.browser.post(f"/api/v1/auth/link/{token}", data={"csrf_token": csrf})
    assert (pressed.status_code, pressed.headers["location"]) == (303, "/app")
    assert await _wrong(web) == 401  # the way back cleared the pause


# --- a second factor, and admins ---


async def test_an_admin_without_a_second_factor_gets_a_person_s_scopes_only(web: Web) -> None:
    user_id = await web.person(ANA)
    await _make_admin(web, user_id)
    signed = (await web.sign_in(ANA)).json()
    assert signed["second_factor_required"] is False
    headers = bearer(signed["access_token"])
    assert (await web.browser.get(ADMIN_PAGE, headers=headers)).status_code == 403
    assert (await web.browser.get("/api/v1/auth/sessions", headers=headers)).status_code == 200


async def test_with_a_second_factor_an_admin_has_the_admin_scopes(
    web: Web, factors: FakeSecondFactors
) -> None:
    user_id = await web.person(ANA)
    await _make_admin(web, user_id)
    factors.enrolled_ids.add(user_id)
    first = (await web.sign_in(ANA)).json()
    assert first["second_factor_required"] is True
    wrong = await web.browser.post(SECOND, json={"ticket": first["ticket"], "code": "271828"})
    assert wrong.status_code == 401
    passed = await web.browser.post(SECOND, json={"ticket": first["ticket"], "code": "314159"})
    assert passed.status_code == 200
    headers = bearer(passed.json()["access_token"])
    assert (await web.browser.get(ADMIN_PAGE, headers=headers)).json() == {"ok": "admin"}
    again = await web.browser.post(SECOND, json={"ticket": first["ticket"], "code": "314159"})
    assert again.status_code == 401  # a ticket works once
    sessions = (await web.browser.get("/api/v1/auth/sessions", headers=headers)).json()
    assert sessions["sessions"][0]["second_factor"] is True


async def test_wrong_second_factors_end_the_ticket_and_count_toward_the_pause(
    web: Web, factors: FakeSecondFactors
) -> None:
    user_id = await web.person(ANA)
    factors.enrolled_ids.add(user_id)
    ticket = (await web.sign_in(ANA)).json()["ticket"]
    codes = ["1", "2", "3", "4", "5"]
    answers = [await web.browser.post(SECOND, json={"ticket": ticket, "code": c}) for c in codes]
    assert [a.status_code for a in answers] == [401] * 5
    paused = await web.browser.post(SECOND, json={"ticket": ticket, "code": "314159"})
    assert paused.status_code == 401  # the ticket died at its fifth wrong try
    fresh = await web.texted_link(ANA)  # the link still works as a first factor ...
    await web.browser.get(f"/api/v1/auth/link/{fresh}")
    csrf = web.browser.cookies[CSRF_COOKIE]
    pressed = await web.browser.post(f"/api/v1/auth/link/{fresh}", data={"csrf_token": csrf})
    assert pressed.headers["location"] == "/app?second_factor=required"
    held = await web.browser.post(SECOND, json={"code": "314159"})  # ... the ticket cookie
    assert held.status_code == 429  # ... but the second factor stays paused
    assert factors.asked == [user_id] * 5  # no guess was checked while paused


# --- CSRF and cookies ---


async def test_a_cookie_signed_post_needs_the_csrf_token_and_a_bearer_one_does_not(
    web: Web,
) -> None:
    await web.person(ANA)
    assert (await web.sign_in(ANA, cookie=True)).status_code == 200
    no_token = await web.browser.post("/api/v1/auth/sign-out-everywhere")
    assert no_token.status_code == 403
    wrong = await web.browser.post(
        "/api/v1/auth/sign-out-everywhere", headers={"X-CSRF-Token": "not-it"}
    )
    assert wrong.status_code == 403
    csrf = web.browser.cookies[CSRF_COOKIE]
    right = await web.browser.post("/api/v1/auth/sign-out", headers={"X-CSRF-Token": csrf})
    assert right.status_code == 204
    user_id = await web.person(ANA)
    token = await access_token_for(web.services, user_id)
    web.browser.cookies.clear()
    by_bearer = await web.browser.post("/api/v1/auth/sign-out", headers=bearer(token))
    assert by_bearer.status_code == 204


async def test_the_csrf_token_may_come_as_a_form_field(web: Web) -> None:
    await web.person(ANA)
    await web.sign_in(ANA, cookie=True)
    csrf = web.browser.cookies[CSRF_COOKIE]
    out = await web.browser.post("/api/v1/auth/sign-out", data={"csrf_token": csrf})
    assert out.status_code == 204
    assert (await web.browser.get("/api/v1/auth/sessions")).status_code == 401


def _cookie_lines(header_lines: list[str]) -> dict[str, str]:
    return {line.split("=", 1)[0]: line.lower() for line in header_lines}


async def test_cookies_are_httponly_lax_and_secure_over_https(web: Web) -> None:
    await web.person(ANA)
    answer = await web.sign_in(ANA, cookie=True)
    lines = _cookie_lines(answer.headers.get_list("set-cookie"))
    for name in ("nudge_access", "nudge_refresh"):
        assert "httponly" in lines[name]
        assert "samesite=lax" in lines[name]
        assert "secure" in lines[name]
    assert "path=/api/v1/auth" in lines["nudge_refresh"]
    assert "httponly" not in lines["nudge_csrf"]  # the page reads it


async def test_over_the_embedded_http_default_cookies_are_not_secure(
    database_url: str, clock: FakeClock
) -> None:
    async with sign_in_web(database_url, clock, public_url="http://127.0.0.1:8000") as web:
        await web.person(ANA)
        answer = await web.sign_in(ANA, cookie=True)
        lines = _cookie_lines(answer.headers.get_list("set-cookie"))
    assert all("secure" not in line for line in lines.values())
    assert "httponly" in lines["nudge_access"]


# --- nothing secret in the logs ---


async def test_no_code_token_or_number_reaches_the_logs(
    web: Web, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(level="INFO", json=True)
    try:
        await web.person(ANA)
        code = await web.texted_code(ANA)
        signed = (await web.browser.post(VERIFY, json={"phone": ANA, "code": code})).json()
        token = await web.texted_link(ANA)
    finally:
        structlog.reset_defaults()
    logged = capsys.readouterr().err
    assert "inbound.handled" in logged  # the logs were captured
    for secret in (code, token, signed["access_token"], signed["refresh_token"], ANA):
        assert secret not in logged
