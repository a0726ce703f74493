"""Signing in on the dashboard's pages, on SQLite and PostgreSQL, through the whole app.

The phone, the code texted through the outbox (delivered by the simulator), a second
factor when one is enrolled, the cookies, sign out; and a session that continues when its
15-minute access token runs out (the refresh, from the page).
"""

from __future__ import annotations

import re
from datetime import datetime

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.web.auth.principal import ACCESS_COOKIE
from tests.integration.dashboard_web import browser
from tests.phone import TestPhone

PHONE = "+15145550001"


async def _texted_code(phone: TestPhone) -> str:
    [text] = await phone.inbox()
    found = re.search(r"\b(\d{6})\b", text)
    assert found is not None, text
    return found.group(1)


async def _ask_code(client: httpx.AsyncClient) -> httpx.Response:
    await client.get("/app/sign-in")
    return await client.post("/app/sign-in", data={"phone": "+1 514 555 0001"})


async def test_phone_then_texted_code_then_today(services: Services) -> None:
    phone = TestPhone(services, PHONE)
    await phone.ask("hello there")
    async with browser(services) as client:
        asked = await _ask_code(client)
        assert asked.status_code == 303
        assert asked.headers["location"] == "/app/sign-in/code"
        code_page = await client.get("/app/sign-in/code")
        assert "+1514*****01" in code_page.text
        assert PHONE not in code_page.text
        wrong = await client.post("/app/sign-in/code", data={"code": "000000"})
        assert wrong.status_code == 401
        assert "That code doesn&#39;t match" in wrong.text
        signed = await client.post("/app/sign-in/code", data={"code": await _texted_code(phone)})
        assert signed.status_code == 303
        assert signed.headers["location"] == "/app"
        assert client.cookies.get(ACCESS_COOKIE)
        today = await client.get("/app")
        assert today.status_code == 200
        assert "<h1>Today</h1>" in today.text
        out = await client.post("/app/sign-out")
        assert out.headers["location"] == "/app/sign-in"
        after = await client.get("/app")
    assert after.status_code == 303  # the session ended: signed out at once


async def test_a_stranger_gets_the_same_answer_and_no_text(services: Services) -> None:
    async with browser(services) as client:
        asked = await _ask_code(client)
        code_page = await client.get("/app/sign-in/code")
    assert asked.status_code == 303
    assert "If +1514*****01 uses Nudge, a 6-digit code is on its way." in code_page.text
    assert await TestPhone(services, PHONE).inbox() == []


async def test_what_is_not_a_phone_number_is_said_kindly(services: Services) -> None:
    async with browser(services) as client:
        await client.get("/app/sign-in")
        asked = await client.post("/app/sign-in", data={"phone": "12"})
        no_csrf = await client.post(
            "/app/sign-in", data={"phone": PHONE}, headers={"X-CSRF-Token": "forged"}
        )
    assert asked.status_code == 422
    assert "That doesn&#39;t look like a phone number." in asked.text
    assert no_csrf.status_code == 403


class OneSecondFactor:
    """A person with a second factor whose code is always 424242 (the TOTP is another's)."""

    async def enrolled(self, session: AsyncSession, *, user_id: int) -> bool:
        return True

    async def verify(
        self, session: AsyncSession, *, user_id: int, code: str, now: datetime
    ) -> bool:
        return code == "424242"


async def test_a_second_factor_when_one_is_enrolled(services: Services) -> None:
    services.second_factors = OneSecondFactor()
    phone = TestPhone(services, PHONE)
    await phone.ask("hello there")
    async with browser(services) as client:
        await _ask_code(client)
        passed = await client.post("/app/sign-in/code", data={"code": await _texted_code(phone)})
        assert passed.headers["location"] == "/app/sign-in/second-factor"
        assert not client.cookies.get(ACCESS_COOKIE)
        step = await client.get("/app/sign-in/second-factor")
        assert "authenticator app" in step.text
        wrong = await client.post("/app/sign-in/second-factor", data={"code": "111111"})
        assert wrong.status_code == 401
        signed = await client.post("/app/sign-in/second-factor", data={"code": "424242"})
        today = await client.get("/app")
    assert signed.headers["location"] == "/app"
    assert today.status_code == 200


@pytest.mark.parametrize("htmx", [False, True])
async def test_an_expired_access_token_continues_the_session(
    services: Services, clock: FakeClock, htmx: bool
) -> None:
    phone = TestPhone(services, PHONE)
    await phone.ask("hello there")
    async with browser(services) as client:
        await _ask_code(client)
        await client.post("/app/sign-in/code", data={"code": await _texted_code(phone)})
        await client.get("/app")  # where sign-in lands: the browser is known to have a session
        clock.advance(minutes=16)  # the access token has expired, the session has not
        headers = {"HX-Request": "true"} if htmx else {}
        stale = await client.get("/app/todos", headers=headers)
        if htmx:
            assert stale.headers["HX-Refresh"] == "true"  # htmx reloads: then as below
            stale = await client.get("/app/todos")
        assert stale.status_code == 200
        assert 'action="/api/v1/auth/dashboard"' in stale.text
        assert 'name="back" value="/app/todos"' in stale.text
        continued = await client.post("/api/v1/auth/dashboard", data={"back": "/app/todos"})
        assert continued.headers["location"] == "/app/todos"
        page = await client.get("/app/todos")
    assert page.status_code == 200
    assert "<h1>Your list</h1>" in page.text


async def test_a_browser_that_never_signed_in_goes_to_sign_in(services: Services) -> None:
    async with browser(services) as client:
        await client.get("/app/sign-in")  # a page of the dashboard seen, but no session
        page = await client.get("/app")
        continued = await client.post("/api/v1/auth/dashboard", data={"back": "/app"})
    assert page.headers["location"] == "/app/sign-in"
    assert continued.headers["location"] == "/app/sign-in"


async def test_a_texted_link_then_the_second_factor_on_the_dashboard(services: Services) -> None:
    services.second_factors = OneSecondFactor()
    phone = TestPhone(services, PHONE)
    await phone.ask("hello there")
    [link] = re.findall(r"https?://\S+/api/v1/auth/link/\S+", await phone.ask("login"))
    path = "/" + link.split("/", 3)[3]
    async with browser(services) as client:
        await client.get(path)  # the link's page (it sets the CSRF cookie it posts back)
        tapped = await client.post(path, data={"csrf_token": client.cookies["nudge_csrf"]})
        assert tapped.headers["location"] == "/app?second_factor=required"
        landed = await client.get(tapped.headers["location"])
        assert landed.headers["location"] == "/app/sign-in/second-factor?via=link"
        step = await client.get(landed.headers["location"])
        assert 'action="/api/v1/auth/dashboard/second-factor"' in step.text
        wrong = await client.post("/api/v1/auth/dashboard/second-factor", data={"code": "1"})
        assert wrong.headers["location"].endswith("&refused=invalid")
        told = await client.get(wrong.headers["location"])
        assert "That code didn&#39;t work" in told.text
        signed = await client.post("/api/v1/auth/dashboard/second-factor", data={"code": "424242"})
        today = await client.get("/app")
    assert signed.headers["location"] == "/app"
    assert today.status_code == 200
